"""Reviews and outcomes: agreement, disagreement and a third reviewer, once."""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from candidates.models import Achievement
from evaluations.models import AssignmentState, Decision, Outcome, Review
from evaluations.reviews import Assessment, review_save, review_submit
from evaluations.rules import Rating
from evaluations.services import EvaluationError, assign_reviewers
from lssc.accounts.roles import StaffGroup
from portfolios.models import PortfolioStatus
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


def assessment(submission, rating, *, comment="", skip=()):
    competencies = submission.portfolio.competency_set.competencies.all()
    return Assessment(
        ratings={c.pk: (rating, comment) for c in competencies if c.number not in skip},
        comments_for_candidate="Clear narratives.",
        comments_for_committee="Confidential note.",
    )


@pytest.fixture
def reviewers(submission, make_evaluator):
    for name in ("Ann", "Bob", "Cy"):
        make_evaluator(name)
    return assign_reviewers(submission_id=submission.pk)


def submit(assignment, rating, submission):
    return review_submit(
        evaluator=assignment.evaluator,
        assignment_id=assignment.pk,
        assessment=assessment(submission, rating),
    )


def test_two_met_verdicts_achieve_the_set(submission, reviewers, commit):
    first, second = reviewers
    submit(first, Rating.MET, submission)
    assert not Decision.objects.exists()
    with commit():
        submit(second, Rating.MET, submission)
    decision = Decision.objects.get()
    assert decision.outcome == Outcome.ACHIEVED
    portfolio = submission.portfolio
    portfolio.refresh_from_db()
    assert portfolio.status == PortfolioStatus.ACHIEVED
    achievement = Achievement.objects.get(candidate=portfolio.candidate)
    assert achievement.method == "portfolio"
    assert any("You have achieved Technology" in m.subject for m in mail.outbox)


def test_two_not_met_verdicts_go_to_the_committee(submission, reviewers):
    first, second = reviewers
    submit(first, Rating.NOT_MET, submission)
    submit(second, Rating.PARTIALLY_MET, submission)
    assert Decision.objects.get().outcome == Outcome.REVISION
    assert not Achievement.objects.exists()


def test_disagreement_brings_a_third_reviewer_who_decides(submission, reviewers):
    first, second = reviewers
    submit(first, Rating.MET, submission)
    submit(second, Rating.NOT_MET, submission)
    assert not Decision.objects.exists()
    third = submission.assignments.get(third_reviewer=True)
    assert third.evaluator not in (first.evaluator, second.evaluator)
    assert third.evaluator.user.full_name == "Cy"
    submit(third, Rating.MET, submission)
    decision = Decision.objects.get()
    assert decision.outcome == Outcome.ACHIEVED
    assert decision.by_third_reviewer


def test_every_competency_must_be_rated_and_nothing_is_submitted_before(
    submission, reviewers
):
    first = reviewers[0]
    with pytest.raises(EvaluationError, match=r"not yet rated: 4, 9\."):
        review_submit(
            evaluator=first.evaluator,
            assignment_id=first.pk,
            assessment=assessment(submission, Rating.MET, skip=(4, 9)),
        )
    first.refresh_from_db()
    assert first.state == AssignmentState.ASSIGNED
    assert not Review.objects.filter(submitted_at__isnull=False).exists()


def test_a_submitted_review_cannot_change(submission, reviewers):
    first = reviewers[0]
    submit(first, Rating.MET, submission)
    for change in (review_save, review_submit):
        with pytest.raises(first.__class__.DoesNotExist):
            change(
                evaluator=first.evaluator,
                assignment_id=first.pk,
                assessment=assessment(submission, Rating.NOT_MET),
            )
    assert set(first.review.ratings.values_list("rating", flat=True)) == {"met"}


def test_an_evaluator_cannot_submit_anothers_assignment(submission, reviewers):
    first, second = reviewers
    with pytest.raises(first.__class__.DoesNotExist):
        review_submit(
            evaluator=second.evaluator,
            assignment_id=first.pk,
            assessment=assessment(submission, Rating.MET),
        )


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL row locks (CI)"
)
def test_two_reviews_at_the_same_instant_decide_exactly_once(submission, reviewers):
    first, second = reviewers
    barrier = threading.Barrier(2)
    errors = []

    def review(assignment):
        try:
            barrier.wait()
            submit(assignment, Rating.MET, submission)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=review, args=(a,)) for a in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Decision.objects.filter(submission=submission).count() == 1
    assert Achievement.objects.count() == 1


def test_the_committee_reads_reviews_in_the_admin(client, submission, reviewers):
    first = reviewers[0]
    submit(first, Rating.MET, submission)
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    review = Review.objects.get()
    page = client.get(reverse("admin:evaluations_review_change", args=[review.pk]))
    assert page.status_code == 200
    assert "Confidential note." in page.content.decode()
    listing = client.get(reverse("admin:evaluations_review_changelist"))
    assert listing.status_code == 200
