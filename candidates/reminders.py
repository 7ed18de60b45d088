"""Candidates are reminded of their deadline 12, 6, 3 and 1 months ahead (the
months are ``CANDIDACY_REMINDER_MONTHS``), with the sets they still need."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from lssc.core.dates import add_months
from lssc.core.program import rules
from lssc.notifications.reminders import Due, remind_each, stage

from .models import Candidate


def deadline_reminders(today: datetime.date | None = None) -> int:
    """Send the deadline reminders due today; returns how many were sent."""
    today = today or timezone.localdate()
    program = rules()
    months = sorted(program.CANDIDACY_REMINDER_MONTHS, reverse=True)
    candidates = (
        Candidate.objects.filter(
            deadline__gte=today,
            deadline__lte=add_months(today, months[0]),
            certification__isnull=True,
        )
        .select_related("user")
        .annotate(
            required=Count(
                "achievements", filter=Q(achievements__competency_set__is_required=True)
            ),
            electives=Count(
                "achievements",
                filter=Q(achievements__competency_set__is_required=False),
            ),
        )
        .only("deadline", "user__email", "user__full_name", "number")
    )
    due = []
    for candidate in candidates.iterator(chunk_size=5000):
        kind = stage(
            today,
            [
                (add_months(candidate.deadline, -m), f"candidacy_deadline_{m}m")
                for m in months
            ],
        )
        if kind is None:
            continue
        due.append(
            Due(
                subject=candidate,
                kind=kind,
                due_on=candidate.deadline,
                to=candidate.user.email,
                template="candidacy_deadline",
                context={
                    "candidate": candidate,
                    "required_left": max(program.REQUIRED_SETS - candidate.required, 0),
                    "electives_left": max(
                        program.ELECTIVE_SETS - candidate.electives, 0
                    ),
                    "days_left": (candidate.deadline - today).days,
                },
            )
        )
    return len(remind_each(due))
