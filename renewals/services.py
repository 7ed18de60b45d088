"""Logging continuing education and renewing a certification, as named transitions."""

import datetime

from django.db import transaction
from django.utils import timezone

from candidates.certificates import certificate_request
from candidates.models import Certification
from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.audit.services import audit_log
from lssc.core.dates import period_end
from lssc.core.errors import DomainError
from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.fees.services import fee_for
from lssc.notifications.services import mail_queue
from lssc.payments.checkout import pay_for
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payments_for

from .models import Activity, Renewal, RenewalStatus, Unit
from .rules import Progress, contact_hours, hours_text, progress, window


class RenewalError(DomainError):
    """A change the renewal rules refuse; the message says why."""


def period_activities(certification: Certification):
    """The activities that count for the current period."""
    return certification.activities.filter(
        completed_on__gte=certification.period_starts_on,
        completed_on__lt=certification.expires_on,
    )


def period_progress(certification: Certification) -> Progress:
    return progress(
        period_activities(certification).values_list("hours", "technology"), rules()
    )


def renewal_window(certification: Certification):
    return window(certification.expires_on, rules())


def activity_problems(
    certification: Certification,
    *,
    completed_on: datetime.date,
    amount,
    unit: str,
    technology: bool,
    exclude_pk=None,
) -> dict[str, str]:
    """What is wrong with an activity, by form field; empty when it may be logged."""
    program = rules()
    problems = {}
    if amount is None or amount <= 0:
        problems["amount"] = "Give a positive number."
        if technology:
            problems["technology"] = (
                "An activity of no hours cannot count as technology."
            )
        return problems
    hours = contact_hours(amount, unit, program)
    if hours < program.CE_MIN_HOURS_PER_ACTIVITY:
        problems["amount"] = (
            f"An activity counts from {program.CE_MIN_HOURS_PER_ACTIVITY} contact "
            f"hour; this is {hours_text(hours)}."
        )
    if unit == Unit.CONTACT_HOURS:
        same_day = certification.activities.filter(
            completed_on=completed_on, unit=Unit.CONTACT_HOURS
        ).exclude(pk=exclude_pk)
        already = sum(a.hours for a in same_day)
        if already + hours > program.CE_MAX_HOURS_PER_DAY:
            problems["amount"] = (
                f"No more than {program.CE_MAX_HOURS_PER_DAY} contact hours in one "
                f"day ({hours_text(already)} already logged on "
                f"{completed_on:%B %-d, %Y})."
            )
    if completed_on > timezone.localdate():
        problems["completed_on"] = "The date cannot be in the future."
    elif not (
        certification.period_starts_on <= completed_on < certification.expires_on
    ):
        last = certification.expires_on - datetime.timedelta(days=1)
        problems["completed_on"] = (
            "Only activities in your current certification period count: from "
            f"{certification.period_starts_on:%B %-d, %Y} to {last:%B %-d, %Y}."
        )
    return problems


def activity_log(
    *, certification: Certification, by, sets, evidence=None, evidence_name="", **fields
) -> Activity:
    """Log an activity; raises ``RenewalError`` with the first problem."""
    problems = activity_problems(
        certification,
        completed_on=fields["completed_on"],
        amount=fields["amount"],
        unit=fields["unit"],
        technology=fields.get("technology", False),
    )
    if problems:
        raise RenewalError(next(iter(problems.values())))
    with transaction.atomic():
        activity = Activity(
            certification=certification,
            hours=contact_hours(fields["amount"], fields["unit"], rules()),
            evidence_name=evidence_name,
            **fields,
        )
        if evidence is not None:
            activity.evidence.save(evidence_name or "evidence", evidence, save=False)
        activity.save()
        activity.competency_sets.set(sets)
        audit_log(
            subject=certification.candidate,
            action="renewal.activity_logged",
            summary=f"Continuing education logged: {activity.title}, "
            f"{hours_text(activity.hours)} contact hours",
            actor=by,
            owner=certification.candidate.user,
        )
    return activity


def activity_remove(*, activity: Activity, by) -> None:
    with transaction.atomic():
        if activity.renewals.exclude(status=RenewalStatus.RETURNED).exists():
            raise RenewalError("This activity is part of a submitted renewal.")
        certification = activity.certification
        title = activity.title
        activity.renewals.clear()
        activity.delete()
        audit_log(
            subject=certification.candidate,
            action="renewal.activity_removed",
            summary=f"Continuing education removed: {title}",
            actor=by,
            owner=certification.candidate.user,
        )


def renewal_fee_cents() -> int:
    return fee_for(FeeKind.RENEWAL).amount_cents


def renewal_submit(*, certification: Certification, by) -> Renewal:
    """Apply to renew the current period: in the window, with the hours met. A
    renewal returned to the holder is submitted again the same way."""
    program = rules()
    today = timezone.localdate()
    with transaction.atomic():
        certification = Certification.objects.select_for_update().get(
            pk=certification.pk
        )
        if certification.revoked_at is not None:
            raise RenewalError("A revoked certification cannot be renewed.")
        opens, closes = window(certification.expires_on, program)
        if not opens <= today < closes:
            raise RenewalError(
                "Renewal is open from "
                f"{opens:%B %-d, %Y} to "
                f"{closes - datetime.timedelta(days=1):%B %-d, %Y}."
            )
        met = period_progress(certification)
        if not met.met:
            raise RenewalError(f"You need {met.shortfall()}.")
        renewal = Renewal.objects.filter(
            certification=certification, period_expires_on=certification.expires_on
        ).first()
        if renewal is not None and renewal.status != RenewalStatus.RETURNED:
            raise RenewalError("This period's renewal has been submitted already.")
        previous = renewal.status if renewal else ""
        if renewal is None:
            renewal = Renewal(
                certification=certification,
                period_expires_on=certification.expires_on,
            )
        paid = (
            renewal.pk is not None
            and payments_for(renewal).filter(status=PaymentStatus.PAID).exists()
        )
        renewal.hours = met.hours
        renewal.technology_hours = met.technology_hours
        renewal.reason = ""
        if paid or renewal_fee_cents() == 0:
            renewal.status = RenewalStatus.IN_REVIEW
            renewal.in_review_since = timezone.now()
        else:
            renewal.status = RenewalStatus.AWAITING_PAYMENT
        renewal.save()
        renewal.activities.set(period_activities(certification))
        _audit(renewal, by, "submitted", "Renewal submitted", previous)
        if renewal.status == RenewalStatus.IN_REVIEW:
            _tell_staff(renewal)
    return renewal


def renewal_pay(*, renewal: Renewal, payer, method, institution="", return_url=None):
    with transaction.atomic():
        renewal = Renewal.objects.select_for_update().get(pk=renewal.pk)
        if renewal.status != RenewalStatus.AWAITING_PAYMENT:
            raise RenewalError("This renewal is not waiting for a payment.")
        return pay_for(
            purpose=renewal,
            payer=payer,
            method=method,
            kind=FeeKind.RENEWAL,
            description=f"Renewal of certificate {renewal.certification.number}",
            institution=institution,
            return_url=return_url,
        )


def renewal_payment_received(*, renewal_id, actor=None) -> bool:
    renewal = Renewal.objects.select_for_update().get(pk=renewal_id)
    if renewal.status != RenewalStatus.AWAITING_PAYMENT:
        return False
    renewal.status = RenewalStatus.IN_REVIEW
    renewal.in_review_since = timezone.now()
    renewal.save(update_fields=["status", "in_review_since"])
    _audit(renewal, actor, "in_review", "Renewal fee paid; sent for review",
           RenewalStatus.AWAITING_PAYMENT)  # fmt: skip
    _tell_staff(renewal)
    return True


def _tell_staff(renewal):
    for email in staff_emails(StaffGroup.PROGRAM_OFFICER, StaffGroup.PROGRAM_ASSISTANT):
        mail_queue(
            key=f"renewal-in-review:{renewal.pk}:{renewal.in_review_since:%Y%m%d%H%M%S}"
            f":{email}",
            to=email,
            template="renewal_in_review",
            context={"renewal": renewal},
        )


def _locked_in_review(renewal_id):
    renewal = (
        Renewal.objects.select_for_update(of=("self",))
        .select_related("certification__candidate__user")
        .get(pk=renewal_id)
    )
    return renewal if renewal.status == RenewalStatus.IN_REVIEW else None


def renewal_approve(*, renewal: Renewal, by) -> bool:
    """The next period starts at the previous expiry (not today) and lasts
    CERTIFICATION_YEARS; a new certificate is made."""
    with transaction.atomic():
        renewal = _locked_in_review(renewal.pk)
        if renewal is None:
            return False
        certification = Certification.objects.select_for_update().get(
            pk=renewal.certification_id
        )
        if certification.expires_on != renewal.period_expires_on:
            return False  # renewed already
        renewal.status = RenewalStatus.APPROVED
        renewal.decided_by = by
        renewal.decided_at = timezone.now()
        renewal.save(update_fields=["status", "decided_by", "decided_at"])
        certification.period_starts_on = certification.expires_on
        certification.expires_on = period_end(
            certification.expires_on, rules().CERTIFICATION_YEARS
        )
        certification.save(update_fields=["period_starts_on", "expires_on"])
        _audit(
            renewal, by, "approved",
            f"Renewed until {certification.expires_on:%B %-d, %Y}",
            RenewalStatus.IN_REVIEW,
        )  # fmt: skip
        certificate_request(certification)
        mail_queue(
            key=f"renewal-approved:{renewal.pk}",
            to=certification.candidate.user.email,
            template="renewal_approved",
            context={"renewal": renewal, "certification": certification},
        )
    return True


def renewal_return(*, renewal: Renewal, by, reason: str) -> bool:
    """Send the renewal back with what to fix; the holder may submit it again."""
    reason = reason.strip()
    if not reason:
        raise RenewalError("Give a reason: it is sent to the holder.")
    with transaction.atomic():
        renewal = _locked_in_review(renewal.pk)
        if renewal is None:
            return False
        renewal.status = RenewalStatus.RETURNED
        renewal.decided_by = by
        renewal.decided_at = timezone.now()
        renewal.reason = reason
        renewal.save(update_fields=["status", "decided_by", "decided_at", "reason"])
        _audit(renewal, by, "returned", "Renewal returned to the holder",
               RenewalStatus.IN_REVIEW, reason)  # fmt: skip
        count = renewal.history.filter(status=RenewalStatus.RETURNED).count()
        mail_queue(
            key=f"renewal-returned:{renewal.pk}:{count}",
            to=renewal.certification.candidate.user.email,
            template="renewal_returned",
            context={"renewal": renewal},
        )
    return True


def _audit(renewal, actor, action, summary, previous, reason=""):
    candidate = renewal.certification.candidate
    audit_log(
        subject=renewal,
        action=f"renewal.{action}",
        summary=summary,
        actor=actor,
        owner=candidate.user,
        from_state=previous,
        to_state=renewal.status,
        reason=reason,
    )
