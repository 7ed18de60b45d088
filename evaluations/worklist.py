"""Portfolio evaluation work waiting for staff and the CRC."""

from django.utils import timezone

from lssc.core.worklist import Queue, register
from portfolios.models import Submission

from .models import (
    ApplicationState,
    Assignment,
    AssignmentState,
    Decision,
    Evaluator,
    EvaluatorApplication,
    Outcome,
)
from .services import needs_evaluator


def register_queues():
    group = "Portfolios and evaluators"
    register(
        Queue(
            "Offers to evaluate for the CRC",
            lambda: EvaluatorApplication.objects.filter(state=ApplicationState.PENDING),
            "created_at",
            "offers",
            "evaluations.view_evaluatorapplication",
            group,
        )
    )
    register(
        Queue(
            "Selected evaluators awaiting training",
            lambda: Evaluator.objects.filter(trained_on=None, active=True),
            "user__date_joined",
            "training",
            "evaluations.view_evaluator",
            group,
        )
    )
    register(
        Queue(
            "Portfolios needing an evaluator",
            lambda: Submission.objects.filter(pk__in=needs_evaluator().values("pk")),
            "submitted_at",
            "needs_evaluator",
            "portfolios.view_submission",
            group,
        )
    )
    register(
        Queue(
            "Overdue reviews",
            lambda: Assignment.objects.filter(
                state=AssignmentState.ASSIGNED, due_on__lt=timezone.localdate()
            ),
            "due_on",
            "overdue",
            "evaluations.view_assignment",
            group,
        )
    )
    register(
        Queue(
            "Disagreements with a third evaluator",
            lambda: Submission.objects.filter(
                assignments__third_reviewer=True, decision__isnull=True
            ).distinct(),
            "submitted_at",
            "third",
            "portfolios.view_submission",
            group,
        )
    )
    register(
        Queue(
            "Revision requests for the CRC to send",
            lambda: Decision.objects.filter(
                outcome=Outcome.REVISION, revision_sent_at=None
            ),
            "decided_at",
            "revision",
            "evaluations.view_decision",
            group,
        )
    )
