"""A payment's amount is the fee in force when it was due, and invoice numbers run
without a gap (``check_data``)."""

from django.db.models import Count, F, Max, Q
from django.db.models.functions import TruncDate

from lssc.core.invariants import register_invariant

from .enums import OFFLINE_METHODS
from .models import INVOICE_COUNTER, Invoice, InvoiceCounter, Payment


@register_invariant(
    "payment-fee",
    "a payment is of its fee row's kind, the row was in force when the payment was "
    "made, and the amount is that fee (or the balance still owed on it)",
)
def payment_fee(invariant):
    # A balance owed on the same fee (a membership not verified) is less than the
    # fee, never more; a payment is never made before its fee took effect.
    wrong = Payment.objects.annotate(made_on=TruncDate("created_at")).filter(
        ~Q(kind=F("fee__kind"))
        | Q(amount_cents__gt=F("fee__amount_cents"))
        | Q(amount_cents=0)
        | Q(fee__effective_from__gt=F("made_on"))
    )
    rows = wrong.values_list(
        "pk", "reference", "kind", "amount_cents", "fee_id", "fee__kind",
        "fee__amount_cents", "fee__effective_from", "made_on",
    )  # fmt: skip
    for (
        pk,
        ref,
        kind,
        amount,
        fee_id,
        fee_kind,
        fee_amount,
        since,
        made_on,
    ) in rows.order_by("pk").iterator(chunk_size=2000):
        yield invariant.violation(
            Payment, pk,
            f"{ref}: {kind} payment of {amount / 100:.2f} made {made_on} on fee row "
            f"{fee_id} ({fee_kind}, {fee_amount / 100:.2f} from {since})",
        )  # fmt: skip


@register_invariant(
    "invoice-numbers",
    "invoice numbers run 1, 2, 3… without a gap, the counter stands at the last "
    "one given, and only check and purchase-order payments are invoiced",
)
def invoice_numbers(invariant):
    # Numbers are unique and positive, so as many invoices as the highest number
    # means none is missing.
    given = Invoice.objects.aggregate(count=Count("pk"), high=Max("number"))
    count, high = given["count"], given["high"] or 0
    counter = (
        InvoiceCounter.objects.filter(name=INVOICE_COUNTER)
        .values_list("last", flat=True)
        .first()
    ) or 0
    if count != high:
        yield invariant.violation(
            Invoice, high, f"{count} invoices, but numbers up to {high} were given"
        )
    if counter != high:
        yield invariant.violation(
            InvoiceCounter,
            INVOICE_COUNTER,
            f"the counter is at {counter}, the last invoice is number {high}",
        )
    card = Invoice.objects.exclude(payment__method__in=OFFLINE_METHODS)
    for pk, number, reference in card.values_list(
        "pk", "number", "payment__reference"
    ).order_by("pk"):
        yield invariant.violation(
            Invoice, pk, f"invoice {number} is for {reference}, a card payment"
        )
