"""The program officer from the demo data runs the program: what is waiting, every
report's chart (revenue against the business plan), a date range refused, a mail
template reworded, and the next mail sent in the new words."""

import re
from io import StringIO

from django.core.management import call_command
from playwright.sync_api import expect

from demo.story.accounts import DEMO_PASSWORD, DEMO_TOTP_SECRET
from lssc.notifications.models import OutgoingMail
from lssc.reports.base import _reports

from .people import authenticator_code, field, sign_in


def test_the_program_officer_runs_the_program(open_page, shoot, settings):
    settings.DEBUG = True  # seed_demo refuses to set known passwords otherwise
    call_command("seed_demo", stdout=StringIO())
    settings.DEBUG = False

    officer = open_page()
    sign_in(officer, "officer@demo.lssc.test", DEMO_PASSWORD, start="/staff/")
    field(officer, "Code").fill(authenticator_code(DEMO_TOTP_SECRET))
    officer.get_by_role("button", name="Sign in").click()

    # What is waiting, each with its count.
    expect(officer.get_by_role("heading", level=1)).to_have_text("Work waiting")
    overdue = officer.get_by_role("row", name=re.compile("^Overdue reviews"))
    expect(overdue).to_contain_text(re.compile(r"Overdue reviews\s+[1-9]"))
    shoot(officer, "staff-dashboard")

    # Every report draws its chart, with the table behind it.
    officer.get_by_role("link", name="Reports").click()
    titles = [r.title for r in _reports.values()]
    assert len(titles) == 13
    main = officer.get_by_role("main")
    for title in titles:
        main.get_by_role("link", name=title, exact=True).click()
        expect(officer.get_by_role("heading", level=1)).to_have_text(title)
        chart = officer.get_by_role("img", name=re.compile(re.escape(title)))
        expect(chart).to_be_visible()
        assert chart.locator("rect[height]").count() > 0
        expect(officer.get_by_role("table")).to_be_visible()
        if title == "Revenue":
            # The projection is a dashed line, named in the chart and the legend.
            expect(chart.locator("path[stroke-dasharray]")).to_have_count(1)
            plan = "Business plan: $107,000 a year"
            expect(chart.locator("text", has_text=plan)).to_have_count(1)
            expect(officer.locator("li", has_text=plan)).to_be_visible()
            shoot(officer, "report-revenue")
        officer.get_by_role("navigation", name="Breadcrumb").get_by_role(
            "link", name="Reports"
        ).click()

    # A range that ends before it starts is refused, with a message.
    officer.get_by_role("link", name="Applications and admissions").click()
    officer.get_by_label("From").fill("2026-05-01")
    officer.get_by_label("To").fill("2026-03-01")
    officer.get_by_role("button", name="Show").click()
    expect(officer.get_by_text("The end must not be before the start.")).to_be_visible()

    # The rejection letter, reworded in admin.
    officer.goto("/admin/notifications/mailtemplate/add/?name=application_rejected")
    text = officer.get_by_label("Text")
    wording = text.input_value()
    assert wording.startswith("Your application was not admitted")
    text.fill(wording.replace(
        "Your application was not admitted", "About your LSSC application", 1
    ))  # fmt: skip
    officer.get_by_label("Message").select_option(label="application rejected")
    officer.get_by_role("button", name="Save and continue editing").click()
    expect(officer.get_by_text("About your LSSC application").first).to_be_visible()

    # The next rejection goes out in the new words (the demo's own came before).
    sent_before = OutgoingMail.objects.order_by("-pk").values_list("pk", flat=True)[0]
    officer.goto("/staff/")
    officer.get_by_role("link", name="Applications needing a decision").click()
    waiting = officer.get_by_role("row", name=re.compile("under staff review"))
    waiting.first.get_by_role("checkbox").check()
    officer.get_by_role("combobox", name=re.compile("^Action")).select_option(
        label="Reject, with a reason sent to the applicant"
    )
    officer.get_by_role("button", name="Run").click()
    officer.get_by_label("Reason").fill("The work history does not reach one year.")
    officer.get_by_role("button", name="Reject").click()
    expect(officer.get_by_text("1 application rejected.")).to_be_visible()
    mail = OutgoingMail.objects.filter(
        template="application_rejected", pk__gt=sent_before
    ).get()
    assert mail.subject == "About your LSSC application"
    assert "The work history does not reach one year." in mail.body
