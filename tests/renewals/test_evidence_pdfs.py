"""Proof of a continuing-education activity is refused when the PDF runs scripts,
launches programs, is encrypted or cannot be read; the activity is not logged."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lssc.competencies.models import CompetencySet
from renewals.models import Activity
from tests.portfolios import files
from tests.storage import stored_files

pytestmark = pytest.mark.django_db


def log_with_proof(client, certification, content):
    with time_machine.travel(datetime.datetime(2028, 3, 10, 12)):
        client.force_login(certification.candidate.user)
        return client.post(
            reverse("renewals:home"),
            {
                "title": "Cataloging webinar",
                "provider": "ALCTS",
                "completed_on": "2028-03-02",
                "amount": "2",
                "unit": "contact_hours",
                "competency_sets": [CompetencySet.objects.get(slug="technology").pk],
                "evidence": SimpleUploadedFile("certificate.pdf", content),
            },
        )


@pytest.mark.parametrize(
    ("content", "message"), files.UNSAFE_PDFS.values(), ids=files.UNSAFE_PDFS.keys()
)
def test_unsafe_proof_is_refused(client, certification, content, message):
    response = log_with_proof(client, certification, content)

    assert response.status_code == 200
    assert response.context["form"].errors["evidence"] == [message]
    assert not Activity.objects.exists()
    assert stored_files() == []


def test_ordinary_proof_is_kept(client, certification):
    response = log_with_proof(client, certification, files.PDF)

    assert response.status_code == 302
    activity = Activity.objects.get()
    with activity.evidence.open("rb") as stored:
        assert stored.read() == files.PDF
