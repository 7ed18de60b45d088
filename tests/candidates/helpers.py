import contextlib
import datetime
from decimal import Decimal

import time_machine
from django.urls import reverse
from django.utils import timezone

from candidates.applications import application_submit
from candidates.models import Application, WorkHistory
from candidates.transitions import admit
from lssc.payments.services import payment_confirm
from tests.factories import UserFactory


def complete_draft(
    user,
    *,
    education="high_school",
    hours_per_week="40",
    start=None,
    ala_member=False,
) -> Application:
    """A draft with every step filled in, as the forms would leave it."""
    application = Application.objects.create(
        user=user,
        steps_done=3,
        phone="555-0100",
        address_line1="1 Main St",
        city="Springfield",
        state="IL",
        postal_code="62701",
        library_name="Springfield Public Library",
        library_type="public",
        job_title="Library assistant",
        ala_member=ala_member,
        ala_member_number="123456" if ala_member else "",
        education=education,
        how_heard="colleague",
        agreed_to_policies_at=timezone.now(),
    )
    WorkHistory.objects.create(
        application=application,
        library="Springfield Public Library",
        position="Library assistant",
        start_date=start or timezone.localdate() - datetime.timedelta(days=3 * 365),
        hours_per_week=Decimal(hours_per_week),
    )
    return application


def submitted(user, **kwargs) -> Application:
    application, _ = application_submit(
        application_id=complete_draft(user, **kwargs).pk, by=user
    )
    return application


def admitted_candidate(client=None):
    user = UserFactory()
    application = submitted(user)
    if client:
        client.force_login(user)
        client.post(
            reverse("candidates:application_status"),
            {"method": "check", "confirm": "yes"},
        )
        payment = user.payments.get()
        payment_confirm(payment_id=payment.pk)
        return user.candidacies.get()
    return admit(application).candidate


@contextlib.contextmanager
def moment(day: datetime.date, hour=12, minute=0, client=None, user=None):
    """That minute of ``day`` in the program's time zone; ``client`` signed in anew
    as ``user`` (a session opened weeks or years earlier would have expired)."""
    when = datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_default_timezone()
    )
    with time_machine.travel(when, tick=False):
        if client is not None:
            client.force_login(user)
        yield
