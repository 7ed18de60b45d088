"""One institutional purchase order paying for several applicants."""

import pytest
from django.urls import reverse

from candidates.models import Candidate
from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.payments.enums import PaymentStatus, PurchaseOrderStatus
from lssc.payments.models import Payment, PurchaseOrder
from tests.candidates.helpers import submitted
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db


def three_applicants_choose_a_purchase_order(client):
    payments = []
    for _ in range(3):
        user = UserFactory()
        submitted(user)
        client.force_login(user)
        client.post(
            reverse("candidates:application_status"),
            {
                "method": "purchase_order",
                "institution": "Springfield Library System",
                "confirm": "yes",
            },
        )
        payments.append(Payment.objects.get(payer=user))
    return payments


def test_a_purchase_order_for_three_applicants_admits_all_three(client):
    payments = three_applicants_choose_a_purchase_order(client)
    assert all(p.institution == "Springfield Library System" for p in payments)
    officer = staff_user(StaffGroup.PROGRAM_ASSISTANT)
    client.force_login(officer)
    response = client.post(
        reverse("admin:payments_purchaseorder_add"),
        {
            "number": "PO-2026-117",
            "institution": "Springfield Library System",
            "contact_name": "Pat Buyer",
            "contact_email": "buyer@sls.example.org",
            "amount_cents": "$1,050.00",
            "covered": [p.pk for p in payments],
        },
    )
    assert response.status_code == 302, response.content.decode()
    order = PurchaseOrder.objects.get()
    assert order.payments.count() == 3

    client.post(
        reverse("admin:payments_purchaseorder_changelist"),
        {"action": "record_receipt", "_selected_action": [order.pk]},
    )
    order.refresh_from_db()
    assert order.status == PurchaseOrderStatus.RECEIVED
    assert Payment.objects.filter(status=PaymentStatus.PAID).count() == 3
    assert Candidate.objects.count() == 3


def test_a_purchase_order_whose_total_does_not_match_is_refused(client):
    payments = three_applicants_choose_a_purchase_order(client)
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    response = client.post(
        reverse("admin:payments_purchaseorder_add"),
        {
            "number": "PO-1",
            "institution": "Springfield Library System",
            "contact_name": "Pat Buyer",
            "contact_email": "buyer@sls.example.org",
            "amount_cents": "700.00",
            "covered": [p.pk for p in payments],
        },
    )
    assert response.status_code == 200
    assert "owe $1,050.00 in all" in response.content.decode()
    assert not PurchaseOrder.objects.exists()


def test_changing_whom_an_order_covers_is_audited_for_each_payment(client):
    payments = three_applicants_choose_a_purchase_order(client)
    officer = staff_user(StaffGroup.PROGRAM_ASSISTANT)
    client.force_login(officer)
    fields = {
        "number": "PO-2026-118",
        "institution": "Springfield Library System",
        "contact_name": "Pat Buyer",
        "contact_email": "buyer@sls.example.org",
    }
    client.post(
        reverse("admin:payments_purchaseorder_add"),
        {**fields, "amount_cents": "700.00", "covered": [p.pk for p in payments[:2]]},
    )
    order = PurchaseOrder.objects.get()
    client.post(
        reverse("admin:payments_purchaseorder_change", args=[order.pk]),
        {**fields, "amount_cents": "700.00", "covered": [p.pk for p in payments[1:]]},
    )

    assert set(order.payments.all()) == set(payments[1:])
    changes = AuditEntry.objects.filter(action="payment.purchase_order_changed")
    # Two added, then the first taken off and the third added; the second stays.
    assert sorted((e.subject_id, e.actor) for e in changes) == sorted(
        [(payments[0].pk, officer)] * 2 + [(payments[1].pk, officer)]
        + [(payments[2].pk, officer)]
    )  # fmt: skip
    assert changes.filter(
        subject_id=payments[0].pk, summary__contains="no longer paid by"
    ).exists()
