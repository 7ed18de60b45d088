from celery import shared_task

from .reminders import send_review_reminders


@shared_task(name="evaluations.send_review_reminders")
def review_reminders() -> int:
    return send_review_reminders()
