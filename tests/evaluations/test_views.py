"""The evaluator's pages: their own assignments only, blind to the other review."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluations.models import AssignmentState, Decision
from evaluations.reviews import Assessment, review_save, review_submit
from evaluations.rules import Rating
from evaluations.services import assign_reviewers
from lssc.payments.services import payment_confirm
from portfolios.models import PortfolioStatus, Submission
from portfolios.services import (
    portfolio_open,
    portfolio_pay,
    portfolio_submit,
)
from tests.candidates.helpers import admitted_candidate, moment
from tests.factories import UserFactory
from tests.portfolios import files
from tests.portfolios.test_submission import complete

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


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


def submit_review(client, assignment, data):
    """Save the form as a draft, then confirm it on the summary page."""
    client.post(
        reverse("evaluations:review_post", args=[assignment.pk]),
        {**data, "submit": "1"},
    )
    return client.post(
        reverse("evaluations:review_confirm", args=[assignment.pk]),
        {"confirm": "yes"},
    )


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
    submit_review(client, bob, form(paid_submission, "met", "Bob-note"))
    bob.refresh_from_db()
    assert bob.state == AssignmentState.SUBMITTED

    client.force_login(ann.evaluator.user)
    before = client.get(reverse("evaluations:review", args=[ann.pk])).content.decode()
    assert "Bob-note" not in before and "Bob Reviewer" not in before
    # A URL of Bob's assignment, or his files, are not Ann's to open.
    assert client.get(reverse("evaluations:review", args=[bob.pk])).status_code == 404

    submit_review(client, ann, form(paid_submission, "met", "Ann-note"))
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


def test_people_who_are_not_evaluators_are_sent_home_and_told_why(client):
    client.force_login(UserFactory())
    response = client.get(reverse("evaluations:dashboard"), follow=True)
    assert response.redirect_chain == [(reverse("home"), 302)]
    assert "Only evaluators have reviews to do." in response.content.decode()


def _assigned(technology, evaluator, *, on=None):
    """A Technology submission assigned to ``evaluator`` (``on`` that day)."""
    with moment(on or timezone.localdate()):
        portfolio = portfolio_open(
            candidate=admitted_candidate(), competency_set=technology, by=None
        )
        submission = Submission.objects.create(
            portfolio=portfolio, number=1, snapshot={}
        )
        assign_reviewers(submission_id=submission.pk)
    return submission.assignments.get(evaluator=evaluator)


def _all_met(assignment, note="Shown.") -> Assessment:
    competencies = assignment.submission.portfolio.competency_set.competencies.all()
    return Assessment(
        ratings={c.pk: (Rating.MET, "") for c in competencies},
        comments_for_candidate=note,
    )


def test_the_dashboard_separates_overdue_drafts_and_completed_reviews(
    client, technology, cataloging, make_evaluator
):
    ann = make_evaluator("Ann Reviewer", max_assignments=10, sets=[technology])
    make_evaluator("Bob Reviewer")
    ann.sets.add(cataloging)
    late = _assigned(technology, ann, on=timezone.localdate() - 90 * DAY)
    assert late.due_on < timezone.localdate()
    drafted = _assigned(technology, ann)
    review_save(evaluator=ann, assignment_id=drafted.pk, assessment=_all_met(drafted))
    done = _assigned(technology, ann)
    review_submit(evaluator=ann, assignment_id=done.pk, assessment=_all_met(done))
    client.force_login(ann.user)

    response = client.get(reverse("evaluations:dashboard"))

    assert [a.pk for a in response.context["assignments"]] == [late.pk, drafted.pk]
    assert [a.pk for a in response.context["completed"]] == [done.pk]
    html = response.content.decode()
    assert "2 reviews to do, 1 overdue, 1 with a saved draft." in html
    assert re.search(rf"P-{late.submission_id:05d}.*?overdue", html, re.S)
    assert "Draft saved" in html
    assert "Technology" in html and "Cataloging and Classification" in html
    assert "training completed on March 1, 2026" in html


def test_an_evaluator_not_yet_trained_is_told_so(client, make_evaluator):
    ann = make_evaluator("Ann Reviewer", trained_on=None)
    client.force_login(ann.user)
    html = client.get(reverse("evaluations:dashboard")).content.decode()
    assert "training is not recorded yet" in html
    assert "No portfolios are assigned to you at the moment." in html


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
    # Drafts and completed reviews cost nothing more either.
    make_evaluator("Bob Reviewer")
    drafted = _assigned(technology, ann)
    review_save(evaluator=ann, assignment_id=drafted.pk, assessment=_all_met(drafted))
    done = _assigned(technology, ann)
    review_submit(evaluator=ann, assignment_id=done.pk, assessment=_all_met(done))
    with django_assert_max_num_queries(baseline):
        assert client.get(reverse("evaluations:dashboard")).status_code == 200
