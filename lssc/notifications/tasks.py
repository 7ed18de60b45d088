from celery import shared_task

from .services import mail_deliver


@shared_task
def mail_send(mail_id: int) -> bool:
    return mail_deliver(mail_id)
