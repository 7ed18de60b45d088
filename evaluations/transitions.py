"""The states of an evaluator's assignment and of an offer to evaluate.

An assignment is open until its evaluator submits the review, declines it, or staff
withdraw it (or hand it over to someone they choose); each of these closes it for
good. An offer to evaluate waits for the committee, which selects or declines it.

Services check the request (a reason given, the review complete, someone else
eligible) and call these; replacements and outcomes follow in the services.
"""

from django.utils import timezone

from lssc.audit.transitions import StateMachine
from lssc.notifications.services import mail_queue

from .errors import EvaluationError
from .models import (
    ApplicationState,
    Assignment,
    AssignmentState,
    Evaluator,
    EvaluatorApplication,
)

# Assignments --------------------------------------------------------------------------

# No owner: the candidate's history never shows who reviews them (their portfolio's
# entries say only that a reviewer was assigned).
assignments = StateMachine(Assignment, "state", error=EvaluationError)


@assignments.transition(
    source=AssignmentState.ASSIGNED,
    target=AssignmentState.SUBMITTED,
    action="evaluation.review_submitted",
    summary="Review submitted",
    verb="submitted",
)
def submit_review(change, *, at=None):
    """The review is in (``at``: when it was submitted); it never changes again."""
    change.obj.closed_at = at or timezone.now()


def _close(change) -> None:
    change.obj.closed_at = timezone.now()
    change.obj.decline_reason = change.reason


@assignments.transition(
    source=AssignmentState.ASSIGNED,
    target=AssignmentState.DECLINED,
    action="evaluation.declined",
    summary="Assignment declined",
    verb="declined",
)
def decline(change):
    """The evaluator cannot review it (``reason``: a conflict, no time)."""
    _close(change)


@assignments.transition(
    source=AssignmentState.ASSIGNED,
    target=AssignmentState.WITHDRAWN,
    action="evaluation.withdrawn",
    summary="Assignment withdrawn",
    verb="withdrawn",
)
def withdraw(change):
    """Staff take the review away from the evaluator (``reason`` says why)."""
    _close(change)


@assignments.transition(
    source=AssignmentState.ASSIGNED,
    target=AssignmentState.WITHDRAWN,
    action="evaluation.withdrawn",
    summary="Assignment handed over",
    verb="handed over",
)
def hand_over(change, *, successor):
    """Staff withdraw it in favour of the evaluator they chose (``successor``)."""
    _close(change)
    change.summary = f"Assignment handed over to {successor}"


# Offers to evaluate -------------------------------------------------------------------


def _offer_summary(state):
    return lambda application: (
        f"Offer to evaluate from {application.user.email}: {state.label.lower()}"
    )


offers = StateMachine(
    EvaluatorApplication,
    "state",
    owner=lambda application: application.user,
    error=EvaluationError,
    select_related=("user",),
    noun="offer to evaluate",
)


@offers.transition(
    source=ApplicationState.PENDING,
    target=ApplicationState.SELECTED,
    action="evaluator_application.selected",
    summary=_offer_summary(ApplicationState.SELECTED),
    verb="selected",
)
def select_offer(change):
    """The committee takes the offer: an evaluator profile, not yet trained (so not
    yet assignable), for the sets offered."""
    application = change.obj
    evaluator, _ = Evaluator.objects.get_or_create(
        user=application.user, defaults={"institution": application.institution}
    )
    evaluator.sets.add(*application.sets.all())
    application.record_decision(change.by)
    mail_queue(
        key=f"evaluator-selected:{application.pk}",
        to=application.user.email,
        template="evaluator_selected",
        context={"application": application},
    )


@offers.transition(
    source=ApplicationState.PENDING,
    target=ApplicationState.DECLINED,
    action="evaluator_application.declined",
    summary=_offer_summary(ApplicationState.DECLINED),
    verb="declined",
)
def decline_offer(change):
    """Not taken up; the ``reason`` is sent to the applicant."""
    application = change.obj
    application.record_decision(change.by, change.reason)
    mail_queue(
        key=f"evaluator-declined:{application.pk}",
        to=application.user.email,
        template="evaluator_declined",
        context={"application": application},
    )
