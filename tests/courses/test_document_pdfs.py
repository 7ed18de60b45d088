"""Signed completion forms, graduation transcripts and recognition agreements are
refused when the PDF runs scripts, launches programs, is encrypted or cannot be
read: the reason is on the form and nothing is recorded or stored."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from courses.achievements import completion_record
from courses.models import Completion, RecognitionAgreement, RecognitionClaim
from lssc.competencies.models import CompetencySet
from tests.courses.conftest import lakeside_agreement
from tests.portfolios import files
from tests.storage import stored_files

pytestmark = pytest.mark.django_db

UNSAFE = pytest.mark.parametrize(
    ("content", "message"), files.UNSAFE_PDFS.values(), ids=files.UNSAFE_PDFS.keys()
)


def upload(content, name="signed.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def signed_in(client, candidate):
    client.force_login(candidate.user)
    return client


@UNSAFE
def test_a_completion_with_an_unsafe_form_is_not_recorded(
    signed_in, approved, content, message
):
    response = signed_in.post(
        reverse("courses:complete", args=[approved.pk]),
        {
            "completed_on": (timezone.localdate() - datetime.timedelta(days=3)),
            "result": "Pass",
            "form": upload(content),
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["form"] == [message]
    assert message in response.content.decode()
    assert not Completion.objects.exists()
    assert stored_files() == []


@UNSAFE
def test_an_unsafe_form_sent_later_is_not_kept(
    signed_in, candidate, approved, content, message
):
    completion = completion_record(
        candidate=candidate,
        course=approved,
        completed_on=timezone.localdate() - datetime.timedelta(days=1),
        result="Pass",
    )

    response = signed_in.post(
        reverse("courses:completion_upload", args=[completion.pk]),
        {"form": upload(content)},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["form"] == [message]
    completion.refresh_from_db()
    assert not completion.form and completion.form_name == ""
    assert stored_files() == []


@UNSAFE
def test_a_claim_with_an_unsafe_transcript_is_not_recorded(signed_in, content, message):
    agreement = lakeside_agreement(
        effective_until=datetime.date(2024, 12, 31),
    )
    agreement.competency_sets.set(CompetencySet.objects.order_by("position")[:6])

    response = signed_in.post(
        reverse("courses:claim", args=[agreement.pk]),
        {"graduated_on": "2022-05-15", "document": upload(content, "diploma.pdf")},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["document"] == [message]
    assert not RecognitionClaim.objects.exists()
    assert stored_files() == []


@UNSAFE
def test_staff_cannot_file_an_unsafe_agreement(client, officer, content, message):
    client.force_login(officer)
    sets = [*CompetencySet.objects.required(), *CompetencySet.objects.electives()[:3]]

    response = client.post(
        reverse("admin:courses_recognitionagreement_add"),
        {
            "college": "Lakeside Community College",
            "program_name": "Library Technical Assistant AAS",
            "state": "MN",
            "competency_sets": [str(s.pk) for s in sets],
            "effective_from": "2020-01-01",
            "effective_until": "2030-12-31",
            "signed_on": "2019-12-01",
            "document": upload(content),
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["document"] == [message]
    assert not RecognitionAgreement.objects.exists()
    assert stored_files() == []
