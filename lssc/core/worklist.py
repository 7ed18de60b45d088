"""Work waiting for staff, as the staff dashboard shows it.

Each app declares its queues at start-up, from its ``worklist.py`` (the core does
not import the apps)::

    register(Queue("Things needing a decision", lambda: Thing.objects
                   .filter(status="waiting"), "submitted_at",
                   "admin:app_thing_changelist", "?status__exact=waiting",
                   permission="app.view_thing"))

A queue costs one aggregate query (count and oldest), whatever its size.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone


@dataclass(frozen=True)
class Queue:
    label: str
    rows: Callable  # () -> QuerySet of the waiting rows
    since: str  # the field saying since when a row waits (a date or datetime)
    admin_url: str  # URL name of the admin change list
    query: str = ""  # the change list's filter, e.g. "?status__exact=in_review"
    permission: str = ""  # who sees the queue: staff with this permission
    group: str = "Other"


@dataclass(frozen=True)
class Waiting:
    queue: Queue
    count: int
    oldest_days: int | None
    url: str


_queues: list[Queue] = []


def register(queue: Queue) -> None:
    if all(q.label != queue.label for q in _queues):
        _queues.append(queue)


def waiting_for(user, today: datetime.date | None = None) -> list[Waiting]:
    """Every queue ``user`` may see, with its count and the age of its oldest row."""
    today = today or timezone.localdate()
    found = []
    for queue in _queues:
        if queue.permission and not user.has_perm(queue.permission):
            continue
        totals = queue.rows().aggregate(count=Count("pk"), oldest=Min(queue.since))
        oldest = totals["oldest"]
        if isinstance(oldest, datetime.datetime):
            oldest = timezone.localdate(oldest)
        found.append(
            Waiting(
                queue=queue,
                count=totals["count"],
                oldest_days=(today - oldest).days if oldest else None,
                url=reverse(queue.admin_url) + queue.query,
            )
        )
    return found
