"""Who may open a payment's pages: its payer, and staff who handle payments."""

import pytest
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from lssc.payments.models import Payment
from lssc.payments.services import payment_confirm
from tests.candidates.helpers import submitted
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db

PAGES = ("payments:instructions", "payments:receipt", "payments:card_return")


@pytest.fixture
def payer_and_payment(client):
    """A candidate's check payment, chosen on the application page and received."""
    payer = UserFactory()
    submitted(payer)
    client.force_login(payer)
    client.post(
        reverse("candidates:application_status"), {"method": "check", "confirm": "yes"}
    )
    payment = Payment.objects.get(payer=payer)
    payment_confirm(payment_id=payment.pk, note="Check 1001")
    client.logout()
    return payer, payment


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "who, expected",
    [
        ("payer", 200),
        ("another candidate", 404),
        (StaffGroup.REVIEW_COMMITTEE, 404),
        (StaffGroup.PROGRAM_COMMITTEE, 404),
        (StaffGroup.PROGRAM_OFFICER, 200),
        (StaffGroup.PROGRAM_ASSISTANT, 200),
    ],
)
def test_a_payment_page_opens_for_its_payer_and_payment_staff_only(
    client, payer_and_payment, page, who, expected
):
    payer, payment = payer_and_payment
    if who == "payer":
        user = payer
    elif who == "another candidate":
        user = UserFactory()
        submitted(user)
    else:
        user = staff_user(who)
    client.force_login(user)
    response = client.get(reverse(page, args=[payment.reference]))
    assert response.status_code == expected
    if expected == 200:
        assert payment.reference in response.text


@pytest.mark.parametrize("who", ["another candidate", StaffGroup.REVIEW_COMMITTEE])
def test_someone_elses_payment_looks_the_same_as_a_missing_one(
    client, payer_and_payment, who
):
    _, payment = payer_and_payment
    client.force_login(UserFactory() if who == "another candidate" else staff_user(who))
    others = client.get(reverse("payments:receipt", args=[payment.reference]))
    missing = client.get(reverse("payments:receipt", args=["LSSC-NONE-NONE"]))
    assert others.status_code == missing.status_code == 404
    assert payment.reference not in others.text
