"""Payments and purchase orders in every state, for the generic transition tests."""

import itertools

from lssc.accounts.roles import StaffGroup
from lssc.fees.models import FeeKind
from lssc.payments.enums import PaymentMethod, PaymentStatus, PurchaseOrderStatus
from lssc.payments.models import Payment, PurchaseOrder
from lssc.payments.services import payment_create
from tests.factories import UserFactory, staff_user
from tests.transitions.worlds import World, world

_numbers = itertools.count(1)


def _payment(method=PaymentMethod.CHECK):
    payer = UserFactory()
    # Paying for something no app registered: the payment's own steps alone.
    return payment_create(
        payer=payer,
        purpose=payer,
        kind=FeeKind.APPLICATION,
        description="Application fee",
        method=method,
    )


@world("payments.Payment.status")
class PaymentWorld(World):
    def make(self, state):
        payment = _payment()
        Payment.objects.filter(pk=payment.pk).update(status=state)
        return payment

    def kwargs(self, transition, obj):
        return {"by": staff_user(StaffGroup.PROGRAM_ASSISTANT), "reason": "Check 1042"}


@world("payments.PurchaseOrder.status")
class PurchaseOrderWorld(World):
    def make(self, state):
        payment = _payment(PaymentMethod.PURCHASE_ORDER)
        order = PurchaseOrder.objects.create(
            number=f"PO-{next(_numbers)}",
            institution="Springfield Public Library",
            contact_name="Lee Ames",
            contact_email="lee@example.org",
            amount_cents=payment.amount_cents,
            status=state,
        )
        # An open order covers a payment it will confirm; a received one, paid.
        paid = state == PurchaseOrderStatus.RECEIVED
        Payment.objects.filter(pk=payment.pk).update(
            purchase_order=order,
            status=PaymentStatus.PAID if paid else PaymentStatus.PENDING,
        )
        return order

    def kwargs(self, transition, obj):
        return {"by": staff_user(StaffGroup.PROGRAM_ASSISTANT)}
