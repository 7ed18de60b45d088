"""How a person chooses to pay a fee: shared by every page that takes a payment."""

from django import forms
from django.contrib import messages
from django.urls import reverse

from .enums import PaymentMethod
from .stripe_gateway import CardPaymentUnavailable, card_payments_enabled


def payment_methods():
    methods = [
        (PaymentMethod.CHECK.value, "Check (by mail)"),
        (PaymentMethod.PURCHASE_ORDER.value, "Purchase order from my institution"),
    ]
    if card_payments_enabled():
        methods.insert(0, (PaymentMethod.CARD.value, "Card, online now"))
    return methods


def start_payment(request, form, pay, refusals) -> str | None:
    """Start paying with the method chosen in the valid ``form``.

    ``pay(method=, institution=, return_url=)`` is the owning app's service; it
    returns ``(payment, url)``. The URL to send the payer to, or ``None`` with the
    problem shown on the page (card payment unavailable, or one of ``refusals``).
    """
    try:
        _, url = pay(
            method=form.cleaned_data["method"],
            institution=form.cleaned_data.get("institution", ""),
            return_url=card_return_url(request),
        )
    except CardPaymentUnavailable:
        messages.error(
            request,
            "Card payment is not available right now. Nothing was charged; "
            "please try again later, or choose to pay by check.",
        )
    except refusals as error:
        messages.error(request, str(error))
    else:
        return url
    return None


def card_return_url(request):
    """``return_url(payment, cancelled=False)``: where Stripe sends the payer back."""

    def return_url(payment, cancelled=False):
        url = request.build_absolute_uri(
            reverse("payments:card_return", kwargs={"reference": payment.reference})
        )
        return url + ("?cancelled=1" if cancelled else "")

    return return_url


class PaymentChoiceForm(forms.Form):
    method = forms.ChoiceField(label="How will you pay?", widget=forms.RadioSelect)
    institution = forms.CharField(
        label="Institution paying (for a purchase order)",
        max_length=200,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = payment_methods()

    def clean(self):
        data = super().clean()
        if data.get("method") == "purchase_order" and not data.get("institution"):
            self.add_error("institution", "Name the institution that will pay.")
        return data


class BillToForm(forms.Form):
    """Who an invoice is sent to: the payer's institution's billing office."""

    bill_to_institution = forms.CharField(
        label="Institution", max_length=200, required=False
    )
    bill_to_name = forms.CharField(label="Billing contact's name", max_length=200)
    bill_to_email = forms.EmailField(
        label="Billing contact's email address", max_length=254
    )
