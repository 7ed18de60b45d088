"""Staff at the admin: reading a course application, deciding it with a reason,
and the appeals of a decision."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from courses.achievements import claim_file, completion_record
from courses.applications import application_reject
from courses.models import (
    ApplicationStatus,
    Course,
    RecognitionAgreement,
)
from lssc.accounts.roles import StaffGroup
from lssc.appeals.models import Appeal, AppealStatus
from lssc.appeals.services import appeal_file
from lssc.core.dates import add_years
from tests.courses.conftest import (
    complete_application,
    contact_of,
    in_review,
    mails_to,
    pdf,
)
from tests.courses.view_helpers import messages_of, run
from tests.factories import staff_user
from tests.portfolios import files

pytestmark = pytest.mark.django_db

APPLICATIONS = reverse("admin:courses_courseapplication_changelist")
APPEALS = reverse("admin:appeals_appeal_changelist")
AGREEMENT_ADD = reverse("admin:courses_recognitionagreement_add")


@pytest.fixture
def reviewed(provider, technology):
    """A complete Technology application, paid and in review."""
    return in_review(complete_application(provider, technology, title="Tech basics"))


# --- Reading an application -----------------------------------------------------------


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, reviewed):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER, mfa=False))
    response = client.get(
        reverse("admin:courses_courseapplication_change", args=[reviewed.pk])
    )
    assert response["Location"] == reverse("mfa_activate_totp")


def test_the_change_page_shows_every_competency_beside_its_coverage(
    desk, reviewed, technology
):
    seventh = technology.competencies.get(number=7)
    reviewed.coverage.filter(competency=seventh).delete()

    response = desk.get(
        reverse("admin:courses_courseapplication_change", args=[reviewed.pk])
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Where the course teaches it" in html
    written = {c.competency_id: c.where_taught for c in reviewed.coverage.all()}
    competencies = list(technology.competencies.all())
    assert len(competencies) == 13
    for competency in competencies:
        row = (
            f"<tr><th scope='row'>{competency.number}</th><td>"
            f"{escape(competency.text)}</td><td>"
            f"{escape(written.get(competency.pk, '— not covered —'))}</td></tr>"
        )
        assert row in html, competency.number
    assert html.count("— not covered —") == 1
    assert "The provider&#x27;s course no. 1" in html
    assert "6 weeks" in html
    assert "Rosa Diaz" in html  # the instructor, read-only

    listing = desk.get(APPLICATIONS).content.decode()
    assert reviewed.reference in listing and "Tech basics" in listing


# --- Deciding applications ------------------------------------------------------------


def test_approve_asks_for_a_reason_then_the_course_is_in_the_catalog(
    desk, officer, provider, reviewed, commit
):
    asked = run(desk, APPLICATIONS, "approve", [reviewed.pk])
    assert asked.status_code == 200
    html = asked.content.decode()
    assert "Applications to be approved" in html
    assert f'name="_selected_action" value="{reviewed.pk}"' in html
    assert 'value="approve"' in html

    no_reason = run(desk, APPLICATIONS, "approve", [reviewed.pk], reason="")
    assert "This field is required." in no_reason.content.decode()
    reviewed.refresh_from_db()
    assert reviewed.status == ApplicationStatus.IN_REVIEW
    assert not Course.objects.exists()

    with commit():
        response = run(
            desk, APPLICATIONS, "approve", [reviewed.pk], reason="Covers the set."
        )

    assert response.redirect_chain == [(APPLICATIONS, 302)]
    assert "1 application approved." in messages_of(response)
    reviewed.refresh_from_db()
    assert reviewed.status == ApplicationStatus.APPROVED
    assert reviewed.decided_by == officer
    assert reviewed.decision_reason == "Covers the set."
    course = Course.objects.get()
    assert reviewed.course == course and course.title == "Tech basics"
    today = timezone.localdate()
    assert (course.approved_on, course.expires_on) == (
        today,
        add_years(today, 3),
    )
    assert course.approvals.get().approved_by == officer
    catalog = desk.get(reverse("courses:catalog"))
    assert [c.title for c in catalog.context["page"].object_list] == ["Tech basics"]
    assert course.get_absolute_url() in catalog.content.decode()
    for contact in provider.contacts.all():
        assert mails_to(contact.user.email, "is an approved LSSC course")
    # The course's admin page shows its approval periods.
    page = desk.get(reverse("admin:courses_course_change", args=[course.pk]))
    assert page.status_code == 200
    assert "Course approvals" in page.content.decode()
    assert reviewed.reference in page.content.decode()

    # A second approval of the same application changes nothing.
    again = run(desk, APPLICATIONS, "approve", [reviewed.pk], reason="Again.")
    assert (
        "0 applications approved. Not in review, so left as it was: 1 application."
        in messages_of(again)
    )
    assert Course.objects.count() == 1


def test_reject_with_a_reason_the_provider_reads_and_may_appeal(
    desk, client, provider, reviewed
):
    response = run(
        desk, APPLICATIONS, "reject", [reviewed.pk], reason="No assessment is shown."
    )
    assert "1 application not approved." in messages_of(response)
    reviewed.refresh_from_db()
    assert reviewed.status == ApplicationStatus.REJECTED
    assert reviewed.decision_reason == "No assessment is shown."
    assert not Course.objects.exists()

    client.force_login(contact_of(provider))
    page = client.get(reverse("courses:application", args=[reviewed.pk]))
    html = page.content.decode()
    assert "No assessment is shown." in html
    assert reverse("courses:application_appeal", args=[reviewed.pk]) in html


def test_request_changes_sends_the_form_back_to_the_provider(
    desk, client, provider, reviewed
):
    response = run(
        desk,
        APPLICATIONS,
        "request_changes",
        [reviewed.pk],
        reason="Say how week 4 is assessed.",
    )
    assert "1 application sent back for changes." in messages_of(response)
    reviewed.refresh_from_db()
    assert reviewed.status == ApplicationStatus.CHANGES_REQUESTED

    client.force_login(contact_of(provider))
    page = client.get(reverse("courses:application", args=[reviewed.pk]))
    html = page.content.decode()
    assert "The reviewers ask for changes:" in html
    assert "Say how week 4 is assessed." in html
    assert 'name="submit"' in html  # the form again, editable


def test_applications_not_in_review_are_left_as_they_were(desk, provider, cataloging):
    draft = complete_application(provider, cataloging)
    response = run(desk, APPLICATIONS, "approve", [draft.pk], reason="Fine.")
    assert (
        "0 applications approved. Not in review, so left as it was: 1 application."
        in messages_of(response)
    )
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert not Course.objects.exists()


def test_staff_who_may_only_view_applications_cannot_decide_them(client, reviewed):
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    assert client.get(APPLICATIONS).status_code == 200
    for action in ("approve", "reject", "request_changes"):
        run(client, APPLICATIONS, action, [reviewed.pk], reason="Not mine to say.")
    reviewed.refresh_from_db()
    assert reviewed.status == ApplicationStatus.IN_REVIEW
    assert not Course.objects.exists()

    # The Certification Review Committee may.
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    response = run(client, APPLICATIONS, "approve", [reviewed.pk], reason="Fine.")
    assert "1 application approved." in messages_of(response)
    assert Course.objects.get().title == "Tech basics"


# --- Appeals --------------------------------------------------------------------------


def test_the_committees_decision_on_an_appeal(
    desk, client, officer, provider, reviewed, commit
):
    application_reject(application=reviewed, by=officer, reason="No assessment.")
    reviewed.refresh_from_db()
    appeal = appeal_file(
        appellant=contact_of(provider),
        subject=reviewed,
        decision_appealed="Not approved: No assessment.",
        grounds="Week 3 is a graded lab.",
    )

    asked = run(desk, APPEALS, "decide", [appeal.pk])
    assert "Decide appeals" in asked.content.decode()
    wrong = run(desk, APPEALS, "decide", [appeal.pk], status="maybe", decision="x")
    assert "status" in wrong.context["form"].errors
    assert Appeal.objects.get().status == AppealStatus.FILED

    with commit():
        response = run(
            desk,
            APPEALS,
            "decide",
            [appeal.pk],
            status=AppealStatus.UPHELD,
            decision="The lab is an assessment; reconsider.",
        )

    assert "1 appeal decided." in messages_of(response)
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD
    assert appeal.decided_by == officer
    assert appeal.decision_reason == "The lab is an assessment; reconsider."
    assert mails_to(contact_of(provider).email, "the committee's decision")

    client.force_login(contact_of(provider))
    html = client.get(
        reverse("courses:application", args=[reviewed.pk])
    ).content.decode()
    assert (
        f"Appeal {appeal.reference}: Upheld: the decision is changed. The lab is an "
        "assessment; reconsider." in html
    )
    assert "The reviewers have your application" in html  # back in review

    client.force_login(officer)  # ``desk`` is the same client
    again = run(
        desk, APPEALS, "decide", [appeal.pk], status="denied", decision="Changed mind."
    )
    assert "0 appeals decided." in messages_of(again)
    assert Appeal.objects.get().status == AppealStatus.UPHELD


def test_every_course_admin_page_opens_for_the_program_officer(
    desk, approved, candidate
):
    completion = completion_record(
        candidate=candidate,
        course=approved,
        completed_on=timezone.localdate(),
        result="Pass",
        form=pdf(),
    )
    agreement = RecognitionAgreement.objects.create(
        college="Lakeside Community College",
        program_name="LTA",
        state="MN",
        effective_from=datetime.date(2020, 1, 1),
        signed_on=datetime.date(2019, 12, 1),
        document=SimpleUploadedFile("agreement.pdf", files.PDF),
    )
    claim = claim_file(
        candidate=candidate,
        agreement=agreement,
        graduated_on=datetime.date(2022, 5, 15),
        document=pdf("transcript.pdf"),
    )
    application = approved.approvals.get().application
    rows = {
        "provider": approved.provider,
        "courseapplication": application,
        "course": approved,
        "completion": completion,
        "recognitionagreement": agreement,
        "recognitionclaim": claim,
    }
    for model, row in rows.items():
        listing = desk.get(reverse(f"admin:courses_{model}_changelist"))
        assert listing.status_code == 200, model
        page = desk.get(reverse(f"admin:courses_{model}_change", args=[row.pk]))
        assert page.status_code == 200, model
    assert desk.get(AGREEMENT_ADD).status_code == 200
    agreement_page = desk.get(
        reverse("admin:courses_recognitionagreement_change", args=[agreement.pk])
    ).content.decode()
    assert reverse("courses:file", args=["agreement", agreement.pk]) in agreement_page
    claim_page = desk.get(
        reverse("admin:courses_recognitionclaim_change", args=[claim.pk])
    ).content.decode()
    assert reverse("courses:file", args=["claim", claim.pk]) in claim_page
    provider_page = desk.get(
        reverse("admin:courses_provider_change", args=[approved.provider.pk])
    ).content.decode()
    assert escape(contact_of(approved.provider).full_name) in provider_page
    # What the program records is neither added nor deleted by hand.
    for model in ("courseapplication", "course", "completion", "recognitionclaim"):
        assert desk.get(reverse(f"admin:courses_{model}_add")).status_code == 403
