from celery import shared_task

from .services import mail_deliver, mail_retry_due


@shared_task
def mail_send(mail_id: int) -> bool:
    return mail_deliver(mail_id)


@shared_task(name="notifications.retry_failed")
def mail_retry() -> int:
    return mail_retry_due()
