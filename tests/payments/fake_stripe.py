"""A stand-in for Stripe's servers at the SDK's HTTP boundary, and signed webhooks."""

from demo.story.stripe import FakeStripeHTTP, checkout_event
from demo.story.stripe import sign as _sign

WEBHOOK_SECRET = "whsec_test_secret"

__all__ = ["WEBHOOK_SECRET", "FakeStripeHTTP", "checkout_event", "sign", "signed_event"]


def sign(body, *, secret=WEBHOOK_SECRET):
    return _sign(body, secret=secret)


def signed_event(payment, *, secret=WEBHOOK_SECRET, **changes):
    """A signed Checkout event that matches ``payment``, but for ``changes``."""
    fields = {
        "reference": payment.reference,
        "amount_cents": payment.amount_cents,
        "session_id": payment.stripe_session_id,
    }
    return sign(checkout_event(**{**fields, **changes}), secret=secret)
