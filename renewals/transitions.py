"""A renewal's states and the named transitions between them.

Submitted, a renewal waits for its fee (none when the fee is $0 or already paid),
then is reviewed: approved, which starts the certification's next period, or
returned to the holder with a reason, to be fixed and submitted again.
"""

from django.utils import timezone

from candidates.certification import certification_renew
from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.appeals.deadlines import last_day_to_appeal
from lssc.audit.services import audit_log
from lssc.audit.transitions import StateMachine
from lssc.notifications.services import mail_queue

from .errors import RenewalError
from .models import Renewal, RenewalStatus

AWAITING_PAYMENT = RenewalStatus.AWAITING_PAYMENT
IN_REVIEW = RenewalStatus.IN_REVIEW
RETURNED = RenewalStatus.RETURNED
APPROVED = RenewalStatus.APPROVED

machine = StateMachine(
    Renewal,
    "status",
    owner=lambda r: r.certification.candidate.user,
    error=RenewalError,
    select_related=("certification__candidate__user",),
)


def open_renewal(
    *, certification, by, to, hours, technology_hours, activities
) -> Renewal:
    """The period's first submission: the renewal is made in its first state."""
    renewal = Renewal.objects.create(
        certification=certification,
        period_expires_on=certification.expires_on,
        status=to,
        hours=hours,
        technology_hours=technology_hours,
        in_review_since=timezone.now() if to == IN_REVIEW else None,
    )
    renewal.activities.set(activities)
    audit_log(
        subject=renewal,
        action="renewal.submitted",
        summary="Renewal submitted",
        actor=by,
        owner=certification.candidate.user,
        to_state=renewal.status,
    )
    if renewal.status == IN_REVIEW:
        _tell_staff(renewal)
    return renewal


@machine.transition(
    source=RETURNED,
    target=[AWAITING_PAYMENT, IN_REVIEW],
    action="renewal.submitted",
    summary="Renewal submitted",
    verb="submitted again",
)
def resubmit(change, *, hours, technology_hours, activities):
    """A returned renewal, fixed; its fee, if paid before, is not asked again."""
    renewal = change.obj
    renewal.hours = hours
    renewal.technology_hours = technology_hours
    renewal.decision_reason = ""
    renewal.activities.set(activities)
    if change.target == IN_REVIEW:
        _in_review(renewal)


@machine.transition(
    source=AWAITING_PAYMENT,
    target=IN_REVIEW,
    action="renewal.in_review",
    summary="Renewal fee paid; sent for review",
    verb="sent for review",
)
def mark_paid(change):
    _in_review(change.obj)


@machine.transition(
    source=IN_REVIEW,
    target=APPROVED,
    action="renewal.approved",
    summary="Renewal approved",
    verb="approved",
)
def approve(change):
    renewal = change.obj
    certification = certification_renew(
        certification=renewal.certification,
        period_expires_on=renewal.period_expires_on,
    )
    if certification is None:
        raise RenewalError("This certification period has been renewed already.")
    renewal.record_decision(change.by)
    last_day = certification.last_valid_day
    change.summary = f"Renewed: valid through {last_day:%B %-d, %Y}"
    mail_queue(
        key=f"renewal-approved:{renewal.pk}",
        to=renewal.certification.candidate.user.email,
        template="renewal_approved",
        context={"renewal": renewal, "certification": certification},
    )


@machine.transition(
    source=IN_REVIEW,
    target=RETURNED,
    action="renewal.returned",
    summary="Renewal returned to the holder",
    verb="returned",
)
def return_to_holder(change):
    renewal = change.obj
    renewal.record_decision(change.by, change.reason)
    # Each return is its own message: counted with this one, not yet saved.
    count = renewal.history.filter(status=RETURNED).count() + 1
    mail_queue(
        key=f"renewal-returned:{renewal.pk}:{count}",
        to=renewal.certification.candidate.user.email,
        template="renewal_returned",
        context={
            "renewal": renewal,
            "appeal_last_day": last_day_to_appeal(renewal.decided_at),
        },
    )


def _in_review(renewal):
    renewal.in_review_since = timezone.now()
    _tell_staff(renewal)


def _tell_staff(renewal):
    for email in staff_emails(StaffGroup.PROGRAM_OFFICER, StaffGroup.PROGRAM_ASSISTANT):
        mail_queue(
            key=f"renewal-in-review:{renewal.pk}:{renewal.in_review_since:%Y%m%d%H%M%S}"
            f":{email}",
            to=email,
            template="renewal_in_review",
            context={"renewal": renewal},
        )
