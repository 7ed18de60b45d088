"""A stand-in for Stripe's servers at the SDK's HTTP boundary, and signed webhooks."""

import json
import time

import stripe

WEBHOOK_SECRET = "whsec_test_secret"


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


def signed_event(
    *, reference, amount_cents, event_id="evt_1", paid=True, secret=WEBHOOK_SECRET
):
    """A signed ``checkout.session.completed`` body and header, as Stripe sends."""
    payload = json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": "checkout.session.completed",
            "data": {
                "object": {
                    "id": "cs_test_1",
                    "object": "checkout.session",
                    "client_reference_id": reference,
                    "amount_total": amount_cents,
                    "payment_status": "paid" if paid else "unpaid",
                    "payment_intent": "pi_test_1",
                }
            },
        }
    )
    timestamp = int(time.time())
    signature = stripe.WebhookSignature._compute_signature(
        f"{timestamp}.{payload}", secret
    )
    return payload, f"t={timestamp},v1={signature}"
