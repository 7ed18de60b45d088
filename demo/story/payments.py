"""Paying fees in the demo the ways payers do: by card through Stripe Checkout (the
SDK talking to a stand-in for Stripe's servers, confirmed by a signed webhook), by
check recorded by staff when it arrives, or by an institution's purchase order."""

import contextlib
import datetime
import itertools

from django.test import override_settings

from lssc.payments import stripe_gateway
from lssc.payments.enums import PaymentMethod
from lssc.payments.services import payment_confirm
from lssc.payments.stripe_webhooks import webhook_handle

from .stripe import FakeStripeHTTP, checkout_event, sign

# Test-mode keys of the stand-in Stripe: only the demo ever uses them.
DEMO_STRIPE = {
    "STRIPE_SECRET_KEY": "sk_test_demo",
    "STRIPE_WEBHOOK_SECRET": "whsec_demo",
}
# A check takes this long from the payer's choice to staff recording it.
CHECK_IN_THE_MAIL = datetime.timedelta(days=6)

_events = itertools.count(1)
_checks = itertools.count(2041)


@contextlib.contextmanager
def card_payments():
    """Card payments on, through the stand-in for Stripe, while the demo is built."""
    previous = stripe_gateway.http_client
    stripe_gateway.http_client = FakeStripeHTTP()
    try:
        with override_settings(**DEMO_STRIPE):
            yield
    finally:
        stripe_gateway.http_client = previous


def _return_url(payment, cancelled=False):
    return f"http://localhost:8000/payments/{payment.reference}/card-return/"


def pay(start, method: str, *, clerk):
    """Pay with ``method`` through ``start(method=, return_url=)`` (a service's
    ``*_pay``); a journey step: a check or purchase order waits for staff to record
    it, so this generator yields until then."""
    payment, _ = start(method=method, return_url=_return_url)
    if method == PaymentMethod.CARD:
        event = checkout_event(
            reference=payment.reference,
            amount_cents=payment.amount_cents,
            session_id=payment.stripe_session_id,
            event_id=f"evt_demo_{next(_events)}",
            payment_intent=f"pi_demo_{payment.reference}",
        )
        payload, signature = sign(event, secret=DEMO_STRIPE["STRIPE_WEBHOOK_SECRET"])
        status, outcome = webhook_handle(payload=payload, signature=signature)
        if status != 200 or outcome != "confirmed":
            raise RuntimeError(f"The demo card payment was refused: {outcome}")
        return
    yield CHECK_IN_THE_MAIL
    note = (
        f"Check {next(_checks)} received"
        if method == PaymentMethod.CHECK
        else f"Purchase order paid by {payment.institution or 'the institution'}"
    )
    payment_confirm(payment_id=payment.pk, actor=clerk, note=note)
