"""Background work for payments; each task is safe to run twice."""

from celery import shared_task

from .invoices import SEND_TASK, invoice_send


@shared_task(name=SEND_TASK)
def invoice_mail(invoice_id: int) -> bool:
    return invoice_send(invoice_id)
