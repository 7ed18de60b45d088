"""Filing and deciding appeals; the owning app decides what an upheld appeal changes."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.audit.services import audit_log
from lssc.notifications.services import mail_queue

from .models import Appeal, AppealStatus
from .signals import appeal_upheld


class AppealError(Exception):
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


def appeal_file(*, appellant, subject, decision_appealed: str, grounds: str) -> Appeal:
    """Record the notice of appeal and route it to the CPC and the Program Officer.

    A decision is appealed once: the CPC's decision on it is final.
    """
    grounds = grounds.strip()
    if not grounds:
        raise AppealError("Say on what grounds you appeal.")
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
            appellant=appellant,
            subject=subject,
            decision_appealed=decision_appealed,
            grounds=grounds,
        )
        audit_log(
            subject=appeal,
            action="appeal.filed",
            summary=f"Appeal {appeal.reference} filed against a decision on {subject}",
            actor=appellant,
            owner=appellant,
            to_state=appeal.status,
        )
        mail_queue(
            key=f"appeal-filed:{appeal.pk}",
            to=appellant.email,
            template="appeal_filed",
            context={"appeal": appeal, "subject": subject},
        )
        for email in staff_emails(
            StaffGroup.PROGRAM_COMMITTEE, StaffGroup.PROGRAM_OFFICER
        ):
            mail_queue(
                key=f"appeal-filed:{appeal.pk}:{email}",
                to=email,
                template="appeal_filed_staff",
                context={"appeal": appeal, "subject": subject},
            )
    return appeal


def appeal_decide(*, appeal: Appeal, by, status: str, decision: str) -> bool:
    """Record the CPC's decision once; ``False`` if it was decided already."""
    if status not in (AppealStatus.UPHELD, AppealStatus.DENIED):
        raise AppealError("An appeal is upheld or denied.")
    if not decision.strip():
        raise AppealError("Give the CPC's decision in words.")
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if not appeal.is_open:
            return False
        appeal.status = status
        appeal.decision = decision.strip()
        appeal.decided_by = by
        appeal.decided_at = timezone.now()
        appeal.save(update_fields=["status", "decision", "decided_by", "decided_at"])
        audit_log(
            subject=appeal,
            action=f"appeal.{status}",
            summary=f"Appeal {appeal.reference} {appeal.get_status_display().lower()}",
            actor=by,
            owner=appeal.appellant,
            from_state=AppealStatus.FILED,
            to_state=status,
            reason=appeal.decision,
        )
        mail_queue(
            key=f"appeal-decided:{appeal.pk}",
            to=appeal.appellant.email,
            template="appeal_decided",
            context={"appeal": appeal},
        )
        if status == AppealStatus.UPHELD:
            appeal_upheld.send(sender=Appeal, appeal=appeal, actor=by)
    return True
