"""The appeal procedure (documents index, "Appeal Process - Individual"): a notice of
intent, then the appeal with its grounds and documents, the CPC's review, and its
decision. The appellant is emailed at each step; the owning app decides what an
upheld appeal changes (``signals.appeal_upheld``)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.audit.services import audit_log
from lssc.core.errors import DomainError
from lssc.notifications.services import mail_queue

from .models import Appeal, AppealDocument, AppealStatus
from .signals import appeal_upheld


class AppealError(DomainError):
    """An appeal that cannot be filed or decided; the message says why."""


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
        appeal = Appeal.objects.create(
            appellant=appellant, subject=subject, decision_appealed=decision_appealed
        )
        _step(appeal, appellant, "notice", "Notice of intent to appeal received")
        if grounds.strip():
            _file_grounds(appeal, grounds, documents)
        else:
            _tell(appeal, "appeal_notice", staff=True)
    return appeal


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
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if appeal.appellant_id != by.pk:
            raise AppealError("Only the appellant files the grounds.")
        if appeal.status != AppealStatus.NOTICE:
            raise AppealError("The grounds of this appeal have been filed already.")
        _file_grounds(appeal, grounds, documents)
    return appeal


def _file_grounds(appeal, grounds, documents):
    for upload, name in documents:
        document = AppealDocument(appeal=appeal, name=name)
        document.file.save(name, upload, save=False)
        document.save()
    appeal.grounds = grounds.strip()
    appeal.status = AppealStatus.FILED
    appeal.grounds_at = timezone.now()
    appeal.save(update_fields=["grounds", "status", "grounds_at"])
    _step(appeal, appeal.appellant, "filed", "Appeal filed with its grounds",
          AppealStatus.NOTICE)  # fmt: skip
    _tell(appeal, "appeal_filed", staff=True)


def appeal_review_start(*, appeal: Appeal, by) -> bool:
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if appeal.status != AppealStatus.FILED:
            return False
        appeal.status = AppealStatus.UNDER_REVIEW
        appeal.review_started_at = timezone.now()
        appeal.save(update_fields=["status", "review_started_at"])
        _step(appeal, by, "under_review", "The CPC started its review",
              AppealStatus.FILED)  # fmt: skip
        _tell(appeal, "appeal_under_review")
    return True


def appeal_decide(*, appeal: Appeal, by, status: str, decision: str) -> bool:
    """Record the CPC's decision once; ``False`` if it was decided already."""
    if status not in (AppealStatus.UPHELD, AppealStatus.DENIED):
        raise AppealError("An appeal is upheld or denied.")
    if not decision.strip():
        raise AppealError("Give the CPC's decision in words.")
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if appeal.status == AppealStatus.NOTICE:
            raise AppealError(
                f"{appeal.reference} has no grounds yet: the appellant files them "
                "after the notice."
            )
        if not appeal.is_open:
            return False
        previous = appeal.status
        appeal.status = status
        appeal.decision = decision.strip()
        appeal.decided_by = by
        appeal.decided_at = timezone.now()
        appeal.save(update_fields=["status", "decision", "decided_by", "decided_at"])
        _step(appeal, by, status,
              f"Appeal {appeal.reference} {appeal.get_status_display().lower()}",
              previous, appeal.decision)  # fmt: skip
        _tell(appeal, "appeal_decided")
        if status == AppealStatus.UPHELD:
            appeal_upheld.send(sender=Appeal, appeal=appeal, actor=by)
    return True


def _step(appeal, actor, action, summary, previous="", reason=""):
    audit_log(
        subject=appeal,
        action=f"appeal.{action}",
        summary=f"{appeal.reference}: {summary}",
        actor=actor,
        owner=appeal.appellant,
        from_state=previous,
        to_state=appeal.status,
        reason=reason,
    )


def _tell(appeal, template, staff=False):
    """The appellant hears of every step; the CPC and the Program Officer of new
    notices and filings."""
    context = {"appeal": appeal, "subject": appeal.subject}
    mail_queue(
        key=f"{template}:{appeal.pk}",
        to=appeal.appellant.email,
        template=template,
        context=context,
    )
    if staff:
        for email in staff_emails(
            StaffGroup.PROGRAM_COMMITTEE, StaffGroup.PROGRAM_OFFICER
        ):
            mail_queue(
                key=f"{template}-staff:{appeal.pk}:{email}",
                to=email,
                template="appeal_filed_staff",
                context=context,
            )
