"""Running the demo's story: the clock, card payments and mail set up for it."""

import datetime
import logging

from celery import current_app
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from lssc.core.dates import add_months

from .payments import card_payments
from .setup import program_start
from .world import World

# Where the story's mail goes: recorded as sent, shown to nobody.
QUIET_MAIL = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
YEARS = 5


def build(*, today: datetime.date | None = None, seed: int = 18) -> World:
    today = today or timezone.localdate()
    world = World(today=today, seed=seed)
    start = add_months(today, -12 * YEARS)
    eager = current_app.conf.task_always_eager
    current_app.conf.task_always_eager = True  # certificates and mail, made now
    # Not a line per mail sent, card payment or certificate made.
    quiet = [logging.getLogger(n) for n in ("celery.app.trace", "stripe", "weasyprint")]
    levels = [log.level for log in quiet]
    for log in quiet:
        log.setLevel(logging.WARNING)
    if connection.vendor == "postgresql":
        # Demo data: a crash mid-way is rebuilt with --reset, so commits need not
        # wait for the disk.
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
    try:
        with override_settings(MAILERS=QUIET_MAIL), card_payments():
            world.timeline.start(world.at(start, 9), program_start(world, start))
            world.timeline.run()
    finally:
        current_app.conf.task_always_eager = eager
        for log, level in zip(quiet, levels, strict=True):
            log.setLevel(level)
    return world
