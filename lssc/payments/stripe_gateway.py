"""Card payments through Stripe Checkout: opening a session and refunding.

A payment counts only when Stripe's signed event says so (``stripe_webhooks``); the
page the person returns to never marks anything paid.
"""

import logging

import stripe
from django.conf import settings

from .models import Payment

logger = logging.getLogger(__name__)

# Every fee is in US dollars; a webhook reporting another currency is refused.
CURRENCY = "usd"

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
                            "currency": CURRENCY,
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
