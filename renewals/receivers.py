from django.contrib.contenttypes.models import ContentType

from .models import Renewal
from .services import renewal_payment_received


def on_payment_confirmed(sender, *, payment, actor=None, **kwargs):
    if payment.purpose_type_id == ContentType.objects.get_for_model(Renewal).pk:
        renewal_payment_received(renewal_id=payment.purpose_id, actor=actor)
