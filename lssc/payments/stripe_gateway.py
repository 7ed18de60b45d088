"""Card payments through Stripe Checkout.

A payment counts only when Stripe's signed ``checkout.session.completed`` event
arrives; the page the person returns to never marks anything paid.
"""

import logging

import stripe
from django.conf import settings
from django.db import transaction

from .enums import PaymentMethod
from .models import Payment, StripeEvent
from .services import payment_confirm

logger = logging.getLogger(__name__)

# The HTTP client the SDK talks through; ``None`` is the SDK's own. Tests replace it.
http_client: stripe.HTTPClient | None = None


class CardPaymentUnavailable(Exception):
    """Stripe could not be reached or refused the request; offer a check instead."""


def card_payments_enabled() -> bool:
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET)


def _client() -> stripe.StripeClient:
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        http_client=http_client,
        max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
    )


def checkout_session_create(
    payment: Payment, *, success_url: str, cancel_url: str
) -> str:
    """Open a Checkout session for ``payment``; returns the URL to send the payer to."""
    try:
        session = _client().v1.checkout.sessions.create(
            params={
                "mode": "payment",
                "client_reference_id": payment.reference,
                "customer_email": payment.payer.email,
                "metadata": {"payment_reference": payment.reference},
                "line_items": [
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": "usd",
                            "unit_amount": payment.amount_cents,
                            "product_data": {"name": payment.description},
                        },
                    }
                ],
                "success_url": success_url,
                "cancel_url": cancel_url,
            },
            options={"idempotency_key": f"checkout-{payment.reference}"},
        )
    except stripe.StripeError as error:
        logger.warning("Stripe checkout for %s failed: %s", payment.reference, error)
        raise CardPaymentUnavailable(str(error)) from error
    payment.stripe_session_id = session.id
    payment.save(update_fields=["stripe_session_id"])
    return session.url


def card_refund(payment: Payment) -> None:
    try:
        _client().v1.refunds.create(
            params={"payment_intent": payment.stripe_payment_intent},
            options={"idempotency_key": f"refund-{payment.reference}"},
        )
    except stripe.StripeError as error:
        raise CardPaymentUnavailable(str(error)) from error


def webhook_handle(*, payload: bytes, signature: str | None) -> tuple[int, str]:
    """Verify and apply one webhook call; returns the HTTP status and a short note.

    400 for a bad signature or body (Stripe will not retry a forged call usefully);
    200 for everything else handled or deliberately ignored, so Stripe stops
    retrying; an unexpected error propagates as a 500 so Stripe retries later.
    """
    try:
        event = stripe.Webhook.construct_event(
            payload, signature, settings.STRIPE_WEBHOOK_SECRET
        )
    except (ValueError, stripe.SignatureVerificationError) as error:
        logger.warning("Rejected a Stripe webhook: %s", error)
        return 400, "invalid"
    if event.type != "checkout.session.completed":
        return 200, "ignored"
    session = event.data.object.to_dict()
    with transaction.atomic():
        record, created = StripeEvent.objects.get_or_create(
            event_id=event.id, defaults={"type": event.type, "outcome": "received"}
        )
        if not created:
            return 200, "duplicate"
        payment = Payment.objects.filter(
            reference=session.get("client_reference_id") or "",
            method=PaymentMethod.CARD,
        ).first()
        record.payment = payment
        record.outcome = _apply_session(payment, session)
        record.save(update_fields=["payment", "outcome"])
    if payment is None:
        logger.warning("Stripe session %s matches no payment", session.get("id"))
    return 200, record.outcome


def _apply_session(payment, session) -> str:
    if payment is None:
        return "unknown payment"
    if session.get("payment_status") != "paid":
        return "not paid yet"
    if session.get("amount_total") != payment.amount_cents:
        logger.error(
            "Stripe charged %s for %s, which is %s",
            session.get("amount_total"),
            payment.reference,
            payment.amount_cents,
        )
        return "amount mismatch"
    confirmed = payment_confirm(
        payment_id=payment.pk,
        note=f"Stripe {session.get('id')}",
        payment_intent=session.get("payment_intent") or "",
    )
    return "confirmed" if confirmed else "already paid"
