"""Starting to pay a fee, the same way for every purpose (application, portfolio…)."""

from .enums import PaymentMethod
from .services import payment_cancel
from .stripe_gateway import checkout_session_create


def payment_start(*, pending, method: str, payer, create, return_url, matches=None):
    """Start paying with ``method``; returns ``(payment, url)``. Call in a transaction.

    ``pending`` are the purpose's pending payments, locked. One of the same method
    (and, if given, for which ``matches(payment)`` holds) is reused, so a second click
    makes no second payment; the others are cancelled, as the payer chose another
    way. ``create()`` makes a new one. A card payment goes to Stripe (which raises
    ``CardPaymentUnavailable`` when it cannot be reached); any other method leads to
    its instructions.
    """
    reuse = next(
        (p for p in pending if p.method == method and (matches is None or matches(p))),
        None,
    )
    for payment in pending:
        if payment is not reuse:
            payment_cancel(
                payment=payment,
                actor=payer,
                reason=f"Replaced by a {PaymentMethod(method).label} payment",
            )
    payment = reuse or create()
    if method == PaymentMethod.CARD:
        url = checkout_session_create(
            payment,
            success_url=return_url(payment),
            cancel_url=return_url(payment, cancelled=True),
        )
    else:
        url = payment.get_absolute_url()
    return payment, url
