"""Reviews and the outcome they lead to.

A review is saved as a draft until the evaluator submits it; a submitted review
never changes. Each submission is decided once, inside the transaction of the
review that completes it, with the submission row locked, so two reviews
arriving at the same instant cannot both decide (nor neither):

- both first reviewers say met: the set is achieved by portfolio;
- both say not met: the committee (CRC) sends the candidate a revision request;
- they disagree: a third evaluator is assigned, and their verdict decides.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from lssc.audit.services import audit_log
from lssc.core.program import rules
from lssc.notifications.services import mail_queue
from portfolios import transitions as portfolio_transitions
from portfolios.models import PortfolioStatus, Submission

from . import transitions
from .errors import EvaluationError
from .models import (
    Assignment,
    AssignmentState,
    CompetencyRating,
    Decision,
    Outcome,
    Review,
)
from .rules import Rating, Verdict, combined_rating, verdict
from .services import assign_reviewers


@dataclass
class Assessment:
    """What an evaluator enters: ``ratings`` maps competency id to (rating, comment)."""

    ratings: dict
    comments_for_candidate: str = ""
    comments_for_committee: str = ""


def open_assignment_of(evaluator, assignment_id) -> Assignment:
    """The evaluator's own open assignment, locked; anything else does not exist."""
    return (
        Assignment.objects.select_for_update()
        .select_related("submission__portfolio__competency_set")
        .get(pk=assignment_id, evaluator=evaluator, state=AssignmentState.ASSIGNED)
    )


def review_save(*, evaluator, assignment_id, assessment: Assessment) -> Review:
    with transaction.atomic():
        assignment = open_assignment_of(evaluator, assignment_id)
        return _store(assignment, assessment)


def review_submit(*, evaluator, assignment_id, assessment: Assessment) -> Review:
    """Submit the review: every competency rated; then decide if it completes."""
    with transaction.atomic():
        # Lock the submission first: reviews of one submission finish one at a time.
        submission_id = Assignment.objects.values_list("submission_id", flat=True).get(
            pk=assignment_id, evaluator=evaluator, state=AssignmentState.ASSIGNED
        )
        Submission.objects.select_for_update().get(pk=submission_id)
        assignment = open_assignment_of(evaluator, assignment_id)
        review = _store(assignment, assessment)
        competencies = list(
            assignment.submission.portfolio.competency_set.competencies.all()
        )
        given = {r.competency_id: r.rating for r in review.ratings.all()}
        if problem := unrated_refusal(competencies, given):
            raise EvaluationError(problem)
        review.verdict = verdict(
            given.values(), pass_percent=rules().PORTFOLIO_PASS_MET_PERCENT
        )
        review.submitted_at = timezone.now()
        review.save(update_fields=["verdict", "submitted_at", "updated_at"])
        transitions.submit_review(assignment, by=evaluator.user, at=review.submitted_at)
        _decide(assignment.submission)
    return review


def unrated_refusal(competencies, given: dict) -> str:
    """Why a review rating ``given`` (competency id -> rating) cannot be submitted
    yet, ``""`` if every one of ``competencies`` is rated."""
    unmarked = [c.number for c in competencies if c.pk not in given]
    if not unmarked:
        return ""
    return (
        "Rate every competency before submitting; not yet rated: "
        + ", ".join(str(n) for n in unmarked)
        + "."
    )


def saved_assessment(review: Review) -> Assessment:
    """The draft ``review`` as saved, to submit exactly what the evaluator saw."""
    return Assessment(
        ratings={r.competency_id: (r.rating, r.comment) for r in review.ratings.all()},
        comments_for_candidate=review.comments_for_candidate,
        comments_for_committee=review.comments_for_committee,
    )


def _store(assignment: Assignment, assessment: Assessment) -> Review:
    competencies = {
        c.pk: c
        for c in assignment.submission.portfolio.competency_set.competencies.all()
    }
    review, _ = Review.objects.get_or_create(assignment=assignment)
    review.comments_for_candidate = assessment.comments_for_candidate.strip()
    review.comments_for_committee = assessment.comments_for_committee.strip()
    review.save()
    for competency_id, (rating, comment) in assessment.ratings.items():
        if competency_id not in competencies:
            raise EvaluationError("That competency is not part of this set.")
        if not rating:
            continue
        if rating not in Rating.values:
            raise EvaluationError("Rate each competency met, partially met or not met.")
        CompetencyRating.objects.update_or_create(
            review=review,
            competency_id=competency_id,
            defaults={"rating": rating, "comment": comment.strip()},
        )
    return review


def _decide(submission: Submission) -> Decision | None:
    """Decide once the reviews needed are in; the submission row is locked."""
    if Decision.objects.filter(submission=submission).exists():
        return None
    verdicts = {
        third: [
            a.review.verdict
            for a in submission.assignments.filter(
                third_reviewer=third, state=AssignmentState.SUBMITTED
            ).select_related("review")
        ]
        for third in (False, True)
    }
    first, third = verdicts[False], verdicts[True]
    if third:
        return _record(submission, third[0], by_third=True)
    if len(first) < 2:
        return None
    if first[0] == first[1]:
        return _record(submission, first[0], by_third=False)
    assign_reviewers(submission_id=submission.pk, third=True)
    return None


def _record(submission: Submission, final: str, *, by_third: bool) -> Decision:
    outcome = Outcome.ACHIEVED if final == Verdict.MET else Outcome.REVISION
    try:
        with transaction.atomic():
            decision = Decision.objects.create(
                submission=submission, outcome=outcome, by_third_reviewer=by_third
            )
    except IntegrityError:  # decided already: the row lock makes this unreachable
        return Decision.objects.get(submission=submission)
    portfolio = submission.portfolio
    if outcome == Outcome.ACHIEVED:
        portfolio_transitions.achieve(portfolio, decision=decision)
        return decision
    # Not a change of the portfolio's state: it stays under review until the
    # committee writes the revision request (``revision_request``).
    candidate = portfolio.candidate
    audit_log(
        subject=portfolio,
        action=f"portfolio.{outcome}",
        summary="The evaluators found the portfolio not yet sufficient",
        owner=candidate.user,
        from_state=PortfolioStatus.UNDER_REVIEW,
        to_state=portfolio.status,
    )
    mail_queue(
        key=f"portfolio-decided:{decision.pk}",
        to=candidate.user.email,
        template=f"portfolio_{outcome}",
        context={"portfolio": portfolio, "decision": decision},
    )
    return decision


def candidate_feedback(submission: Submission) -> dict:
    """What the candidate may read: combined ratings and comments, no names."""
    reviews = [
        a.review
        for a in submission.assignments.filter(
            state=AssignmentState.SUBMITTED
        ).select_related("review")
    ]
    by_competency: dict[int, list] = {}
    for review in reviews:
        for rating in review.ratings.all():
            by_competency.setdefault(rating.competency_id, []).append(rating.rating)
    combined = {}
    for competency_id, given in by_competency.items():
        value = given[0]
        for other in given[1:]:
            value = combined_rating(value, other)
        combined[competency_id] = Rating(value)
    return {
        "ratings": combined,
        "comments": [
            r.comments_for_candidate for r in reviews if r.comments_for_candidate
        ],
    }


def revision_request(
    *, decision_id, by, message: str, recommended_course=None
) -> Decision:
    """The committee sends the candidate what to revise, optionally recommending an
    approved course of the set (briefing C.4B); they may then resubmit."""
    if not message.strip():
        raise EvaluationError("Write what the candidate should revise.")
    with transaction.atomic():
        decision = (
            Decision.objects.select_for_update()
            .select_related("submission__portfolio__candidate__user")
            .get(pk=decision_id)
        )
        if decision.outcome != Outcome.REVISION or decision.revision_sent_at:
            raise EvaluationError("This decision needs no (further) revision request.")
        decision.revision_message = message.strip()
        if recommended_course is not None and not (
            recommended_course.competency_set_id
            == decision.submission.portfolio.competency_set_id
            and recommended_course.is_approved()
        ):
            raise EvaluationError(
                "Recommend a course approved today for the portfolio's own set."
            )
        decision.recommended_course = recommended_course
        decision.revision_sent_at = timezone.now()
        decision.revision_sent_by = by
        decision.save()
        portfolio_transitions.request_revision(
            decision.submission.portfolio,
            by=by,
            reason=decision.revision_message,
            decision=decision,
            feedback=candidate_feedback(decision.submission),
        )
    return decision
