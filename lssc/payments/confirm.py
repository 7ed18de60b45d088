"""The summary before a fee is paid: the pages that take a payment show what is
paid, how much and how, and start the payment only on its Confirm button."""

from django.shortcuts import redirect, render

from lssc.core.confirm import is_confirmed

from .enums import PaymentMethod
from .forms import payment_methods, start_payment

NEXT_STEP = {
    PaymentMethod.CARD: (
        "You go to the card payment page to enter your card; nothing is charged "
        "until you pay there."
    ),
    PaymentMethod.CHECK: (
        "A payment due is recorded and you see where to mail your check; it "
        "counts once the check arrives."
    ),
    PaymentMethod.PURCHASE_ORDER: (
        "A payment due is recorded with an invoice for your institution; it "
        "counts once the institution pays."
    ),
}


def payment_confirmed(request, form, pay, refusals, *, summary):
    """The response to a pay page's POST, or ``None`` to show the page again.

    A valid choice shows the summary (``summary`` gives ``title``, ``what``,
    ``amount_cents``, ``after``, ``back_url``); its Confirm starts the payment
    through ``start_payment``. Confirming twice reuses the pending payment (the
    payment services do), so a double click never records a second one.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    if is_confirmed(request):
        url = start_payment(request, form, pay, refusals)
        return redirect(url) if url else None
    method = form.cleaned_data["method"]
    return render(
        request,
        "payments/confirm.html",
        {
            **summary,
            "method": method,
            "method_label": dict(payment_methods()).get(method, method),
            "institution": form.cleaned_data.get("institution", ""),
            "next_step": NEXT_STEP.get(method, ""),
            "confirm_label": (
                "Confirm and pay" if method == PaymentMethod.CARD else "Confirm"
            ),
        },
    )
