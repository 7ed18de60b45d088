from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .enums import OFFLINE_METHODS, PaymentStatus
from .models import Payment
from .stripe_gateway import webhook_handle


def _own_payment(request, reference) -> Payment:
    """The payer's own payment (staff see all); anyone else gets a 404."""
    payment = get_object_or_404(
        Payment.objects.select_related("payer", "purchase_order"), reference=reference
    )
    if payment.payer_id != request.user.pk and not request.user.is_staff:
        raise Http404
    return payment


@login_required
def instructions(request, reference):
    payment = _own_payment(request, reference)
    if payment.method not in OFFLINE_METHODS:
        raise Http404
    return render(
        request,
        "payments/instructions.html",
        {
            "payment": payment,
            "payable_to": settings.LSSC_PAYABLE_TO,
            "address": settings.LSSC_PAYMENT_ADDRESS,
        },
    )


@login_required
def receipt(request, reference):
    payment = _own_payment(request, reference)
    if payment.status not in (PaymentStatus.PAID, PaymentStatus.REFUNDED):
        raise Http404
    return render(request, "payments/receipt.html", {"payment": payment})


@login_required
def card_return(request, reference):
    """Where Stripe sends the payer back; it shows the state, it never changes it."""
    payment = _own_payment(request, reference)
    return render(request, "payments/card_return.html", {"payment": payment})


@csrf_exempt
@require_POST
def stripe_webhook(request):
    status, note = webhook_handle(
        payload=request.body, signature=request.headers.get("Stripe-Signature")
    )
    return HttpResponse(note, status=status, content_type="text/plain")
