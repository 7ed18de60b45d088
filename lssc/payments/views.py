from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .enums import OFFLINE_METHODS, PaymentStatus
from .models import Payment
from .selectors import visible_payments
from .stripe_webhooks import webhook_handle


def _visible_payment(request, reference) -> Payment:
    """A payment the user may see; anyone else's answers 404, as a missing one does."""
    return get_object_or_404(visible_payments(request.user), reference=reference)


@login_required
def instructions(request, reference):
    payment = _visible_payment(request, reference)
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
    payment = _visible_payment(request, reference)
    if payment.status not in (PaymentStatus.PAID, PaymentStatus.REFUNDED):
        raise Http404
    return render(request, "payments/receipt.html", {"payment": payment})


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
