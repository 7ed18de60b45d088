"""Fees paid as the payment services record them: the amount from the fee row in
force on the day, the staff member who recorded a check or purchase order, and
the audit entries of each step (created, confirmed, refunded)."""

import datetime
from dataclasses import dataclass

from lssc.payments.enums import PaymentMethod, PaymentStatus
from lssc.payments.models import Payment, new_reference

from .program import Program
from .writes import insert

METHODS = (PaymentMethod.CARD, PaymentMethod.CHECK, PaymentMethod.PURCHASE_ORDER)
METHOD_SHARES = (70, 20, 10)


@dataclass
class PaymentPlan:
    """When a payment was started, and paid (``None`` while pending)."""

    method: str
    created_at: datetime.datetime
    paid_at: datetime.datetime | None
    refunded_at: datetime.datetime | None = None

    @property
    def status(self) -> str:
        if self.refunded_at is not None:
            return PaymentStatus.REFUNDED
        return PaymentStatus.PAID if self.paid_at else PaymentStatus.PENDING


def plan(program: Program, started: datetime.datetime, method=None) -> PaymentPlan:
    """A payment started at ``started``: a card is paid within minutes, a check in
    days, a purchase order in weeks; ``paid_at`` stays ``None`` if that is later
    than now."""
    method = method or program.rng.choices(METHODS, METHOD_SHARES)[0]
    if method == PaymentMethod.CARD:
        paid = program.soon(started, 20)
    elif method == PaymentMethod.CHECK:
        paid = program.later(started, 4, 21)
    else:
        paid = program.later(started, 10, 45)
    return PaymentPlan(method, started, paid if program.past(paid) else None)


class Payments:
    """Payment rows of a batch and their audit entries, written together."""

    def __init__(self, program: Program, trail):
        self.program = program
        self.trail = trail
        self.references = set(Payment.objects.values_list("reference", flat=True))

    def _reference(self) -> str:
        # Random references, as the application makes them, never repeated: a
        # few hundred thousand would otherwise meet one collision in ten runs.
        while (reference := new_reference()) in self.references:
            pass
        self.references.add(reference)
        return reference

    def row(
        self,
        plan: PaymentPlan,
        *,
        payer_id,
        kind,
        member=False,
        item=1,
        description,
        purpose_type,
        purpose_id,
        institution="",
        amount_cents=None,
    ) -> Payment:
        """The payment, unsaved; the amount is the fee in force when it started."""
        program = self.program
        fee = program.fee(
            kind, on=program.local(plan.created_at), member=member, item=item
        )
        offline = plan.method != PaymentMethod.CARD
        paid = plan.paid_at is not None
        rng = program.rng
        if plan.method == PaymentMethod.CHECK:
            note = f"Check {rng.randint(1000, 9999)}"
        elif plan.method == PaymentMethod.PURCHASE_ORDER:
            note = f"PO {rng.randint(10000, 99999)}"
        else:
            note = ""
        return Payment(
            reference=self._reference(),
            payer_id=payer_id,
            kind=kind,
            fee=fee,
            amount_cents=fee.amount_cents if amount_cents is None else amount_cents,
            description=description[:200],
            method=plan.method,
            status=plan.status,
            purpose_type_id=purpose_type,
            purpose_id=purpose_id,
            institution=institution
            if plan.method == PaymentMethod.PURCHASE_ORDER
            else "",
            stripe_session_id="" if offline else f"cs_test_{rng.getrandbits(96):024x}",
            stripe_payment_intent=f"pi_{rng.getrandbits(96):024x}"
            if paid and not offline
            else "",
            created_at=plan.created_at,
            paid_at=plan.paid_at,
            received_by=program.officer if paid and offline else None,
            receipt_note=note if paid else "",
            closed_at=plan.refunded_at,
            closed_by=program.officer if plan.refunded_at else None,
            close_reason="Application not admitted" if plan.refunded_at else "",
        )

    def write(self, payments: list[Payment]) -> list[Payment]:
        """Save the payments and record their steps in the audit trail."""
        created = insert(Payment, payments)
        for p in created:
            self._audit(p)
        return created

    def _audit(self, p: Payment) -> None:
        amount = f"${p.amount_cents / 100:,.2f}"
        add = self.trail.add
        add(
            Payment,
            p.pk,
            p.created_at,
            "payment.created",
            f"Payment {p.reference} of {amount} created "
            f"({PaymentMethod(p.method).label.lower()})",
            owner=p.payer_id,
            actor=p.payer_id,
            target=PaymentStatus.PENDING,
        )
        if p.paid_at:
            add(
                Payment,
                p.pk,
                p.paid_at,
                "payment.confirmed",
                f"Payment {p.reference} of {amount} received",
                owner=p.payer_id,
                actor=p.received_by_id,
                source=PaymentStatus.PENDING,
                target=PaymentStatus.PAID,
                reason=p.receipt_note,
            )
        if p.closed_at:
            add(
                Payment,
                p.pk,
                p.closed_at,
                "payment.refunded",
                f"Payment {p.reference} refunded",
                owner=p.payer_id,
                actor=p.closed_by_id,
                source=PaymentStatus.PAID,
                target=PaymentStatus.REFUNDED,
                reason=p.close_reason,
            )
