"""Creating, confirming, refunding and cancelling payments.

Every path that marks money received (a Stripe webhook, staff recording a check or a
purchase order) ends in ``payment_confirm``, the ``confirm`` transition, which locks
the row and does nothing the second time, so retries and double clicks are harmless.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from lssc.audit.services import audit_log
from lssc.fees.services import fee_for

from . import transitions
from .enums import OFFLINE_METHODS, PaymentStatus, PurchaseOrderStatus
from .invoices import invoice_follow_payment, invoice_issue
from .models import Payment, PurchaseOrder


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
    """A pending payment whose amount is fixed now from the fee in effect on ``on``;
    a check or purchase-order payment is invoiced in the same transaction.

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
    if method in OFFLINE_METHODS:
        invoice_issue(payment=payment, by=payer)
    return payment


def payment_confirm(
    *, payment_id: int, actor=None, note: str = "", payment_intent: str = ""
) -> bool:
    """Mark a payment paid and let its purpose react; ``False`` if it already was
    (a webhook retried, a check recorded twice)."""
    confirmed = transitions.confirm.if_allowed(
        payment_id, by=actor, reason=note, payment_intent=payment_intent
    )
    return confirmed is not None


def payment_cancel(*, payment: Payment, actor, reason: str) -> bool:
    """Close a payment that was never made; ``False`` unless it was pending."""
    cancelled = transitions.cancel.if_allowed(payment.pk, by=actor, reason=reason)
    return cancelled is not None


def payment_refund(*, payment: Payment, actor, reason: str) -> bool:
    """Record a refund of a paid payment; card payments are refunded through Stripe.

    Returns ``False`` when the payment was not paid (already refunded, say).
    """
    if not reason.strip():
        raise ValidationError("A refund needs a reason.")
    refunded = transitions.refund.if_allowed(payment.pk, by=actor, reason=reason)
    return refunded is not None


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
        covered = list(
            order.payments.exclude(status=PaymentStatus.CANCELLED).select_for_update()
        )
        if not covered:
            raise ValidationError(f"{order} covers no payment.")
        total = sum(p.amount_cents for p in covered)
        if total != order.amount_cents:
            raise ValidationError(
                f"{order} totals ${order.amount_cents / 100:,.2f} but the payments it "
                f"covers add up to ${total / 100:,.2f}."
            )
        # Locked, so the count of those confirmed now is exact.
        confirmed = sum(p.status == PaymentStatus.PENDING for p in covered)
        transitions.receive(order, by=actor, reason=note)
    return confirmed


def purchase_order_cover(*, purchase_order: PurchaseOrder, payments, actor) -> int:
    """Make ``payments`` the ones ``purchase_order`` pays for: those added and those
    taken off are changed, each with an audit entry. Returns how many changed.

    Their invoices follow: billed to the order's contact while it covers them (and
    again when staff correct the contact), to the payer once it no longer does.
    """
    chosen = {p.pk for p in payments}
    changed = 0
    with transaction.atomic():
        order = PurchaseOrder.objects.select_for_update().get(pk=purchase_order.pk)
        rows = (
            Payment.objects.select_for_update(of=("self",))
            .select_related("payer", "purchase_order")
            .filter(Q(purchase_order=order) | Q(pk__in=chosen))
            .order_by("pk")
        )
        for payment in rows:
            before = payment.purchase_order
            if payment.pk not in chosen:
                payment.purchase_order = None
                summary = f"Payment {payment.reference} no longer paid by {order}"
            elif payment.purchase_order_id != order.pk:
                payment.purchase_order = order
                summary = f"Payment {payment.reference} to be paid by {order}"
                if before is not None:
                    summary += f" instead of {before}"
            else:
                continue
            payment.save(update_fields=["purchase_order"])
            audit_log(
                subject=payment,
                action="payment.purchase_order_changed",
                summary=summary[:300],
                actor=actor,
                owner=payment.payer,
            )
            changed += 1
        for payment in rows:
            invoice_follow_payment(payment=payment, by=actor)
    return changed
