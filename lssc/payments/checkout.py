"""Starting to pay a fee, the same way for every purpose (application, portfolio…)."""

from .enums import PaymentMethod, PaymentStatus
from .services import payment_cancel, payment_create, payments_for
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


def pay_for(
    *,
    purpose,
    payer,
    method: str,
    kind: str,
    description: str,
    return_url,
    institution: str = "",
    item: int = 1,
    ala_member: bool = False,
):
    """Start paying the fee of ``kind`` for ``purpose`` (locked by the caller, in its
    transaction): the usual ``payment_start`` over the purpose's pending payments,
    creating one from the fee schedule when needed. Returns ``(payment, url)``."""
    pending = list(
        payments_for(purpose).filter(status=PaymentStatus.PENDING).select_for_update()
    )
    return payment_start(
        pending=pending,
        method=method,
        payer=payer,
        create=lambda: payment_create(
            payer=payer,
            purpose=purpose,
            kind=kind,
            item=item,
            ala_member=ala_member,
            description=description[:200],
            method=method,
            institution=institution,
        ),
        return_url=return_url,
    )
