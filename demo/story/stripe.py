"""A stand-in for Stripe's servers at the SDK's HTTP boundary, and signed webhooks.

The demo pays by card through it (Stripe cannot be reached from a developer's
machine), and the test suite fakes Stripe with it: the application's own code talks
to the SDK as in production, and its webhook verification checks signatures made by
the SDK's own signing.
"""

import json

import stripe


class FakeStripeHTTP(stripe.HTTPClient):
    """Answers the SDK's requests as Stripe would; records what was asked."""

    name = "fake"

    def __init__(self, *, down=False):
        super().__init__()
        self.down = down
        self.requests = []

    def request(self, method, url, headers, post_data=None, *, _usage=None):
        self.requests.append((method, url, post_data))
        if self.down:
            raise stripe.APIConnectionError("Could not connect to Stripe.")
        if url.endswith("/v1/checkout/sessions"):
            number = len(self.requests)
            body = {
                "id": f"cs_test_{number}",
                "object": "checkout.session",
                "url": f"https://checkout.stripe.com/c/pay/cs_test_{number}",
            }
            return json.dumps(body), 200, {}
        if url.endswith("/v1/refunds"):
            return json.dumps({"id": "re_test_1", "object": "refund"}), 200, {}
        return json.dumps({"error": {"message": "unexpected"}}), 404, {}

    def request_stream(self, *args, **kwargs):
        raise NotImplementedError

    def close(self):
        pass


def checkout_event(
    *,
    reference,
    amount_cents,
    session_id,
    event_id="evt_1",
    type="checkout.session.completed",
    paid=True,
    currency="usd",
    payment_intent="pi_test_1",
):
    """A Checkout session event as Stripe sends it, as a dict."""
    return {
        "id": event_id,
        "object": "event",
        "type": type,
        "data": {
            "object": {
                "id": session_id,
                "object": "checkout.session",
                "client_reference_id": reference,
                "metadata": {"payment_reference": reference},
                "amount_total": amount_cents,
                "currency": currency,
                "payment_status": "paid" if paid else "unpaid",
                "payment_intent": payment_intent,
            }
        },
    }


def sign(body, *, secret):
    """The body (a dict is sent as JSON) and the ``Stripe-Signature`` header for it,
    made by the SDK's own signing so the real verification runs on it."""
    payload = body if isinstance(body, str) else json.dumps(body)
    return payload, stripe.WebhookSignature.generate_signature_header(payload, secret)
