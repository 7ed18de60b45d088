"""Read-only queries other apps and pages share."""

import datetime

from django.utils import timezone

from lssc.core.program import rules

from .models import ApplicationStatus, Course, CourseApplication


def approved_courses(on=None):
    """Courses approved on ``on`` (today): what the catalog lists."""
    on = on or timezone.localdate()
    return Course.objects.filter(approved_on__lte=on, expires_on__gt=on)


def applications_waiting_too_long(today=None):
    """Course applications in review for more than COURSE_REVIEW_WAITING_DAYS: the
    daily reminder's list and the staff queue it links to."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=rules().COURSE_REVIEW_WAITING_DAYS)
    return CourseApplication.objects.filter(
        status=ApplicationStatus.IN_REVIEW, in_review_since__date__lt=cutoff
    )


PENDING_STATES = (
    ApplicationStatus.AWAITING_PAYMENT,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.CHANGES_REQUESTED,
)


def courses_by_state(courses, applications, today=None) -> dict[str, list]:
    """A provider's courses as their dashboard groups them: approvals lapsing within
    the first lapse reminder's days (90), the others still approved, those lapsed,
    and the applications submitted but not yet decided (pending)."""
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=max(rules().COURSE_LAPSE_REMINDER_DAYS))
    groups = {"lapsing": [], "approved": [], "pending": [], "lapsed": []}
    for course in sorted(courses, key=lambda c: (c.expires_on, c.title)):
        if course.expires_on <= today:
            groups["lapsed"].append(course)
        elif course.expires_on <= soon:
            groups["lapsing"].append(course)
        else:
            groups["approved"].append(course)
    groups["pending"] = [a for a in applications if a.status in PENDING_STATES]
    return groups
