"""The course decisions providers and candidates may appeal to the CPC."""

from lssc.appeals.registry import register

from .models import ApplicationStatus, Completion, CourseApplication, ReviewState


def register_appealable():
    register(
        CourseApplication,
        noun="course approval decision",
        owner=lambda a: a.created_by_id,
        decision=lambda a: f"{a} not approved: {a.decision_reason}",
        appealable=lambda a: a.status == ApplicationStatus.REJECTED,
    )
    register(
        Completion,
        noun="course completion decision",
        owner=lambda c: c.candidate.user_id,
        decision=lambda c: f"Completion of {c.course.title} not accepted: {c.reason}",
        appealable=lambda c: c.state == ReviewState.REJECTED,
        select_related=("candidate", "course"),
    )
