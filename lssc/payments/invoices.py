"""Invoices for payments by check or purchase order.

Every check or purchase-order payment is invoiced when it is made: ``payment_create``
calls ``invoice_issue`` in its own transaction. Invoice numbers run 1, 2, 3… without a
gap and are never given twice. They are taken from one counter row locked by the
transaction that saves the invoice, so an invoice rolled back takes its number back
with it (a database sequence would leave a hole), and two invoices made at once wait
for each other and get consecutive numbers.

The invoice goes by mail to its billing contact after the commit (``invoice_send``,
run by a task), once for each addressee: the payer at first, then whoever the payer
names or the purchase order that covers the payment.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from lssc.audit.services import audit_log
from lssc.core.errors import DomainError
from lssc.core.program import rules
from lssc.notifications.services import mail_queue
from lssc.outbox.services import enqueue

from .documents import render_invoice
from .enums import OFFLINE_METHODS, PaymentStatus
from .models import INVOICE_COUNTER, Invoice, InvoiceCounter, Payment

# The task that mails an invoice (``tasks.invoice_mail``), named rather than imported.
SEND_TASK = "payments.invoice_send"

CARD_HAS_NO_INVOICE = (
    "A card payment has no invoice: it is paid when it is made. Its receipt is "
    "the record of the payment."
)


class InvoiceError(DomainError):
    """An invoice cannot be made or changed; the message says why."""


def invoice_number_take() -> int:
    """The next invoice number. Call inside the transaction that saves the invoice:
    the counter stays locked until it commits or rolls back."""
    counter, _ = InvoiceCounter.objects.select_for_update().get_or_create(
        name=INVOICE_COUNTER
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def billing_contact(payment: Payment) -> tuple[str, str, str]:
    """``(institution, name, email)`` a payment is billed to by default: the
    purchase order's contact when one covers it, else the payer."""
    order = payment.purchase_order
    if order is not None:
        return order.institution, order.contact_name, order.contact_email
    return payment.institution, payment.payer.full_name, payment.payer.email


def invoice_issue(*, payment: Payment, by=None) -> Invoice:
    """The payment's invoice, numbered now if it has none (a payment made before
    invoices were kept gets its number when first asked for). Refuses a card
    payment (``InvoiceError``)."""
    if payment.method not in OFFLINE_METHODS:
        raise InvoiceError(CARD_HAS_NO_INVOICE)
    with transaction.atomic():
        # The payment first, then the counter, on every path: no deadlock.
        payment = (
            Payment.objects.select_for_update(of=("self",))
            .select_related("payer", "purchase_order")
            .get(pk=payment.pk)
        )
        existing = Invoice.objects.filter(payment=payment).first()
        if existing is not None:
            return existing
        issued_at = timezone.now()
        institution, name, email = billing_contact(payment)
        invoice = Invoice.objects.create(
            number=invoice_number_take(),
            payment=payment,
            issued_at=issued_at,
            due_on=timezone.localdate(issued_at)
            + datetime.timedelta(days=rules().INVOICE_DUE_DAYS),
            bill_to_institution=institution,
            bill_to_name=name,
            bill_to_email=email,
        )
        audit_log(
            subject=payment,
            action="payment.invoiced",
            summary=f"Invoice {invoice.display_number} issued for payment "
            f"{payment.reference}, billed to {name} <{email}>",
            actor=by,
            owner=payment.payer,
        )
        enqueue(SEND_TASK, invoice.pk)
    return invoice


def invoice_readdress(
    *, invoice: Invoice, institution: str, name: str, email: str, by=None
) -> bool:
    """Bill someone else (the payer's billing office, a purchase order's contact):
    same number, new addressee, who is mailed it. ``False`` when nothing changed;
    ``ValidationError`` for a missing name or a bad address, ``InvoiceError`` once
    the payment is no longer awaited."""
    institution, name, email = institution.strip(), name.strip(), email.strip()
    problems = {}
    if not name:
        problems["bill_to_name"] = "Name the person who receives the invoice."
    try:
        validate_email(email)
    except ValidationError:
        problems["bill_to_email"] = "Enter the email address the invoice goes to."
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        invoice = (
            Invoice.objects.select_for_update(of=("self",))
            .select_related("payment__payer")
            .get(pk=invoice.pk)
        )
        payment = invoice.payment
        if payment.status != PaymentStatus.PENDING:
            raise InvoiceError(
                f"Payment {payment.reference} is {payment.get_status_display().lower()}"
                ": its invoice is no longer sent to anyone."
            )
        new = (institution, name, email)
        old = (invoice.bill_to_institution, invoice.bill_to_name, invoice.bill_to_email)
        if new == old:
            return False
        invoice.bill_to_institution, invoice.bill_to_name, invoice.bill_to_email = new
        invoice.revision += 1
        invoice.save(
            update_fields=[
                "bill_to_institution",
                "bill_to_name",
                "bill_to_email",
                "revision",
            ]
        )
        audit_log(
            subject=payment,
            action="payment.invoice_readdressed",
            summary=f"Invoice {invoice.display_number} billed to {name} <{email}>"
            + (f", {institution}" if institution else ""),
            actor=by,
            owner=payment.payer,
        )
        enqueue(SEND_TASK, invoice.pk)
    return True


def invoice_follow_payment(*, payment: Payment, by=None) -> bool:
    """Bill the payment's default contact (``billing_contact``): called when a
    purchase order starts or stops covering it. ``False`` when there is no invoice
    to change (a card payment, or one no longer awaited) or nothing changed."""
    invoice = Invoice.objects.filter(payment=payment).first()
    if invoice is None or payment.status != PaymentStatus.PENDING:
        return False
    institution, name, email = billing_contact(payment)
    return invoice_readdress(
        invoice=invoice, institution=institution, name=name, email=email, by=by
    )


def invoice_send(invoice_id: int) -> bool:
    """Mail the invoice to its billing contact, once per addressee; ``True`` when a
    mail was queued. The task's body, safe to run twice: a repeat finds the
    revision mailed. Nothing is sent for a payment paid or cancelled meanwhile."""
    with transaction.atomic():
        invoice = (
            Invoice.objects.select_for_update(of=("self",))
            .select_related("payment__payer", "payment__purchase_order")
            .filter(pk=invoice_id)
            .first()
        )
        if invoice is None or invoice.mailed_revision >= invoice.revision:
            return False
        payment = invoice.payment
        if payment.status != PaymentStatus.PENDING:
            return False
        invoice.pdf.save(
            f"{invoice.display_number}-{invoice.revision}.pdf",
            ContentFile(render_invoice(invoice)),
            save=False,
        )
        invoice.mailed_revision = invoice.revision
        # Delivery bookkeeping, not a change of the invoice: no history entry.
        invoice.save_without_historical_record(update_fields=["pdf", "mailed_revision"])
        mail_queue(
            key=f"invoice:{invoice.number}:{invoice.revision}",
            to=invoice.bill_to_email,
            template="invoice",
            context={
                "invoice": invoice,
                "payment": payment,
                "to_payer": invoice.bill_to_email.lower()
                == payment.payer.email.lower(),
                "payable_to": settings.LSSC_PAYABLE_TO,
            },
            attachment=(invoice.pdf.name, invoice.filename),
        )
    return True


def invoice_for(*, payment: Payment, by=None) -> Invoice:
    """The payment's invoice, read without a lock when it exists (the usual case),
    issued otherwise; ``InvoiceError`` for a card payment."""
    invoice = (
        Invoice.objects.select_related("payment__payer", "payment__purchase_order")
        .filter(payment_id=payment.pk)
        .first()
    )
    return invoice or invoice_issue(payment=payment, by=by)
