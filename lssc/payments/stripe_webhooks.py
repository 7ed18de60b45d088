"""Stripe's webhook: verify the signature, read the Checkout event, apply it.

The status answered tells Stripe whether to send the event again: 400 for a call
that is forged or that no retry can make readable; 200 for an event handled, refused
on purpose or not of interest; an unexpected error propagates as a 500 so that
Stripe retries later.

A signed event is trusted only as far as it agrees with the payment stored here: a
payment is confirmed only when the amount, the currency and the Checkout session all
match what was stored when the session was opened. A mismatch would be the same on
every retry, so it answers 200 and flags the payment for staff instead.
"""

import json
import logging
from dataclasses import dataclass

import stripe
from django.conf import settings
from django.db import transaction

from .enums import PaymentMethod, PaymentStatus
from .models import Payment, StripeEvent
from .services import payment_cancel, payment_confirm, payment_flag
from .stripe_gateway import CURRENCY

logger = logging.getLogger(__name__)

# ``completed`` may still be unpaid (a bank debit); ``async_payment_succeeded`` follows.
PAID_EVENTS = (
    "checkout.session.completed",
    "checkout.session.async_payment_succeeded",
)
# The session ended without money: the payment closes and the payer can start again.
ENDED_EVENTS = {
    "checkout.session.async_payment_failed": "The bank did not complete the payment.",
    "checkout.session.expired": "The card checkout expired before payment was made.",
}


class MalformedEvent(ValueError):
    """A correctly signed event that cannot be read or matches no card payment."""


@dataclass(frozen=True)
class CheckoutEvent:
    """The parts of a Checkout session event this program acts on."""

    id: str
    type: str
    session_id: str
    reference: str
    amount_total: int
    currency: str
    payment_status: str
    payment_intent: str


def webhook_handle(*, payload: bytes, signature: str | None) -> tuple[int, str]:
    """Verify and apply one webhook call; returns the HTTP status and a short note."""
    try:
        stripe.WebhookSignature.verify_header(
            payload,
            signature,
            settings.STRIPE_WEBHOOK_SECRET,
            stripe.Webhook.DEFAULT_TOLERANCE,
        )
    except (ValueError, stripe.SignatureVerificationError) as error:
        logger.warning("Rejected a Stripe webhook: %s", error)
        return 400, "invalid"
    try:
        event = checkout_event_read(payload)
        if event is None:
            return 200, "ignored"
        payment = _card_payment(event)
    except MalformedEvent as error:
        logger.warning("Refused a signed Stripe event: %s", error)
        return 400, "malformed"
    with transaction.atomic():
        record, created = StripeEvent.objects.get_or_create(
            event_id=event.id,
            defaults={"type": event.type, "payment": payment, "outcome": "received"},
        )
        if not created:
            return 200, "duplicate"
        record.outcome = _apply(event, payment)
        record.save(update_fields=["outcome"])
    return 200, record.outcome


def checkout_event_read(payload: bytes | str) -> CheckoutEvent | None:
    """The Checkout event in a verified body; ``None`` for a type not handled here.

    Raises ``MalformedEvent`` when a field is missing or of the wrong type.
    """
    try:
        data = json.loads(payload)
    except ValueError as error:
        raise MalformedEvent(f"the body is not JSON ({error})") from error
    if not isinstance(data, dict):
        raise MalformedEvent("the body is not a JSON object")
    event_id = _field(data, "id", str, "the event")
    event_type = _field(data, "type", str, f"event {event_id}")
    if event_type not in PAID_EVENTS and event_type not in ENDED_EVENTS:
        return None
    where = f"event {event_id} ({event_type})"
    session = _field(_field(data, "data", dict, where), "object", dict, where)
    if session.get("object") != "checkout.session":
        raise MalformedEvent(f"{where} carries no Checkout session")
    metadata = _field(session, "metadata", dict, where)
    reference = _field(metadata, "payment_reference", str, where)
    if session.get("client_reference_id") not in (None, reference):
        raise MalformedEvent(f"{where} names two different payments")
    payment_intent = session.get("payment_intent")
    if payment_intent is not None and not isinstance(payment_intent, str):
        raise MalformedEvent(f"{where} has no valid 'payment_intent'")
    return CheckoutEvent(
        id=event_id,
        type=event_type,
        session_id=_field(session, "id", str, where),
        reference=reference,
        amount_total=_field(session, "amount_total", int, where),
        currency=_field(session, "currency", str, where),
        payment_status=_field(session, "payment_status", str, where),
        payment_intent=payment_intent or "",
    )


def mismatches(event: CheckoutEvent, payment: Payment) -> list[tuple[str, str]]:
    """``(what, detail)`` for each way the event disagrees with the stored payment."""
    found = []
    if event.amount_total != payment.amount_cents:
        found.append(
            (
                "amount",
                f"amount {event.amount_total} cents, expected {payment.amount_cents}",
            )
        )
    if event.currency.lower() != CURRENCY:
        found.append(("currency", f"currency {event.currency}, expected {CURRENCY}"))
    if event.session_id != payment.stripe_session_id:
        expected = payment.stripe_session_id or "none"
        found.append(
            ("session", f"Checkout session {event.session_id}, expected {expected}")
        )
    return found


def _field(data: dict, key: str, kind: type, where: str):
    value = data.get(key)
    # bool is an int to Python, never to Stripe; an empty string names nothing.
    if isinstance(value, bool) or not isinstance(value, kind) or value == "":
        raise MalformedEvent(f"{where} has no valid {key!r}")
    return value


def _card_payment(event: CheckoutEvent) -> Payment:
    payment = Payment.objects.filter(
        reference=event.reference, method=PaymentMethod.CARD
    ).first()
    if payment is None:
        raise MalformedEvent(
            f"event {event.id} names {event.reference!r}, which is no card payment"
        )
    return payment


def _apply(event: CheckoutEvent, payment: Payment) -> str:
    if event.type in PAID_EVENTS:
        return _paid(event, payment)
    return _ended(event, payment, ENDED_EVENTS[event.type])


def _paid(event: CheckoutEvent, payment: Payment) -> str:
    problems = mismatches(event, payment)
    if problems:
        _flag(event, payment, "; ".join(detail for _, detail in problems))
        return f"{', '.join(what for what, _ in problems)} mismatch"
    if event.payment_status != "paid":
        return "not paid yet"
    confirmed = payment_confirm(
        payment_id=payment.pk,
        note=f"Stripe {event.session_id}",
        payment_intent=event.payment_intent,
    )
    return "confirmed" if confirmed else "already paid"


def _ended(event: CheckoutEvent, payment: Payment, reason: str) -> str:
    if event.session_id != payment.stripe_session_id:
        # An earlier session of this payment; the one stored still stands.
        return "earlier session"
    if payment.status == PaymentStatus.PAID:
        _flag(event, payment, "it reports no payment, but the payment is recorded paid")
        return "paid payment flagged"
    cancelled = payment_cancel(payment=payment, actor=None, reason=reason)
    return "cancelled" if cancelled else "no change"


def _flag(event: CheckoutEvent, payment: Payment, detail: str) -> None:
    reason = f"Stripe event {event.id} ({event.type}): {detail}"
    logger.warning("Payment %s not changed: %s", payment.reference, reason)
    payment_flag(payment_id=payment.pk, reason=reason)
