"""Sign-up and application with the keyboard alone: Tab, Enter and Space.

Every control these journeys use must be reachable with Tab and work without a
mouse; no locator here is ever clicked.
"""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from candidates.enums import ApplicationStatus
from candidates.models import Application
from lssc.accounts.models import User
from tests.factories import PASSWORD, UserFactory

from .people import Keyboard, field
from .test_accounts import confirmation_path


def test_the_first_tab_offers_the_skip_link(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_sign_up_and_sign_in_with_the_keyboard(page, mailoutbox):
    keys = Keyboard(page)
    page.goto("/")
    keys.press(page.get_by_role("link", name="Create an account"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    keys.type_into(field(page, "Full name"), "Kim Keyes")
    keys.type_into(field(page, "Email"), "kim@example.org")
    keys.type_into(field(page, "Password"), PASSWORD)
    keys.type_into(field(page, "Password (again)"), PASSWORD)
    keys.press(page.get_by_role("button", name="Create an account"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("Confirm your email address")
    )

    page.goto(confirmation_path(mailoutbox, "kim@example.org"))
    keys.press(page.get_by_role("button", name="Confirm"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    keys.type_into(field(page, "Email"), "kim@example.org")
    keys.type_into(field(page, "Password"), PASSWORD)
    keys.press(page.get_by_role("button", name="Sign in"))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert User.objects.get(email="kim@example.org").emailaddress_set.get().verified


def test_apply_with_the_keyboard(page):
    applicant = UserFactory(email="lee@example.org")
    keys = Keyboard(page)
    page.goto("/accounts/login/")
    keys.type_into(field(page, "Email"), applicant.email)
    keys.type_into(field(page, "Password"), PASSWORD)
    keys.press(page.get_by_role("button", name="Sign in"))

    keys.press(page.get_by_role("link", name="My certification"))
    keys.press(page.get_by_role("button", name="Start my application"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Contact details")
    keys.type_into(field(page, "Phone"), "555-0199")
    keys.type_into(field(page, "Address"), "3 Oak Avenue")
    keys.type_into(field(page, "City"), "Madison")
    keys.type_into(field(page, "State or province"), "WI")
    keys.type_into(field(page, "ZIP or postal code"), "53703")
    keys.press(page.get_by_role("button", name="Save and continue"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Your library")
    keys.type_into(field(page, "Library where you work now"), "Madison Public Library")
    keys.choose(field(page, "Type of library"), "Public")
    keys.type_into(field(page, "Position"), "Library assistant")
    keys.press(page.get_by_role("checkbox", name="ALA member"), "Space")
    keys.type_into(field(page, "ALA member number"), "778899")
    keys.press(page.get_by_role("button", name="Save and continue"))

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Education and library work"
    )
    keys.pick(page.get_by_role("radio", name="GED or equivalent"))
    keys.type_into(field(page, "Library"), "Madison Public Library")
    keys.type_into(field(page, "Position"), "Library assistant")
    started = timezone.localdate() - datetime.timedelta(days=4 * 365)
    keys.date(field(page, "Start date"), started)
    keys.press(page.get_by_role("checkbox", name="I still work here"), "Space")
    keys.type_into(field(page, "Average hours per week"), "30")
    # Enter in a field saves and continues (the first button of the form).
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Review and submit")
    keys.choose(field(page, "How did you hear about the program"), "My state library")
    keys.press(
        page.get_by_role("checkbox", name=re.compile("I have read the program")),
        "Space",
    )
    keys.press(page.get_by_role("button", name="Submit my application"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your application")

    application = Application.objects.get(user=applicant)
    assert application.status == ApplicationStatus.AWAITING_PAYMENT
    assert application.ala_member
    assert application.education == "ged"
