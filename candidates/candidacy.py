"""The candidacy after admission: its deadline, what it refuses once the deadline
has passed, and the links that share the record.

The deadline is a day: the candidacy is in time through the end of that day in the
program's time zone (``timezone.localdate()``), and past it from the next. Past it,
nothing new counts toward the candidacy: the apps that take work (portfolios,
courses) ask ``past_deadline_refusal`` before opening, submitting or paying for a
portfolio and before recording a completion or a claim. Nothing is deleted: what
was started stays, and counts again if the deadline is extended.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from lssc.audit.services import audit_log

from .certification import certification_award_if_due
from .deadlines import deadline_move
from .models import Candidate, ShareLink, ShareLinkView


def past_deadline_refusal(
    candidate: Candidate, doing: str, today: datetime.date | None = None
) -> str:
    """Why ``doing`` ("no portfolio can be submitted") is refused because the
    candidacy's deadline has passed, in the candidate's words; ``""`` until then."""
    if not candidate.past_deadline(today):
        return ""
    message = (
        f"Your candidacy ({candidate.number}) ended with its deadline on "
        f"{candidate.deadline:%B %-d, %Y}: {doing} after it. Your work so far is kept."
    )
    if not hasattr(candidate, "certification"):
        message += (
            " Your Candidate Achievement Record says how to ask for more time or "
            "apply again."
        )
    return message


def candidate_extend_deadline(
    *, candidate: Candidate, new_deadline: datetime.date, by, reason: str
) -> None:
    """Staff move the deadline on directly (a request for more time is decided in
    ``candidates.extensions``); six sets achieved after the old deadline may now be
    within the new one, and are certified."""
    with transaction.atomic():
        candidate = deadline_move(
            candidate=candidate, new_deadline=new_deadline, by=by, reason=reason
        )
        certification_award_if_due(candidate=candidate, actor=by)


def share_link_create(*, candidate: Candidate, label: str, expires_on) -> ShareLink:
    with transaction.atomic():
        link = ShareLink.objects.create(
            candidate=candidate, label=label, expires_on=expires_on
        )
        audit_log(
            subject=link,
            action="share_link.created",
            summary=f"Share link “{label}” created, valid through "
            f"{expires_on:%B %-d, %Y}",
            actor=candidate.user,
            owner=candidate.user,
        )
    return link


def share_link_revoke(*, link: ShareLink, by) -> bool:
    with transaction.atomic():
        link = ShareLink.objects.select_for_update().get(pk=link.pk)
        if link.revoked_at is not None:
            return False
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        audit_log(
            subject=link,
            action="share_link.revoked",
            summary=f"Share link “{link.label}” revoked",
            actor=by,
            owner=link.candidate.user,
        )
    return True


def share_link_record_view(*, link: ShareLink, user_agent: str) -> None:
    ShareLinkView.objects.create(link=link, user_agent=user_agent[:200])
