"""Daily course work for Celery beat; each task is safe to run twice."""

from celery import shared_task

from .lapses import approval_reminders, approvals_lapse, waiting_applications_reminder


@shared_task(name="courses.approvals_daily")
def course_approvals_daily() -> dict:
    return {
        "lapsed": approvals_lapse(),
        "reminded": approval_reminders(),
        "waiting": waiting_applications_reminder(),
    }
