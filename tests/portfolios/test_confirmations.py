"""Submitting, paying and taking back a portfolio: a summary first, the step only on
Confirm, once; a second Confirm changes nothing and says where things stand."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from candidates.models import Candidate
from lssc.audit.models import AuditEntry
from lssc.payments.models import Payment
from portfolios.models import PortfolioStatus, Submission
from tests.candidates.helpers import admitted_candidate

from .test_submission import complete

pytestmark = pytest.mark.django_db

CONFIRM = {"confirm": "yes"}


@pytest.fixture
def signed_in(client, portfolio):
    client.force_login(portfolio.candidate.user)
    return client


def url(name, portfolio):
    return reverse(f"portfolios:{name}", args=[portfolio.pk])


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def status_of(portfolio):
    portfolio.refresh_from_db()
    return portfolio.status


def entries(portfolio):
    return AuditEntry.objects.filter(subject_id=portfolio.pk).count()


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_submit_summary_says_what_happens_and_changes_nothing(
    signed_in, portfolio, method
):
    complete(portfolio)
    before = entries(portfolio)
    response = getattr(signed_in, method)(url("submit", portfolio))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Submit your Technology portfolio?</h1>" in html
    assert "<dl" in html and "$60" in html
    assert "you cannot edit it after submitting" in html
    assert 'name="confirm" value="yes"' in html and "<button" in html
    assert f'href="{url("builder", portfolio)}"' in html  # Back
    assert status_of(portfolio) == PortfolioStatus.DRAFT
    assert entries(portfolio) == before


def test_confirming_submits_once_and_again_changes_nothing(signed_in, portfolio):
    complete(portfolio)
    first = signed_in.post(url("submit", portfolio), CONFIRM)
    assert first["Location"] == url("pay", portfolio)
    assert "Submitted. Pay the fee" in said(first)[0]
    assert status_of(portfolio) == PortfolioStatus.AWAITING_PAYMENT
    after_first = entries(portfolio)

    again = signed_in.post(url("submit", portfolio), CONFIRM, follow=True)
    assert again.redirect_chain[-1][0] == url("pay", portfolio)
    assert "goes to the evaluators once the fee is paid" in again.content.decode()
    assert status_of(portfolio) == PortfolioStatus.AWAITING_PAYMENT
    assert entries(portfolio) == after_first


def test_an_incomplete_portfolio_gets_no_summary_but_the_reason(signed_in, portfolio):
    response = signed_in.get(url("submit", portfolio), follow=True)
    assert response.redirect_chain[-1][0] == url("builder", portfolio)
    assert "not ready to submit" in response.content.decode()
    assert status_of(portfolio) == PortfolioStatus.DRAFT


def test_after_the_deadline_the_summary_and_the_confirm_are_refused(
    signed_in, portfolio
):
    complete(portfolio)
    Candidate.objects.filter(pk=portfolio.candidate_id).update(
        deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    for response in (
        signed_in.get(url("submit", portfolio), follow=True),
        signed_in.post(url("submit", portfolio), CONFIRM, follow=True),
    ):
        assert response.redirect_chain[-1][0] == url("builder", portfolio)
        assert "ended with its deadline" in response.content.decode()
    assert status_of(portfolio) == PortfolioStatus.DRAFT


@pytest.mark.parametrize("name", ["submit", "pay", "withdraw"])
def test_someone_elses_portfolio_answers_404(client, portfolio, name):
    complete(portfolio)
    client.force_login(admitted_candidate().user)
    assert client.get(url(name, portfolio)).status_code == 404
    assert client.post(url(name, portfolio), CONFIRM).status_code == 404
    assert status_of(portfolio) == PortfolioStatus.DRAFT


def test_a_tampered_id_answers_404(signed_in, portfolio):
    missing = reverse("portfolios:submit", args=[portfolio.pk + 1000])
    assert signed_in.post(missing, CONFIRM).status_code == 404


@pytest.fixture
def awaiting(signed_in, portfolio):
    complete(portfolio)
    signed_in.post(url("submit", portfolio), CONFIRM)
    assert status_of(portfolio) == PortfolioStatus.AWAITING_PAYMENT
    return portfolio


def test_the_payment_summary_shows_amount_and_method_and_pays_nothing(
    signed_in, awaiting
):
    response = signed_in.post(
        url("pay", awaiting),
        {"method": "purchase_order", "institution": "Springfield Library System"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Confirm your payment</h1>" in html
    assert "$60" in html and "Springfield Library System" in html
    assert "can no longer be taken back to edit" in html
    assert 'name="method" value="purchase_order"' in html
    assert not Payment.objects.exists()


def test_confirming_the_payment_twice_records_one_payment(signed_in, awaiting):
    data = {"method": "check", **CONFIRM}
    first = signed_in.post(url("pay", awaiting), data)
    payment = Payment.objects.get()
    assert first["Location"] == payment.get_absolute_url()
    again = signed_in.post(url("pay", awaiting), data)
    assert again["Location"] == payment.get_absolute_url()
    assert Payment.objects.count() == 1


def test_paying_a_portfolio_already_under_review_says_so(signed_in, awaiting):
    from lssc.payments.services import payment_confirm

    signed_in.post(url("pay", awaiting), {"method": "check", **CONFIRM})
    payment_confirm(payment_id=Payment.objects.get().pk)
    assert status_of(awaiting) == PortfolioStatus.UNDER_REVIEW
    response = signed_in.post(
        url("pay", awaiting), {"method": "check", **CONFIRM}, follow=True
    )
    assert response.redirect_chain[-1][0] == url("builder", awaiting)
    assert "the evaluators are reviewing it" in response.content.decode()
    assert Payment.objects.count() == 1
    assert Submission.objects.filter(portfolio=awaiting).count() == 1


def test_the_take_back_summary_changes_nothing(signed_in, awaiting):
    signed_in.post(url("pay", awaiting), {"method": "check", **CONFIRM})
    for method in ("get", "post"):
        response = getattr(signed_in, method)(url("withdraw", awaiting))
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1>Take back your Technology portfolio?</h1>" in html
        assert "The payment you started for it is cancelled." in html
    assert status_of(awaiting) == PortfolioStatus.AWAITING_PAYMENT
    assert Payment.objects.get().status == "pending"


def test_confirming_the_take_back_twice_takes_it_back_once(signed_in, awaiting):
    first = signed_in.post(url("withdraw", awaiting), CONFIRM)
    assert first["Location"] == url("builder", awaiting)
    assert "Taken back: you can edit the portfolio again." in said(first)
    assert status_of(awaiting) == PortfolioStatus.DRAFT
    after_first = entries(awaiting)

    again = signed_in.post(url("withdraw", awaiting), CONFIRM, follow=True)
    assert again.redirect_chain[-1][0] == url("builder", awaiting)
    assert "This portfolio is a draft you can edit." in again.content.decode()
    assert status_of(awaiting) == PortfolioStatus.DRAFT
    assert entries(awaiting) == after_first
