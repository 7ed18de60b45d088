"""Staff at the admin: reading a course application, deciding it with a reason,
verifying completions and graduation claims, recording agreements and appeals."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from candidates.enums import AchievementMethod
from candidates.models import Achievement
from courses.achievements import claim_file, completion_record
from courses.models import (
    ApplicationStatus,
    Completion,
    Course,
    RecognitionAgreement,
    RecognitionClaim,
    ReviewState,
)
from courses.services import application_reject
from lssc.accounts.roles import StaffGroup
from lssc.appeals.models import Appeal, AppealStatus
from lssc.appeals.services import appeal_file
from lssc.competencies.models import CompetencySet
from lssc.core.dates import add_years
from tests.courses.conftest import (
    approved_course,
    complete_application,
    contact_of,
    in_review,
    lakeside_agreement,
    mails_to,
    pdf,
)
from tests.factories import staff_user
from tests.portfolios import files

pytestmark = pytest.mark.django_db

APPLICATIONS = reverse("admin:courses_courseapplication_changelist")
COMPLETIONS = reverse("admin:courses_completion_changelist")
CLAIMS = reverse("admin:courses_recognitionclaim_changelist")
APPEALS = reverse("admin:appeals_appeal_changelist")
AGREEMENT_ADD = reverse("admin:courses_recognitionagreement_add")


@pytest.fixture
def desk(client, officer):
    """The Program Officer, signed in with a second factor as staff must be."""
    client.force_login(officer)
    return client


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def run(client, changelist, action, pks, **form):
    """Run an admin action; with ``form`` the intermediate page is filled in."""
    data = {"action": action, "_selected_action": [str(pk) for pk in pks]}
    if form:
        data.update(apply="1", **form)
    return client.post(changelist, data, follow=True)


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
    assert "1 application(s) approved." in messages_of(response)
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
        "0 application(s) approved. 1 were not in review and were left as they were."
        in messages_of(again)
    )
    assert Course.objects.count() == 1


def test_reject_with_a_reason_the_provider_reads_and_may_appeal(
    desk, client, provider, reviewed
):
    response = run(
        desk, APPLICATIONS, "reject", [reviewed.pk], reason="No assessment is shown."
    )
    assert "1 application(s) not approved." in messages_of(response)
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
    assert "1 application(s) sent back for changes." in messages_of(response)
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
        "0 application(s) approved. 1 were not in review and were left as they were."
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
    assert "1 application(s) approved." in messages_of(response)
    assert Course.objects.get().title == "Tech basics"


# --- Completions ----------------------------------------------------------------------


@pytest.fixture
def approved(provider, technology, officer):
    return approved_course(provider, technology, officer=officer, title="Tech basics")


def test_verifying_a_completion_achieves_the_set(desk, officer, approved, candidate):
    completion = completion_record(
        candidate=candidate,
        course=approved,
        completed_on=timezone.localdate(),
        result="Pass",
        form=pdf(),
    )
    change = desk.get(reverse("admin:courses_completion_change", args=[completion.pk]))
    assert reverse("courses:file", args=["completion", completion.pk]) in (
        change.content.decode()
    )

    response = run(desk, COMPLETIONS, "verify", [completion.pk])

    assert response.redirect_chain == [(COMPLETIONS, 302)]
    assert "1 completion(s) verified." in messages_of(response)
    completion.refresh_from_db()
    assert completion.state == ReviewState.VERIFIED
    assert completion.decided_by == officer and not completion.confirmed_by_provider
    achievement = Achievement.objects.get(candidate=candidate)
    assert achievement.competency_set == approved.competency_set
    assert achievement.method == AchievementMethod.COURSE


def test_a_completion_without_its_signed_form_is_not_verified(
    desk, approved, candidate
):
    completion = completion_record(
        candidate=candidate,
        course=approved,
        completed_on=timezone.localdate(),
        result="Pass",
    )
    response = run(desk, COMPLETIONS, "verify", [completion.pk])
    assert any(
        "There is no signed completion form yet" in m for m in messages_of(response)
    )
    assert "0 completion(s) verified." in messages_of(response)
    assert Completion.objects.get().state == ReviewState.PENDING
    assert not Achievement.objects.exists()

    response = run(
        desk, COMPLETIONS, "reject", [completion.pk], reason="Not on the roster."
    )
    assert "1 completion(s) not accepted." in messages_of(response)
    completion.refresh_from_db()
    assert completion.state == ReviewState.REJECTED
    assert completion.reason == "Not on the roster."


# --- Recognition agreements and claims ------------------------------------------------


def agreement_form(sets, document=None, **changes):
    return {
        "college": "Lakeside Community College",
        "program_name": "Library Technical Assistant AAS",
        "state": "MN",
        "competency_sets": [str(s.pk) for s in sets],
        "effective_from": "2020-01-01",
        "effective_until": "2030-12-31",
        "signed_on": "2019-12-01",
        "document": document or SimpleUploadedFile("signed.pdf", files.PDF),
        **changes,
    }


def test_an_agreement_must_cover_the_required_sets_and_three_electives(desk):
    required = list(CompetencySet.objects.required())
    electives = list(CompetencySet.objects.electives())
    assert (len(required), len(electives)) == (3, 7)
    message = "An agreement covers all 3 required sets and at least 3 electives."
    for sets in (
        required[:2] + electives[:4],  # a required set missing
        required + electives[:2],  # two electives only
        electives,  # no required set
    ):
        response = desk.post(AGREEMENT_ADD, agreement_form(sets))
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["competency_sets"] == [message]
        assert message in response.content.decode()
    assert not RecognitionAgreement.objects.exists()

    image = SimpleUploadedFile("signed.png", files.PNG)
    response = desk.post(
        AGREEMENT_ADD, agreement_form(required + electives[:3], document=image)
    )
    assert response.context["adminform"].form.errors["document"] == [
        "Upload the signed agreement as a PDF."
    ]
    response = desk.post(
        AGREEMENT_ADD,
        agreement_form(required + electives[:3], effective_until="2019-01-01"),
    )
    assert "effective_until" in response.context["adminform"].form.errors
    assert not RecognitionAgreement.objects.exists()

    response = desk.post(AGREEMENT_ADD, agreement_form(required + electives[:3]))

    assert response.status_code == 302
    agreement = RecognitionAgreement.objects.get()
    assert set(agreement.competency_sets.all()) == set(required + electives[:3])
    with agreement.document.open("rb") as stored:
        assert stored.read() == files.PDF


def test_verifying_a_claim_achieves_every_set_the_agreement_covers(
    desk, officer, candidate
):
    sets = list(CompetencySet.objects.required()) + list(
        CompetencySet.objects.electives()[:3]
    )
    agreement = lakeside_agreement(
        document=SimpleUploadedFile("agreement.pdf", files.PDF),
    )
    agreement.competency_sets.set(sets)
    claim = claim_file(
        candidate=candidate,
        agreement=agreement,
        graduated_on=datetime.date(2022, 5, 15),
        document=pdf("transcript.pdf"),
    )

    response = run(desk, CLAIMS, "verify", [claim.pk])

    assert "1 claim(s) verified." in messages_of(response)
    claim.refresh_from_db()
    assert claim.state == ReviewState.VERIFIED and claim.decided_by == officer
    achieved = Achievement.objects.filter(candidate=candidate)
    assert {a.competency_set for a in achieved} == set(sets)
    assert {a.method for a in achieved} == {AchievementMethod.RECOGNITION}
    # Verifying again achieves nothing more.
    run(desk, CLAIMS, "verify", [claim.pk])
    assert Achievement.objects.filter(candidate=candidate).count() == 6
    assert RecognitionClaim.objects.get().state == ReviewState.VERIFIED


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

    assert "1 appeal(s) decided." in messages_of(response)
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD
    assert appeal.decided_by == officer
    assert appeal.decision == "The lab is an assessment; reconsider."
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
    assert "0 appeal(s) decided." in messages_of(again)
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
