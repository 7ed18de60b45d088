from celery import shared_task

from .data_check import check_and_mail
from .services import SEND_TASK, mail_deliver, mail_retry_due


@shared_task(name=SEND_TASK)
def mail_send(mail_id: int) -> bool:
    return mail_deliver(mail_id)


@shared_task(name="notifications.retry_failed")
def mail_retry() -> int:
    return mail_retry_due()


@shared_task(name="notifications.data_check_nightly")
def data_check_nightly() -> dict:
    return check_and_mail()
