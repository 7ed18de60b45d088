"""An evaluator opens an assigned portfolio, rates it and submits the review."""

import datetime

from playwright.sync_api import expect

from evaluations.models import Evaluator
from lssc.competencies.models import CompetencySet
from lssc.payments.services import payment_confirm
from portfolios.models import Submission
from portfolios.services import portfolio_open, portfolio_pay, portfolio_submit
from tests.candidates.helpers import admitted_candidate
from tests.factories import UserFactory
from tests.portfolios.test_submission import complete

from .people import sign_in


def evaluator(name):
    person = Evaluator.objects.create(
        user=UserFactory(full_name=name),
        institution="Lakeside College",
        trained_on=datetime.date(2026, 3, 1),
    )
    person.sets.set([CompetencySet.objects.get(slug="technology")])
    return person


def test_rate_and_submit_a_review(page, shoot):
    ann, _ = evaluator("Ann Reviewer"), evaluator("Bob Reviewer")
    technology = CompetencySet.objects.get(slug="technology")
    portfolio = portfolio_open(
        candidate=admitted_candidate(), competency_set=technology, by=None
    )
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment, _ = portfolio_pay(portfolio=portfolio, method="check")
    payment_confirm(payment_id=payment.pk)
    code = f"P-{Submission.objects.get().pk:05d}"

    sign_in(page, ann.user.email, start="/evaluations/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your evaluations")
    page.get_by_role("link", name=code).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Portfolio {code}")
    for number in range(1, 14):
        rating = page.get_by_role(
            "group", name=f"Your rating of competency {number}", exact=True
        )
        rating.get_by_role("radio", name="Met", exact=True).check()
    page.get_by_label("Comments for the candidate").fill("Thorough and clear.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("status").filter(has_text="your verdict")).to_contain_text(
        "Met"
    )
    shoot(page, "review-draft")
    page.get_by_role("button", name="Submit review").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Submit your review")
    expect(page.get_by_text("Thorough and clear.")).to_be_visible()  # the draft
    shoot(page, "review-confirm")
    page.get_by_role("button", name="Confirm: submit the review").click()
    expect(page.get_by_text("Review submitted:")).to_be_visible()
    expect(page.get_by_role("button", name="Submit review")).to_have_count(0)
