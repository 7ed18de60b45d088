"""The candidacy after admission: its deadline, and the links that share the record."""

import datetime

from django.db import transaction
from django.utils import timezone

from lssc.audit.services import audit_log

from .certification import certification_award_if_due
from .errors import ApplicationError
from .models import Candidate, ShareLink, ShareLinkView


def candidate_extend_deadline(
    *, candidate: Candidate, new_deadline: datetime.date, by, reason: str
) -> None:
    with transaction.atomic():
        candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
        if new_deadline <= candidate.deadline:
            raise ApplicationError(
                "The new deadline must be after the current one "
                f"({candidate.deadline:%B %-d, %Y})."
            )
        previous = candidate.deadline
        candidate.deadline = new_deadline
        candidate.save(update_fields=["deadline"])
        audit_log(
            subject=candidate,
            action="candidate.deadline_extended",
            summary=f"Deadline extended from {previous:%B %-d, %Y} to "
            f"{new_deadline:%B %-d, %Y}",
            actor=by,
            owner=candidate.user,
            from_state=previous.isoformat(),
            to_state=new_deadline.isoformat(),
            reason=reason,
        )
        # Six sets achieved after the old deadline may now be within the new one.
        certification_award_if_due(candidate=candidate, actor=by)


def share_link_create(*, candidate: Candidate, label: str, expires_on) -> ShareLink:
    with transaction.atomic():
        link = ShareLink.objects.create(
            candidate=candidate, label=label, expires_on=expires_on
        )
        audit_log(
            subject=link,
            action="share_link.created",
            summary=f"Share link “{label}” created, valid until "
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
