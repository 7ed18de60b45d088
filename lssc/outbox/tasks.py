from celery import shared_task

from .services import dispatch_pending


@shared_task(name="outbox.dispatch_pending")
def dispatch_pending_task() -> int:
    return dispatch_pending()
