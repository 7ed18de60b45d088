"""Reminders sent once: every sweep (candidates' deadlines, renewals, reviews,
course approvals) goes through ``remind_each``.

A sweep works out who is due a reminder of which kind; the log (``Reminder``) keeps
anyone from hearing the same reminder twice, and each mail's key is unique too, so
two sweeps at once still send one message.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .models import Reminder
from .services import mail_queue


@dataclass
class Due:
    """One reminder a sweep found due."""

    subject: object
    kind: str
    due_on: datetime.date
    to: str
    template: str
    context: dict = field(default_factory=dict)


def stage(
    today: datetime.date, triggers: Iterable[tuple[datetime.date, str]]
) -> str | None:
    """The kind of the latest trigger reached by ``today``, or ``None``.

    Only the latest counts: someone first seen with their deadline a month away
    gets the one-month reminder, not every earlier one at once.
    """
    reached = [(day, kind) for day, kind in triggers if day <= today]
    return max(reached)[1] if reached else None


def remind_each(items: list[Due]) -> list[Due]:
    """Send each reminder not sent before; returns those sent now."""
    if not items:
        return []
    by_type = {}
    for item in items:
        by_type.setdefault(type(item.subject), []).append(item)
    sent = []
    for model, group in by_type.items():
        subject_type = ContentType.objects.get_for_model(model)
        seen = set(
            Reminder.objects.filter(
                subject_type=subject_type,
                subject_id__in=[item.subject.pk for item in group],
                kind__in={item.kind for item in group},
            ).values_list("subject_id", "kind", "due_on", "to")
        )
        fresh = [
            item
            for item in group
            if (item.subject.pk, item.kind, item.due_on, item.to) not in seen
        ]
        with transaction.atomic():
            Reminder.objects.bulk_create(
                [
                    Reminder(
                        subject_type=subject_type,
                        subject_id=item.subject.pk,
                        kind=item.kind,
                        due_on=item.due_on,
                        to=item.to,
                    )
                    for item in fresh
                ],
                ignore_conflicts=True,
            )
            for item in fresh:
                mail_queue(
                    key=f"reminder:{item.kind}:{subject_type.pk}:{item.subject.pk}:"
                    f"{item.due_on}:{item.to}",
                    to=item.to,
                    template=item.template,
                    context={**item.context, "due_on": item.due_on},
                )
        sent += fresh
    return sent
