"""What payments pay for, declared by the apps that sell it.

Payments do not import the apps. Each app that charges a fee registers its model
once, at start-up, with what happens when a payment for it is confirmed::

    register_purpose(Portfolio, paid=portfolio_transitions.mark_paid.if_allowed)

``paid(pk, by=actor)`` runs inside the confirming transaction, so the payment and
its effect commit together, and it must be idempotent: a webhook retried, or a
check recorded after the card payment went through, calls it again.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class Purpose:
    model: type
    paid: Callable  # (pk, *, by) -> anything; idempotent


_purposes: dict[str, Purpose] = {}


def register_purpose(model, *, paid: Callable) -> None:
    _purposes[model._meta.label_lower] = Purpose(model=model, paid=paid)


def purpose_of(payment) -> Purpose | None:
    model = ContentType.objects.get_for_id(payment.purpose_type_id).model_class()
    return _purposes.get(model._meta.label_lower) if model else None


def purpose_paid(payment, *, by=None) -> None:
    """Tell the payment's purpose that it is paid (nothing if it registered none)."""
    purpose = purpose_of(payment)
    if purpose is not None:
        purpose.paid(payment.purpose_id, by=by)
