"""Paying the renewal fee: a summary of what is paid and how, the payment started
only on Confirm; a second Confirm records no second payment."""

import pytest
from django.urls import reverse

from lssc.fees.models import Audience, Fee, FeeKind
from lssc.payments.models import Payment
from lssc.payments.services import payment_confirm
from renewals.models import RenewalStatus
from renewals.services import renewal_submit

from .test_renewal import WINDOW_OPENS, D, enough, on

pytestmark = pytest.mark.django_db

PAY = reverse("renewals:pay")


@pytest.fixture
def awaiting(certification):
    Fee.objects.create(
        kind=FeeKind.RENEWAL,
        audience=Audience.EVERYONE,
        amount_cents=7500,
        effective_from=D(2027, 1, 1),
    )
    enough(certification)
    with on(WINDOW_OPENS):
        renewal = renewal_submit(certification=certification, by=None)
    assert renewal.status == RenewalStatus.AWAITING_PAYMENT
    return renewal


def test_the_summary_shows_the_fee_and_starts_nothing(client, awaiting):
    with on(WINDOW_OPENS):
        client.force_login(awaiting.certification.candidate.user)
        response = client.post(PAY, {"method": "check"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Confirm your payment</h1>" in html
    assert "The renewal fee for your certification" in html and "$75" in html
    assert not Payment.objects.exists()


def test_confirming_twice_records_one_payment_and_once_paid_nothing_is_due(
    client, awaiting
):
    data = {"method": "check", "confirm": "yes"}
    with on(WINDOW_OPENS):
        client.force_login(awaiting.certification.candidate.user)
        first = client.post(PAY, data)
        payment = Payment.objects.get()
        assert first["Location"] == payment.get_absolute_url()
        assert client.post(PAY, data)["Location"] == payment.get_absolute_url()
        assert Payment.objects.count() == 1
        payment_confirm(payment_id=payment.pk)
        after = client.post(PAY, data, follow=True)
    assert after.redirect_chain[-1][0] == reverse("renewals:home")
    assert "Nothing is due on your renewal now." in after.content.decode()
    assert Payment.objects.count() == 1
