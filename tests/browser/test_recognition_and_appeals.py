"""The Program Officer records a recognition agreement; a graduate claims it and is
certifiable once staff verify. A provider appeals a rejection to the CPC."""

import re

from playwright.sync_api import expect

from courses.applications import application_reject
from courses.models import ApplicationStatus, CourseApplication
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import (
    complete_application,
    contact_of,
    in_review,
    make_provider,
)
from tests.factories import staff_user
from tests.portfolios import files

from .people import field, sign_in, staff_sign_in
from .test_courses import run_admin_action


def test_a_graduate_claims_an_agreement_and_achieves_six_sets(open_page, shoot):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER, email="officer@example.org")
    candidate = admitted_candidate()
    six = [
        *CompetencySet.objects.required(),
        *list(CompetencySet.objects.electives())[:3],
    ]

    desk = open_page()
    staff_sign_in(desk, officer.email)
    desk.goto("/admin/courses/recognitionagreement/add/")
    field(desk, "College").fill("Lakeside Community College")
    field(desk, "Program name").fill("Library Technical Assistant AAS")
    field(desk, "State").select_option(label="Wisconsin")
    for competency_set in six:
        desk.get_by_role("checkbox", name=competency_set.name, exact=True).check()
    field(desk, "Effective from").fill("2015-01-01")
    field(desk, "Signed on").fill("2014-12-01")
    field(desk, "Signed agreement").set_input_files(
        files=[{"name": "agreement.pdf", "mimeType": "application/pdf",
                "buffer": files.PDF}]
    )  # fmt: skip
    desk.get_by_role("button", name="Save", exact=True).click()
    expect(desk.get_by_text(re.compile("was added successfully"))).to_be_visible()

    page = open_page()
    page.goto("/")
    page.get_by_role("link", name="Recognition agreements").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text(
        "Library Technical Assistant AAS"
    )
    sign_in(page, candidate.user.email, start="/courses/mine/")
    page.goto("/courses/agreements/")
    page.get_by_role("link", name=re.compile("Claim your graduation")).click()
    # A graduation before the agreement began is not covered.
    field(page, "Date you graduated").fill("2014-05-20")
    field(page, "Transcript or diploma (PDF, JPEG or PNG)").set_input_files(
        files=[{"name": "transcript.pdf", "mimeType": "application/pdf",
                "buffer": files.PDF}]
    )  # fmt: skip
    page.get_by_role("button", name="Send my claim").click()
    expect(page.get_by_text(re.compile("is not covered"))).to_be_visible()
    field(page, "Date you graduated").fill("2024-05-20")
    field(page, "Transcript or diploma (PDF, JPEG or PNG)").set_input_files(
        files=[{"name": "transcript.pdf", "mimeType": "application/pdf",
                "buffer": files.PDF}]
    )  # fmt: skip
    shoot(page, "claim-graduation")
    page.get_by_role("button", name="Send my claim").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your courses")
    expect(page.get_by_text("Waiting for verification")).to_be_visible()

    desk.goto("/admin/courses/recognitionclaim/")
    run_admin_action(
        desk,
        re.compile("Library Technical Assistant AAS"),
        "Verify: achieves every set it covers",
        submit="Run",
    )
    expect(desk.get_by_text("1 claim verified.")).to_be_visible()

    page.get_by_role("link", name="My certification").click()
    page.get_by_role("link", name="Your full record").click()
    expect(
        page.get_by_text(re.compile("Achieved by recognition agreement"))
    ).to_have_count(6)
    shoot(page, "car-six-sets-by-agreement")


def test_a_provider_appeals_a_rejection_and_the_cpc_upholds_it(open_page, shoot):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    cpc = staff_user(StaffGroup.PROGRAM_COMMITTEE, email="cpc@example.org")
    provider = make_provider()
    application = in_review(
        complete_application(
            provider, CompetencySet.objects.get(slug="technology"), title="Tech 101"
        )
    )
    application_reject(
        application=application, by=officer, reason="Competency 4 is not taught."
    )

    page = open_page()
    sign_in(page, contact_of(provider).email, start="/courses/provider/")
    page.get_by_role("link", name=application.reference).click()
    expect(page.get_by_text("Competency 4 is not taught.")).to_be_visible()
    page.get_by_role("link", name="Appeal this decision").click()
    page.get_by_role("button", name="File the appeal").click()  # no grounds yet
    expect(page.get_by_text("This field is required.")).to_be_visible()
    field(page, "Why the decision should be changed").fill(
        "Week 2 teaches competency 4: see the syllabus, unit 2.3."
    )
    shoot(page, "provider-appeal")
    page.get_by_role("button", name="File the appeal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("File this appeal?")
    page.get_by_role("button", name="Confirm: file the appeal").click()
    expect(page.get_by_text(re.compile("filed with the Certification"))).to_be_visible()

    desk = open_page()
    staff_sign_in(desk, cpc.email)
    desk.goto("/admin/appeals/appeal/")
    desk.get_by_role("row", name=re.compile("A-")).get_by_role("checkbox").check()
    desk.get_by_role("combobox", name=re.compile("^Action")).select_option(
        label="Record the committee's decision"
    )
    desk.get_by_role("button", name="Run").click()
    desk.get_by_role("radio", name=re.compile("^Upheld")).check()
    desk.get_by_label("Decision and reasons").fill("Unit 2.3 covers it; review again.")
    desk.get_by_role("button", name="Decide appeals").click()
    expect(desk.get_by_text("1 appeal decided.")).to_be_visible()

    page.reload()
    expect(
        page.get_by_text(re.compile("The reviewers have your application"))
    ).to_be_visible()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW
    assert CourseApplication.objects.count() == 1
