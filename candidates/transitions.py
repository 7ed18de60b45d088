"""The states of an application and the named transitions between them.

A draft is submitted: straight to awaiting payment, or first to staff review when
the education needs a person's judgement (from outside the US). Staff accept such
education (awaiting payment) or reject any submitted application. The fee paid,
the application is admitted, which makes its applicant a candidate.

A certification is issued when awarded (``candidates.certification``); staff may
revoke it, once, with the reason, which the holder may appeal.

A request for more time waits for staff, who grant it with a new deadline (the
candidacy's deadline moves with it) or refuse it with a reason; the candidate is
mailed either way.

Services check what the applicant or staff asked for (eligibility, the balance
owed) and call these. ``manage.py state_diagrams`` draws the machines.
"""

from django.utils import timezone

from lssc.appeals.deadlines import last_day_to_appeal
from lssc.audit.transitions import StateMachine
from lssc.core.dates import add_years
from lssc.core.program import rules
from lssc.notifications.services import mail_queue
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payment_cancel, payments_for

from .deadlines import deadline_move
from .enums import (
    SUBMITTED_STATES,
    ApplicationStatus,
    CertificationStatus,
    ExtensionStatus,
)
from .errors import ApplicationError, CertificationError
from .models import Application, Candidate, Certification, ExtensionRequest
from .reenrolment import carry_over
from .selectors import current_fee_cents

machine = StateMachine(
    Application,
    "status",
    owner=lambda application: application.user,
    error=ApplicationError,
    select_related=("user",),
    noun="application",
)


@machine.transition(
    source=ApplicationStatus.DRAFT,
    target=[ApplicationStatus.AWAITING_PAYMENT, ApplicationStatus.STAFF_REVIEW],
    action="application.submitted",
    summary="Application submitted",
    verb="submitted",
)
def submit(change, *, counted_hours: int):
    """Fix the hours counted and the fee on the day of submission; ``to=`` staff
    review when the education needs their decision, which the applicant is told."""
    application = change.obj
    application.submitted_at = timezone.now()
    application.counted_hours = counted_hours
    application.fee_cents = current_fee_cents(application)
    context = {"application": application, "person": application.user}
    mail_queue(
        key=f"application-received:{application.pk}",
        to=application.user.email,
        template="application_received",
        context=context,
    )
    if change.target == ApplicationStatus.STAFF_REVIEW:
        mail_queue(
            key=f"application-staff-review:{application.pk}",
            to=application.user.email,
            template="application_staff_review",
            context=context,
        )


@machine.transition(
    source=ApplicationStatus.STAFF_REVIEW,
    target=ApplicationStatus.AWAITING_PAYMENT,
    action="application.awaiting_payment",
    summary="Accepted; waiting for the payment",
    verb="accepted",
)
def await_payment(change):
    """Staff accepted the education; the fee is still owed."""


@machine.transition(
    source=SUBMITTED_STATES,
    target=ApplicationStatus.ADMITTED,
    action="application.admitted",
    summary="Admitted as a candidate",
    verb="admitted",
)
def admit(change):
    """Paid and accepted: the applicant becomes a candidate, numbered, with the
    program's deadline from today."""
    application = change.obj
    today = timezone.localdate()
    application.decided_at = application.decided_at or timezone.now()
    candidate = Candidate.objects.create(
        user=application.user,
        application=application,
        number=f"pending-{application.pk}",
        admitted_on=today,
        deadline=add_years(today, rules().CANDIDACY_YEARS),
    )
    # Sequential, readable numbers: the year of admission and the row's id.
    candidate.number = f"LSSC-{today:%Y}-{candidate.pk:05d}"
    candidate.save(update_fields=["number"])
    change.summary = f"Admitted as candidate {candidate.number}"
    # Applying again after a candidacy ended: recent sets count in this one.
    carried = carry_over(candidate)
    if carried:
        change.summary += (
            f", with {len(carried)} set{'s' if len(carried) > 1 else ''} carried over"
        )
    mail_queue(
        key=f"admitted:{application.pk}",
        to=application.user.email,
        template="admitted",
        context={
            "candidate": candidate,
            "person": application.user,
            "carried": carried,
        },
    )


@machine.transition(
    source=SUBMITTED_STATES,
    target=ApplicationStatus.REJECTED,
    action="application.rejected",
    summary="Application not admitted",
    verb="rejected",
)
def reject(change):
    """Refused by staff (``reason``, which the applicant receives with how to
    appeal); a payment still pending is cancelled."""
    application = change.obj
    application.record_decision(change.by, change.reason)
    pending = payments_for(application).filter(status=PaymentStatus.PENDING)
    for payment in pending:
        payment_cancel(
            payment=payment, actor=change.by, reason="Application not admitted"
        )
    mail_queue(
        key=f"application-rejected:{application.pk}",
        to=application.user.email,
        template="application_rejected",
        context={
            "application": application,
            "person": application.user,
            "appeal_last_day": last_day_to_appeal(application.decided_at),
        },
    )


certification_machine = StateMachine(
    Certification,
    "status",
    owner=lambda certification: certification.candidate.user,
    error=CertificationError,
    select_related=("candidate__user",),
    noun="certification",
)


@certification_machine.transition(
    source=CertificationStatus.ISSUED,
    target=CertificationStatus.REVOKED,
    action="candidate.certification_revoked",
    summary="Certificate {obj.number} revoked",
    verb="revoked",
)
def revoke(change):
    """Revoked by staff for ``reason``, which the holder receives (the public
    page shows only the date) and may appeal."""
    certification = change.obj
    certification.revoked_at = timezone.now()
    certification.revoked_by = change.by
    certification.revoke_reason = change.reason
    candidate = certification.candidate
    mail_queue(
        key=f"certification-revoked:{certification.pk}",
        to=candidate.user.email,
        template="certification_revoked",
        context={
            "certification": certification,
            "candidate": candidate,
            "appeal_last_day": last_day_to_appeal(certification.revoked_at),
        },
    )


extension_machine = StateMachine(
    ExtensionRequest,
    "status",
    owner=lambda request: request.candidate.user,
    error=ApplicationError,
    select_related=("candidate__user",),
    noun="request for more time",
)


@extension_machine.transition(
    source=ExtensionStatus.REQUESTED,
    target=ExtensionStatus.GRANTED,
    action="extension.granted",
    summary="More time granted",
    verb="granted",
)
def grant_extension(change, *, until):
    """Granted by staff: the candidacy's deadline moves to ``until`` (audited on the
    candidate too, as every deadline move is) and the candidate is told."""
    request = change.obj
    request.record_decision(change.by, change.reason)
    request.granted_until = until
    candidate = deadline_move(
        candidate=request.candidate,
        new_deadline=until,
        by=change.by,
        reason=change.reason or "Request for more time granted",
    )
    change.summary = f"More time granted: new deadline {until:%B %-d, %Y}"
    mail_queue(
        key=f"extension-granted:{request.pk}",
        to=candidate.user.email,
        template="extension_granted",
        context={"request": request, "candidate": candidate},
    )


@extension_machine.transition(
    source=ExtensionStatus.REQUESTED,
    target=ExtensionStatus.REFUSED,
    action="extension.refused",
    summary="Request for more time refused",
    verb="refused",
)
def refuse_extension(change):
    """Refused by staff for ``reason``, which the candidate receives."""
    request = change.obj
    request.record_decision(change.by, change.reason)
    mail_queue(
        key=f"extension-refused:{request.pk}",
        to=request.candidate.user.email,
        template="extension_refused",
        context={"request": request, "candidate": request.candidate},
    )
