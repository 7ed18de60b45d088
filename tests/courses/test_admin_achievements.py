"""Staff at the admin: verifying completions and graduation claims, and recording
recognition agreements."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from candidates.enums import AchievementMethod
from candidates.models import Achievement
from courses.achievements import claim_file, completion_record
from courses.models import (
    Completion,
    RecognitionAgreement,
    RecognitionClaim,
    ReviewState,
)
from lssc.competencies.models import CompetencySet
from tests.courses.conftest import (
    lakeside_agreement,
    pdf,
)
from tests.courses.view_helpers import messages_of, run
from tests.portfolios import files

pytestmark = pytest.mark.django_db

COMPLETIONS = reverse("admin:courses_completion_changelist")
CLAIMS = reverse("admin:courses_recognitionclaim_changelist")
AGREEMENT_ADD = reverse("admin:courses_recognitionagreement_add")


# --- Completions ----------------------------------------------------------------------


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
    assert "1 completion verified." in messages_of(response)
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
    assert "0 completions verified." in messages_of(response)
    assert Completion.objects.get().state == ReviewState.PENDING
    assert not Achievement.objects.exists()

    response = run(
        desk, COMPLETIONS, "reject", [completion.pk], reason="Not on the roster."
    )
    assert "1 completion not accepted." in messages_of(response)
    completion.refresh_from_db()
    assert completion.state == ReviewState.REJECTED
    assert completion.decision_reason == "Not on the roster."


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

    assert "1 claim verified." in messages_of(response)
    claim.refresh_from_db()
    assert claim.state == ReviewState.VERIFIED and claim.decided_by == officer
    achieved = Achievement.objects.filter(candidate=candidate)
    assert {a.competency_set for a in achieved} == set(sets)
    assert {a.method for a in achieved} == {AchievementMethod.RECOGNITION}
    # Verifying again achieves nothing more.
    run(desk, CLAIMS, "verify", [claim.pk])
    assert Achievement.objects.filter(candidate=candidate).count() == 6
    assert RecognitionClaim.objects.get().state == ReviewState.VERIFIED
