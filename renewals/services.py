"""Logging continuing education and applying to renew a certification.

The renewal's changes of state are the named transitions in ``transitions.py``;
these functions check the rules first and call them.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from candidates.models import Certification
from lssc.audit.services import audit_log
from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.fees.services import fee_for
from lssc.payments.checkout import pay_for
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payments_for

from . import transitions
from .errors import RenewalError
from .models import Activity, Renewal, RenewalStatus, Unit
from .rules import Progress, contact_hours, hours_text, progress


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
        problems["completed_on"] = (
            "Only activities in your current certification period count: from "
            f"{certification.period_starts_on:%B %-d, %Y} through "
            f"{certification.last_valid_day:%B %-d, %Y}."
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
    today = timezone.localdate()
    with transaction.atomic():
        certification = Certification.objects.select_for_update().get(
            pk=certification.pk
        )
        if certification.is_revoked:
            raise RenewalError("A revoked certification cannot be renewed.")
        if not certification.in_renewal_window(today):
            raise RenewalError(
                "Renewal is open from "
                f"{certification.renewal_opens_on:%B %-d, %Y} through "
                f"{certification.last_grace_day:%B %-d, %Y}, the last day of the "
                "grace period."
            )
        met = period_progress(certification)
        if not met.met:
            raise RenewalError(f"You need {met.shortfall()}.")
        renewal = Renewal.objects.filter(
            certification=certification, period_expires_on=certification.expires_on
        ).first()
        if renewal is not None and renewal.status != RenewalStatus.RETURNED:
            raise RenewalError("This period's renewal has been submitted already.")
        paid = (
            renewal is not None
            and payments_for(renewal).filter(status=PaymentStatus.PAID).exists()
        )
        fee_due = not paid and renewal_fee_cents() > 0
        entered = {
            "by": by,
            "to": RenewalStatus.AWAITING_PAYMENT
            if fee_due
            else RenewalStatus.IN_REVIEW,
            "hours": met.hours,
            "technology_hours": met.technology_hours,
            "activities": period_activities(certification),
        }
        if renewal is None:
            return transitions.open_renewal(certification=certification, **entered)
        return transitions.resubmit(renewal, **entered)


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


def renewal_approve(*, renewal: Renewal, by) -> bool:
    """Start the next period; ``False`` when the renewal is not in review (a second
    click) or its period was renewed already."""
    try:
        return transitions.approve.if_allowed(renewal.pk, by=by) is not None
    except RenewalError:
        return False


def renewal_return(*, renewal: Renewal, by, reason: str) -> bool:
    """Send the renewal back with what to fix; the holder may submit it again."""
    reason = reason.strip()
    if not reason:
        raise RenewalError("Give a reason: it is sent to the holder.")
    returned = transitions.return_to_holder.if_allowed(renewal.pk, by=by, reason=reason)
    return returned is not None
