"""Payments waiting for staff: checks and purchase orders to record, flagged cards."""

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
            "awaiting_receipt",
            "payments.view_payment",
            "Applications and payments",
        )
    )
    register(
        Queue(
            "Card payments flagged for a check",
            lambda: Payment.objects.exclude(flagged_reason=""),
            "created_at",
            "flagged",
            "payments.view_payment",
            "Applications and payments",
        )
    )
