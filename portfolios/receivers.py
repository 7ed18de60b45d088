from django.contrib.contenttypes.models import ContentType

from .models import Portfolio
from .services import portfolio_payment_received


def on_payment_confirmed(sender, *, payment, actor=None, **kwargs):
    if payment.purpose_type_id == ContentType.objects.get_for_model(Portfolio).pk:
        portfolio_payment_received(portfolio_id=payment.purpose_id, actor=actor)
