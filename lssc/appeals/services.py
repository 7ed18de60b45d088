"""The appeal procedure (documents index, "Appeal Process - Individual"): a notice of
intent, then the appeal with its grounds and documents, the CPC's review, and its
decision. These functions check who may do what; the steps themselves are the named
transitions in ``transitions.py``, and the app whose decision was appealed decides
what an upheld appeal changes (``registry``)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from lssc.audit.transitions import TransitionNotAllowed

from . import transitions
from .errors import AppealError
from .models import Appeal, AppealStatus


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

    A decision is appealed once: the CPC's decision on it is final.
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
