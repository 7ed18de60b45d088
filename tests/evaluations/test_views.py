"""The evaluator's pages: their own assignments only, blind to the other review."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.models import AssignmentState, Decision
from evaluations.services import assign_reviewers
from lssc.payments.services import payment_confirm
from portfolios.models import PortfolioStatus, Submission
from portfolios.services import (
    portfolio_open,
    portfolio_pay,
    portfolio_submit,
)
from tests.candidates.helpers import admitted_candidate
from tests.factories import UserFactory
from tests.portfolios import files
from tests.portfolios.test_submission import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_submission(technology, make_evaluator, commit):
    make_evaluator("Ann Reviewer")
    make_evaluator("Bob Reviewer")
    candidate = admitted_candidate()
    candidate.user.full_name = "Casey Candidate"
    candidate.user.save()
    return submitted_and_paid(candidate, technology, commit)


def submitted_and_paid(candidate, competency_set, commit) -> Submission:
    """A complete portfolio, submitted and paid by check: evaluators are assigned."""
    portfolio = portfolio_open(
        candidate=candidate, competency_set=competency_set, by=None
    )
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment, _ = portfolio_pay(portfolio=portfolio, method="check")
    with commit():
        payment_confirm(payment_id=payment.pk)
    return Submission.objects.get(portfolio=portfolio)


def form(submission, rating, note):
    data = {"comments_for_candidate": note, "comments_for_committee": f"secret {note}"}
    for c in submission.portfolio.competency_set.competencies.all():
        data[f"rating-{c.pk}"] = rating
        data[f"comment-{c.pk}"] = f"{note} on {c.number}"
    return data


def test_dashboard_and_review_show_a_code_never_the_candidate(client, paid_submission):
    ann = paid_submission.assignments.get(evaluator__user__full_name="Ann Reviewer")
    client.force_login(ann.evaluator.user)
    dashboard = client.get(reverse("evaluations:dashboard")).content.decode()
    code = f"P-{paid_submission.pk:05d}"
    assert code in dashboard
    page = client.get(reverse("evaluations:review", args=[ann.pk])).content.decode()
    assert code in page
    assert "word word" in page  # the narrative from the snapshot
    for secret in ("Casey Candidate", "Springfield Public Library", "Bob Reviewer"):
        assert secret not in page


def test_blind_until_both_are_in_then_the_other_verdict_without_a_name(
    client, paid_submission
):
    ann = paid_submission.assignments.get(evaluator__user__full_name="Ann Reviewer")
    bob = paid_submission.assignments.get(evaluator__user__full_name="Bob Reviewer")
    client.force_login(bob.evaluator.user)
    client.post(
        reverse("evaluations:review_post", args=[bob.pk]),
        {**form(paid_submission, "met", "Bob-note"), "submit": "1"},
    )
    bob.refresh_from_db()
    assert bob.state == AssignmentState.SUBMITTED

    client.force_login(ann.evaluator.user)
    before = client.get(reverse("evaluations:review", args=[ann.pk])).content.decode()
    assert "Bob-note" not in before and "Bob Reviewer" not in before
    # A URL of Bob's assignment, or his files, are not Ann's to open.
    assert client.get(reverse("evaluations:review", args=[bob.pk])).status_code == 404

    client.post(
        reverse("evaluations:review_post", args=[ann.pk]),
        {**form(paid_submission, "met", "Ann-note"), "submit": "1"},
    )
    after = client.get(reverse("evaluations:review", args=[ann.pk])).content.decode()
    assert "Bob-note" in after
    assert "secret Bob-note" not in after  # confidential comments stay with the CRC
    assert "Bob Reviewer" not in after
    assert Decision.objects.get().outcome == "achieved"
    paid_submission.portfolio.refresh_from_db()
    assert paid_submission.portfolio.status == PortfolioStatus.ACHIEVED


def test_an_unmarked_competency_is_explained_and_kept_as_a_draft(
    client, paid_submission
):
    ann = paid_submission.assignments.get(evaluator__user__full_name="Ann Reviewer")
    client.force_login(ann.evaluator.user)
    data = form(paid_submission, "met", "Ann-note")
    first = paid_submission.portfolio.competency_set.competencies.get(number=1)
    del data[f"rating-{first.pk}"]
    response = client.post(
        reverse("evaluations:review_post", args=[ann.pk]),
        {**data, "submit": "1"},
        follow=True,
    )
    assert "not yet rated: 1." in response.content.decode()
    ann.refresh_from_db()
    assert ann.state == AssignmentState.ASSIGNED
    assert ann.review.ratings.count() == 12


def test_decline_from_the_review_page(client, paid_submission, make_evaluator):
    make_evaluator("Cy Reviewer")
    ann = paid_submission.assignments.get(evaluator__user__full_name="Ann Reviewer")
    client.force_login(ann.evaluator.user)
    client.post(reverse("evaluations:decline", args=[ann.pk]), {"reason": "I know her"})
    ann.refresh_from_db()
    assert ann.state == AssignmentState.DECLINED
    assert paid_submission.assignments.filter(state="assigned").count() == 2
    assert client.get(reverse("evaluations:review", args=[ann.pk])).status_code == 404


def test_evidence_opens_for_the_assigned_evaluator_only(client, paid_submission):
    ann = paid_submission.assignments.get(evaluator__user__full_name="Ann Reviewer")
    evidence_id = paid_submission.snapshot["evidence"][0]["id"]
    url = reverse("evaluations:evidence", args=[ann.pk, evidence_id])
    client.force_login(ann.evaluator.user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == files.PDF
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_people_who_are_not_evaluators_have_no_dashboard(client):
    client.force_login(UserFactory())
    assert client.get(reverse("evaluations:dashboard")).status_code == 404


def test_the_dashboard_costs_the_same_for_one_or_many_assignments(
    client, technology, make_evaluator, django_assert_max_num_queries
):
    ann = make_evaluator("Ann Reviewer", max_assignments=10)
    client.force_login(ann.user)

    def new_submission():
        portfolio = portfolio_open(
            candidate=admitted_candidate(), competency_set=technology, by=None
        )
        submission = Submission.objects.create(
            portfolio=portfolio, number=1, snapshot={}
        )
        assign_reviewers(submission_id=submission.pk)

    new_submission()
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("evaluations:dashboard")).status_code == 200
    baseline = len(one.captured_queries)  # read now: the next request clears the log
    for _ in range(5):
        new_submission()
    with django_assert_max_num_queries(baseline):
        assert client.get(reverse("evaluations:dashboard")).status_code == 200
