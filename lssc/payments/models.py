"""Money owed to the program and how it was paid.

A payment's amount is fixed from the fee schedule when it is created, so a later fee
change never rewrites it. Payments are never deleted: a refund or a cancellation is a
state with who, when and why.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from lssc.core.codes import readable_code
from lssc.core.storage import private_storage
from lssc.fees.models import Fee, FeeKind

from .enums import PaymentMethod, PaymentStatus, PurchaseOrderStatus


def new_reference() -> str:
    return f"LSSC-{readable_code(2)}"


class PurchaseOrder(models.Model):
    """An institution paying for one or more people with one purchase order."""

    number = models.CharField("PO number", max_length=60)
    institution = models.CharField(max_length=200)
    contact_name = models.CharField(max_length=200)
    contact_email = models.EmailField()
    amount_cents = models.PositiveIntegerField(
        "total (cents)", help_text="The total stated on the purchase order, in cents."
    )
    status = models.CharField(
        max_length=10,
        choices=PurchaseOrderStatus.choices,
        default=PurchaseOrderStatus.OPEN,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    received_at = models.DateTimeField(null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "number"], name="purchase_order_unique_number"
            )
        ]

    def __str__(self):
        return f"PO {self.number} ({self.institution})"


class Payment(models.Model):
    reference = models.CharField(max_length=20, unique=True, default=new_reference)
    payer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="payments"
    )
    kind = models.CharField(max_length=30, choices=FeeKind.choices)
    fee = models.ForeignKey(
        Fee,
        on_delete=models.PROTECT,
        related_name="payments",
        help_text="The fee-schedule row the amount was taken from.",
    )
    amount_cents = models.PositiveIntegerField("amount (cents)")
    description = models.CharField(max_length=200)
    method = models.CharField(max_length=20, choices=PaymentMethod.choices)
    status = models.CharField(
        max_length=10,
        choices=PaymentStatus.choices,
        default=PaymentStatus.PENDING,
        db_index=True,
    )
    # What is being paid for: an application, a portfolio, a course approval…
    purpose_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    purpose_id = models.PositiveBigIntegerField()
    purpose = GenericForeignKey("purpose_type", "purpose_id")

    institution = models.CharField(
        max_length=200,
        blank=True,
        help_text="For a purchase order: the institution paying.",
    )
    purchase_order = models.ForeignKey(
        PurchaseOrder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payments",
    )
    stripe_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_payment_intent = models.CharField(max_length=255, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The staff member who recorded a check or purchase order.",
    )
    receipt_note = models.CharField(
        max_length=200, blank=True, help_text="Check number or other proof of payment."
    )
    closed_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was refunded or cancelled."
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    close_reason = models.TextField(blank=True)
    flagged_reason = models.TextField(
        blank=True,
        help_text="Why a report from the card processor did not match this payment. "
        "Staff check it with the processor, then clear the flag.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # Flagged payments are few; staff list them without scanning the rest.
            models.Index(
                fields=["created_at"],
                name="payment_flagged",
                condition=~models.Q(flagged_reason=""),
            ),
            models.Index(fields=["purpose_type", "purpose_id"]),
            models.Index(fields=["method", "status"]),
            models.Index(fields=["payer", "-created_at"]),
            # The admin lists newest first (created_at, then id); no sort of all rows.
            models.Index(fields=["created_at", "id"], name="payment_newest"),
        ]

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        if self.status == PaymentStatus.PENDING and self.method != PaymentMethod.CARD:
            return reverse(
                "payments:instructions", kwargs={"reference": self.reference}
            )
        return reverse("payments:receipt", kwargs={"reference": self.reference})

    @property
    def is_paid(self) -> bool:
        return self.status == PaymentStatus.PAID

    @property
    def is_flagged(self) -> bool:
        return bool(self.flagged_reason)

    @property
    def amount(self):
        return self.amount_cents / 100


class StripeEvent(models.Model):
    """Each Stripe webhook event handled, once: a replayed event id changes nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    payment = models.ForeignKey(
        Payment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stripe_events",
    )
    outcome = models.CharField(max_length=200)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.type} {self.event_id}"


# The counter row invoice numbers are taken from.
INVOICE_COUNTER = "invoice"


class InvoiceCounter(models.Model):
    """The last number given to an invoice.

    One row, locked (``select_for_update``) by the transaction that numbers an
    invoice and updated in it: a number is taken only when the invoice is saved, so
    a rolled-back invoice leaves no gap (a database sequence would) and two invoices
    made at once wait for each other and take consecutive numbers.
    """

    name = models.CharField(max_length=30, primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.name}: {self.last}"


def _invoice_path(invoice, filename):
    return f"invoices/{filename}"


class Invoice(models.Model):
    """The bill for a payment by check or purchase order: numbered once, kept.

    Who it is addressed to may change while the payment is awaited (the payer names
    their institution's billing contact, or a purchase order covers it); each new
    addressee is a new ``revision`` and is mailed the invoice once.
    """

    number = models.PositiveIntegerField(unique=True, editable=False)
    payment = models.OneToOneField(
        Payment, on_delete=models.PROTECT, related_name="invoice", editable=False
    )
    issued_at = models.DateTimeField(editable=False)
    due_on = models.DateField("payment due by", editable=False)
    bill_to_institution = models.CharField("institution", max_length=200, blank=True)
    bill_to_name = models.CharField("billing contact", max_length=200)
    bill_to_email = models.EmailField("billing contact email")
    revision = models.PositiveSmallIntegerField(default=1, editable=False)
    # The copy last mailed (kept while its mail may still be sending), and the
    # revision it showed.
    pdf = models.FileField(
        storage=private_storage, upload_to=_invoice_path, blank=True, editable=False
    )
    mailed_revision = models.PositiveSmallIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["pdf", "mailed_revision"])

    class Meta:
        ordering = ["-number"]

    def __str__(self):
        return f"Invoice {self.display_number}"

    @property
    def display_number(self) -> str:
        return f"INV-{self.number:06d}"

    @property
    def filename(self) -> str:
        return f"LSSC-invoice-{self.display_number}.pdf"
