"""Card payments against the fake Stripe, started and paid over HTTP."""

import pytest
from django.urls import reverse

from lssc.payments import stripe_gateway

from .fake_stripe import WEBHOOK_SECRET, FakeStripeHTTP


@pytest.fixture
def stripe_on(settings, monkeypatch):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    fake = FakeStripeHTTP()
    monkeypatch.setattr(stripe_gateway, "http_client", fake)
    return fake


def start_card_payment(client, user):
    client.force_login(user)
    return client.post(
        reverse("candidates:application_status"), {"method": "card", "confirm": "yes"}
    )


def post_webhook(client, payload, signature):
    return client.post(
        reverse("payments:stripe_webhook"),
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature,
    )
