"""Applying to the program: the draft's steps, submission, payment and the staff's
decisions. Views and the admin call these; each state change is a named transition
(``candidates.transitions``)."""

from django.db import transaction
from django.utils import timezone

from lssc.audit.services import audit_log
from lssc.fees.models import FeeKind
from lssc.notifications.services import mail_queue
from lssc.payments.checkout import payment_start
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payment_cancel, payment_create, payments_for

from . import transitions
from .certification import certification_award_if_due
from .contact import name_save
from .eligibility import Eligibility
from .enums import SUBMITTED_STATES, ApplicationStatus
from .errors import ApplicationError
from .models import Application, WorkHistory
from .reenrolment import reenrolment_refusal
from .selectors import (
    application_balance_cents,
    current_fee_cents,
    eligibility_of,
    open_application,
)

SUBMITTED_ALREADY = "This application has already been submitted."


# What a new application copies from the person's last one when they apply again:
# they check each step, and eligibility is assessed afresh on submission.
CARRIED_FIELDS = (
    "phone", "address_line1", "address_line2", "city", "state", "postal_code",
    "country", "library_name", "library_type", "job_title", "employer_contact_name",
    "employer_contact_email", "ala_member", "ala_member_number", "education",
)  # fmt: skip
WORK_FIELDS = (
    "library",
    "position",
    "paid",
    "start_date",
    "end_date",
    "hours_per_week",
)


def application_start(*, user) -> Application:
    """The user's open application, or a new draft: prefilled from their last
    application when they apply again after a candidacy ended."""
    existing = open_application(user)
    if existing:
        return existing
    if problem := reenrolment_refusal(user):
        raise ApplicationError(problem)
    last = user.applications.filter(status=ApplicationStatus.ADMITTED).first()
    with transaction.atomic():
        application = Application.objects.create(
            user=user, **{f: getattr(last, f) for f in CARRIED_FIELDS} if last else {}
        )
        if last:
            WorkHistory.objects.bulk_create(
                WorkHistory(
                    application=application, **{f: getattr(w, f) for f in WORK_FIELDS}
                )
                for w in last.work_history.all()
            )
        audit_log(
            subject=application,
            action="application.started",
            summary="Application started again, after a candidacy ended"
            if last
            else "Application started",
            actor=user,
            owner=user,
            to_state=application.status,
        )
    return application


def application_save_step(
    *, application: Application, forms=(), steps_done=None, full_name=None
) -> None:
    """Save a step of the draft: its valid ``forms`` (the application's form and
    formset), the applicant's ``full_name`` when the step asks for it, and the steps
    now done. Refused once the application was submitted (another tab, a back
    button)."""
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != ApplicationStatus.DRAFT:
            raise ApplicationError(SUBMITTED_ALREADY)
        if full_name is not None:
            name_save(application.user, full_name)
        for form in forms:
            form.save()
        if steps_done is not None and steps_done > locked.steps_done:
            application.steps_done = steps_done
            application.save(update_fields=["steps_done", "updated_at"])


def application_submit(*, application_id: int, by) -> tuple[Application, Eligibility]:
    """Submit a complete draft; refuses one that is not eligible or already sent."""
    with transaction.atomic():
        application = (
            Application.objects.select_for_update()
            .select_related("user")
            .get(pk=application_id, user=by)
        )
        if application.status != ApplicationStatus.DRAFT:
            raise ApplicationError(SUBMITTED_ALREADY)
        if application.agreed_to_policies_at is None:
            raise ApplicationError("Please agree to the program's policies.")
        if problem := reenrolment_refusal(by):
            raise ApplicationError(problem)
        result = eligibility_of(application)
        if not result.can_submit:
            raise ApplicationError(" ".join(result.reasons))
        application = transitions.submit(
            application,
            by=by,
            to=ApplicationStatus.STAFF_REVIEW
            if result.needs_staff_review
            else ApplicationStatus.AWAITING_PAYMENT,
            counted_hours=result.hours.counted,
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
        # Applying again: an earlier candidacy extended since is in force again.
        if application.status in SUBMITTED_STATES and (
            problem := reenrolment_refusal(application.user)
        ):
            raise ApplicationError(problem)
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


def application_paid(application_id: int, *, by=None) -> None:
    """A payment for the application arrived: admit when nothing else is missing.

    Payments call it inside the confirming transaction, and again for a payment
    confirmed twice or a surplus one: an admitted application stays as it is.
    """
    application = Application.objects.select_for_update().get(pk=application_id)
    if application_balance_cents(application) > 0:
        return
    if application.status == ApplicationStatus.AWAITING_PAYMENT or (
        application.status == ApplicationStatus.STAFF_REVIEW
        and application.education_approved
    ):
        _admit(application, by=by)


def _admit(application: Application, *, by) -> None:
    """Admit; six sets carried over from an earlier candidacy certify at once."""
    application = transitions.admit(application, by=by)
    if application.candidate.achievements.exists():
        certification_award_if_due(candidate=application.candidate, actor=by)


def application_approve_education(*, application: Application, by, reason: str) -> bool:
    """Staff accept education from outside the US; admits when already paid."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != ApplicationStatus.STAFF_REVIEW:
            return False
        application.education_approved = True
        application.record_decision(by, reason)
        application.save(
            update_fields=[
                "education_approved", "decision_reason", "decided_by", "decided_at"
            ]
        )  # fmt: skip
        audit_log(
            subject=application,
            action="application.education_approved",
            summary="Education outside the US accepted by staff",
            actor=by,
            owner=application.user,
            reason=reason,
        )
        if application_balance_cents(application) > 0:
            transitions.await_payment(application, by=by)
        else:
            _admit(application, by=by)
    return True


def application_reject(*, application: Application, by, reason: str) -> bool:
    """Refuse a submitted application, telling the applicant why and how to appeal;
    ``False`` when it is not submitted (a draft, or decided already)."""
    return transitions.reject.if_allowed(application, by=by, reason=reason) is not None


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
        application.fee_cents = current_fee_cents(application)
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
