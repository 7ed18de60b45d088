"""The candidate's course pages through HTTP: recording a completion, the official
form, their courses and uploading the signed form later."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from courses.achievements import completion_record, completion_verify
from courses.models import Completion, RecognitionClaim
from lssc.core.dates import add_years
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import approved_course, pdf
from tests.courses.view_helpers import claim
from tests.factories import UserFactory
from tests.pdfs import pdf_text
from tests.portfolios import files

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
LOGIN = reverse("account_login")


def long_date(day: datetime.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def lapsed(provider, cataloging, officer):
    """ "Old cataloging", approved four years ago: it lapsed a year ago."""
    today = timezone.localdate()
    return approved_course(
        provider,
        cataloging,
        officer=officer,
        day=add_years(today, -4),
        title="Old cataloging",
    )


@pytest.fixture
def signed_in(client, candidate):
    client.force_login(candidate.user)
    return client


def record(client, course, completed_on, *, result="Pass", upload=None):
    data = {"completed_on": completed_on.isoformat(), "result": result}
    if upload is not None:
        data["form"] = upload
    return client.post(reverse("courses:complete", args=[course.pk]), data)


# --- Who may record -------------------------------------------------------------------


def test_the_candidate_pages_need_a_signed_in_candidate(client, approved, agreement):
    candidate_pages = [
        reverse("courses:complete", args=[approved.pk]),
        reverse("courses:official_form", args=[approved.pk]),
        reverse("courses:my_courses"),
        reverse("courses:completion_upload", args=[1]),
        reverse("courses:claim", args=[agreement.pk]),
        reverse("courses:file", args=["completion", 1]),
    ]
    for url in candidate_pages:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{LOGIN}?next={url}", url

    client.force_login(UserFactory())  # signed in, but not a candidate
    for url in candidate_pages[:5]:
        assert client.get(url).status_code == 404, url
    response = record(client, approved, timezone.localdate(), upload=pdf())
    assert response.status_code == 404
    assert claim(client, agreement, datetime.date(2022, 6, 1)).status_code == 404
    assert not Completion.objects.exists()
    assert not RecognitionClaim.objects.exists()


def test_the_form_says_which_completion_dates_count(signed_in, approved):
    response = signed_in.get(reverse("courses:complete", args=[approved.pk]))
    assert response.status_code == 200
    today = timezone.localdate()
    first, last = add_years(today, -2), add_years(today, 3) - DAY
    assert response.context["window"] == (first, last)
    html = response.content.decode()
    assert f"Completions from {long_date(first)} through {long_date(last)} count." in (
        html
    )
    assert reverse("courses:official_form", args=[approved.pk]) in html


# --- The completion window ------------------------------------------------------------


def test_a_completion_before_the_two_year_window_is_refused_on_the_form(
    signed_in, approved
):
    first = add_years(timezone.localdate(), -2)

    response = record(signed_in, approved, first - DAY, upload=pdf())

    assert response.status_code == 200
    assert response.context["form"].errors["completed_on"] == [
        f"This course counts only if completed on or after {long_date(first)}: no "
        "more than 2 years before it was approved."
    ]
    assert f"completed on or after {long_date(first)}" in response.content.decode()
    assert not Completion.objects.exists()
    # The first day of the window counts.
    assert record(signed_in, approved, first).status_code == 302
    assert Completion.objects.get().completed_on == first


def test_a_completion_after_the_approval_ended_is_refused_on_the_form(
    signed_in, lapsed
):
    last = lapsed.last_approved_day

    response = record(signed_in, lapsed, last + DAY, upload=pdf())

    assert response.status_code == 200
    assert response.context["form"].errors["completed_on"] == [
        f"This course was approved through {long_date(last)}; a completion after "
        "that day does not count."
    ]
    assert f"approved through {long_date(last)}" in response.content.decode()
    assert not Completion.objects.exists()
    # Completed while it was approved, a lapsed course still counts.
    assert record(signed_in, lapsed, last).status_code == 302
    assert Completion.objects.get().course == lapsed


def test_a_completion_in_the_future_is_refused(signed_in, approved):
    response = record(signed_in, approved, timezone.localdate() + DAY)
    assert response.context["form"].errors["completed_on"] == [
        "The completion date cannot be in the future."
    ]
    assert not Completion.objects.exists()


# --- Recording a completion -----------------------------------------------------------


def test_a_completion_with_its_signed_form_is_recorded(signed_in, candidate, approved):
    completed_on = timezone.localdate() - 10 * DAY

    response = record(
        signed_in, approved, completed_on, result=" A- ", upload=pdf("signed.pdf")
    )

    assert response["Location"] == reverse("courses:my_courses")
    completion = Completion.objects.get()
    assert completion.candidate == candidate and completion.course == approved
    assert completion.completed_on == completed_on
    assert completion.result == "A-"
    assert completion.state == "pending" and not completion.confirmed_by_provider
    assert completion.form_name == "signed.pdf"
    with completion.form.open("rb") as stored:
        assert stored.read() == files.PDF

    page = signed_in.get(response["Location"])
    assert messages_of(page) == [
        "Completion recorded. Staff verify it from the signed form, or the provider "
        "confirms it on its roster."
    ]
    html = page.content.decode()
    assert "Tech basics" in html and "Waiting for verification" in html
    assert "signed form received" in html
    assert reverse("courses:completion_upload", args=[completion.pk]) not in html


def test_an_html_file_named_pdf_is_refused_on_the_form(signed_in, approved):
    upload = SimpleUploadedFile("form.pdf", files.HTML, content_type="application/pdf")

    response = record(signed_in, approved, timezone.localdate(), upload=upload)

    assert response.status_code == 200
    assert response.context["form"].errors["form"] == [
        "Upload a PDF, or a scan or photo as JPEG or PNG: this file is not one."
    ]
    assert "this file is not one." in response.content.decode()
    assert not Completion.objects.exists()


def test_a_candidate_who_achieved_the_set_is_told_it_changes_nothing(
    signed_in, candidate, approved, officer
):
    first = completion_record(
        candidate=candidate,
        course=approved,
        completed_on=timezone.localdate(),
        result="Pass",
        form=pdf(),
    )
    completion_verify(completion=first, by=officer)
    page = signed_in.get(reverse("courses:complete", args=[approved.pk]))
    assert "You achieved Technology already (approved course)" in (
        page.content.decode()
    )
    response = record(signed_in, approved, timezone.localdate())
    assert messages_of(signed_in.get(response["Location"])) == [
        "Completion recorded. You achieved Technology already, so it changes nothing "
        "on your record."
    ]


# --- The official form ----------------------------------------------------------------


def test_the_official_form_is_a_pdf_with_the_candidates_number(
    signed_in, candidate, approved
):
    response = signed_in.get(reverse("courses:official_form", args=[approved.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        f'attachment; filename="LSSC-completion-form-{candidate.number}-'
        f'{approved.pk}.pdf"'
    )
    text = pdf_text(response.content)
    assert candidate.number in text
    assert candidate.user.full_name in text
    assert "Tech basics" in text


# --- Their courses and uploading the form later ---------------------------------------


def test_my_courses_lists_completions_and_claims(signed_in, candidate, approved):
    empty = signed_in.get(reverse("courses:my_courses"))
    assert empty.status_code == 200
    assert "None recorded." in empty.content.decode()

    completion = completion_record(
        candidate=candidate,
        course=approved,
        completed_on=timezone.localdate() - DAY,
        result="Pass",
    )
    other = completion_record(
        candidate=admitted_candidate(),
        course=approved,
        completed_on=timezone.localdate() - DAY,
        result="Someone else's",
    )
    html = signed_in.get(reverse("courses:my_courses")).content.decode()
    assert "Tech basics" in html and "Waiting for verification" in html
    assert reverse("courses:completion_upload", args=[completion.pk]) in html
    assert reverse("courses:completion_upload", args=[other.pk]) not in html
    assert "Someone else" not in html


def test_uploading_the_signed_form_later(signed_in, candidate, approved):
    completion = completion_record(
        candidate=candidate,
        course=approved,
        completed_on=timezone.localdate() - DAY,
        result="Pass",
    )
    url = reverse("courses:completion_upload", args=[completion.pk])
    assert signed_in.get(url).status_code == 200

    refused = signed_in.post(url, {"form": SimpleUploadedFile("x.pdf", files.HTML)})
    assert refused.status_code == 200
    assert "form" in refused.context["form"].errors
    # A browser always sends the CSRF token, even with no file chosen.
    missing = signed_in.post(url, {"csrfmiddlewaretoken": "token"})
    assert missing.context["form"].errors["form"] == ["This field is required."]
    completion.refresh_from_db()
    assert not completion.form

    response = signed_in.post(url, {"form": pdf("scan.pdf")}, follow=True)

    assert response.redirect_chain == [(reverse("courses:my_courses"), 302)]
    assert "Signed form uploaded." in messages_of(response)
    completion.refresh_from_db()
    assert completion.form_name == "scan.pdf"
    with completion.form.open("rb") as stored:
        assert stored.read() == files.PDF
    assert "signed form received" in response.content.decode()


def test_no_upload_to_a_decided_completion(signed_in, candidate, approved, officer):
    completion = completion_record(
        candidate=candidate,
        course=approved,
        completed_on=timezone.localdate() - DAY,
        result="Pass",
        form=pdf("first.pdf"),
    )
    completion_verify(completion=completion, by=officer)
    url = reverse("courses:completion_upload", args=[completion.pk])
    response = signed_in.post(url, {"form": pdf("second.pdf")})
    assert response.status_code == 200
    assert response.context["form"].errors["form"] == [
        "This completion has been decided already."
    ]
    completion.refresh_from_db()
    assert completion.form_name == "first.pdf"


def test_another_candidates_completion_answers_404(signed_in, approved):
    theirs = completion_record(
        candidate=admitted_candidate(),
        course=approved,
        completed_on=timezone.localdate() - DAY,
        result="Pass",
    )
    url = reverse("courses:completion_upload", args=[theirs.pk])
    assert signed_in.get(url).status_code == 404
    assert signed_in.post(url, {"form": pdf()}).status_code == 404
    theirs.refresh_from_db()
    assert not theirs.form
