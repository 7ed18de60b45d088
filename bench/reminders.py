"""How long the daily reminder sweeps take over a full program's candidates.

    .venv/bin/python bench/reminders.py [--database URL] [--candidates 100000]

Builds the dataset with ``manage.py generate_dataset`` when the database has no
candidates yet (give an empty, migrated database), then runs each sweep twice as
beat would on one day: the first run sends what is due, the second must send
nothing. Mail is queued for the workers as in production (``REDIS_URL``; the queue
is emptied afterwards) or, without Redis, only written to the mail table.
Prints a Markdown table for docs/performance.md.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.django_setup import arguments, setup


def main():
    args = arguments(__doc__).parse_args()
    setup(args)
    from django.conf import settings
    from django.db import connection

    from candidates.models import Candidate
    from candidates.reminders import deadline_reminders
    from evaluations.reminders import send_review_reminders
    from lssc.notifications.models import OutgoingMail, Reminder
    from renewals.reminders import renewal_reminders

    if not getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        print("mail tasks go to Redis, as in production")
    else:
        from lssc.notifications import tasks

        tasks.mail_send.apply_async = lambda *a, **k: None  # written, not sent
        print("no Redis: mail is written to the table, not sent")

    count = Candidate.objects.count()
    rows = []
    for name, sweep in (
        ("candidate deadlines", deadline_reminders),
        ("renewals", renewal_reminders),
        ("reviews", send_review_reminders),
    ):
        for run in ("first", "second"):
            mails_before = OutgoingMail.objects.count()
            reminders_before = Reminder.objects.count()
            started = time.monotonic()
            sweep()
            elapsed = time.monotonic() - started
            rows.append(
                (
                    name,
                    run,
                    elapsed,
                    Reminder.objects.count() - reminders_before,
                    OutgoingMail.objects.count() - mails_before,
                )
            )
            print(f"measured {name} ({run} run)", file=sys.stderr)
    print(f"\n{count:,} candidates; PostgreSQL {connection.pg_version // 10000}.\n")
    print("| sweep | run | seconds | reminders logged | mails queued |")
    print("|---|---|--:|--:|--:|")
    for name, run, elapsed, reminders, mails in rows:
        print(f"| {name} | {run} | {elapsed:.1f} | {reminders:,} | {mails:,} |")
    if not getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        from lssc.celery import app

        app.control.purge()


if __name__ == "__main__":
    main()
