"""Input no person types is refused with 400 or a form's message, never an error
page: control characters in addresses, queries and form fields, and in CSV files."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from candidates.candidacy import share_link_create
from evaluations.models import Evaluator
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.core.middleware import REFUSAL
from lssc.reports.base import _reports
from portfolios.models import Evidence, Narrative
from portfolios.services import portfolio_open, portfolio_pay, portfolio_submit
from tests.candidates.helpers import admitted_candidate
from tests.candidates.test_certificates import certify
from tests.factories import staff_user
from tests.portfolios import files
from tests.portfolios.test_submission import FIFTY_WORDS, complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(client):
    """A signed-in candidate: certified, sharing their record, paying a fee."""
    candidate = admitted_candidate()
    certify(candidate)
    client.force_login(candidate.user)
    return candidate


@pytest.fixture
def portfolio(holder):
    reference = CompetencySet.objects.get(slug="reference-and-information-services")
    portfolio = portfolio_open(candidate=holder, competency_set=reference, by=None)
    complete(portfolio)
    return portfolio


def refused(response) -> bool:
    return response.status_code == 400 and response.content.decode() == REFUSAL


@pytest.mark.parametrize(
    "path",
    [
        "/verify/%00/",
        "/verify/LSSC%00.json",
        "/certified/?q=%00",
        "/certified/?q=a%01b",
        "/certified/?q%00=1",
        "/shared/%00/",
        "/payments/%00/",
        "/payments/x%00y/receipt/",
        "/certificate/%00.pdf",
        "/competencies/%0a/",
        "/admin/candidates/candidate/%00/change/",
        "/static/%00.css",
    ],
)
def test_control_characters_in_an_address_or_a_query_are_refused(client, holder, path):
    assert refused(client.get(path))


def test_the_pages_refused_with_nul_still_answer_without_it(client, holder):
    link = share_link_create(
        candidate=holder, label="HR", expires_on=datetime.date(2030, 1, 1)
    )
    number = holder.certification.number
    assert client.get(f"/verify/{number}/").status_code == 200
    assert client.get("/certified/?q=Springfield").status_code == 200
    assert client.get(f"/shared/{link.token}/").status_code == 200


def test_a_payment_reference_with_nul_is_refused_and_a_real_one_opens(
    client, portfolio
):
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment, _ = portfolio_pay(portfolio=portfolio, method="check")
    assert refused(client.get(f"/payments/{payment.reference}%00/"))
    assert client.get(f"/payments/{payment.reference}/").status_code == 200


def test_nul_in_a_form_field_is_refused_and_nothing_is_saved(client, portfolio):
    first = portfolio.competency_set.competencies.order_by("number").first()
    before = Narrative.objects.get(portfolio=portfolio, competency=first).text
    response = client.post(
        reverse("portfolios:narratives", args=[portfolio.pk]),
        {f"narrative-{first.pk}": "My work\x00 at the desk " + FIFTY_WORDS},
    )
    assert refused(response)
    assert Narrative.objects.get(portfolio=portfolio, competency=first).text == before


def test_tabs_and_line_breaks_in_a_form_field_are_kept(client, portfolio):
    first = portfolio.competency_set.competencies.order_by("number").first()
    text = "First paragraph.\r\n\r\n\tSecond, indented. " + FIFTY_WORDS
    response = client.post(
        reverse("portfolios:narratives", args=[portfolio.pk]),
        {f"narrative-{first.pk}": text},
    )
    assert response.status_code == 302
    saved = Narrative.objects.get(portfolio=portfolio, competency=first).text
    assert "\r\n\r\n\tSecond, indented." in saved


def test_a_file_name_loses_its_control_characters(client, portfolio):
    response = client.post(
        reverse("portfolios:upload", args=[portfolio.pk]),
        {"title": "Handout", "file": SimpleUploadedFile("hand\x00out.pdf", files.PDF)},
    )
    assert response.status_code == 302
    assert Evidence.objects.filter(portfolio=portfolio).latest("pk").name == (
        "handout.pdf"
    )


def test_an_uploaded_files_content_is_not_read_by_the_check(client, portfolio):
    """Binary files hold NUL bytes: the upload's own checks judge them."""
    assert b"\x00" in files.PNG
    evidence = Evidence.objects.filter(portfolio=portfolio).count()
    response = client.post(
        reverse("portfolios:upload", args=[portfolio.pk]),
        {"title": "Poster", "file": SimpleUploadedFile("poster.png", files.PNG)},
    )
    assert response.status_code == 302
    assert Evidence.objects.filter(portfolio=portfolio).count() == evidence + 1


def test_the_stripe_webhook_reads_its_own_body(client):
    """A webhook is exempt from CSRF and reads the raw body: it is not parsed here."""
    response = client.post(
        reverse("payments:stripe_webhook"),
        data=b'{"id": "evt_1", "type": "x\x00"}',
        content_type="application/x-www-form-urlencoded",
        headers={"stripe-signature": "t=1,v1=bad"},
    )
    assert response.status_code == 400
    assert response.content.decode() != REFUSAL


# --- CSV imports ---------------------------------------------------------------------

HEADER = "email,name,institution,sets,trained_on,max_assignments\n"


def test_a_csv_file_with_nul_is_refused_with_its_line_and_nothing_is_saved(client):
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    text = HEADER + "ann@example.org,Ann,Lakeside,Technology,,\nbo\x00b@example.org,B\n"
    response = client.post(
        reverse("admin:evaluations_evaluator_import"),
        {"file": SimpleUploadedFile("list.csv", text.encode(), "text/csv")},
    )
    assert response.status_code == 200
    assert "Line 3 contains a control character" in response.content.decode()
    assert response.context["preview"] is None
    assert not Evaluator.objects.exists()


# --- Report date ranges --------------------------------------------------------------


@pytest.fixture
def officer(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


@pytest.mark.parametrize("slug", sorted(_reports))
@pytest.mark.parametrize(
    ("start", "end"),
    [("0001-01-01", "9999-12-31"), ("9999-12-31", ""), ("", "0001-01-01")],
)
def test_a_report_range_outside_the_calendar_is_a_form_error(officer, slug, start, end):
    response = officer.get(
        reverse("reports:detail", args=[slug]), {"start": start, "end": end}
    )
    assert response.status_code == 200
    assert "Choose a day from 2000 to 2099." in response.content.decode()
    assert response.context["result"] is None


@pytest.mark.parametrize("slug", sorted(_reports))
def test_every_report_covers_the_widest_range_it_allows(officer, slug):
    widest = {"start": "2000-01-01", "end": "2099-12-31"}
    page = officer.get(reverse("reports:detail", args=[slug]), widest)
    assert page.status_code == 200
    assert page.context["result"] is not None
    csv = officer.get(
        reverse("reports:detail", args=[slug]), {**widest, "format": "csv"}
    )
    assert csv.status_code == 200
