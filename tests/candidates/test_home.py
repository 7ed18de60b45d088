"""The applicant's and candidate's home: one next step for each situation, progress
on the six sets, the deadline, payments and recent messages, in a fixed number of
queries."""

import datetime
import re

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from candidates.applications import application_pay
from evaluations.models import Decision, Evaluator
from evaluations.reviews import revision_request
from evaluations.rules import Rating
from lssc.competencies.models import CompetencySet
from lssc.notifications.models import OutgoingMail
from lssc.payments.enums import PaymentMethod
from lssc.payments.services import payment_confirm
from portfolios.models import PortfolioStatus
from portfolios.services import portfolio_open, portfolio_submit
from tests.candidates.helpers import (
    admitted_candidate,
    complete_draft,
    moment,
    submitted,
)
from tests.candidates.test_certificates import certify
from tests.evaluations.test_revision import rate
from tests.factories import UserFactory
from tests.portfolios.test_submission import complete, pay_by_check

pytestmark = pytest.mark.django_db

HOME = reverse("candidates:home")
DAY = datetime.timedelta(days=1)
NEXT_STEP = r'<section aria-labelledby="next-heading".*?</section>'


def next_step(html: str) -> str:
    """The next-step card's text, tags stripped."""
    card = re.search(
        r'<section aria-labelledby="next-heading".*?</section>', html, re.S
    )
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", card[0])).strip()


def action(html: str) -> str:
    """Where the next-step card's button goes."""
    card = re.search(
        r'<section aria-labelledby="next-heading".*?</section>', html, re.S
    )
    return re.search(r'<a class="btn btn-primary" href="([^"]+)"', card[0])[1]


def home_of(client, user) -> str:
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


# --- The next step, situation by situation --------------------------------------------


def test_an_unfinished_application_asks_to_finish_it(client):
    user = UserFactory()
    complete_draft(user)
    html = home_of(client, user)
    assert "Finish your application" in next_step(html)
    assert "Step 4 of 4 is next" in next_step(html)
    assert action(html) == reverse("candidates:apply")


def test_an_unpaid_application_asks_for_the_fee(client):
    user = UserFactory()
    submitted(user)
    html = home_of(client, user)
    assert "Pay the application fee" in next_step(html)
    assert action(html) == reverse("candidates:application_status")
    assert "Submitted, awaiting payment" in html


def test_an_admitted_candidate_with_nothing_started_is_asked_to_start_a_set(client):
    candidate = admitted_candidate(client)
    html = home_of(client, candidate.user)
    assert "Start your first competency set" in next_step(html)
    assert action(html) == reverse("portfolios:list")
    assert "0 of 6 sets achieved." in html
    # The deadline with the days left, thousands separated.
    days = (candidate.deadline - timezone.localdate()).days
    assert f"{days:,} days left" in html
    assert f"{candidate.deadline:%B} {candidate.deadline.day}, " in html
    # The application fee paid, with its receipt.
    payment = candidate.user.payments.get()
    assert reverse("payments:receipt", args=[payment.reference]) in html


def test_a_draft_portfolio_is_continued(client):
    candidate = admitted_candidate(client)
    technology = CompetencySet.objects.get(slug="technology")
    portfolio_open(candidate=candidate, competency_set=technology, by=None)
    html = home_of(client, candidate.user)
    assert "Continue your portfolio" in next_step(html)
    assert "0 of 6 sets achieved, 1 being worked on." in html


def test_a_submitted_portfolio_waits_for_its_fee(client):
    candidate = admitted_candidate(client)
    portfolio = portfolio_open(
        candidate=candidate,
        competency_set=CompetencySet.objects.get(slug="technology"),
        by=None,
    )
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    html = home_of(client, candidate.user)
    assert "Pay the portfolio fee" in next_step(html)
    assert "1 in review" in html


def test_a_revision_request_is_answered_first(client):
    technology = CompetencySet.objects.get(slug="technology")
    for name in ("Ann Reviewer", "Bob Reviewer"):
        evaluator = Evaluator.objects.create(
            user=UserFactory(full_name=name),
            institution="Lakeside College",
            trained_on=datetime.date(2026, 3, 1),
        )
        evaluator.sets.set([technology])
    candidate = admitted_candidate(client)
    portfolio = portfolio_open(candidate=candidate, competency_set=technology, by=None)
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment = pay_by_check(portfolio)
    with TestCase.captureOnCommitCallbacks(execute=True):
        payment_confirm(payment_id=payment.pk)
    submission = portfolio.submissions.get()
    for assignment in submission.assignments.all():
        rate(assignment, submission, lambda n: Rating.PARTIALLY_MET, "Partly shown.")
    revision_request(
        decision_id=Decision.objects.get().pk, by=None, message="Show more."
    )
    portfolio.refresh_from_db()
    assert portfolio.status == PortfolioStatus.REVISION_REQUESTED

    html = home_of(client, candidate.user)
    assert "Answer the revision request" in next_step(html)
    assert action(html) == reverse("portfolios:list")


def test_an_ended_candidacy_offers_more_time_then_applying_again(client):
    candidate = admitted_candidate()
    user = candidate.user
    with moment(candidate.deadline + DAY, client=client, user=user):
        html = client.get(HOME).content.decode()
        assert "Your candidacy has ended: ask for more time" in next_step(html)
        assert action(html) == reverse("candidates:extension_request")
        assert "Your candidacy ended on" in html
    # Once requests have closed, only applying again is left.
    with moment(candidate.deadline + 200 * DAY, client=client, user=user):
        html = client.get(HOME).content.decode()
        assert "Your candidacy has ended: apply again" in next_step(html)
        assert action(html) == reverse("candidates:apply") + "?again=1"


def test_a_holder_is_asked_to_renew_once_the_window_opens(client):
    candidate = admitted_candidate()
    certification = certify(candidate)
    user = candidate.user
    with moment(certification.renewal_opens_on - DAY, client=client, user=user):
        html = client.get(HOME).content.decode()
        assert "You are certified" in next_step(html)
        assert action(html) == reverse("candidates:car")
    with moment(certification.renewal_opens_on, client=client, user=user):
        html = client.get(HOME).content.decode()
        assert "Renew your certification" in next_step(html)
        assert action(html) == reverse("renewals:home")
        assert "6 of 6 sets achieved" in html


# --- Payments and messages -----------------------------------------------------------


def test_recent_messages_are_the_persons_own_newest_first(client):
    candidate = admitted_candidate()
    user = candidate.user
    for n in range(7):
        OutgoingMail.objects.create(
            key=f"test:{n}", to=user.email, subject=f"Message number {n}", body="."
        )
    OutgoingMail.objects.create(
        key="other", to="someone@example.org", subject="Not yours", body="."
    )
    html = home_of(client, user)
    shown = re.findall(r"Message number (\d)", html)
    assert shown == ["6", "5", "4", "3", "2"]
    assert "Not yours" not in html


def test_a_payment_by_check_says_how_to_pay(client):
    user = UserFactory()
    application = submitted(user)
    payment, _ = application_pay(application=application, method=PaymentMethod.CHECK)
    html = home_of(client, user)
    assert reverse("payments:instructions", args=[payment.reference]) in html


def test_the_home_costs_the_same_with_more_portfolios_payments_and_messages(
    client, django_assert_max_num_queries
):
    candidate = admitted_candidate(client)
    user = candidate.user
    # 12: session, user, open application, candidacy, payments, messages, sets,
    # achievements, one per source of work in progress (portfolios; course
    # completions with claims), the application fee's payments, and the roles.
    with django_assert_max_num_queries(12):
        assert client.get(HOME).status_code == 200
    for slug in ("technology", "youth-services", "access-services"):
        portfolio = portfolio_open(
            candidate=candidate,
            competency_set=CompetencySet.objects.get(slug=slug),
            by=None,
        )
        complete(portfolio)
        portfolio_submit(portfolio_id=portfolio.pk, by=None)
        pay_by_check(portfolio)
    for n in range(6):
        OutgoingMail.objects.create(
            key=f"more:{n}", to=user.email, subject=f"Note {n}", body="."
        )
    with django_assert_max_num_queries(12):
        html = client.get(HOME).content.decode()
    assert "3 in review" in html
    assert len(re.findall(r"How to pay<", html)) == 3


# --- Someone without an application --------------------------------------------------


def test_someone_who_never_applied_gets_the_public_home_and_a_word_why(client):
    client.force_login(UserFactory())
    response = client.get(HOME, follow=True)
    assert response.redirect_chain == [(reverse("home"), 302)]
    html = response.content.decode()
    assert "You have not applied for certification yet" in html


def test_visitors_are_asked_to_sign_in(client):
    response = client.get(HOME)
    assert response["Location"].startswith(reverse("account_login"))


def test_an_evaluator_who_never_applied_is_told_where_applying_starts(client):
    user = UserFactory()
    Evaluator.objects.create(user=user, institution="Lakeside College")
    client.force_login(user)
    response = client.get(HOME, follow=True)
    assert response.redirect_chain == [(reverse("home"), 302)]
    assert "“Apply for certification” under “Your pages”" in response.content.decode()
