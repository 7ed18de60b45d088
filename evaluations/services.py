"""Assigning blind reviewers to portfolio submissions.

Who may review a submission: an active evaluator who completed the portfolio
training, is qualified for the set, is not the candidate, does not work where the
candidate works, and has never been assigned this submission (a decline is not
undone by reassigning the same person). Among them, the fewest open assignments
first (under each one's own limit), then whoever was assigned least recently.
"""

import datetime

from django.db import transaction
from django.db.models import Count, F, Max, Q
from django.db.models.functions import Lower, Trim
from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.audit.services import audit_log
from lssc.core.program import rules
from lssc.notifications.services import mail_queue
from portfolios.models import Submission

from . import transitions
from .errors import EvaluationError
from .models import Assignment, AssignmentState, Evaluator

REVIEWERS = 2
# Assignments that still count: not declined, not withdrawn by staff.
COUNTING = (AssignmentState.ASSIGNED, AssignmentState.SUBMITTED)


def eligible_evaluators(submission: Submission):
    portfolio = submission.portfolio
    candidate = portfolio.candidate
    workplace = candidate.application.library_name.strip()
    return (
        Evaluator.objects.filter(
            active=True,
            trained_on__isnull=False,
            sets=portfolio.competency_set,
        )
        .exclude(user_id=candidate.user_id)
        .annotate(workplace=Lower(Trim("institution")))
        .exclude(workplace=workplace.lower())
        .exclude(assignments__submission=submission)
        .annotate(
            open_count=Count(
                "assignments", filter=Q(assignments__state=AssignmentState.ASSIGNED)
            ),
            last_assigned=Max("assignments__assigned_at"),
        )
        .filter(open_count__lt=F("max_assignments"))
        .order_by("open_count", F("last_assigned").asc(nulls_first=True), "pk")
    )


def assign_reviewers(*, submission_id, third: bool = False, by=None) -> list:
    """Fill the submission's empty reviewer places; the new assignments.

    Two places for the first reviews, one for the third reviewer. Places left
    empty put the submission in the "needs evaluator" queue and staff are told.
    """
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update()
            .select_related(
                "portfolio__competency_set", "portfolio__candidate__application"
            )
            .get(pk=submission_id)
        )
        places = 1 if third else REVIEWERS
        taken = submission.assignments.filter(
            third_reviewer=third, state__in=COUNTING
        ).count()
        chosen = list(eligible_evaluators(submission)[: max(places - taken, 0)])
        assignments = [
            _assign(submission, evaluator, third=third, by=by) for evaluator in chosen
        ]
        if taken + len(assignments) < places:
            _needs_evaluator(submission, missing=places - taken - len(assignments))
    return assignments


def _assign(submission, evaluator, *, third, by) -> Assignment:
    due_on = timezone.localdate() + datetime.timedelta(days=rules().REVIEW_DUE_DAYS)
    assignment = Assignment.objects.create(
        submission=submission, evaluator=evaluator, third_reviewer=third, due_on=due_on
    )
    audit_log(
        subject=submission.portfolio,
        action="evaluation.assigned",
        # The candidate's history shows that a reviewer was assigned, never who.
        summary="A third evaluator was assigned"
        if third
        else "An evaluator was assigned",
        actor=by,
        owner=submission.portfolio.candidate.user,
    )
    mail_queue(
        key=f"evaluator-assigned:{assignment.pk}",
        to=evaluator.user.email,
        template="evaluator_assigned",
        context={"assignment": assignment, "evaluator": evaluator},
    )
    return assignment


def _needs_evaluator(submission, *, missing: int) -> None:
    for email in staff_emails(StaffGroup.PROGRAM_OFFICER):
        mail_queue(
            key=f"needs-evaluator:{submission.pk}:{missing}:{email}",
            to=email,
            template="staff_needs_evaluator",
            context={"submission": submission, "missing": missing},
        )


def needs_evaluator():
    """Submissions under review with fewer first reviewers than they need."""
    return (
        Submission.objects.filter(
            portfolio__status="under_review",
        )
        .annotate(
            reviewers=Count(
                "assignments",
                filter=Q(
                    assignments__state__in=COUNTING, assignments__third_reviewer=False
                ),
            )
        )
        .filter(reviewers__lt=REVIEWERS)
    )


def assignment_decline(*, assignment_id, by, reason: str) -> Assignment:
    """The evaluator cannot review it (a conflict, no time); someone else will."""
    return _close_and_replace(transitions.decline, assignment_id, by, reason)


def assignment_withdraw(*, assignment_id, by, reason: str) -> Assignment:
    """Staff take a review away from an evaluator; someone else is assigned."""
    return _close_and_replace(transitions.withdraw, assignment_id, by, reason)


def assignment_hand_over(*, assignment_id, evaluator_id, by, reason: str) -> Assignment:
    """Staff choose who reviews in place of an open assignment (the committee may
    pick the third evaluator itself). The choice must meet the same rules."""
    with transaction.atomic():
        assignment = _open_assignment(assignment_id, reason)
        Submission.objects.select_for_update().get(pk=assignment.submission_id)
        evaluator = (
            eligible_evaluators(assignment.submission).filter(pk=evaluator_id).first()
        )
        if evaluator is None:
            raise EvaluationError(
                "That evaluator cannot take it: not qualified, trained and active, "
                "at their limit, from the candidate's library, or already assigned."
            )
        transitions.hand_over(
            assignment, by=by, reason=reason.strip(), successor=evaluator
        )
        return _assign(
            assignment.submission, evaluator, third=assignment.third_reviewer, by=by
        )


def _close_and_replace(close, assignment_id, by, reason) -> Assignment:
    with transaction.atomic():
        assignment = _open_assignment(assignment_id, reason)
        close(assignment, by=by, reason=reason.strip())
        assign_reviewers(
            submission_id=assignment.submission_id,
            third=assignment.third_reviewer,
            by=by,
        )
    return assignment


def _open_assignment(assignment_id, reason: str) -> Assignment:
    """The assignment, locked, if it is still open and a reason is given."""
    if not reason.strip():
        raise EvaluationError("Give the reason.")
    assignment = Assignment.objects.select_for_update().get(pk=assignment_id)
    if assignment.state != AssignmentState.ASSIGNED:
        raise EvaluationError("This assignment is no longer open.")
    return assignment
