"""Background work for candidates; each task is safe to run twice."""

from celery import shared_task

from .certificates import MAKE_TASK, certificate_issue


@shared_task(name=MAKE_TASK)
def certificate_make(certification_id: int) -> bool:
    return certificate_issue(certification_id)


@shared_task(name="candidates.deadline_reminders")
def deadline_reminders_daily() -> int:
    from .reminders import deadline_reminders

    return deadline_reminders()


@shared_task(name="candidates.state_library_digests")
def state_library_digests_monthly() -> int:
    from .state_libraries import state_library_digests_send

    return len(state_library_digests_send())
