from celery import shared_task

from .services import SEND_TASK, mail_deliver, mail_retry_due


@shared_task(name=SEND_TASK)
def mail_send(mail_id: int) -> bool:
    return mail_deliver(mail_id)


@shared_task(name="notifications.retry_failed")
def mail_retry() -> int:
    return mail_retry_due()
