"""Queue background work: ``enqueue(task, *args)`` is the one way in.

The row is written inside the caller's transaction; after commit it is sent to the
broker once, with a short timeout and no retries. A send that fails leaves the row
pending (with the error) and the request carries on, with its other after-commit work;
``dispatch_pending`` (every minute from beat, and when a worker starts) sends it later.
Tasks are idempotent, so a row sent twice (a crash between the send and the mark) does
its work once.
"""

import datetime
import logging
import time

from celery import current_app
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from kombu.exceptions import OperationalError

from .models import PendingTask

logger = logging.getLogger(__name__)

# Errors that mean "the broker is not reachable now", as opposed to a bug in a task
# that runs eagerly (which must surface).
UNREACHABLE = (OperationalError, ConnectionError, OSError, TimeoutError)
# After a failed send, this process does not try the broker again for this long: a
# request queuing several tasks waits on the broker at most once.
BROKER_PAUSE_SECONDS = 30
# The sweep leaves rows this young to their own after-commit send.
SWEEP_GRACE = datetime.timedelta(seconds=30)
KEEP_DISPATCHED = datetime.timedelta(days=7)

_broker_paused_until = 0.0


def enqueue(task, *args) -> PendingTask:
    """Run ``task(*args)`` in the background once the current transaction commits.

    ``task`` is a Celery task or its registered name: a service names the task that
    does its background work rather than importing it, so the task module, which
    imports the service, is not imported back. ``args`` must be JSON values
    (primary keys, not model instances).
    """
    name = task if isinstance(task, str) else task.name
    row = PendingTask.objects.create(name=name, args=list(args))
    transaction.on_commit(lambda: dispatch(row.pk))
    return row


def dispatch(pk: int) -> bool:
    """Send one pending row to the broker; ``True`` when it was accepted."""
    global _broker_paused_until
    row = PendingTask.objects.filter(pk=pk, dispatched_at__isnull=True).first()
    if row is None:
        return False
    if time.monotonic() < _broker_paused_until:
        return False
    task = _task(row.name)
    try:
        task.apply_async(args=row.args, retry=False)
    except UNREACHABLE as error:
        _broker_paused_until = time.monotonic() + BROKER_PAUSE_SECONDS
        logger.warning("Broker unreachable; %s stays pending: %s", row, error)
        PendingTask.objects.filter(pk=pk).update(
            attempts=F("attempts") + 1, last_error=str(error)[:500]
        )
        return False
    PendingTask.objects.filter(pk=pk).update(
        dispatched_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
    )
    return True


def dispatch_pending(*, limit: int = 1000) -> int:
    """Send what did not reach the broker; returns how many were sent."""
    global _broker_paused_until
    _broker_paused_until = 0.0  # the sweep itself is the retry: always try
    now = timezone.now()
    waiting = PendingTask.objects.filter(
        dispatched_at__isnull=True, created_at__lte=now - SWEEP_GRACE
    ).order_by("created_at", "pk")
    sent = 0
    for pk in waiting.values_list("pk", flat=True)[:limit]:
        if not dispatch(pk):
            if time.monotonic() < _broker_paused_until:
                break  # still unreachable: the next sweep tries again
            continue
        sent += 1
    PendingTask.objects.filter(dispatched_at__lt=now - KEEP_DISPATCHED).delete()
    return sent


def _task(name: str):
    app = current_app
    if name not in app.tasks:
        app.loader.import_default_modules()
    return app.tasks[name]
