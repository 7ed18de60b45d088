"""The portfolio's three outcomes, as the people involved see them.

Three trained evaluators (as seed_demo makes them). Technology: the first two
disagree, the third decides "met" and the set shows as achieved in the CAR.
Youth Services: two "not met", the committee sends a revision request with a
recommended course, and the candidate revises and resubmits.
"""

import datetime
import re

from playwright.sync_api import expect

from evaluations.models import Assignment, Evaluator
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.payments.services import payment_confirm
from portfolios.models import PortfolioStatus, Submission
from portfolios.services import portfolio_open, portfolio_pay, portfolio_submit
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import approved_course, make_provider
from tests.factories import UserFactory, staff_user
from tests.portfolios.test_submission import complete

from .people import sign_in, staff_sign_in

SETS = ["technology", "youth-services"]


def evaluators():
    people = []
    for name, workplace in [
        ("Eva Evaluator", "Lakeside Community College"),
        ("Evan Evaluator", "Riverside Public Library"),
        ("Ezra Evaluator", "State Library of Illinois"),
    ]:
        person = Evaluator.objects.create(
            user=UserFactory(full_name=name),
            institution=workplace,
            trained_on=datetime.date(2026, 1, 15),
        )
        person.sets.set(CompetencySet.objects.filter(slug__in=SETS))
        people.append(person)
    return people


def submitted(candidate, slug):
    portfolio = portfolio_open(
        candidate=candidate,
        competency_set=CompetencySet.objects.get(slug=slug),
        by=None,
    )
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment, _ = portfolio_pay(portfolio=portfolio, method="check")
    payment_confirm(payment_id=payment.pk)  # commits: reviewers are assigned
    return Submission.objects.get(portfolio=portfolio)


def review(open_page, assignment, rating):
    page = open_page()
    sign_in(page, assignment.evaluator.user.email, start="/evaluations/")
    code = f"P-{assignment.submission_id:05d}"
    page.get_by_role("link", name=code).click()
    groups = page.get_by_role("group", name=re.compile("^Your rating of competency"))
    for index in range(groups.count()):
        groups.nth(index).get_by_role("radio", name=rating, exact=True).check()
    page.get_by_label("Comments for the candidate").fill(f"{rating}: see the rubric.")
    page.get_by_role("button", name="Submit review").click()
    page.get_by_role("button", name="Confirm: submit the review").click()
    expect(page.get_by_text("Review submitted:")).to_be_visible()


def test_disagreement_then_a_third_evaluator_achieves_the_set(open_page, shoot):
    evaluators()
    candidate = admitted_candidate()
    submission = submitted(candidate, "technology")
    first, second = submission.assignments.order_by("pk")
    review(open_page, first, "Met")
    review(open_page, second, "Not met")
    third = Assignment.objects.get(submission=submission, third_reviewer=True)
    assert third.evaluator not in (first.evaluator, second.evaluator)
    review(open_page, third, "Met")

    page = open_page()
    sign_in(page, candidate.user.email)
    page.get_by_role("link", name="My certification").click()
    page.get_by_role("link", name="Your full record").click()
    technology = page.get_by_role("row", name=re.compile("^Required Technology"))
    expect(technology).to_contain_text("Achieved")
    shoot(page, "car-portfolio-achieved")


def test_two_not_met_then_a_revision_request_and_a_resubmission(open_page, shoot):
    evaluators()
    candidate = admitted_candidate()
    submission = submitted(candidate, "youth-services")
    for assignment in submission.assignments.all():
        review(open_page, assignment, "Not met")

    crc = staff_user(StaffGroup.REVIEW_COMMITTEE)
    approved_course(
        make_provider(),
        CompetencySet.objects.get(slug="youth-services"),
        officer=staff_user(StaffGroup.PROGRAM_OFFICER),
        title="LIBT 140 Services to Children",
    )
    desk = open_page()
    staff_sign_in(desk, crc.email)
    desk.goto("/admin/evaluations/decision/?queue=revision")
    desk.get_by_role("row", name=re.compile("Youth Services")).get_by_role(
        "checkbox"
    ).check()
    desk.get_by_role("combobox", name=re.compile("^Action")).select_option(
        label="Send the revision request"
    )
    desk.get_by_role("button", name="Run").click()
    desk.get_by_label("What the candidate should revise").fill(
        "Show a storytime you planned, with the materials."
    )
    desk.get_by_label("Recommended approved course (optional)").select_option(
        label="Youth Services: LIBT 140 Services to Children (Prairie Library "
        "Cooperative)"
    )
    desk.get_by_role("button", name="Send the revision request").click()
    expect(desk.get_by_text(re.compile("revision request sent"))).to_be_visible()

    page = open_page()
    sign_in(page, candidate.user.email, start=f"/portfolios/{submission.portfolio_id}/")
    expect(page.get_by_text("Revision requested", exact=True)).to_be_visible()
    page.get_by_role("link", name="The evaluators' feedback").click()
    expect(
        page.get_by_role("link", name="LIBT 140 Services to Children")
    ).to_be_visible()
    shoot(page, "portfolio-feedback")
    page.get_by_role("link", name="Back to the portfolio").click()
    page.get_by_role("button", name="Submit for evaluation").click()
    page.get_by_role("button", name="Confirm: submit for evaluation").click()
    expect(
        page.get_by_text("Submitted: the evaluators will now review it.")
    ).to_be_visible()
    portfolio = submission.portfolio
    portfolio.refresh_from_db()
    assert portfolio.status == PortfolioStatus.UNDER_REVIEW
    assert portfolio.submissions.count() == 2
