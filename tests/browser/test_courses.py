"""A provider signs up and has a course approved; a candidate completes it and
achieves its set."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from lssc.accounts.roles import StaffGroup
from tests.candidates.helpers import admitted_candidate
from tests.factories import PASSWORD, staff_user
from tests.portfolios import files

from .people import field, staff_sign_in
from .test_accounts import confirmation_path


def run_admin_action(desk, row_name, action, *, form=None, submit):
    desk.get_by_role("row", name=row_name).get_by_role("checkbox").check()
    desk.get_by_role("combobox", name=re.compile("^Action")).select_option(label=action)
    if form is None:
        desk.get_by_role("button", name=submit).click()
        return
    desk.get_by_role("button", name="Run").click()
    for label, value in form.items():
        desk.get_by_label(label).fill(value)
    desk.get_by_role("button", name=submit).click()


def test_provider_course_approved_then_a_candidate_achieves_its_set(
    open_page, shoot, mailoutbox
):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER, email="officer@example.org")
    today = timezone.localdate()

    # A provider signs up like anyone, then registers the organisation.
    provider = open_page()
    provider.goto("/")
    provider.get_by_role("link", name="Create an account").click()
    provider.get_by_label("Full name").fill("Grace Hopper")
    provider.get_by_label("Email").fill("grace@statelib.example.org")
    field(provider, "Password").fill(PASSWORD)
    provider.get_by_label("Password (again)").fill(PASSWORD)
    provider.get_by_role("button", name="Create an account").click()
    provider.goto(confirmation_path(mailoutbox, "grace@statelib.example.org"))
    provider.get_by_role("button", name="Confirm").click()
    provider.get_by_label("Email").fill("grace@statelib.example.org")
    provider.get_by_label("Password").fill(PASSWORD)
    provider.get_by_role("button", name="Sign in").click()

    provider.get_by_role("link", name="For course providers").click()
    expect(provider.get_by_role("heading", level=1)).to_have_text(
        "Register as a course provider"
    )
    field(provider, "Name of the organisation (or your name, for a consultant)").fill(
        "Prairie State Library"
    )
    field(provider, "Type of provider").select_option(label="State library")
    field(provider, "State").select_option(label="Illinois")
    provider.get_by_role("button", name="Register").click()
    expect(provider.get_by_role("heading", level=1)).to_have_text(
        "Prairie State Library"
    )
    shoot(provider, "provider-dashboard")

    # The standard form: the set first, then where each competency is taught.
    provider.get_by_role("link", name="Apply for a new course").click()
    expect(provider.get_by_role("heading", level=1)).to_have_text(
        "Course approval application"
    )
    field(provider, "Course title").fill("Library Technology Essentials")
    field(provider, "Description").fill(
        "Eight weeks on the computers, networks and software of a library."
    )
    provider.get_by_role("radio", name="Technology", exact=True).check()
    provider.get_by_role("button", name="Save draft").click()
    expect(provider.get_by_role("status")).to_contain_text("Draft saved.")

    coverage = provider.get_by_role("group", name="Competency coverage")
    boxes = coverage.get_by_role("textbox").all()
    assert len(boxes) > 5
    for number, box in enumerate(boxes, start=1):
        box.fill(f"Week {1 + number % 8}: lecture and lab {number}")
    provider.get_by_role("radio", name="Course", exact=True).check()
    provider.get_by_role("radio", name="Online", exact=True).check()
    provider.get_by_role("radio", name=re.compile("^Asynchronous")).check()
    field(provider, "Length").fill("8")
    provider.get_by_role("radio", name="weeks", exact=True).check()
    field(provider, "How is learning assessed?").fill(
        "Weekly lab exercises and a final project, graded by the instructor."
    )
    field(provider, "How will you certify that a learner completed the course?").fill(
        "The instructor signs the program's completion form."
    )
    field(provider, "Instructor's name").fill("Dr. Ada Lovelace")
    field(provider, "Qualifications").fill("MLIS; 12 years as a systems librarian.")
    starts = today + datetime.timedelta(days=60)
    field(provider, "Starts on").fill(starts.isoformat())
    field(provider, "Ends on").fill((starts + datetime.timedelta(weeks=8)).isoformat())
    shoot(provider, "course-application")
    provider.get_by_role("button", name="Save and submit").click()

    expect(provider.get_by_role("heading", level=1)).to_have_text(
        "Pay the approval fee"
    )
    expect(provider.get_by_text("$100", exact=True)).to_be_visible()
    provider.get_by_role("radio", name="Check (by mail)").check()
    provider.get_by_role("button", name="Continue to payment").click()
    expect(provider.get_by_role("heading", level=1)).to_have_text(
        "Confirm your payment"
    )
    provider.get_by_role("button", name="Confirm").click()
    expect(provider.get_by_role("heading", level=1)).to_have_text("How to pay by check")

    # The Program Officer records the check, then approves in the admin.
    desk = open_page()
    staff_sign_in(desk, officer.email)
    desk.get_by_role("row", name=re.compile("^Payments")).get_by_role(
        "link", name="Payments"
    ).click()
    run_admin_action(
        desk,
        re.compile("Course approval"),
        "Record check / purchase order received",
        form={"Check number or note": "Check 2210"},
        submit="Record payment received",
    )
    expect(desk.get_by_text("1 payment recorded as received.")).to_be_visible()

    desk.goto("/admin/courses/courseapplication/")
    desk.get_by_role("link", name=re.compile("^C-")).first.click()
    expect(desk.get_by_text("Where the course teaches it")).to_be_visible()
    shoot(desk, "course-application-admin")
    desk.go_back()
    run_admin_action(
        desk,
        re.compile("Library Technology Essentials"),
        "Approve for three years",
        form={"Reason": "Covers every Technology competency with assessed labs."},
        submit="Applications to be approved",
    )
    expect(desk.get_by_text("1 application approved.")).to_be_visible()

    # The course is in the public catalog.
    candidate = admitted_candidate()
    learner = open_page()
    learner.goto("/")
    learner.get_by_role("link", name="Approved courses").click()
    learner.get_by_label("Competency set").select_option(label="Technology")
    learner.get_by_role("button", name="Show courses").click()
    shoot(learner, "catalog")
    learner.get_by_role("link", name="Library Technology Essentials").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text(
        "Library Technology Essentials"
    )

    # The candidate records the completion with the signed form.
    learner.get_by_role("main").get_by_role("link", name="Sign in").click()
    learner.get_by_label("Email").fill(candidate.user.email)
    learner.get_by_label("Password").fill(PASSWORD)
    learner.get_by_role("button", name="Sign in").click()
    learner.get_by_role("link", name="Record your completion").click()
    field(learner, "Date you completed the course").fill(
        (today - datetime.timedelta(days=3)).isoformat()
    )
    field(learner, "Grade or result").fill("A")
    field(learner, "Signed completion form (PDF, JPEG or PNG)").set_input_files(
        files=[
            {"name": "signed.pdf", "mimeType": "application/pdf", "buffer": files.PDF}
        ]
    )
    shoot(learner, "record-completion")
    learner.get_by_role("button", name="Record completion").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text("Your courses")
    expect(learner.get_by_text("Waiting for verification")).to_be_visible()

    # Staff verify it.
    desk.goto("/admin/courses/completion/")
    run_admin_action(
        desk,
        re.compile("Library Technology Essentials"),
        "Verify: achieves the course's set",
        submit="Run",
    )
    expect(desk.get_by_text("1 completion verified.")).to_be_visible()

    # The CAR shows the set achieved by course.
    learner.get_by_role("link", name="My certification").click()
    learner.get_by_role("link", name="Your full record").click()
    expect(learner.get_by_role("heading", level=1)).to_have_text(
        "Candidate Achievement Record"
    )
    expect(
        learner.get_by_text(re.compile("Achieved by approved course"))
    ).to_be_visible()
    shoot(learner, "car-achieved-by-course")
