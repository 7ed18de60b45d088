"""The nightly data check: the invariants of ``manage.py check_data`` run by Celery
beat (``tasks.data_check_nightly``), with a summary mailed to every active Program
Officer when a rule is broken, and nothing mailed when the data is clean.

It lives here, not beside the checks in ``lssc.core``: the core is the bottom layer
and may import neither the mail nor the staff roles, and this is the lowest layer that
may import both (``lssc.accounts`` below it, ``mail_queue`` its own). Like the rest of
``lssc.notifications`` it names no app: the apps' checks come from the registry.

A retried run on the same day mails no one twice: each message's key is the day and
the address, and a run that finds every officer already mailed does not check again.
"""

import datetime
import logging

from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.core.data_check import check_all
from lssc.core.words import counted

from .models import OutgoingMail
from .services import mail_queue

logger = logging.getLogger(__name__)

TEMPLATE = "data_check_violations"
# Violations listed per rule in the mail; ``manage.py check_data`` prints them all.
EXAMPLES = 10


def mail_key(day: datetime.date, email: str) -> str:
    return f"data-check:{day.isoformat()}:{email}"


def check_and_mail(today: datetime.date | None = None) -> dict:
    """Check the data and mail the Program Officers not yet mailed ``today`` if any
    rule is broken. Returns what it did, for the task's log."""
    today = today or timezone.localdate()
    officers = staff_emails(StaffGroup.PROGRAM_OFFICER)
    mailed = set(
        OutgoingMail.objects.filter(
            key__in=[mail_key(today, email) for email in officers]
        ).values_list("to", flat=True)
    )
    due = [email for email in officers if email not in mailed]
    outcome = {"checked_on": today.isoformat(), "violations": None, "mailed": 0}
    if officers and not due:
        logger.info(
            "Data check of %s: every Program Officer was mailed already.", today
        )
        return outcome
    run = check_all(keep=EXAMPLES)
    outcome["violations"] = run.total
    if not run.total:
        logger.info("Data check of %s: %s", today, run.summary())
        return outcome
    if not officers:
        logger.error(
            "Data check of %s: %s; no active Program Officer to mail.",
            today,
            run.summary(),
        )
        return outcome
    context = {
        "checked_on": today,
        "count": run.total,
        "rules": [
            {
                "name": finding.invariant.name,
                "rule": finding.invariant.rule,
                "count": finding.count,
                "examples": finding.examples,
                "more": finding.more,
            }
            for finding in run.broken
        ],
    }
    for email in due:
        mail_queue(
            key=mail_key(today, email), to=email, template=TEMPLATE, context=context
        )
    outcome["mailed"] = len(due)
    logger.warning(
        "Data check of %s: %s; mailed %s.",
        today,
        run.summary(),
        counted(len(due), "Program Officer"),
    )
    return outcome
