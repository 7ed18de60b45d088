"""Reading payments: whose a person may open."""

from .models import Payment


def visible_payments(user):
    """The payer's own payments; every payment for staff with the payments permission.

    Being staff is not enough: a review committee member has no business with
    anyone's fees.
    """
    payments = Payment.objects.select_related("payer", "purchase_order")
    if user.has_perm("payments.view_payment"):
        return payments
    return payments.filter(payer_id=user.pk)
