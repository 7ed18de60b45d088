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
