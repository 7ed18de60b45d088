"""The candidate's graduation claims through HTTP, and downloading the documents
they uploaded."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.achievements import completion_record
from courses.models import RecognitionClaim
from lssc.accounts.roles import StaffGroup
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import approved_course, pdf
from tests.courses.view_helpers import claim
from tests.factories import UserFactory, staff_user
from tests.portfolios import files

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def long_date(day: datetime.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@pytest.fixture
def signed_in(client, candidate):
    client.force_login(candidate.user)
    return client


# --- Graduation claims ----------------------------------------------------------------


def test_a_graduation_the_agreement_does_not_cover_is_refused(signed_in, agreement):
    for graduated_on in (datetime.date(2019, 12, 31), datetime.date(2025, 1, 1)):
        response = claim(signed_in, agreement, graduated_on)
        assert response.status_code == 200
        assert response.context["form"].errors["graduated_on"] == [
            "The agreement with Lakeside Community College covers graduates from "
            "January 1, 2020 to December 31, 2024; a graduation on "
            f"{long_date(graduated_on)} is not covered."
        ]
    assert not RecognitionClaim.objects.exists()


def test_a_covered_graduation_is_claimed_once(signed_in, candidate, agreement):
    page = signed_in.get(reverse("courses:claim", args=[agreement.pk]))
    assert page.status_code == 200
    assert "Lakeside Community College" in page.content.decode()

    response = claim(signed_in, agreement, datetime.date(2022, 5, 15))

    assert response["Location"] == reverse("courses:my_courses")
    recorded = RecognitionClaim.objects.get()
    assert recorded.candidate == candidate and recorded.agreement == agreement
    assert recorded.graduated_on == datetime.date(2022, 5, 15)
    assert recorded.state == "pending"
    assert recorded.document_name == "transcript.pdf"
    html = signed_in.get(reverse("courses:my_courses")).content.decode()
    assert "Library Technical Assistant AAS, Lakeside Community College" in html
    assert "graduated May 15, 2022" in html

    again = claim(signed_in, agreement, datetime.date(2022, 5, 15))
    assert again.context["form"].errors["graduated_on"] == [
        "You have claimed this program already."
    ]
    assert RecognitionClaim.objects.count() == 1


def test_a_claim_needs_a_real_document(signed_in, agreement):
    upload = SimpleUploadedFile("diploma.pdf", files.EXE)
    response = claim(signed_in, agreement, datetime.date(2022, 5, 15), upload)
    assert "document" in response.context["form"].errors
    assert not RecognitionClaim.objects.exists()


# --- Downloading the documents --------------------------------------------------------


def test_a_completion_form_downloads_for_its_owner_and_permitted_staff_only(
    client, candidate, approved
):
    completion = completion_record(
        candidate=candidate,
        course=approved,
        completed_on=timezone.localdate() - DAY,
        result="Pass",
        form=pdf("signed.pdf"),
    )
    url = reverse("courses:file", args=["completion", completion.pk])

    client.force_login(candidate.user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="signed.pdf"'
    assert b"".join(response.streaming_content) == files.PDF

    for stranger in (
        admitted_candidate().user,
        UserFactory(),
        staff_user(StaffGroup.PROGRAM_COMMITTEE),  # staff, not allowed to see it
    ):
        client.force_login(stranger)
        assert client.get(url).status_code == 404

    for group in (StaffGroup.PROGRAM_ASSISTANT, StaffGroup.PROGRAM_OFFICER):
        client.force_login(staff_user(group))
        response = client.get(url)
        assert response.status_code == 200, group
        assert b"".join(response.streaming_content) == files.PDF


def test_other_documents_and_unknown_kinds(client, candidate, approved, agreement):
    client.force_login(candidate.user)
    claim(client, agreement, datetime.date(2022, 5, 15))
    recorded = RecognitionClaim.objects.get()
    no_form = completion_record(
        candidate=candidate,
        course=approved,
        completed_on=timezone.localdate() - DAY,
        result="Pass",
    )
    claim_url = reverse("courses:file", args=["claim", recorded.pk])
    agreement_url = reverse("courses:file", args=["agreement", agreement.pk])

    assert client.get(claim_url).status_code == 200
    assert client.get(agreement_url).status_code == 404  # staff only
    assert client.get(reverse("courses:file", args=["evidence", 1])).status_code == 404
    assert (
        client.get(reverse("courses:file", args=["completion", no_form.pk])).status_code
        == 404
    )
    assert client.get(reverse("courses:file", args=["claim", 999999])).status_code == (
        404
    )

    client.force_login(admitted_candidate().user)
    assert client.get(claim_url).status_code == 404

    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    assert client.get(claim_url).status_code == 200
    response = client.get(agreement_url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="agreement-{agreement.pk}.pdf"'
    )


def test_my_courses_costs_the_same_queries_with_more_rows(
    signed_in, candidate, provider, technology, officer, agreement
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert signed_in.get(reverse("courses:my_courses")).status_code == 200
        return len(queries.captured_queries)  # read now: the next request clears it

    def course_completed(n):
        course = approved_course(provider, technology, officer=officer, title=f"C{n}")
        completion_record(
            candidate=candidate,
            course=course,
            completed_on=course.approved_on,
            result="Pass",
            form=pdf() if n % 2 else None,
        )

    course_completed(0)
    claim(signed_in, agreement, datetime.date(2022, 5, 15))
    baseline = count()
    for n in range(1, 5):
        course_completed(n)
    assert count() == baseline
