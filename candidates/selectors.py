"""Reading an application: the open one, its eligibility, its fee and what is owed."""

import datetime

from django.utils import timezone

from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.fees.services import fee_for
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payments_for

from .eligibility import WorkPeriod, assess
from .enums import OPEN_STATES
from .models import Application, Candidate


def open_application(user) -> Application | None:
    return Application.objects.filter(user=user, status__in=OPEN_STATES).first()


def candidacy_of(
    user, *, related=("user", "application", "certification")
) -> Candidate | None:
    """The person's latest candidacy, in force or ended; ``None`` for someone never
    admitted. Earlier ones, when they applied again, are in ``user.candidacies``."""
    if not user.is_authenticated:
        return None
    return (
        Candidate.objects.filter(user=user)
        .select_related(*related)
        .order_by("-admitted_on", "-pk")
        .first()
    )


def eligibility_of(
    application: Application, on: datetime.date | None = None, work=None
):
    """Eligibility today (or ``on``); ``work`` spares the query when already loaded."""
    program = rules()
    work = application.work_history.all() if work is None else work
    periods = [
        WorkPeriod(row.start_date, row.end_date, row.hours_per_week) for row in work
    ]
    return assess(
        education=application.education,
        periods=periods,
        on=on or timezone.localdate(),
        required_hours=program.ELIGIBILITY_HOURS,
        window_years=program.ELIGIBILITY_WINDOW_YEARS,
        weekly_cap=program.MAX_HOURS_PER_WEEK,
    )


def application_fee_cents(application: Application) -> int:
    """The application fee: fixed at submission, else what it would be today."""
    if application.fee_cents is not None:
        return application.fee_cents
    return current_fee_cents(application)


def current_fee_cents(application: Application) -> int:
    """The schedule's fee on the day of submission (today for a draft), at the rate
    the applicant's membership allows."""
    on = (application.submitted_at or timezone.now()).date()
    return fee_for(
        FeeKind.APPLICATION, ala_member=application.pays_member_fee, on=on
    ).amount_cents


def application_balance_cents(application: Application, payments=None) -> int:
    """What the applicant still owes: the fee less what they have paid."""
    payments = payments if payments is not None else payments_for(application)
    paid = sum(p.amount_cents for p in payments if p.status == PaymentStatus.PAID)
    return max(0, application_fee_cents(application) - paid)
