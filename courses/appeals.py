"""The course decisions providers and candidates may appeal to the CPC."""

from lssc.appeals.registry import register

from . import transitions
from .models import ApplicationStatus, Completion, CourseApplication, ReviewState


def _reopen(application, *, appeal, by):
    """The CPC upheld an appeal of a refusal: the application goes back to review
    (its fee was paid), for the reviewers to decide again as the CPC directs."""
    transitions.reopen.if_allowed(
        application.pk, by=by, reason=appeal.decision_reason, appeal=appeal
    )


def register_appealable():
    register(
        CourseApplication,
        noun="course approval decision",
        owner=lambda a: a.created_by_id,
        owner_lookup="created_by",
        decision=lambda a: f"{a} not approved: {a.decision_reason}",
        appealable=lambda a: a.status == ApplicationStatus.REJECTED,
        decided_at=lambda a: a.decided_at,
        upheld=_reopen,
    )
    register(
        Completion,
        noun="course completion decision",
        owner=lambda c: c.candidate.user_id,
        owner_lookup="candidate__user",
        decision=lambda c: (
            f"Completion of {c.course.title} not accepted: {c.decision_reason}"
        ),
        appealable=lambda c: c.state == ReviewState.REJECTED,
        decided_at=lambda c: c.decided_at,
        select_related=("candidate", "course"),
    )
