"""Payments waiting for staff to record a check or purchase order."""

from lssc.core.worklist import Queue, register

from .enums import PaymentMethod, PaymentStatus
from .models import Payment


def register_queues():
    register(
        Queue(
            "Checks and purchase orders awaiting receipt",
            lambda: Payment.objects.filter(status=PaymentStatus.PENDING).exclude(
                method=PaymentMethod.CARD
            ),
            "created_at",
            "admin:payments_payment_changelist",
            "?status__exact=pending",
            "payments.view_payment",
            "Applications and payments",
        )
    )
