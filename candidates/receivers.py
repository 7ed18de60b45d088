from django.contrib.contenttypes.models import ContentType

from .models import Application
from .services import application_payment_received


def on_payment_confirmed(sender, *, payment, actor=None, **kwargs):
    if payment.purpose_type_id == ContentType.objects.get_for_model(Application).pk:
        application_payment_received(application_id=payment.purpose_id, actor=actor)


def on_user_saved(sender, *, instance, created, update_fields=None, **kwargs):
    """A holder's corrected name goes onto a new certificate."""
    from .certificates import certificate_request
    from .models import Certification

    # Every sign-in saves ``last_login`` alone: no query for a name not saved.
    if created or (update_fields is not None and "full_name" not in update_fields):
        return
    certification = (
        Certification.objects.filter(candidate__user=instance)
        .exclude(certificate="")
        .exclude(certificate_name=instance.full_name)
        .first()
    )
    if certification is not None:
        certificate_request(certification)
