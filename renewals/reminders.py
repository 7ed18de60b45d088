"""Holders are reminded when the renewal window opens, 6, 3 and 1 months before
expiry, on the expiry day and two weeks before the grace period ends; not once
they have applied for this period."""

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from candidates.models import Certification
from lssc.core.dates import add_months
from lssc.core.program import rules
from lssc.notifications.reminders import Due, remind_each, stage

from .models import Renewal, RenewalStatus

MESSAGES = {
    "renewal_window_open": "You can now apply to renew your certification.",
    "renewal_expiry_day": "Your certification's last valid day has passed; you "
    "may still renew it during the grace period.",
    "renewal_grace_ending": "The grace period for renewing your certification ends "
    "soon; after it, your certification lapses.",
}


def triggers(certification, program) -> list[tuple[datetime.date, str]]:
    expires_on = certification.expires_on
    return [
        (certification.renewal_opens_on, "renewal_window_open"),
        *(
            (add_months(expires_on, -m), f"renewal_expiry_{m}m")
            for m in program.RENEWAL_REMINDER_MONTHS
        ),
        (expires_on, "renewal_expiry_day"),
        (
            certification.lapses_on
            - datetime.timedelta(days=program.GRACE_ENDING_REMINDER_DAYS),
            "renewal_grace_ending",
        ),
    ]


def renewal_reminders(today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    program = rules()
    applied = Renewal.objects.filter(
        certification=OuterRef("pk"), period_expires_on=OuterRef("expires_on")
    ).exclude(status=RenewalStatus.RETURNED)
    holders = (
        Certification.objects.in_renewal_window(today)
        .exclude(Exists(applied))
        .select_related("candidate__user")
    )
    due = []
    for certification in holders.iterator(chunk_size=5000):
        kind = stage(today, triggers(certification, program))
        if kind is None:
            continue
        due.append(
            Due(
                subject=certification,
                kind=kind,
                due_on=certification.expires_on,
                to=certification.candidate.user.email,
                template="renewal_reminder",
                context={
                    "certification": certification,
                    "message": MESSAGES.get(
                        kind, "Your certification expires soon: renew it in time."
                    ),
                },
            )
        )
    return len(remind_each(due))
