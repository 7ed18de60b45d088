"""Achieved sets and the credential they earn.

Every way of achieving a set (portfolio, approved course, recognition agreement)
records it through ``achievement_record``; the sixth qualifying set awards the
certification, once, inside the same transaction.
"""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from lssc.audit.services import audit_log
from lssc.core.dates import period_end
from lssc.core.program import rules
from lssc.notifications.services import mail_queue

from .certificates import certificate_request
from .enums import AchievementMethod
from .errors import CertificationError
from .models import Achievement, Candidate, Certification
from .transitions import revoke


def qualifying_date(
    achieved: Iterable[tuple[bool, datetime.date]], required: int, electives: int
) -> datetime.date | None:
    """The day the program's requirement was met, from ``(is_required, achieved_on)``
    pairs: all ``required`` required sets and ``electives`` electives. ``None`` until
    it is met. Six electives with two required sets do not qualify."""
    required_days = sorted(day for is_required, day in achieved if is_required)
    elective_days = sorted(day for is_required, day in achieved if not is_required)
    if len(required_days) < required or len(elective_days) < electives:
        return None
    return max(required_days[-1], elective_days[electives - 1])


def achievement_record(
    *, candidate: Candidate, competency_set, method: str, note="", actor=None
) -> Achievement | None:
    """Record ``competency_set`` as achieved today, unless it is already (an achieved
    set is final); award the certification if this completes the requirement.
    Returns the new achievement, or ``None``. Call inside a transaction."""
    achievement, created = Achievement.objects.get_or_create(
        candidate=candidate,
        competency_set=competency_set,
        defaults={
            "method": method,
            "achieved_on": timezone.localdate(),
            "note": note[:200],
        },
    )
    if not created:
        return None
    audit_log(
        subject=candidate,
        action="candidate.set_achieved",
        summary=f"{competency_set.name} achieved by "
        f"{AchievementMethod(method).label.lower()}",
        actor=actor,
        owner=candidate.user,
    )
    certification_award_if_due(candidate=candidate, actor=actor)
    return achievement


def certification_award_if_due(*, candidate: Candidate, actor=None):
    """Award the certification once the requirement is met by the deadline.

    Returns the new certification, or ``None`` (not met yet, met after the deadline,
    or awarded already). Called when a set is achieved and when staff extend a
    deadline, so a candidate who finished late is certified once given more time.
    """
    program = rules()
    with transaction.atomic():
        candidate = (
            Candidate.objects.select_for_update()
            .select_related("user")
            .get(pk=candidate.pk)
        )
        if Certification.objects.filter(candidate=candidate).exists():
            return None
        achieved = candidate.achievements.values_list(
            "competency_set__is_required", "achieved_on"
        )
        day = qualifying_date(achieved, program.REQUIRED_SETS, program.ELECTIVE_SETS)
        if day is None:
            return None
        if day > candidate.deadline:
            audit_log(
                subject=candidate,
                action="candidate.requirement_met_late",
                summary=f"Six sets achieved on {day:%B %-d, %Y}, after the deadline "
                f"of {candidate.deadline:%B %-d, %Y}: not certified",
                owner=candidate.user,
            )
            return None
        certification = Certification.objects.create(
            candidate=candidate,
            certified_on=day,
            period_starts_on=day,
            expires_on=period_end(day, program.CERTIFICATION_YEARS),
        )
        audit_log(
            subject=candidate,
            action="candidate.certified",
            summary=f"Certified: certificate {certification.number}, valid through "
            f"{certification.last_valid_day:%B %-d, %Y}",
            actor=actor,
            owner=candidate.user,
            to_state="certified",
        )
        certificate_request(certification)
        mail_queue(
            key=f"certified:{certification.pk}",
            to=candidate.user.email,
            template="certified",
            context={"certification": certification, "candidate": candidate},
        )
    return certification


def certification_revoke(*, certification: Certification, by, reason: str) -> bool:
    """Revoke once, with the reason kept; ``False`` if it was revoked already."""
    reason = reason.strip()
    if not reason:
        raise CertificationError("Give the reason for revoking the certification.")
    return revoke.if_allowed(certification.pk, by=by, reason=reason) is not None


def certification_renew(
    *, certification: Certification, period_expires_on
) -> Certification | None:
    """Start the next period at the previous expiry (not today), for
    CERTIFICATION_YEARS, with a new certificate; ``None`` when the period ending
    ``period_expires_on`` was renewed already. Call inside the renewal's transaction.
    """
    certification = Certification.objects.select_for_update().get(pk=certification.pk)
    if certification.expires_on != period_expires_on:
        return None
    certification.period_starts_on = certification.expires_on
    certification.expires_on = period_end(
        certification.expires_on, rules().CERTIFICATION_YEARS
    )
    certification.save(update_fields=["period_starts_on", "expires_on"])
    certificate_request(certification)
    return certification


def publicity_choose(
    *,
    certification: Certification,
    listed: bool,
    notify: str = "",
    announce: bool | None = None,
    by,
) -> bool:
    """Record the holder's consent: whether the registry lists them, whether an
    award notice goes to ``notify`` (their employer contact's address), and whether
    (``announce``; ``None`` leaves it as it is) the monthly digest to their state's
    library agency names them (``state_libraries``). A notice is sent once; returns
    ``True`` when one was sent now. Nothing is published or sent without the
    holder asking."""
    with transaction.atomic():
        certification = (
            Certification.objects.select_for_update(of=("self",))
            .select_related("candidate__user", "candidate__application")
            .get(pk=certification.pk)
        )
        if certification.is_revoked:
            raise CertificationError("A revoked certification is not published.")
        candidate = certification.candidate
        changed = certification.listed_publicly != listed
        certification.listed_publicly = listed
        announce_changed = (
            announce is not None and certification.announce_to_state_library != announce
        )
        if announce_changed:
            certification.announce_to_state_library = announce
        send = bool(notify) and certification.award_notice_sent_at is None
        if send:
            certification.award_notice_to = notify
            certification.award_notice_sent_at = timezone.now()
        certification.save(
            update_fields=[
                "listed_publicly",
                "award_notice_to",
                "award_notice_sent_at",
                "announce_to_state_library",
            ]
        )
        if announce_changed:
            audit_log(
                subject=candidate,
                action="candidate.state_library_consent",
                summary="Agreed to be announced to the state library agency"
                if announce
                else "No longer to be announced to the state library agency",
                actor=by,
                owner=candidate.user,
            )
        if changed:
            audit_log(
                subject=candidate,
                action="candidate.registry_listing",
                summary="Listed in the public registry"
                if listed
                else "Removed from the public registry",
                actor=by,
                owner=candidate.user,
            )
        if send:
            mail_queue(
                key=f"award-notice:{certification.pk}",
                to=notify,
                template="award_notice",
                context={"certification": certification, "candidate": candidate},
            )
            audit_log(
                subject=candidate,
                action="candidate.award_notice_sent",
                summary=f"Award notice sent to {notify} at the holder's request",
                actor=by,
                owner=candidate.user,
            )
    return send
