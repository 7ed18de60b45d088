"""Award notices to state library agencies: once a month, one digest per state
naming the holders there who agreed to be announced (``publicity_choose``).

The monthly run may be run twice or retried, and sends nothing twice: a state's
digest for a month is made once (one row per state and month), a holder is
announced once (one ``StateLibraryNotice`` per certification), and the mail is
queued under the digest's key. A state with no active agency gets nothing; its
holders wait, unannounced, for the month after staff add one.
"""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from localflavor.us.us_states import STATE_CHOICES, STATES_NORMALIZED

from lssc.audit.services import audit_log
from lssc.notifications.models import OutgoingMail
from lssc.notifications.services import mail_queue
from lssc.notifications.templates import render

from .enums import CertificationStatus
from .models import (
    Certification,
    StateLibraryAgency,
    StateLibraryDigest,
    StateLibraryNotice,
)

TEMPLATE = "state_library_digest"


def state_code(text: str) -> str | None:
    """The postal code of the US state an address names ("IL", "Illinois",
    "il."), or ``None`` (a province, a typo, nothing)."""
    return STATES_NORMALIZED.get((text or "").strip().rstrip(".").lower())


def state_name(code: str) -> str:
    return str(dict(STATE_CHOICES).get(code, code))


def digest_month(today: datetime.date) -> datetime.date:
    """The month a run on ``today`` reports: the one that has just ended."""
    return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def holders_to_announce(today: datetime.date) -> dict[str, list[Certification]]:
    """Holders who agreed and are not announced yet, whose certification is valid
    today, by the postal code of the state on their record."""
    rows = (
        Certification.objects.valid_on(today)
        .filter(announce_to_state_library=True, state_library_notice__isnull=True)
        .select_related("candidate__user", "candidate__application")
        .order_by("candidate__user__full_name", "pk")
    )
    by_state = defaultdict(list)
    for certification in rows:
        code = state_code(certification.candidate.application.state)
        if code is not None:
            by_state[code].append(certification)
    return by_state


def _context(agency, month: datetime.date, certifications) -> dict:
    return {
        "agency": agency,
        "state_name": state_name(agency.state),
        "month": f"{month:%B %Y}",
        "certifications": certifications,
    }


def digest_preview(*, agency: StateLibraryAgency, today=None) -> dict:
    """What the next run would send ``agency`` now, without sending or saving:
    ``certifications``, ``subject`` and ``body`` (empty when no one waits)."""
    today = today or timezone.localdate()
    month = digest_month(today)
    certifications = holders_to_announce(today).get(agency.state, [])
    subject = body = ""
    if certifications:
        subject, body = render(TEMPLATE, _context(agency, month, certifications))
    return {
        "agency": agency,
        "month": month,
        "certifications": certifications,
        "subject": subject,
        "body": body,
    }


def state_library_digests_send(today=None) -> list[StateLibraryDigest]:
    """The monthly run: for each state with an active agency and holders waiting,
    make the month's digest, announce them and queue its mail. Returns the
    digests made now (none when the month's are made already)."""
    today = today or timezone.localdate()
    month = digest_month(today)
    waiting = holders_to_announce(today)
    made = []
    agencies = StateLibraryAgency.objects.filter(active=True, state__in=list(waiting))
    for agency in agencies:
        with transaction.atomic():
            digest, created = StateLibraryDigest.objects.get_or_create(
                state=agency.state,
                month=month,
                defaults={"agency": agency, "sent_to": agency.email},
            )
            if not created:
                continue
            certifications = waiting[agency.state]
            StateLibraryNotice.objects.bulk_create(
                StateLibraryNotice(certification=c, digest=digest)
                for c in certifications
            )
            for certification in certifications:
                audit_log(
                    subject=certification.candidate,
                    action="candidate.state_library_notice",
                    summary=f"Certification announced to {agency.name}",
                    owner=certification.candidate.user,
                )
            mail_queue(
                key=f"state-library-digest:{digest.pk}",
                to=agency.email,
                template=TEMPLATE,
                context=_context(agency, month, certifications),
            )
            made.append(digest)
    return made


def digest_announced(digest: StateLibraryDigest) -> list[Certification]:
    """The holders a digest announced, as they stand: a certification revoked
    since is left out of a resend."""
    return list(
        Certification.objects.filter(state_library_notice__digest=digest)
        .exclude(status=CertificationStatus.REVOKED)
        .select_related("candidate__user", "candidate__application")
        .order_by("candidate__user__full_name", "pk")
    )


def digest_resend(*, digest: StateLibraryDigest) -> OutgoingMail | None:
    """Send a past digest again, to its agency's address as it is now (staff may
    have corrected it); ``None`` when every holder in it has been revoked since."""
    certifications = digest_announced(digest)
    if not certifications:
        return None
    agency = digest.agency
    prefix = f"state-library-digest:{digest.pk}:resend:"
    count = OutgoingMail.objects.filter(key__startswith=prefix).count()
    return mail_queue(
        key=f"{prefix}{count + 1}",
        to=agency.email,
        template=TEMPLATE,
        context=_context(agency, digest.month, certifications),
    )
