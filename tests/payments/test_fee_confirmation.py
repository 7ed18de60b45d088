"""Paying the application fee: the chosen method is shown as a summary first and
the payment starts only on Confirm; confirming again records no second payment."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from lssc.payments.models import Payment
from lssc.payments.services import payment_confirm
from tests.candidates.helpers import submitted
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STATUS = reverse("candidates:application_status")


@pytest.fixture
def applicant(client):
    user = UserFactory()
    submitted(user)
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        ({"method": "check"}, "where to mail your check"),
        (
            {"method": "purchase_order", "institution": "Springfield Library System"},
            "Springfield Library System",
        ),
    ],
    ids=["check", "purchase-order"],
)
def test_the_summary_shows_what_is_paid_and_starts_nothing(
    client, applicant, data, shown
):
    response = client.post(STATUS, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Confirm your payment</h1>" in html
    assert "The application fee for Library Support Staff Certification" in html
    assert "$350" in html and shown in html
    assert f'<a href="{STATUS}">Back: choose another way to pay</a>' in html
    assert not Payment.objects.exists()


def test_a_bad_choice_shows_the_form_again_without_a_summary(client, applicant):
    response = client.post(STATUS, {"method": "purchase_order", "confirm": "yes"})
    assert "Name the institution that will pay." in response.content.decode()
    assert "Confirm your payment" not in response.content.decode()
    assert not Payment.objects.exists()


def test_confirming_twice_records_one_payment(client, applicant):
    data = {"method": "check", "confirm": "yes"}
    first = client.post(STATUS, data)
    payment = Payment.objects.get()
    assert first["Location"] == payment.get_absolute_url()
    again = client.post(STATUS, data)
    assert again["Location"] == payment.get_absolute_url()
    assert Payment.objects.count() == 1


def test_confirming_after_the_fee_is_paid_says_nothing_is_due(client, applicant):
    client.post(STATUS, {"method": "check", "confirm": "yes"})
    payment_confirm(payment_id=Payment.objects.get().pk)
    response = client.post(STATUS, {"method": "check", "confirm": "yes"})
    assert response["Location"] == STATUS
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Nothing is due on your application now."
    ]
    assert Payment.objects.count() == 1
