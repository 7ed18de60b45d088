"""Work waiting for staff, as the staff dashboard shows it.

Each app declares its queues at start-up, from its ``worklist.py`` (the core does
not import the apps)::

    register(Queue("Things needing a decision", lambda: Thing.objects
                   .filter(status="waiting"), "submitted_at", "waiting",
                   permission="app.view_thing"))

One selector per queue, used by both ends: the dashboard counts ``rows()``, and its
link opens the model's admin list at ``?queue=<name>``, which ``QueueFilter``
narrows to exactly ``rows()``. The count and the list cannot disagree, because no
filter is written twice. Each such admin lists ``QueueFilter`` in its
``list_filter`` (``check_queue_filters`` says so at start-up when one does not).

A queue costs one aggregate query (count and oldest), whatever its size.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import admin
from django.core import checks
from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone


@dataclass(frozen=True)
class Queue:
    label: str
    rows: Callable  # () -> QuerySet of the waiting rows
    since: str  # the field saying since when a row waits (a date or datetime)
    name: str  # the key of its admin list: ``?queue=<name>``
    permission: str = ""  # who sees the queue: staff with this permission
    group: str = "Other"

    @property
    def model(self):
        return self.rows().model

    @property
    def url(self) -> str:
        """The model's admin list, showing exactly ``rows()``."""
        meta = self.model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        return f"{changelist}?{urlencode({QueueFilter.parameter_name: self.name})}"


@dataclass(frozen=True)
class Waiting:
    queue: Queue
    count: int
    oldest_days: int | None
    url: str


_queues: list[Queue] = []


def register(queue: Queue) -> None:
    if any(q.name == queue.name and q.label != queue.label for q in _queues):
        raise ValueError(f"Two work queues are named {queue.name!r}.")
    if all(q.label != queue.label for q in _queues):
        _queues.append(queue)


def queues() -> list[Queue]:
    """Every registered queue, in the order registered."""
    return list(_queues)


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
                url=queue.url,
            )
        )
    return found


class QueueFilter(admin.SimpleListFilter):
    """An admin list filter offering the work queues of the list's model; choosing
    one shows exactly that queue's rows (the dashboard's links choose it)."""

    title = "work queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [(q.name, q.label) for q in _queues if q.model is model_admin.model]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        for queue in _queues:
            if queue.name == self.value() and queue.model is queryset.model:
                return queryset.filter(pk__in=queue.rows().values("pk"))
        return queryset.none()  # a queue of another list, or none: no rows


@checks.register(checks.Tags.admin)
def check_queue_filters(app_configs=None, **kwargs):
    """Every queue's model has an admin list that offers ``QueueFilter``."""
    errors = []
    for queue in _queues:
        model_admin = admin.site._registry.get(queue.model)
        filters = model_admin.list_filter if model_admin else ()
        if QueueFilter not in filters:
            errors.append(
                checks.Error(
                    f"The work queue {queue.label!r} opens the admin list of "
                    f"{queue.model._meta.label}, which lacks QueueFilter.",
                    hint="Add lssc.core.worklist.QueueFilter to its list_filter.",
                    id="core.E001",
                )
            )
    return errors
