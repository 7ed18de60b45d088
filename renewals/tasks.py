from celery import shared_task

from .reminders import renewal_reminders


@shared_task(name="renewals.renewal_reminders")
def renewal_reminders_daily() -> int:
    return renewal_reminders()
