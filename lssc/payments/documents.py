"""The invoice and receipt PDFs, printed from HTML with WeasyPrint.

Both are made from what is stored when they are asked for, so a paid or cancelled
payment's invoice says so, and a refunded payment's receipt shows the refund.
"""

from django.conf import settings
from django.template.loader import render_to_string

from .enums import PaymentStatus
from .models import Invoice, Payment

PROGRAM = "ALA-APA · Library Support Staff Certification program"


def dollars(cents: int) -> str:
    """Amounts on a bill show their cents: ``$350.00``."""
    return f"${cents / 100:,.2f}"


def _program() -> dict:
    return {
        "program": PROGRAM,
        "address": settings.LSSC_PAYMENT_ADDRESS,
        "payable_to": settings.LSSC_PAYABLE_TO,
        "site_url": settings.SITE_URL,
    }


def invoice_html(invoice: Invoice) -> str:
    payment = invoice.payment
    owed = payment.status == PaymentStatus.PENDING
    return render_to_string(
        "payments/invoice_pdf.html",
        {
            **_program(),
            "invoice": invoice,
            "payment": payment,
            "amount": dollars(payment.amount_cents),
            "amount_due": dollars(payment.amount_cents if owed else 0),
        },
    )


def receipt_html(payment: Payment) -> str:
    invoice = Invoice.objects.filter(payment=payment).first()
    return render_to_string(
        "payments/receipt_pdf.html",
        {
            **_program(),
            "payment": payment,
            "invoice": invoice,
            "amount": dollars(payment.amount_cents),
        },
    )


def _pdf(html: str) -> bytes:
    from weasyprint import HTML  # heavy: loaded only when a document is made

    return HTML(string=html).write_pdf()


def render_invoice(invoice: Invoice) -> bytes:
    return _pdf(invoice_html(invoice))


def render_receipt(payment: Payment) -> bytes:
    return _pdf(receipt_html(payment))
