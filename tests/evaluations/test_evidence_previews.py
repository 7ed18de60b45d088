"""What an evaluator sees of each kind of evidence: pictures in the page, a PDF
in the browser's viewer, the words of an office document, a recording to
download, a web page to open; only for the submission they were assigned."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lssc.core.downloads import PDF_POLICY, SANDBOX_POLICY
from lssc.payments.services import payment_confirm
from portfolios.content import evidence_add, evidence_link
from portfolios.links import web_link_add
from portfolios.models import Evidence, Submission
from portfolios.services import portfolio_open, portfolio_pay, portfolio_submit
from tests.candidates.helpers import admitted_candidate
from tests.portfolios import evidence_files as make
from tests.portfolios import files
from tests.portfolios.test_submission import complete

pytestmark = pytest.mark.django_db

KINDS = {
    "photo": ("display.jpg", make.jpeg_from_phone),
    "slides": ("story time.pptx", make.pptx),
    "minutes": ("minutes.docx", lambda: make.docx(["Board minutes", "Item 4"])),
    "loans": ("loans.ods", make.ods),
    "tour": ("tour.mp4", make.mp4),
}


@pytest.fixture
def reviewed(technology, make_evaluator, commit):
    """A paid submission with a PDF for every competency and one item of each
    other kind for competency 1, and the assignment of its first evaluator."""
    make_evaluator("Ann Reviewer")
    make_evaluator("Bob Reviewer")
    portfolio = portfolio_open(
        candidate=admitted_candidate(), competency_set=technology, by=None
    )
    complete(portfolio)
    first = technology.competencies.get(number=1)
    for title, (name, build) in KINDS.items():
        item = evidence_add(
            portfolio_id=portfolio.pk,
            upload=SimpleUploadedFile(name, build()),
            title=title,
            by=None,
        )
        evidence_link(
            evidence_id=item.pk, competency_id=first.pk, role="primary", by=None
        )
    link = web_link_add(
        portfolio_id=portfolio.pk,
        url="https://springfieldlibrary.org/story-time",
        title="page",
        checked_on=datetime.date(2026, 5, 4),
        by=None,
    )
    evidence_link(
        evidence_id=link.pk, competency_id=first.pk, role="secondary", by=None
    )
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment, _ = portfolio_pay(portfolio=portfolio, method="check")
    with commit():
        payment_confirm(payment_id=payment.pk)
    submission = Submission.objects.get(portfolio=portfolio)
    return submission, submission.assignments.first()


def item_id(title):
    return Evidence.objects.get(title=title, retired_at=None).pk


def page(client, assignment, title):
    response = client.get(
        reverse("evaluations:evidence_page", args=[assignment.pk, item_id(title)])
    )
    assert response.status_code == 200
    return response.content.decode()


def shown(client, assignment, title):
    return client.get(
        reverse("evaluations:evidence_inline", args=[assignment.pk, item_id(title)])
    )


def test_the_review_lists_previews_downloads_and_the_web_page(client, reviewed):
    _, assignment = reviewed
    client.force_login(assignment.evaluator.user)
    html = client.get(reverse("evaluations:review", args=[assignment.pk])).content
    html = html.decode()
    for title in ("photo", "slides", "minutes", "tour", "Class handout"):
        preview = reverse(
            "evaluations:evidence_page", args=[assignment.pk, item_id(title)]
        )
        download = reverse("evaluations:evidence", args=[assignment.pk, item_id(title)])
        assert f'href="{preview}"' in html and f'href="{download}"' in html
    assert 'href="https://springfieldlibrary.org/story-time"' in html
    assert "a web page, checked on" in html and "May 4, 2026" in html


def test_a_picture_is_shown_in_the_page(client, reviewed):
    _, assignment = reviewed
    client.force_login(assignment.evaluator.user)
    html = page(client, assignment, "photo")
    inline = reverse(
        "evaluations:evidence_inline", args=[assignment.pk, item_id("photo")]
    )
    assert f'<img src="{inline}" alt="photo"' in html

    response = shown(client, assignment, "photo")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX_POLICY
    assert b"Jane Q. Candidate" not in b"".join(response.streaming_content)


def test_a_pdf_opens_in_the_browsers_viewer_framed_by_the_page(client, reviewed):
    _, assignment = reviewed
    client.force_login(assignment.evaluator.user)
    html = page(client, assignment, "Class handout")
    assert '<iframe src="' in html and 'title="Class handout (PDF)"' in html

    response = shown(client, assignment, "Class handout")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == PDF_POLICY
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert b"".join(response.streaming_content) == files.PDF


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("minutes", ["Board minutes", "Item 4"]),
        ("slides", ["Slide 1", "Story time for toddlers", "Slide 2"]),
        ("loans", ["Sheet: Visits", "Week\tVisitors", "1\t431"]),
    ],
)
def test_an_office_document_is_previewed_as_its_text(client, reviewed, title, words):
    _, assignment = reviewed
    client.force_login(assignment.evaluator.user)
    html = page(client, assignment, title)
    assert "Its text" in html
    for text in words:
        assert text in html
    assert shown(client, assignment, title).status_code == 404  # never inline


def test_a_video_is_only_downloaded(client, reviewed):
    _, assignment = reviewed
    client.force_login(assignment.evaluator.user)
    html = page(client, assignment, "tour")
    assert "cannot be shown here" in html
    assert shown(client, assignment, "tour").status_code == 404
    download = client.get(
        reverse("evaluations:evidence", args=[assignment.pk, item_id("tour")])
    )
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Content-Type"] == "video/mp4"


def test_a_web_page_has_no_file(client, reviewed):
    _, assignment = reviewed
    client.force_login(assignment.evaluator.user)
    html = page(client, assignment, "page")
    assert 'href="https://springfieldlibrary.org/story-time"' in html
    assert "checked on" in html
    for name in ("evaluations:evidence", "evaluations:evidence_inline"):
        url = reverse(name, args=[assignment.pk, item_id("page")])
        assert client.get(url).status_code == 404


def test_nobody_else_sees_the_previews(client, reviewed, make_evaluator):
    submission, assignment = reviewed
    other = make_evaluator("Cy Elsewhere")
    names = ("evaluations:evidence_page", "evaluations:evidence_inline")
    for user in (other.user, submission.portfolio.candidate.user):
        client.force_login(user)
        for name in names:
            url = reverse(name, args=[assignment.pk, item_id("photo")])
            assert client.get(url).status_code == 404
    # The assigned evaluator, asking for a file the submission does not name.
    client.force_login(assignment.evaluator.user)
    stranger = Evidence.objects.create(
        portfolio=submission.portfolio, kind="pdf", size=1, title="not submitted"
    )
    for name in names:
        assert (
            client.get(reverse(name, args=[assignment.pk, stranger.pk])).status_code
            == 404
        )
