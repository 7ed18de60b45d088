"""Card payments: Stripe Checkout, confirmed only by a signed webhook."""

import pytest
from django.urls import reverse

from candidates.enums import ApplicationStatus
from candidates.models import Candidate
from lssc.payments import stripe_gateway
from lssc.payments.enums import PaymentMethod, PaymentStatus
from lssc.payments.models import Payment, StripeEvent
from tests.candidates.helpers import submitted
from tests.factories import UserFactory

from .conftest import post_webhook, start_card_payment
from .fake_stripe import (
    WEBHOOK_SECRET,
    FakeStripeHTTP,
    checkout_event,
    sign,
    signed_event,
)

pytestmark = pytest.mark.django_db


def test_card_is_not_offered_without_stripe_keys(client):
    user = UserFactory()
    submitted(user)
    client.force_login(user)
    html = client.get(reverse("candidates:application_status")).content.decode()
    assert "Card, online now" not in html
    response = client.post(
        reverse("candidates:application_status"), {"method": "card", "confirm": "yes"}
    )
    assert response.status_code == 200
    assert not Payment.objects.exists()


def test_card_payment_goes_to_checkout_and_only_the_webhook_admits(
    client, stripe_on, commit
):
    user = UserFactory()
    application = submitted(user)
    response = start_card_payment(client, user)
    assert response["Location"].startswith("https://checkout.stripe.com/")
    payment = Payment.objects.get()
    assert payment.method == PaymentMethod.CARD
    assert payment.stripe_session_id == "cs_test_2" or payment.stripe_session_id
    _, _, body = stripe_on.requests[0]
    assert f"client_reference_id={payment.reference}" in body
    assert "unit_amount%5D=35000" in body or "unit_amount]=35000" in body

    # The return page alone changes nothing.
    client.get(reverse("payments:card_return", args=[payment.reference]))
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING

    payload, signature = signed_event(payment)
    with commit():
        response = post_webhook(client, payload, signature)
    assert response.status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert payment.stripe_payment_intent == "pi_test_1"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ADMITTED
    assert Candidate.objects.filter(user=user).exists()


def test_a_bad_signature_is_refused_and_changes_nothing(client, stripe_on):
    user = UserFactory()
    submitted(user)
    start_card_payment(client, user)
    payment = Payment.objects.get()
    payload, _ = signed_event(payment)
    _, forged = signed_event(payment, secret="whsec_someone_else")
    assert post_webhook(client, payload, forged).status_code == 400
    assert post_webhook(client, payload, "").status_code == 400
    assert post_webhook(client, "not json", forged).status_code == 400
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert not StripeEvent.objects.exists()


def test_a_replayed_or_duplicated_event_changes_nothing(client, stripe_on):
    user = UserFactory()
    submitted(user)
    start_card_payment(client, user)
    payment = Payment.objects.get()
    payload, signature = signed_event(payment)
    assert post_webhook(client, payload, signature).content == b"confirmed"
    assert post_webhook(client, payload, signature).content == b"duplicate"
    # The same payment under a new event id is recognised as already paid.
    payload, signature = signed_event(payment, event_id="evt_2")
    assert post_webhook(client, payload, signature).content == b"already paid"
    assert StripeEvent.objects.count() == 2
    assert Candidate.objects.count() == 1


def test_an_event_for_an_unknown_payment_is_refused_and_logged(
    client, stripe_on, caplog
):
    payload, signature = sign(
        checkout_event(
            reference="LSSC-NONE-NONE", amount_cents=35000, session_id="cs_test_1"
        )
    )
    response = post_webhook(client, payload, signature)
    assert response.status_code == 400
    assert "which is no card payment" in caplog.text
    assert not StripeEvent.objects.exists()


def test_a_wrong_amount_does_not_confirm(client, stripe_on):
    user = UserFactory()
    submitted(user)
    start_card_payment(client, user)
    payment = Payment.objects.get()
    payload, signature = signed_event(payment, amount_cents=100)
    assert post_webhook(client, payload, signature).content == b"amount mismatch"
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING


def test_a_stripe_outage_shows_a_message_and_saves_nothing(
    client, settings, monkeypatch
):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    monkeypatch.setattr(stripe_gateway, "http_client", FakeStripeHTTP(down=True))
    user = UserFactory()
    submitted(user)
    response = start_card_payment(client, user)
    assert response.status_code == 200
    assert "pay by check" in response.content.decode()
    assert not Payment.objects.exists()
    # The check is still there to choose.
    response = client.post(
        reverse("candidates:application_status"), {"method": "check", "confirm": "yes"}
    )
    assert response.status_code == 302
    assert Payment.objects.get().method == PaymentMethod.CHECK


def test_switching_from_card_to_check_cancels_the_card_payment(client, stripe_on):
    user = UserFactory()
    submitted(user)
    start_card_payment(client, user)
    client.post(
        reverse("candidates:application_status"), {"method": "check", "confirm": "yes"}
    )
    card = Payment.objects.get(method=PaymentMethod.CARD)
    assert card.status == PaymentStatus.CANCELLED
    assert (
        Payment.objects.get(method=PaymentMethod.CHECK).status == PaymentStatus.PENDING
    )


def test_staff_refund_a_card_payment_through_stripe_and_it_is_recorded(
    client, stripe_on
):
    from lssc.accounts.roles import StaffGroup
    from tests.factories import staff_user

    user = UserFactory()
    submitted(user)
    start_card_payment(client, user)
    payment = Payment.objects.get()
    payload, signature = signed_event(payment)
    post_webhook(client, payload, signature)
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    url = reverse("admin:payments_payment_changelist")
    form = {"action": "refund", "_selected_action": [payment.pk], "apply": "1"}
    response = client.post(url, {**form, "reason": ""})
    assert response.status_code == 200  # a reason is required
    client.post(url, {**form, "reason": "Paid twice"})
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED
    assert payment.close_reason == "Paid twice"
    assert stripe_on.requests[-1][1].endswith("/v1/refunds")
    assert "payment_intent=pi_test_1" in stripe_on.requests[-1][2]
    # Refunding again neither calls Stripe nor changes anything.
    calls = len(stripe_on.requests)
    client.post(url, {**form, "reason": "again"})
    assert len(stripe_on.requests) == calls
    assert Payment.objects.count() == 1


def test_a_course_approval_fee_paid_by_card_sends_the_application_to_review(
    client, stripe_on, commit
):
    from courses.applications import application_submit
    from courses.models import ApplicationStatus as CourseStatus
    from lssc.competencies.models import CompetencySet
    from tests.courses.conftest import complete_application, contact_of, make_provider

    provider = make_provider()
    contact = contact_of(provider)
    application = complete_application(
        provider, CompetencySet.objects.get(slug="technology")
    )
    application_submit(application=application, by=contact)
    client.force_login(contact)
    response = client.post(
        reverse("courses:application_pay", args=[application.pk]),
        {"method": "card", "confirm": "yes"},
    )
    assert response["Location"].startswith("https://checkout.stripe.com/")
    payment = Payment.objects.get()
    assert (payment.amount_cents, payment.payer) == (10000, contact)

    # Back from Stripe: a way on to the application, nothing changed yet.
    page = client.get(reverse("payments:card_return", args=[payment.reference]))
    assert reverse("courses:application", args=[application.pk]) in page.text
    application.refresh_from_db()
    assert application.status == CourseStatus.AWAITING_PAYMENT

    payload, signature = signed_event(payment)
    with commit():
        assert post_webhook(client, payload, signature).status_code == 200
        post_webhook(client, payload, signature)  # Stripe retries: no change
    application.refresh_from_db()
    assert application.status == CourseStatus.IN_REVIEW
    assert application.paid_at is not None
