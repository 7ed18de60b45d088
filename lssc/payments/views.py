from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from lssc.core.downloads import attachment

from .documents import render_invoice, render_receipt
from .enums import OFFLINE_METHODS, PaymentStatus
from .forms import BillToForm
from .invoices import InvoiceError, invoice_for, invoice_readdress
from .models import Invoice, Payment
from .selectors import visible_payments
from .stripe_webhooks import webhook_handle

RECEIPTED = (PaymentStatus.PAID, PaymentStatus.REFUNDED)


def _visible_payment(request, reference) -> Payment:
    """A payment the user may see; anyone else's answers 404, as a missing one does."""
    return get_object_or_404(visible_payments(request.user), reference=reference)


def _may_bill_someone_else(user, payment) -> bool:
    """The payer may name who receives the invoice while the payment is awaited;
    staff bill an institution by recording its purchase order."""
    return payment.status == PaymentStatus.PENDING and payment.payer_id == user.pk


@login_required
def instructions(request, reference):
    payment = _visible_payment(request, reference)
    if payment.method not in OFFLINE_METHODS:
        raise Http404
    return _instructions(request, payment)


def _instructions(request, payment, bill_to_form=None):
    invoice = Invoice.objects.filter(payment_id=payment.pk).first()
    if bill_to_form is None and _may_bill_someone_else(request.user, payment):
        institution = invoice.bill_to_institution if invoice else payment.institution
        bill_to_form = BillToForm(initial={"bill_to_institution": institution})
    return render(
        request,
        "payments/instructions.html",
        {
            "payment": payment,
            "invoice": invoice,
            "bill_to_form": bill_to_form,
            "payable_to": settings.LSSC_PAYABLE_TO,
            "address": settings.LSSC_PAYMENT_ADDRESS,
        },
    )


@login_required
@require_POST
def invoice_bill_to(request, reference):
    """Send the invoice to the institution's billing contact (same number); the
    payer's own payments only, anyone else's answer 404."""
    payment = get_object_or_404(
        Payment.objects.select_related("payer", "purchase_order"),
        reference=reference,
        payer_id=request.user.pk,
        method__in=OFFLINE_METHODS,
    )
    if not _may_bill_someone_else(request.user, payment):
        messages.error(
            request,
            "This payment is no longer awaited, so its invoice is not sent again. "
            "Nothing changed.",
        )
        return redirect("payments:instructions", payment.reference)
    form = BillToForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            invoice = invoice_for(payment=payment, by=request.user)
            changed = invoice_readdress(
                invoice=invoice,
                institution=data["bill_to_institution"],
                name=data["bill_to_name"],
                email=data["bill_to_email"],
                by=request.user,
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field, problems)
        except InvoiceError as error:
            messages.error(request, error.message)
            return redirect("payments:instructions", payment.reference)
        else:
            if changed:
                messages.success(
                    request,
                    f"Invoice {invoice.display_number} is on its way to "
                    f"{data['bill_to_name']} at {data['bill_to_email']}. It keeps its "
                    "number; you can still download it here.",
                )
            else:
                messages.info(
                    request,
                    f"Invoice {invoice.display_number} is already addressed to "
                    f"{data['bill_to_name']}; nothing changed.",
                )
            return redirect("payments:instructions", payment.reference)
    return _instructions(request, payment, bill_to_form=form)


@login_required
def invoice_download(request, reference):
    """The invoice PDF of a check or purchase-order payment, for its payer and for
    payment staff; a card payment has none, and the page says so."""
    payment = _visible_payment(request, reference)
    try:
        invoice = invoice_for(payment=payment, by=request.user)
    except InvoiceError as error:
        return render(
            request,
            "payments/no_invoice.html",
            {"payment": payment, "message": error.message},
            status=404,
        )
    return attachment(
        render_invoice(invoice),
        filename=invoice.filename,
        content_type="application/pdf",
    )


@login_required
def receipt(request, reference):
    payment = _visible_payment(request, reference)
    if payment.status not in RECEIPTED:
        raise Http404
    invoice = Invoice.objects.filter(payment_id=payment.pk).first()
    return render(
        request, "payments/receipt.html", {"payment": payment, "invoice": invoice}
    )


@login_required
def receipt_download(request, reference):
    """The receipt PDF of a paid (or since refunded) payment."""
    payment = _visible_payment(request, reference)
    if payment.status not in RECEIPTED:
        raise Http404
    return attachment(
        render_receipt(payment),
        filename=f"LSSC-receipt-{payment.reference}.pdf",
        content_type="application/pdf",
    )


@login_required
def card_return(request, reference):
    """Where Stripe sends the payer back; it shows the state, it never changes it."""
    payment = _visible_payment(request, reference)
    return render(request, "payments/card_return.html", {"payment": payment})


@csrf_exempt
@require_POST
def stripe_webhook(request):
    status, note = webhook_handle(
        payload=request.body, signature=request.headers.get("Stripe-Signature")
    )
    return HttpResponse(note, status=status, content_type="text/plain")
