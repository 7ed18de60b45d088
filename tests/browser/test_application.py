"""Applying: an eligible applicant pays by check and is admitted when the program
officer records the check; a short-of-hours applicant is told what is missing."""

import datetime
import re

from django.utils import timezone
from django.utils.dateformat import format as date_format
from playwright.sync_api import expect

from lssc.accounts.roles import StaffGroup
from lssc.core.dates import add_years
from tests.factories import UserFactory, staff_user

from .people import fill_application, sign_in, staff_sign_in


def years_ago(years: int) -> str:
    return (timezone.localdate() - datetime.timedelta(days=365 * years)).isoformat()


def test_apply_pay_by_check_and_be_admitted(open_page, shoot):
    applicant = UserFactory(full_name="Ada Byron", email="ada@example.org")
    officer = staff_user(StaffGroup.PROGRAM_OFFICER, email="officer@example.org")

    page = open_page()
    sign_in(page, applicant.email)
    fill_application(page, started=years_ago(3), shoot=shoot)
    expect(page.get_by_text(re.compile(r"of 1,820 hours"))).to_be_visible()
    page.get_by_label(re.compile("How did you hear")).select_option(
        label="A colleague or friend"
    )
    page.get_by_label(re.compile("I have read the program's policies")).check()
    shoot(page, "apply-review")
    page.get_by_role("button", name="Submit my application").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your application")
    page.get_by_role("radio", name="Check").check()
    page.get_by_role("button", name="Continue to payment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your payment")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How to pay by check")
    shoot(page, "pay-by-check")

    # The check arrives; the program officer records it in the admin.
    desk = open_page()
    staff_sign_in(desk, officer.email)
    desk.get_by_role("row", name=re.compile("^Payments")).get_by_role(
        "link", name="Payments"
    ).click()
    desk.get_by_role("row", name=re.compile("Ada Byron|ada@example.org")).get_by_role(
        "checkbox"
    ).check()
    desk.get_by_role("combobox", name=re.compile("^Action")).select_option(
        label="Record check / purchase order received"
    )
    desk.get_by_role("button", name="Run").click()
    desk.get_by_label("Check number or note").fill("Check 1042")
    desk.get_by_role("button", name="Record payment received").click()
    expect(desk.get_by_text("1 payment recorded as received.")).to_be_visible()

    # The candidate now has a record, with four years to finish.
    page.get_by_role("link", name="My certification").click()
    page.get_by_role("link", name="Your full record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Candidate Achievement Record"
    )
    deadline = add_years(timezone.localdate(), 4)
    expect(page.get_by_text(re.compile("Complete your six sets by"))).to_contain_text(
        date_format(deadline, "F j, Y")
    )
    shoot(page, "car-admitted")


def test_short_of_hours_applicant_sees_what_is_missing(page, shoot):
    applicant = UserFactory(email="sam@example.org")
    sign_in(page, applicant.email)
    # 10 hours a week for a year: about 520 of the 1,820 hours.
    fill_application(page, started=years_ago(1), hours="10")
    expect(page.get_by_text(re.compile(r"\b5[0-9]{2} of 1,820 hours"))).to_be_visible()
    expect(
        page.get_by_role("status").filter(has_text="You cannot submit yet")
    ).to_contain_text(re.compile(r"1,[23]\d\d hours short"))
    expect(page.get_by_role("button", name="Submit my application")).to_be_disabled()
    shoot(page, "apply-short-of-hours")
