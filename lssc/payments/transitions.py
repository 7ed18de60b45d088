"""The states of a payment and of a purchase order, and the named transitions.

A payment is pending until the money arrives (``confirm``, the one way a payment
becomes paid, whatever the method); a pending payment may be cancelled and a paid
one refunded. A purchase order is open until its payment is received.
"""

from django.utils import timezone

from lssc.audit.transitions import StateMachine
from lssc.core.words import counted
from lssc.notifications.services import mail_queue

from .enums import PaymentMethod, PaymentStatus, PurchaseOrderStatus
from .models import Payment, PurchaseOrder
from .purposes import purpose_paid
from .stripe_gateway import card_refund

PENDING = PaymentStatus.PENDING
PAID = PaymentStatus.PAID
REFUNDED = PaymentStatus.REFUNDED
CANCELLED = PaymentStatus.CANCELLED

payment = StateMachine(
    Payment, "status", owner=lambda p: p.payer, select_related=("payer",)
)


@payment.transition(
    # A cancelled payment can still be confirmed: the money arrived (a card checkout
    # finished after the person switched to a check), so it is recorded, and staff
    # refund whichever payment is surplus.
    source=[PENDING, CANCELLED],
    target=PAID,
    action="payment.confirmed",
    summary=lambda p: f"Payment {p.reference} of ${p.amount:,.2f} received",
    verb="confirmed",
)
def confirm(change, *, payment_intent: str = ""):
    """The money arrived (``reason``: the check number or the processor's note);
    what it pays for is told in the same transaction."""
    paid = change.obj
    paid.paid_at = timezone.now()
    paid.received_by = change.by
    paid.receipt_note = change.reason[:200]
    paid.stripe_payment_intent = payment_intent or paid.stripe_payment_intent
    mail_queue(
        key=f"payment-received:{paid.reference}",
        to=paid.payer.email,
        template="payment_received",
        context={"payment": paid, "person": paid.payer},
    )
    # The purpose may read its payments (a balance still owed): it sees this one
    # paid. The transition's own save then records the history once.
    paid.save_without_historical_record()
    purpose_paid(paid, by=change.by)


@payment.transition(
    source=PENDING,
    target=CANCELLED,
    action="payment.cancelled",
    summary=lambda p: f"Payment {p.reference} cancelled",
    verb="cancelled",
)
def cancel(change):
    """Closed without money (``reason``: why)."""
    _close(change)


@payment.transition(
    source=PAID,
    target=REFUNDED,
    action="payment.refunded",
    summary=lambda p: f"Payment {p.reference} refunded",
    verb="refunded",
)
def refund(change):
    """The money goes back (``reason``: why); a card payment through Stripe, which
    raises ``CardPaymentUnavailable`` (and nothing changes) when it refuses."""
    refunded = change.obj
    if refunded.method == PaymentMethod.CARD and refunded.stripe_payment_intent:
        card_refund(refunded)
    _close(change)


def _close(change):
    closed = change.obj
    closed.closed_at = timezone.now()
    by = change.by
    closed.closed_by = by if by is not None and by.is_authenticated else None
    closed.close_reason = change.reason


purchase_order = StateMachine(PurchaseOrder, "status", noun="purchase order")


@purchase_order.transition(
    source=PurchaseOrderStatus.OPEN,
    target=PurchaseOrderStatus.RECEIVED,
    action="purchase_order.received",
    summary=lambda o: (
        f"{o} received: "
        f"{counted(o.payments.exclude(status=CANCELLED).count(), 'payment')}"
    ),
    verb="received",
)
def receive(change):
    """The institution paid (``reason``: a note): every payment the order covers is
    confirmed with it, each by its own transition."""
    order = change.obj
    order.received_at = timezone.now()
    order.received_by = change.by
    note = change.reason or f"PO {order.number}"
    for covered in order.payments.exclude(status=CANCELLED).order_by("pk"):
        confirm.if_allowed(covered.pk, by=change.by, reason=note)
