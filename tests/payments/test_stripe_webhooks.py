"""Stripe's Checkout events: read strictly, matched against the stored payment, and
applied once. Every body is signed with the SDK's own signing, so the real
verification runs on each."""

import copy
import logging

import pytest
from django.urls import reverse

from candidates.enums import ApplicationStatus
from candidates.models import Application
from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.payments.enums import PaymentStatus
from lssc.payments.models import Payment, StripeEvent
from tests.candidates.helpers import submitted
from tests.factories import UserFactory, staff_user

from .conftest import post_webhook, start_card_payment
from .fake_stripe import checkout_event, sign, signed_event

pytestmark = pytest.mark.django_db

COMPLETED = "checkout.session.completed"
SUCCEEDED = "checkout.session.async_payment_succeeded"
FAILED = "checkout.session.async_payment_failed"
EXPIRED = "checkout.session.expired"


@pytest.fixture
def payment(client, stripe_on):
    """A candidate's pending card payment, its Checkout session opened."""
    user = UserFactory()
    submitted(user)
    start_card_payment(client, user)
    client.logout()
    payment = Payment.objects.get()
    assert payment.stripe_session_id
    return payment


@pytest.fixture
def warnings(caplog):
    caplog.set_level(logging.WARNING, logger="lssc.payments")
    return caplog


def state():
    """Everything a webhook could change."""
    return (
        list(Payment.objects.order_by("pk").values()),
        list(StripeEvent.objects.order_by("pk").values()),
        list(AuditEntry.objects.order_by("pk").values_list("action", "reason")),
        list(Application.objects.order_by("pk").values_list("status", flat=True)),
    )


def deliver(client, payment, **changes):
    return post_webhook(client, *signed_event(payment, **changes))


def admitted(payment) -> bool:
    return Application.objects.get(user=payment.payer).status == (
        ApplicationStatus.ADMITTED
    )


def _drop(*path):
    def change(event):
        *parents, last = path
        target = event
        for key in parents:
            target = target[key]
        del target[last]

    return change


def _set(value, *path):
    def change(event):
        *parents, last = path
        target = event
        for key in parents:
            target = target[key]
        target[last] = value

    return change


SESSION = ("data", "object")

MALFORMED = {
    "no event id": _drop("id"),
    "no data": _drop("data"),
    "no data.object": _drop(*SESSION),
    "data.object is text": _set("cs_test_1", *SESSION),
    "not a Checkout session": _set("payment_intent", *SESSION, "object"),
    "no session id": _drop(*SESSION, "id"),
    "amount as text": _set("35000", *SESSION, "amount_total"),
    "amount missing": _set(None, *SESSION, "amount_total"),
    "amount as a boolean": _set(True, *SESSION, "amount_total"),
    "currency as a number": _set(840, *SESSION, "currency"),
    "payment status missing": _drop(*SESSION, "payment_status"),
    "payment intent as a list": _set(["pi_1"], *SESSION, "payment_intent"),
    "no metadata": _drop(*SESSION, "metadata"),
    "metadata without the reference": _set({}, *SESSION, "metadata"),
    "reference not text": _set({"payment_reference": 7}, *SESSION, "metadata"),
    "two different payments named": _set(
        "LSSC-OTHR-OTHR", *SESSION, "client_reference_id"
    ),
    "a payment that does not exist": _set(
        {"payment_reference": "LSSC-NONE-NONE"}, *SESSION, "metadata"
    ),
}


@pytest.mark.parametrize("event_type", [COMPLETED, SUCCEEDED, FAILED, EXPIRED])
@pytest.mark.parametrize("breakage", MALFORMED.values(), ids=list(MALFORMED))
def test_a_malformed_signed_event_answers_400_is_logged_and_changes_nothing(
    client, payment, warnings, breakage, event_type
):
    event = checkout_event(
        reference=payment.reference,
        amount_cents=payment.amount_cents,
        session_id=payment.stripe_session_id,
        type=event_type,
    )
    before = state()
    broken = copy.deepcopy(event)
    breakage(broken)
    response = post_webhook(client, *sign(broken))
    assert response.status_code == 400
    assert response.content == b"malformed"
    assert "Refused a signed Stripe event" in warnings.text
    assert state() == before
    # The same event, whole, is accepted: the 400 was for the breakage alone.
    assert post_webhook(client, *sign(event)).status_code == 200


@pytest.mark.parametrize(
    "body", ["not json", "[1, 2]", '"text"', "{}", '{"id": "evt_1"}'], ids=repr
)
def test_a_signed_body_that_is_no_event_answers_400(client, payment, warnings, body):
    before = state()
    response = post_webhook(client, *sign(body))
    assert (response.status_code, response.content) == (400, b"malformed")
    assert "Refused a signed Stripe event" in warnings.text
    assert state() == before


def test_an_event_type_not_handled_is_acknowledged_and_ignored(client, payment):
    before = state()
    response = deliver(client, payment, type="payment_intent.succeeded")
    assert (response.status_code, response.content) == (200, b"ignored")
    assert state() == before


@pytest.mark.parametrize("event_type", [COMPLETED, SUCCEEDED])
@pytest.mark.parametrize(
    "change, outcome, detail",
    [
        ({"amount_cents": 100}, b"amount mismatch", "amount 100 cents"),
        ({"currency": "eur"}, b"currency mismatch", "currency eur, expected usd"),
        ({"session_id": "cs_test_other"}, b"session mismatch", "cs_test_other"),
        (
            {"amount_cents": 35100, "currency": "cad"},
            b"amount, currency mismatch",
            "currency cad",
        ),
    ],
)
def test_an_event_that_disagrees_with_the_payment_is_refused_and_flagged(
    client, payment, warnings, event_type, change, outcome, detail
):
    response = deliver(client, payment, type=event_type, **change)
    # 200: Stripe would send the same mismatch again on every retry.
    assert (response.status_code, response.content) == (200, outcome)
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert payment.paid_at is None
    assert detail in payment.flagged_reason
    assert not admitted(payment)
    flagged = AuditEntry.objects.get(action="payment.flagged")
    assert (flagged.subject, flagged.owner) == (payment, payment.payer)
    assert detail in flagged.reason
    assert "not changed" in warnings.text


def test_a_mismatch_delivered_again_changes_nothing_and_each_report_is_kept(
    client, payment
):
    deliver(client, payment, amount_cents=100)
    before = state()
    assert deliver(client, payment, amount_cents=100).content == b"duplicate"
    assert state() == before
    assert deliver(client, payment, amount_cents=100, event_id="evt_2").content == (
        b"amount mismatch"
    )
    payment.refresh_from_db()
    assert payment.flagged_reason.count("amount 100 cents") == 2  # one per event
    assert AuditEntry.objects.filter(action="payment.flagged").count() == 2
    assert payment.status == PaymentStatus.PENDING


def test_staff_find_a_flagged_payment_in_the_admin_and_clear_it(client, payment):
    deliver(client, payment, session_id="cs_test_other")
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    client.force_login(officer)
    url = reverse("admin:payments_payment_changelist")
    assert payment.reference in client.get(url + "?flagged=yes").text
    assert payment.reference not in client.get(url + "?flagged=no").text
    page = client.get(reverse("admin:payments_payment_change", args=[payment.pk]))
    assert "cs_test_other" in page.text
    dashboard = client.get(reverse("staff_dashboard"))
    queues = {
        item.queue.label: item.count
        for group in dashboard.context["groups"].values()
        for item in group
    }
    assert queues["Card payments flagged for a check"] == 1

    form = {"action": "clear_flag", "_selected_action": [payment.pk], "apply": "1"}
    client.post(url, {**form, "reason": ""})  # a reason is required
    payment.refresh_from_db()
    assert payment.is_flagged
    client.post(url, {**form, "reason": "Checked with Stripe: a test session"})
    payment.refresh_from_db()
    assert not payment.is_flagged
    cleared = AuditEntry.objects.get(action="payment.flag_cleared")
    assert cleared.actor == officer
    assert payment.reference not in client.get(url + "?flagged=yes").text


def test_the_payer_is_told_a_flagged_payment_is_being_checked(client, payment):
    deliver(client, payment, amount_cents=100)
    client.force_login(payment.payer)
    page = client.get(reverse("payments:card_return", args=[payment.reference]))
    assert "does not match our records" in page.text


def test_a_completed_but_unpaid_checkout_waits_for_the_bank(client, payment, commit):
    response = deliver(client, payment, paid=False)
    assert (response.status_code, response.content) == (200, b"not paid yet")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert not payment.is_flagged
    assert not admitted(payment)

    with commit():
        response = deliver(client, payment, type=SUCCEEDED, event_id="evt_2")
    assert response.content == b"confirmed"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert payment.stripe_payment_intent == "pi_test_1"
    assert admitted(payment)

    before = state()
    assert deliver(client, payment, type=SUCCEEDED, event_id="evt_2").content == (
        b"duplicate"
    )
    assert deliver(client, payment, event_id="evt_3").content == b"already paid"
    after = state()
    assert after[0] == before[0] and after[2:] == before[2:]
    assert AuditEntry.objects.filter(action="payment.confirmed").count() == 1


@pytest.mark.parametrize(
    "event_type, reason",
    [
        (FAILED, "The bank did not complete the payment."),
        (EXPIRED, "The card checkout expired before payment was made."),
    ],
)
def test_a_failed_or_expired_checkout_closes_the_payment_and_the_payer_can_retry(
    client, payment, stripe_on, event_type, reason
):
    if event_type == FAILED:
        deliver(client, payment, paid=False)
    response = deliver(client, payment, type=event_type, event_id="evt_end")
    assert (response.status_code, response.content) == (200, b"cancelled")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CANCELLED
    assert payment.close_reason == reason
    assert payment.closed_by is None
    entry = AuditEntry.objects.get(action="payment.cancelled")
    assert (entry.reason, entry.actor, entry.to_state) == (reason, None, "cancelled")
    assert not admitted(payment)

    # Delivered again, or reported again under a new id: nothing changes.
    before = state()
    assert deliver(client, payment, type=event_type, event_id="evt_end").content == (
        b"duplicate"
    )
    assert deliver(client, payment, type=event_type, event_id="evt_x").content == (
        b"no change"
    )
    assert state()[0] == before[0]
    assert state()[2] == before[2]

    client.force_login(payment.payer)
    page = client.get(reverse("payments:card_return", args=[payment.reference]))
    assert "was not completed" in page.text
    assert reason in page.text

    # The payer starts again: a new payment with a Checkout session of its own.
    response = start_card_payment(client, payment.payer)
    assert response["Location"].startswith("https://checkout.stripe.com/")
    again = Payment.objects.exclude(pk=payment.pk).get()
    assert again.status == PaymentStatus.PENDING
    assert again.stripe_session_id not in ("", payment.stripe_session_id)


def test_an_earlier_session_expiring_leaves_the_current_one_alone(client, payment):
    before = state()
    response = deliver(client, payment, type=EXPIRED, session_id="cs_test_earlier")
    assert (response.status_code, response.content) == (200, b"earlier session")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert not payment.is_flagged
    assert state()[0] == before[0]


def test_a_failure_reported_for_a_paid_payment_is_flagged_not_applied(
    client, payment, warnings
):
    deliver(client, payment)
    response = deliver(client, payment, type=FAILED, event_id="evt_2")
    assert (response.status_code, response.content) == (200, b"paid payment flagged")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert "recorded paid" in payment.flagged_reason
    assert admitted(payment)
