"""Asking for more time, and staff's decision on it.

A candidate may ask any time before the deadline, or up to
``EXTENSION_REQUEST_DAYS_AFTER_DEADLINE`` days after it; one request waits at a
time; each grant moves the deadline by at most ``EXTENSION_MAX_MONTHS`` months, and
at most ``EXTENSION_MAX_COUNT`` are granted to one candidacy. Staff grant with a new
date or refuse with a reason (``transitions.grant_extension``,
``refuse_extension``), in the admin; the candidate is mailed. A grant moves the
deadline itself, so every page and reminder that reads it follows, and six sets
achieved after the old deadline but within the new one are certified at once.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from lssc.audit.services import audit_log
from lssc.core.dates import add_months
from lssc.core.documents import DocumentRefused, document_name
from lssc.core.program import rules

from . import transitions
from .certification import certification_award_if_due
from .enums import ExtensionStatus
from .errors import ApplicationError, ExtensionDateRefused
from .models import Candidate, ExtensionRequest


@dataclass(frozen=True)
class ExtensionLimits:
    """What a request for ``candidate`` may ask for, read once for a page."""

    asks_close_on: datetime.date  # the last day a request is taken
    latest_deadline: datetime.date  # the furthest a grant may move the deadline
    granted: int  # extensions granted already
    most: int  # the most the program grants one candidacy


def extension_limits(candidate: Candidate, granted: int | None = None):
    program = rules()
    if granted is None:
        granted = candidate.extension_requests.filter(
            status=ExtensionStatus.GRANTED
        ).count()
    return ExtensionLimits(
        asks_close_on=candidate.deadline
        + datetime.timedelta(days=program.EXTENSION_REQUEST_DAYS_AFTER_DEADLINE),
        latest_deadline=add_months(candidate.deadline, program.EXTENSION_MAX_MONTHS),
        granted=granted,
        most=program.EXTENSION_MAX_COUNT,
    )


def extension_refusal(candidate: Candidate, today: datetime.date | None = None) -> str:
    """Why ``candidate`` may not ask for more time now, in their words; ``""`` when
    they may."""
    today = today or timezone.localdate()
    if hasattr(candidate, "certification"):
        return "You are certified: your candidacy needs no more time."
    later = Candidate.objects.filter(
        user_id=candidate.user_id, admitted_on__gte=candidate.admitted_on
    ).exclude(pk=candidate.pk)
    if later.exists():
        return "You applied again since: this candidacy can no longer be extended."
    waiting = candidate.extension_requests.filter(
        status=ExtensionStatus.REQUESTED
    ).first()
    if waiting:
        return (
            f"Your request of {timezone.localdate(waiting.created_at):%B %-d, %Y} "
            "is waiting for a decision; you can ask again once it is decided."
        )
    limits = extension_limits(candidate)
    if limits.granted >= limits.most:
        return (
            f"This candidacy has had {limits.granted} extension"
            f"{'s' if limits.granted != 1 else ''}, the most the program grants. "
            "You can apply again."
        )
    if today > limits.asks_close_on:
        return (
            f"Requests for more time closed on {limits.asks_close_on:%B %-d, %Y}, "
            f"{rules().EXTENSION_REQUEST_DAYS_AFTER_DEADLINE} days after your "
            "deadline. You can apply again."
        )
    return ""


def _check_until(candidate: Candidate, until: datetime.date, today) -> None:
    limits = extension_limits(candidate)
    earliest = max(candidate.deadline, today) + datetime.timedelta(days=1)
    if until < earliest:
        raise ExtensionDateRefused(
            f"Choose a new deadline from {earliest:%B %-d, %Y} on: after the current "
            "deadline and after today."
        )
    if until > limits.latest_deadline:
        raise ExtensionDateRefused(
            f"An extension moves the deadline by {rules().EXTENSION_MAX_MONTHS} "
            f"months at most: choose {limits.latest_deadline:%B %-d, %Y} or earlier."
        )


def extension_request(
    *, candidate: Candidate, reason: str, asked_until: datetime.date, document=None
) -> ExtensionRequest:
    """File the candidate's request; refused, saving nothing, outside the window,
    beyond the limits, or with a document that is not one."""
    reason = reason.strip()
    if not reason:
        raise ApplicationError("Say why you need more time.")
    today = timezone.localdate()
    with transaction.atomic():
        candidate = (
            Candidate.objects.select_for_update(of=("self",))
            .select_related("user", "certification")
            .get(pk=candidate.pk)
        )
        if problem := extension_refusal(candidate, today):
            raise ApplicationError(problem)
        _check_until(candidate, asked_until, today)
        request = ExtensionRequest(
            candidate=candidate,
            reason=reason,
            deadline_then=candidate.deadline,
            asked_until=asked_until,
        )
        if document:
            try:
                request.document_name = document_name(document)
            except DocumentRefused as error:
                raise ApplicationError(str(error)) from error
            request.document.save(request.document_name, document, save=False)
        request.save()
        audit_log(
            subject=request,
            action="extension.requested",
            summary=f"More time asked for, until {asked_until:%B %-d, %Y}",
            actor=candidate.user,
            owner=candidate.user,
            to_state=request.status,
            reason=reason,
        )
    return request


def extension_grant(
    *, request: ExtensionRequest, until: datetime.date, by, reason: str = ""
) -> bool:
    """Grant once with the new deadline ``until``; ``False`` when the request was
    decided already. Refused (``ApplicationError``) beyond the program's limits."""
    with transaction.atomic():
        candidate = (
            Candidate.objects.select_for_update(of=("self",))
            .select_related("certification")
            .get(pk=request.candidate_id)
        )
        status = ExtensionRequest.objects.filter(pk=request.pk).values_list(
            "status", flat=True
        )
        if status.first() != ExtensionStatus.REQUESTED:
            return False  # decided already: a second click
        if hasattr(candidate, "certification"):
            raise ApplicationError("This candidate is certified: no more time needed.")
        limits = extension_limits(candidate)
        if limits.granted >= limits.most:
            raise ApplicationError(
                f"This candidacy has had {limits.granted} extensions already, the "
                "most the program grants."
            )
        _check_until(candidate, until, timezone.localdate())
        granted = transitions.grant_extension.if_allowed(
            request.pk, by=by, reason=reason.strip(), until=until
        )
        if granted is None:
            return False
        certification_award_if_due(candidate=candidate, actor=by)
    return True


def extension_refuse(*, request: ExtensionRequest, by, reason: str) -> bool:
    """Refuse once, with the reason the candidate receives; ``False`` when the
    request was decided already."""
    reason = reason.strip()
    if not reason:
        raise ApplicationError("Give the reason: it is sent to the candidate.")
    refused = transitions.refuse_extension.if_allowed(request.pk, by=by, reason=reason)
    return refused is not None
