"""An appeal's documents are refused when a PDF runs scripts, launches programs,
is encrypted or cannot be read; the appeal stays as it was."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from candidates.applications import application_reject
from lssc.accounts.roles import StaffGroup
from lssc.appeals.models import Appeal, AppealDocument, AppealStatus
from tests.candidates.helpers import submitted
from tests.factories import UserFactory, staff_user
from tests.portfolios import files
from tests.storage import stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def appeal(client):
    """A notice of appeal against a rejected application, its appellant signed in."""
    application = submitted(UserFactory())
    application_reject(
        application=application,
        by=staff_user(StaffGroup.PROGRAM_OFFICER),
        reason="Fewer than 1,820 hours in the last five years.",
    )
    client.force_login(application.user)
    client.post(
        reverse("appeals:new", args=["candidates.application", application.pk]),
        {"intent": "on", "confirm": "yes"},
    )
    return Appeal.objects.get()


@pytest.mark.parametrize(
    ("content", "message"), files.UNSAFE_PDFS.values(), ids=files.UNSAFE_PDFS.keys()
)
def test_unsafe_pdfs_are_not_filed_with_the_grounds(client, appeal, content, message):
    response = client.post(
        reverse("appeals:detail", args=[appeal.pk]),
        {
            "grounds": "My volunteer hours were left out.",
            "documents": [
                SimpleUploadedFile("log.png", files.PNG),
                SimpleUploadedFile("letter.pdf", content),
            ],
        },
    )

    assert response.status_code == 200
    assert f"letter.pdf: {message}" in response.content.decode()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.NOTICE and appeal.grounds == ""
    assert not AppealDocument.objects.exists()
    assert stored_files() == []
