"""Creating, confirming, refunding and cancelling payments.

Every path that marks money received (a Stripe webhook, staff recording a check or a
purchase order) ends in ``payment_confirm``, which locks the row and does nothing the
second time, so retries and double clicks are harmless.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from lssc.audit.services import audit_log
from lssc.fees.services import fee_for
from lssc.notifications.services import mail_queue

from .enums import PaymentMethod, PaymentStatus, PurchaseOrderStatus
from .models import Payment, PurchaseOrder
from .signals import payment_confirmed


def payments_for(purpose):
    return Payment.objects.filter(
        purpose_type=ContentType.objects.get_for_model(purpose), purpose_id=purpose.pk
    )


def payment_create(
    *,
    payer,
    purpose,
    kind: str,
    description: str,
    method: str,
    ala_member: bool = False,
    item: int = 1,
    institution: str = "",
    amount_cents: int | None = None,
    on=None,
) -> Payment:
    """A pending payment whose amount is fixed now from the fee in effect on ``on``.

    ``amount_cents`` overrides the amount for a balance owed on the same fee (for
    example after staff find that a claimed membership cannot be verified).
    """
    fee = fee_for(kind, ala_member=ala_member, item=item, on=on)
    payment = Payment.objects.create(
        payer=payer,
        purpose=purpose,
        kind=kind,
        fee=fee,
        amount_cents=fee.amount_cents if amount_cents is None else amount_cents,
        description=description,
        method=method,
        institution=institution,
    )
    audit_log(
        subject=payment,
        action="payment.created",
        summary=f"Payment {payment.reference} of ${payment.amount:,.2f} created "
        f"({payment.get_method_display().lower()})",
        actor=payer,
        owner=payer,
        to_state=payment.status,
    )
    return payment


def payment_confirm(
    *, payment_id: int, actor=None, note: str = "", payment_intent: str = ""
) -> bool:
    """Mark a payment paid and let its purpose react; ``False`` if it already was.

    A cancelled payment can still be confirmed: the money arrived (a card checkout
    finished after the person switched to a check), so it is recorded, and staff
    refund whichever payment is surplus.
    """
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        if payment.status in (PaymentStatus.PAID, PaymentStatus.REFUNDED):
            return False
        previous = payment.status
        payment.status = PaymentStatus.PAID
        payment.paid_at = timezone.now()
        payment.received_by = actor
        payment.receipt_note = note[:200]
        payment.stripe_payment_intent = payment_intent or payment.stripe_payment_intent
        payment.save(
            update_fields=[
                "status",
                "paid_at",
                "received_by",
                "receipt_note",
                "stripe_payment_intent",
            ]
        )
        audit_log(
            subject=payment,
            action="payment.confirmed",
            summary=f"Payment {payment.reference} of ${payment.amount:,.2f} received",
            actor=actor,
            owner=payment.payer,
            from_state=previous,
            to_state=payment.status,
            reason=note,
        )
        mail_queue(
            key=f"payment-received:{payment.reference}",
            to=payment.payer.email,
            template="payment_received",
            context={"payment": payment, "person": payment.payer},
        )
        payment_confirmed.send(sender=Payment, payment=payment, actor=actor)
    return True


def payment_cancel(*, payment: Payment, actor, reason: str) -> bool:
    """Close a payment that was never made; ``False`` unless it was pending."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status != PaymentStatus.PENDING:
            return False
        _close(payment, PaymentStatus.CANCELLED, actor, reason, "payment.cancelled")
    return True


def payment_refund(*, payment: Payment, actor, reason: str) -> bool:
    """Record a refund of a paid payment; card payments are refunded through Stripe.

    Returns ``False`` when the payment was not paid (already refunded, say).
    """
    if not reason.strip():
        raise ValidationError("A refund needs a reason.")
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status != PaymentStatus.PAID:
            return False
        if payment.method == PaymentMethod.CARD and payment.stripe_payment_intent:
            from .stripe_gateway import card_refund

            card_refund(payment)
        _close(payment, PaymentStatus.REFUNDED, actor, reason, "payment.refunded")
    return True


def payment_flag(*, payment_id: int, reason: str) -> bool:
    """Set a payment aside for staff: a report about it did not match what is stored.

    Neither confirms nor closes it. Each distinct reason is kept (one a line) and
    audited once; ``False`` when the payment was already flagged for this reason.
    """
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        if reason in payment.flagged_reason.splitlines():
            return False
        payment.flagged_reason = "\n".join(
            filter(None, [payment.flagged_reason, reason])
        )
        payment.save(update_fields=["flagged_reason"])
        audit_log(
            subject=payment,
            action="payment.flagged",
            summary=f"Payment {payment.reference} flagged for a check by staff",
            owner=payment.payer,
            reason=reason,
        )
    return True


def payment_flag_clear(*, payment: Payment, actor, reason: str) -> bool:
    """Staff checked a flagged payment; ``False`` when it was not flagged."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if not payment.flagged_reason:
            return False
        payment.flagged_reason = ""
        payment.save(update_fields=["flagged_reason"])
        audit_log(
            subject=payment,
            action="payment.flag_cleared",
            summary=f"Payment {payment.reference} checked; flag cleared",
            actor=actor,
            owner=payment.payer,
            reason=reason,
        )
    return True


def _close(payment, status, actor, reason, action):
    previous = payment.status
    payment.status = status
    payment.closed_at = timezone.now()
    payment.closed_by = actor if actor is not None and actor.is_authenticated else None
    payment.close_reason = reason
    payment.save(update_fields=["status", "closed_at", "closed_by", "close_reason"])
    audit_log(
        subject=payment,
        action=action,
        summary=f"Payment {payment.reference} {payment.get_status_display().lower()}",
        actor=actor,
        owner=payment.payer,
        from_state=previous,
        to_state=status,
        reason=reason,
    )


def purchase_order_record_receipt(
    *, purchase_order: PurchaseOrder, actor, note: str = ""
) -> int:
    """Record that a purchase order was paid: every payment it covers is confirmed.

    Refuses (``ValidationError``) when the covered payments do not add up to the
    order's total. Returns how many payments were confirmed by this call.
    """
    with transaction.atomic():
        order = PurchaseOrder.objects.select_for_update().get(pk=purchase_order.pk)
        if order.status == PurchaseOrderStatus.RECEIVED:
            return 0
        covered = list(order.payments.exclude(status=PaymentStatus.CANCELLED))
        if not covered:
            raise ValidationError(f"{order} covers no payment.")
        total = sum(p.amount_cents for p in covered)
        if total != order.amount_cents:
            raise ValidationError(
                f"{order} totals ${order.amount_cents / 100:,.2f} but the payments it "
                f"covers add up to ${total / 100:,.2f}."
            )
        confirmed = sum(
            payment_confirm(
                payment_id=p.pk, actor=actor, note=note or f"PO {order.number}"
            )
            for p in covered
        )
        order.status = PurchaseOrderStatus.RECEIVED
        order.received_at = timezone.now()
        order.received_by = actor
        order.save(update_fields=["status", "received_at", "received_by"])
        audit_log(
            subject=order,
            action="purchase_order.received",
            summary=f"{order} received: {len(covered)} payment(s)",
            actor=actor,
            from_state=PurchaseOrderStatus.OPEN,
            to_state=order.status,
            reason=note,
        )
    return confirmed
