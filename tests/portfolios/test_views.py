"""The candidate's portfolio pages, through HTTP, and who may see what."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from portfolios.models import (
    Evidence,
    EvidenceRole,
    Narrative,
    Portfolio,
    PortfolioStatus,
)
from portfolios.services import portfolio_open
from tests.candidates.helpers import admitted_candidate
from tests.factories import UserFactory, staff_user

from . import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, portfolio):
    client.force_login(portfolio.candidate.user)
    return client


def upload(client, portfolio, content=files.PDF, name="log.pdf", title="Desk log"):
    return client.post(
        reverse("portfolios:upload", args=[portfolio.pk]),
        {"file": SimpleUploadedFile(name, content), "title": title},
    )


def test_start_a_portfolio_from_the_list(client, candidate):
    client.force_login(candidate.user)
    page = client.get(reverse("portfolios:list")).content.decode()
    assert "Cataloging and Classification" in page
    response = client.post(
        reverse("portfolios:start", args=["cataloging-and-classification"])
    )
    portfolio = Portfolio.objects.get(candidate=candidate)
    assert response["Location"] == reverse("portfolios:builder", args=[portfolio.pk])


def test_people_who_are_not_candidates_have_no_portfolios(client):
    client.force_login(UserFactory())
    assert client.get(reverse("portfolios:list")).status_code == 404


def test_the_builder_saves_narratives_and_shows_what_is_missing(signed_in, portfolio):
    first = portfolio.competency_set.competencies.first()
    response = signed_in.post(
        reverse("portfolios:narratives", args=[portfolio.pk]),
        {f"narrative-{first.pk}": "I maintain the branch's public computers."},
    )
    assert response.status_code == 302
    assert Narrative.objects.get(competency=first).text.startswith("I maintain")
    page = signed_in.get(reverse("portfolios:builder", args=[portfolio.pk]))
    html = page.content.decode()
    assert "Competency 1: the narrative has 6 of the 50 words needed." in html
    assert f'<label for="narrative-{first.pk}"' in html


def test_upload_link_and_download(signed_in, portfolio):
    assert upload(signed_in, portfolio).status_code == 302
    evidence = Evidence.objects.get()
    competency = portfolio.competency_set.competencies.get(number=2)
    signed_in.post(
        reverse("portfolios:link", args=[evidence.pk]),
        {f"{evidence.pk}-competency": competency.pk, f"{evidence.pk}-role": "primary"},
    )
    assert evidence.links.get().role == EvidenceRole.PRIMARY

    response = signed_in.get(reverse("portfolios:download", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="log.pdf"'
    assert b"".join(response.streaming_content) == files.PDF


def test_a_bad_upload_is_explained_and_stores_nothing(signed_in, portfolio):
    response = upload(signed_in, portfolio, files.EXE, "report.pdf")
    assert response.status_code == 400
    assert "not one of the kinds accepted" in response.content.decode()
    assert not Evidence.objects.exists()


def test_other_peoples_portfolios_and_files_answer_404(client, portfolio):
    evidence = Evidence.objects.create(
        portfolio=portfolio, name="x.pdf", kind="pdf", size=1, sha256="0", title="x"
    )
    client.force_login(admitted_candidate().user)
    for name, args in [
        ("portfolios:builder", [portfolio.pk]),
        ("portfolios:download", [evidence.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404
    for name, args in [
        ("portfolios:narratives", [portfolio.pk]),
        ("portfolios:upload", [portfolio.pk]),
        ("portfolios:link", [evidence.pk]),
        ("portfolios:remove", [evidence.pk]),
    ]:
        assert client.post(reverse(name, args=args)).status_code == 404
    assert Evidence.objects.get().retired_at is None


def test_staff_who_may_view_evidence_can_download_it(client, signed_in, portfolio):
    upload(signed_in, portfolio)
    evidence = Evidence.objects.get()
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    assert client.get(
        reverse("portfolios:download", args=[evidence.pk])
    ).status_code == (200)


def test_the_builder_costs_the_same_with_many_files(
    signed_in, portfolio, django_assert_max_num_queries
):
    from django.db import connection

    url = reverse("portfolios:builder", args=[portfolio.pk])
    with CaptureQueriesContext(connection) as empty:
        assert signed_in.get(url).status_code == 200
    # Read it now: the next request clears the connection's query log.
    baseline = len(empty.captured_queries)
    competencies = list(portfolio.competency_set.competencies.all())
    for n in range(5):
        upload(signed_in, portfolio, title=f"File {n}")
    for evidence in Evidence.objects.all():
        for competency in competencies:
            signed_in.post(
                reverse("portfolios:link", args=[evidence.pk]),
                {
                    f"{evidence.pk}-competency": competency.pk,
                    f"{evidence.pk}-role": "secondary",
                },
            )
    # Five files linked to every competency: two more queries (files, links), no more.
    with django_assert_max_num_queries(baseline + 2):
        assert signed_in.get(url).status_code == 200


def test_staff_read_portfolios_in_the_admin(client, signed_in, portfolio):
    upload(signed_in, portfolio)
    assistant = staff_user(StaffGroup.PROGRAM_ASSISTANT)
    client.force_login(assistant)
    page = client.get(reverse("admin:portfolios_portfolio_change", args=[portfolio.pk]))
    assert page.status_code == 200
    evidence = Evidence.objects.get()
    assert reverse("portfolios:download", args=[evidence.pk]) in page.content.decode()
    assert client.get(
        reverse("portfolios:download", args=[evidence.pk])
    ).status_code == (200)
    listing = client.get(reverse("admin:portfolios_portfolio_changelist"))
    assert listing.status_code == 200


def test_submit_pay_by_check_and_take_back(signed_in, portfolio):
    from .test_submission import complete

    complete(portfolio)
    builder = signed_in.get(reverse("portfolios:builder", args=[portfolio.pk]))
    assert "Submitting costs $60;" in builder.content.decode()
    response = signed_in.post(
        reverse("portfolios:submit", args=[portfolio.pk]), {"confirm": "yes"}
    )
    assert response["Location"] == reverse("portfolios:pay", args=[portfolio.pk])

    response = signed_in.post(
        reverse("portfolios:pay", args=[portfolio.pk]),
        {"method": "check", "confirm": "yes"},
    )
    payment = portfolio.candidate.user.payments.get(kind="portfolio")
    assert response["Location"] == payment.get_absolute_url()
    assert payment.amount_cents == 6000

    signed_in.post(
        reverse("portfolios:withdraw", args=[portfolio.pk]), {"confirm": "yes"}
    )
    portfolio.refresh_from_db()
    assert portfolio.status == PortfolioStatus.DRAFT


def test_a_bad_payment_choice_is_explained(signed_in, portfolio):
    from .test_submission import complete

    complete(portfolio)
    signed_in.post(
        reverse("portfolios:submit", args=[portfolio.pk]), {"confirm": "yes"}
    )
    response = signed_in.post(
        reverse("portfolios:pay", args=[portfolio.pk]),
        {"method": "purchase_order", "confirm": "yes"},
    )
    assert response.status_code == 200
    assert "Name the institution that will pay." in response.content.decode()
    assert not portfolio.candidate.user.payments.filter(kind="portfolio").exists()


def test_an_incomplete_portfolio_is_not_submitted(signed_in, portfolio):
    response = signed_in.post(
        reverse("portfolios:submit", args=[portfolio.pk]), follow=True
    )
    assert "not ready to submit" in response.content.decode()
    portfolio.refresh_from_db()
    assert portfolio.status == PortfolioStatus.DRAFT


def test_the_car_shows_where_each_portfolio_stands(signed_in, portfolio, candidate):
    youth = portfolio_open(
        candidate=candidate,
        competency_set=CompetencySet.objects.get(slug="youth-services"),
        by=None,
    )
    Portfolio.objects.filter(pk=youth.pk).update(status=PortfolioStatus.UNDER_REVIEW)
    html = signed_in.get(reverse("candidates:car")).content.decode()
    technology_row = html[html.index(">Technology<") :].split("</tr>")[0]
    assert "In progress" in technology_row
    youth_row = html[html.index(">Youth Services<") :].split("</tr>")[0]
    assert "Under review" in youth_row


def test_replace_a_file_while_drafting(signed_in, portfolio):
    upload(signed_in, portfolio)
    old = Evidence.objects.get()
    competency = portfolio.competency_set.competencies.get(number=1)
    signed_in.post(
        reverse("portfolios:link", args=[old.pk]),
        {f"{old.pk}-competency": competency.pk, f"{old.pk}-role": "primary"},
    )
    response = signed_in.post(
        reverse("portfolios:replace", args=[old.pk]),
        {"file": SimpleUploadedFile("newer.png", files.PNG)},
    )
    assert response.status_code == 302
    new = Evidence.objects.get(retired_at=None)
    assert (new.title, new.kind, new.name) == ("Desk log", "png", "newer.png")
    assert new.links.get().competency == competency
    old.refresh_from_db()
    assert old.retired_at is not None
    assert old.file.storage.exists(old.file.name)  # a past submission may name it

    # An impostor is refused and nothing changes.
    signed_in.post(
        reverse("portfolios:replace", args=[new.pk]),
        {"file": SimpleUploadedFile("evil.pdf", files.EXE)},
    )
    assert Evidence.objects.get(retired_at=None) == new


def test_no_replacing_after_submission(signed_in, portfolio):
    upload(signed_in, portfolio)
    evidence = Evidence.objects.get()
    Portfolio.objects.filter(pk=portfolio.pk).update(
        status=PortfolioStatus.UNDER_REVIEW
    )
    response = signed_in.post(
        reverse("portfolios:replace", args=[evidence.pk]),
        {"file": SimpleUploadedFile("newer.pdf", files.PDF)},
        follow=True,
    )
    assert "can no longer be changed" in response.content.decode()
    assert Evidence.objects.get() == evidence


def test_the_builder_shows_the_portfolios_timeline(signed_in, portfolio):
    upload(signed_in, portfolio)
    html = signed_in.get(reverse("portfolios:builder", args=[portfolio.pk])).content
    page = html.decode()
    timeline = page[page.index('id="timeline-heading"') :]
    assert "Portfolio for Technology started" in timeline
    assert "Evidence “Desk log” added (log.pdf)" in timeline
