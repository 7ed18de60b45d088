"""Every change to an application or a candidacy goes through these functions."""

import datetime

from django.db import transaction
from django.utils import timezone

from lssc.audit.services import audit_log
from lssc.core.dates import add_years
from lssc.core.errors import DomainError
from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.fees.services import fee_for
from lssc.notifications.services import mail_queue
from lssc.payments.checkout import payment_start
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payment_cancel, payment_create, payments_for

from .certification import certification_award_if_due
from .eligibility import Eligibility, WorkPeriod, assess
from .enums import OPEN_STATES, SUBMITTED_STATES, ApplicationStatus
from .models import Application, Candidate, ShareLink, ShareLinkView


class ApplicationError(DomainError):
    """A request that the application's state or content does not allow."""


# Reading ------------------------------------------------------------------------------


def open_application(user) -> Application | None:
    return Application.objects.filter(user=user, status__in=OPEN_STATES).first()


def eligibility_of(
    application: Application, on: datetime.date | None = None, work=None
):
    """Eligibility today (or ``on``); ``work`` spares the query when already loaded."""
    program = rules()
    work = application.work_history.all() if work is None else work
    periods = [
        WorkPeriod(row.start_date, row.end_date, row.hours_per_week) for row in work
    ]
    return assess(
        education=application.education,
        periods=periods,
        on=on or timezone.localdate(),
        required_hours=program.ELIGIBILITY_HOURS,
        window_years=program.ELIGIBILITY_WINDOW_YEARS,
        weekly_cap=program.MAX_HOURS_PER_WEEK,
    )


def application_fee_cents(application: Application) -> int:
    """The application fee: fixed at submission, else what it would be today."""
    if application.fee_cents is not None:
        return application.fee_cents
    return _current_fee_cents(application)


def _current_fee_cents(application: Application) -> int:
    on = (application.submitted_at or timezone.now()).date()
    return fee_for(
        FeeKind.APPLICATION, ala_member=application.pays_member_fee, on=on
    ).amount_cents


def application_balance_cents(application: Application, payments=None) -> int:
    """What the applicant still owes: the fee less what they have paid."""
    payments = payments if payments is not None else payments_for(application)
    paid = sum(p.amount_cents for p in payments if p.status == PaymentStatus.PAID)
    return max(0, application_fee_cents(application) - paid)


# The application ------------------------------------------------------------------


def application_start(*, user) -> Application:
    """The user's open application, or a new draft."""
    existing = open_application(user)
    if existing:
        return existing
    application = Application.objects.create(user=user)
    audit_log(
        subject=application,
        action="application.started",
        summary="Application started",
        actor=user,
        owner=user,
        to_state=application.status,
    )
    return application


def application_submit(*, application_id: int, by) -> tuple[Application, Eligibility]:
    """Submit a complete draft; refuses one that is not eligible or already sent."""
    with transaction.atomic():
        application = (
            Application.objects.select_for_update()
            .select_related("user")
            .get(pk=application_id, user=by)
        )
        if application.status != ApplicationStatus.DRAFT:
            raise ApplicationError("This application has already been submitted.")
        if application.agreed_to_policies_at is None:
            raise ApplicationError("Please agree to the program's policies.")
        result = eligibility_of(application)
        if not result.can_submit:
            raise ApplicationError(" ".join(result.reasons))
        application.status = (
            ApplicationStatus.STAFF_REVIEW
            if result.needs_staff_review
            else ApplicationStatus.AWAITING_PAYMENT
        )
        application.submitted_at = timezone.now()
        application.counted_hours = result.hours.counted
        application.fee_cents = _current_fee_cents(application)
        application.save(
            update_fields=["status", "submitted_at", "counted_hours", "fee_cents"]
        )
        _audit(
            application,
            by,
            "application.submitted",
            "Application submitted",
            ApplicationStatus.DRAFT,
        )
        mail_queue(
            key=f"application-received:{application.pk}",
            to=application.user.email,
            template="application_received",
            context={"application": application, "person": application.user},
        )
        if result.needs_staff_review:
            mail_queue(
                key=f"application-staff-review:{application.pk}",
                to=application.user.email,
                template="application_staff_review",
                context={"application": application, "person": application.user},
            )
    return application, result


def application_pay(
    *, application: Application, method: str, institution: str = "", return_url=None
):
    """Start paying the balance with ``method``; returns ``(payment, redirect_url)``.

    A second click reuses the pending payment of the same method; choosing another
    method cancels the pending one. A card payment goes to Stripe; if Stripe cannot be
    reached, ``CardPaymentUnavailable`` is raised and nothing is saved.
    """
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status not in (*SUBMITTED_STATES, ApplicationStatus.ADMITTED):
            raise ApplicationError("This application is not waiting for a payment.")
        payments = list(payments_for(application).select_for_update())
        pending = [p for p in payments if p.status == PaymentStatus.PENDING]
        balance = application_balance_cents(application, payments)
        if balance <= 0:
            raise ApplicationError("Nothing is owed on this application.")
        return payment_start(
            pending=pending,
            method=method,
            payer=application.user,
            # A balance that changed (a membership not verified) needs a new payment.
            matches=lambda p: p.amount_cents == balance,
            create=lambda: payment_create(
                payer=application.user,
                purpose=application,
                kind=FeeKind.APPLICATION,
                description="LSSC application fee",
                method=method,
                ala_member=application.pays_member_fee,
                on=(application.submitted_at or timezone.now()).date(),
                institution=institution,
                amount_cents=balance,
            ),
            return_url=return_url,
        )


def application_payment_received(*, application_id: int, actor=None) -> None:
    """A payment for the application arrived: admit when nothing else is missing."""
    application = Application.objects.select_for_update().get(pk=application_id)
    if application_balance_cents(application) > 0:
        return
    if application.status == ApplicationStatus.AWAITING_PAYMENT or (
        application.status == ApplicationStatus.STAFF_REVIEW
        and application.education_approved
    ):
        _admit(application, actor)


def application_approve_education(*, application: Application, by, reason: str) -> bool:
    """Staff accept education from outside the US; admits when already paid."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != ApplicationStatus.STAFF_REVIEW:
            return False
        application.education_approved = True
        _stamp_decision(application, by, reason, "education_approved")
        audit_log(
            subject=application,
            action="application.education_approved",
            summary="Education outside the US accepted by staff",
            actor=by,
            owner=application.user,
            reason=reason,
        )
        if application_balance_cents(application) > 0:
            previous = application.status
            application.status = ApplicationStatus.AWAITING_PAYMENT
            application.save(update_fields=["status"])
            _audit(
                application,
                by,
                "application.awaiting_payment",
                "Accepted; waiting for the payment",
                previous,
            )
        else:
            _admit(application, by)
    return True


def application_reject(*, application: Application, by, reason: str) -> bool:
    """Refuse a submitted application, telling the applicant why and how to appeal."""
    with transaction.atomic():
        application = (
            Application.objects.select_for_update()
            .select_related("user")
            .get(pk=application.pk)
        )
        if application.status not in SUBMITTED_STATES:
            return False
        previous = application.status
        application.status = ApplicationStatus.REJECTED
        _stamp_decision(application, by, reason, "status")
        _audit(
            application,
            by,
            "application.rejected",
            "Application not admitted",
            previous,
            reason,
        )
        for payment in payments_for(application).filter(status=PaymentStatus.PENDING):
            payment_cancel(payment=payment, actor=by, reason="Application not admitted")
        mail_queue(
            key=f"application-rejected:{application.pk}",
            to=application.user.email,
            template="application_rejected",
            context={"application": application, "person": application.user},
        )
    return True


def application_mark_membership_unverified(
    *, application: Application, by, reason: str
) -> bool:
    """Staff could not verify the claimed ALA membership: the non-member fee applies.

    A pending payment at the member rate is cancelled; the applicant pays the balance.
    """
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if not application.ala_member or application.ala_membership_unverified:
            return False
        application.ala_membership_unverified = True
        application.fee_cents = _current_fee_cents(application)
        application.save(update_fields=["ala_membership_unverified", "fee_cents"])
        audit_log(
            subject=application,
            action="application.membership_unverified",
            summary="ALA membership could not be verified: the non-member fee applies",
            actor=by,
            owner=application.user,
            reason=reason,
        )
        for payment in payments_for(application).filter(status=PaymentStatus.PENDING):
            payment_cancel(
                payment=payment, actor=by, reason="ALA membership not verified"
            )
        balance = application_balance_cents(application)
        if balance:
            mail_queue(
                key=f"membership-unverified:{application.pk}",
                to=application.user.email,
                template="membership_unverified",
                context={
                    "application": application,
                    "person": application.user,
                    "balance_cents": balance,
                    "reason": reason,
                },
            )
    return True


def _admit(application: Application, actor) -> Candidate:
    today = timezone.localdate()
    previous = application.status
    application.status = ApplicationStatus.ADMITTED
    application.decided_at = application.decided_at or timezone.now()
    application.save(update_fields=["status", "decided_at"])
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
    _audit(
        application,
        actor,
        "application.admitted",
        f"Admitted as candidate {candidate.number}",
        previous,
    )
    mail_queue(
        key=f"admitted:{application.pk}",
        to=application.user.email,
        template="admitted",
        context={"candidate": candidate, "person": application.user},
    )
    return candidate


def _stamp_decision(application, by, reason, *changed):
    """Save a staff decision: who, when and why, with the fields it ``changed``."""
    application.decision_reason = reason
    application.decided_by = by
    application.decided_at = timezone.now()
    application.save(
        update_fields=[*changed, "decision_reason", "decided_by", "decided_at"]
    )


def _audit(application, actor, action, summary, previous, reason=""):
    audit_log(
        subject=application,
        action=action,
        summary=summary,
        actor=actor,
        owner=application.user,
        from_state=previous,
        to_state=application.status,
        reason=reason,
    )


# The candidacy ----------------------------------------------------------------------


def candidate_extend_deadline(
    *, candidate: Candidate, new_deadline: datetime.date, by, reason: str
) -> None:
    with transaction.atomic():
        candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
        if new_deadline <= candidate.deadline:
            raise ApplicationError(
                "The new deadline must be after the current one "
                f"({candidate.deadline:%B %-d, %Y})."
            )
        previous = candidate.deadline
        candidate.deadline = new_deadline
        candidate.save(update_fields=["deadline"])
        audit_log(
            subject=candidate,
            action="candidate.deadline_extended",
            summary=f"Deadline extended from {previous:%B %-d, %Y} to "
            f"{new_deadline:%B %-d, %Y}",
            actor=by,
            owner=candidate.user,
            from_state=previous.isoformat(),
            to_state=new_deadline.isoformat(),
            reason=reason,
        )
        # Six sets achieved after the old deadline may now be within the new one.
        certification_award_if_due(candidate=candidate, actor=by)


def share_link_create(*, candidate: Candidate, label: str, expires_on) -> ShareLink:
    link = ShareLink.objects.create(
        candidate=candidate, label=label, expires_on=expires_on
    )
    audit_log(
        subject=link,
        action="share_link.created",
        summary=f"Share link “{label}” created, valid until {expires_on:%B %-d, %Y}",
        actor=candidate.user,
        owner=candidate.user,
    )
    return link


def share_link_revoke(*, link: ShareLink, by) -> bool:
    with transaction.atomic():
        link = ShareLink.objects.select_for_update().get(pk=link.pk)
        if link.revoked_at is not None:
            return False
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        audit_log(
            subject=link,
            action="share_link.revoked",
            summary=f"Share link “{link.label}” revoked",
            actor=by,
            owner=link.candidate.user,
        )
    return True


def share_link_record_view(*, link: ShareLink, user_agent: str) -> None:
    ShareLinkView.objects.create(link=link, user_agent=user_agent[:200])
