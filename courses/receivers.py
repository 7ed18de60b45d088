from django.contrib.contenttypes.models import ContentType

from .models import CourseApplication
from .services import application_payment_received, application_reopen_on_appeal


def on_payment_confirmed(sender, *, payment, actor=None, **kwargs):
    if (
        payment.purpose_type_id
        == ContentType.objects.get_for_model(CourseApplication).pk
    ):
        application_payment_received(application_id=payment.purpose_id, actor=actor)


def on_appeal_upheld(sender, *, appeal, actor=None, **kwargs):
    if (
        appeal.subject_type_id
        == ContentType.objects.get_for_model(CourseApplication).pk
    ):
        application_reopen_on_appeal(
            application_id=appeal.subject_id, actor=actor, appeal=appeal
        )
