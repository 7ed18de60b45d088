"""The appeal procedure (documents index, "Appeal Process - Individual"): a notice of
intent, then the appeal with its grounds and documents, the CPC's review, and its
decision. These functions check who may do what; the steps themselves are the named
transitions in ``transitions.py``, and the app whose decision was appealed decides
what an upheld appeal changes (``registry``)."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lssc.audit.services import audit_log
from lssc.audit.transitions import TransitionNotAllowed
from lssc.notifications.services import mail_queue

from . import transitions
from .deadlines import appeal_window
from .errors import AppealError
from .models import Appeal, AppealStatus, LateAppeal
from .registry import entry_for


def appeal_for(subject) -> Appeal | None:
    """The appeal of the decision on ``subject``, open or decided."""
    return (
        Appeal.objects.filter(
            subject_type=ContentType.objects.get_for_model(subject),
            subject_id=subject.pk,
        )
        .exclude(status=AppealStatus.WITHDRAWN)
        .first()
    )


def appeal_notice(
    *, appellant, subject, decision_appealed: str, grounds="", documents=()
) -> Appeal:
    """Record the notice of intent to appeal, with the grounds if already given.

    A decision is appealed once: the CPC's decision on it is final. The notice
    comes within the time allowed (``deadlines``), or nothing is recorded.
    """
    with transaction.atomic():
        # The subject's row lock makes two filings at once take turns.
        list(type(subject).objects.select_for_update().filter(pk=subject.pk))
        existing = appeal_for(subject)
        if existing is not None and existing.is_open:
            raise AppealError("This decision is already under appeal.")
        if existing is not None:
            raise AppealError(
                "This decision was appealed and the committee has decided: its "
                "decision is final."
            )
        window = appeal_window(subject)
        if not window.is_open():
            raise AppealError(window.refusal())
        return transitions.open_appeal(
            appellant=appellant,
            subject=subject,
            decision_appealed=decision_appealed,
            grounds=grounds,
            documents=documents,
        )


def appeal_file(*, appellant, subject, decision_appealed: str, grounds: str) -> Appeal:
    """Notice and grounds at once."""
    if not grounds.strip():
        raise AppealError("Say on what grounds you appeal.")
    return appeal_notice(
        appellant=appellant,
        subject=subject,
        decision_appealed=decision_appealed,
        grounds=grounds,
    )


def appeal_add_grounds(*, appeal: Appeal, by, grounds: str, documents=()) -> Appeal:
    """The appeal itself, after the notice: grounds and supporting documents."""
    if not grounds.strip():
        raise AppealError("Say on what grounds you appeal.")
    if appeal.appellant_id != by.pk:
        raise AppealError("Only the appellant files the grounds.")
    try:
        return transitions.file_grounds(
            appeal.pk, by=by, grounds=grounds, documents=documents
        )
    except TransitionNotAllowed:
        raise AppealError(
            "The grounds of this appeal have been filed already."
        ) from None


def appeal_add_documents(*, appeal: Appeal, by, documents) -> Appeal:
    """Supporting documents added before the grounds are filed: checked and kept
    while the appellant reviews the appeal, they go to the committee with the
    grounds when the appeal is filed."""
    if appeal.appellant_id != by.pk:
        raise AppealError("Only the appellant adds documents.")
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if appeal.status != AppealStatus.NOTICE:
            raise AppealError("The grounds of this appeal have been filed already.")
        transitions.attach_documents(appeal, documents)
    return appeal


def appeal_review_start(*, appeal: Appeal, by) -> bool:
    return transitions.start_review.if_allowed(appeal.pk, by=by) is not None


def appeal_decide(*, appeal: Appeal, by, status: str, decision: str) -> bool:
    """Record the CPC's decision once; ``False`` if it was decided already."""
    if status not in (AppealStatus.UPHELD, AppealStatus.DENIED):
        raise AppealError("An appeal is upheld or denied.")
    if not decision.strip():
        raise AppealError("Give the CPC's decision in words.")
    decide = transitions.uphold if status == AppealStatus.UPHELD else transitions.deny
    try:
        decide(appeal.pk, by=by, reason=decision.strip())
    except TransitionNotAllowed as refused:
        if refused.state == AppealStatus.NOTICE:
            raise AppealError(
                f"{appeal.reference} has no grounds yet: the appellant files them "
                "after the notice."
            ) from None
        return False
    return True


def appeal_accept_late(
    *, subject, by, reason: str, open_until: datetime.date
) -> LateAppeal:
    """Staff accept an appeal of the decision on ``subject`` after its time closed:
    its appellant may give notice until ``open_until``. Audited with the reason;
    the appellant is told by mail, with the link to appeal."""
    reason = reason.strip()
    if not reason:
        raise AppealError("Give the reason for accepting a late appeal.")
    today = timezone.localdate()
    if open_until < today:
        raise AppealError("The last day to appeal cannot be in the past.")
    entry = entry_for(subject)
    if entry is None or not entry.appealable(subject):
        raise AppealError("This is not a decision that can be appealed.")
    with transaction.atomic():
        list(type(subject).objects.select_for_update().filter(pk=subject.pk))
        if appeal_for(subject) is not None:
            raise AppealError("This decision has been appealed already.")
        window = appeal_window(subject)
        if window.closes_on is None or window.is_open(today):
            raise AppealError(
                "The time to appeal this decision has not closed: the appellant "
                "may still appeal"
                + (f" until {window.last_day:%B %-d, %Y}." if window.last_day else ".")
            )
        appellant = get_user_model().objects.get(pk=entry.owner(subject))
        late = LateAppeal.objects.create(
            appellant=appellant,
            subject=subject,
            closed_on=window.closes_on,
            open_until=open_until,
            reason=reason,
            accepted_by=by,
        )
        audit_log(
            subject=subject,
            action="appeal.late_accepted",
            summary=f"Late appeal of the {entry.noun} accepted: notice may be given "
            f"until {open_until:%B %-d, %Y}",
            actor=by,
            owner=appellant,
            reason=reason,
        )
        mail_queue(
            key=f"appeal-late-accepted:{late.pk}",
            to=appellant.email,
            template="appeal_late_accepted",
            context={
                "late": late,
                "person": appellant,
                "noun": entry.noun,
                "decision": entry.decision(subject),
                "appeal_url": reverse("appeals:new", args=[entry.label, subject.pk]),
            },
        )
    return late
