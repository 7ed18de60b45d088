"""Every change to providers, course applications and approvals, as named transitions.

Each runs in a transaction, locks what it changes, records who did what in the audit
trail and queues mail after commit. Completions and recognition claims are in
``courses.achievements``.
"""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.audit.services import audit_log
from lssc.core.errors import DomainError
from lssc.core.program import rules
from lssc.notifications.reminders import Due, remind_each, stage
from lssc.notifications.services import mail_queue
from lssc.payments.checkout import pay_for
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payments_for

from .fees import fee_kind, next_fee_position
from .models import (
    WITHDRAWABLE_STATES,
    ApplicationStatus,
    Course,
    CourseApplication,
    CourseApproval,
    Coverage,
    Instructor,
    Provider,
    ProviderContact,
)
from .rules import approval_expires_on


class CourseError(DomainError):
    """A change the rules do not allow; the message tells the person why."""


# Fields copied from an application to its course, and into a renewal.
COURSE_FIELDS = (
    "title",
    "description",
    "format",
    "delivery",
    "pacing",
    "length",
    "length_unit",
)
APPLICATION_FIELDS = (
    *COURSE_FIELDS,
    "competency_set",
    "assessment",
    "completion_certification",
)


# --- Providers -------------------------------------------------------------------


def provider_of(user) -> Provider | None:
    contact = ProviderContact.objects.filter(user=user).select_related("provider")
    contact = contact.first()
    return contact.provider if contact else None


def provider_register(*, user, name, type, state, website="") -> Provider:
    """A signed-in person registers their organisation and becomes its contact."""
    with transaction.atomic():
        if ProviderContact.objects.filter(user=user).exists():
            raise CourseError("You already act for a provider.")
        provider = Provider.objects.create(
            name=name, type=type, state=state, website=website
        )
        ProviderContact.objects.create(provider=provider, user=user)
        audit_log(
            subject=provider,
            action="provider.registered",
            summary=f"Provider {provider.name} registered by {user.email}",
            actor=user,
            owner=user,
        )
    return provider


def provider_add_contact(*, provider: Provider, email: str, by) -> ProviderContact:
    """Let another person with an account act for the provider."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise CourseError(
            "No account uses that address. Ask them to create an account first, "
            "then add them again."
        )
    with transaction.atomic():
        if ProviderContact.objects.filter(user=user).exists():
            raise CourseError(f"{user.email} already acts for a provider.")
        contact = ProviderContact.objects.create(provider=provider, user=user)
        audit_log(
            subject=provider,
            action="provider.contact_added",
            summary=f"{user.email} added as a contact of {provider.name}",
            actor=by,
            owner=user,
        )
    return contact


def _provider_emails(provider: Provider) -> list[str]:
    return sorted(provider.contacts.values_list("user__email", flat=True))


def _mail_provider(provider, key, template, context):
    for email in _provider_emails(provider):
        mail_queue(
            key=f"{key}:{email}",
            to=email,
            template=template,
            context={"provider": provider, **context},
        )


# --- Applications ----------------------------------------------------------------


def application_start(*, provider: Provider, by, renewal_of: Course | None = None):
    """A new draft; a renewal is prefilled from the application approved last."""
    with transaction.atomic():
        if renewal_of is None:
            application = CourseApplication.objects.create(
                provider=provider, created_by=by
            )
        else:
            application = _renewal_draft(provider, renewal_of, by)
        audit_log(
            subject=application,
            action="course_application.started",
            summary=f"{application} started",
            actor=by,
            owner=by,
            to_state=application.status,
        )
    return application


def _renewal_draft(provider, course, by) -> CourseApplication:
    if course.provider_id != provider.pk:
        raise CourseError("Only the course's provider can renew it.")
    open_renewal = course.renewal_applications.exclude(
        status__in=[
            ApplicationStatus.APPROVED,
            ApplicationStatus.REJECTED,
            ApplicationStatus.WITHDRAWN,
        ]
    ).first()
    if open_renewal is not None:
        return open_renewal
    last = course.approvals.select_related("application").last().application
    application = CourseApplication.objects.create(
        provider=provider,
        renewal_of=course,
        created_by=by,
        **{field: getattr(last, field) for field in APPLICATION_FIELDS},
    )
    Coverage.objects.bulk_create(
        Coverage(application=application, competency_id=c.competency_id,
                 where_taught=c.where_taught)
        for c in last.coverage.all()
    )  # fmt: skip
    Instructor.objects.bulk_create(
        Instructor(application=application, name=i.name,
                   qualifications=i.qualifications)
        for i in last.instructors.all()
    )  # fmt: skip
    return application


def application_gaps(application: CourseApplication) -> list[str]:
    """What stops the application from being submitted, in the form's words."""
    gaps = []
    labels = {
        "title": "the course title",
        "description": "a description",
        "competency_set": "the competency set it teaches",
        "format": "the format",
        "delivery": "how it is delivered",
        "pacing": "whether it is synchronous or asynchronous",
        "length": "its length",
        "length_unit": "whether the length is in weeks or contact hours",
        "assessment": "how learning is assessed",
        "completion_certification": "how you certify completion",
    }
    for field, label in labels.items():
        if getattr(application, field) in (None, ""):
            gaps.append(f"Give {label}.")
    if application.competency_set_id:
        covered = {
            c.competency_id
            for c in application.coverage.all()
            if c.where_taught.strip()
        }
        missing = [
            c
            for c in application.competency_set.competencies.all()
            if c.pk not in covered
        ]
        for competency in missing:
            gaps.append(f"Say where the course teaches competency {competency.number}.")
    if not application.instructors.exists():
        gaps.append("Name at least one instructor and their qualifications.")
    if not application.offerings.exists():
        gaps.append("Plan at least one offering.")
    return gaps


def application_submit(*, application: CourseApplication, by) -> CourseApplication:
    """Send a complete application for payment (or, after changes, back to review)."""
    with transaction.atomic():
        provider = Provider.objects.select_for_update().get(pk=application.provider_id)
        application = CourseApplication.objects.select_for_update().get(
            pk=application.pk
        )
        if not application.is_editable:
            raise CourseError("This application has been submitted already.")
        if gaps := application_gaps(application):
            raise CourseError(
                "The application is not complete yet: " + " ".join(gaps[:3])
            )
        previous = application.status
        application.submitted_at = timezone.now()
        if previous == ApplicationStatus.CHANGES_REQUESTED:
            # Already paid: the changes go straight back to the reviewers.
            application.status = ApplicationStatus.IN_REVIEW
            application.in_review_since = timezone.now()
        else:
            if application.fee_position is None and not application.is_renewal:
                application.fee_position = next_fee_position(provider)
            application.status = ApplicationStatus.AWAITING_PAYMENT
        application.save()
        _audit(application, by, "submitted", f"{application} submitted", previous)
    return application


def application_fee_cents(application: CourseApplication) -> int:
    from lssc.fees.services import fee_for

    return fee_for(
        fee_kind(application), item=application.fee_position or 1
    ).amount_cents


def application_pay(*, application, payer, method, institution="", return_url=None):
    """Start paying the approval fee; returns ``(payment, redirect_url)``."""
    with transaction.atomic():
        application = CourseApplication.objects.select_for_update().get(
            pk=application.pk
        )
        if application.status != ApplicationStatus.AWAITING_PAYMENT:
            raise CourseError("This application is not waiting for a payment.")
        return pay_for(
            purpose=application,
            payer=payer,
            method=method,
            kind=fee_kind(application),
            item=application.fee_position or 1,
            description=f"Course approval {application.reference}: {application.title}",
            institution=institution,
            return_url=return_url,
        )


def application_payment_received(*, application_id, actor=None) -> bool:
    """The fee arrived: the application goes to review, once."""
    application = CourseApplication.objects.select_for_update().get(pk=application_id)
    if application.status != ApplicationStatus.AWAITING_PAYMENT:
        return False
    application.status = ApplicationStatus.IN_REVIEW
    application.paid_at = application.in_review_since = timezone.now()
    application.save(update_fields=["status", "paid_at", "in_review_since"])
    _audit(
        application, actor, "in_review", f"{application} paid and sent for review",
        ApplicationStatus.AWAITING_PAYMENT,
    )  # fmt: skip
    _mail_provider(
        application.provider,
        f"course-application-received:{application.pk}",
        "course_application_received",
        {"application": application},
    )
    return True


def application_withdraw(*, application: CourseApplication, by) -> CourseApplication:
    with transaction.atomic():
        application = CourseApplication.objects.select_for_update().get(
            pk=application.pk
        )
        if application.status not in WITHDRAWABLE_STATES:
            raise CourseError("An application in review cannot be withdrawn.")
        for payment in payments_for(application).filter(status=PaymentStatus.PENDING):
            from lssc.payments.services import payment_cancel

            payment_cancel(payment=payment, actor=by, reason="Application withdrawn")
        previous = application.status
        application.status = ApplicationStatus.WITHDRAWN
        application.save(update_fields=["status", "updated_at"])
        _audit(application, by, "withdrawn", f"{application} withdrawn", previous)
    return application


def _decide(application_id, *, by, reason, to_state, summary):
    """Lock an application in review and stamp the decision; ``None`` if it is not
    in review any more (a second click)."""
    reason = reason.strip()
    if not reason:
        raise CourseError("Give a reason: it is sent to the provider.")
    application = (
        # Lock the application only: PostgreSQL cannot lock the nullable side of
        # the outer join to competency_set.
        CourseApplication.objects.select_for_update(of=("self",))
        .select_related("provider", "competency_set")
        .get(pk=application_id)
    )
    if application.status != ApplicationStatus.IN_REVIEW:
        return None
    application.status = to_state
    application.decided_by = by
    application.decided_at = timezone.now()
    application.decision_reason = reason
    application.save()
    _audit(
        application, by, to_state, summary.format(application=application),
        ApplicationStatus.IN_REVIEW, reason,
    )  # fmt: skip
    return application


def application_approve(*, application, by, reason) -> CourseApproval | None:
    """Approve for COURSE_APPROVAL_YEARS from today; a renewal extends its course."""
    with transaction.atomic():
        application = _decide(
            application.pk, by=by, reason=reason,
            to_state=ApplicationStatus.APPROVED, summary="{application} approved",
        )  # fmt: skip
        if application is None:
            return None
        today = timezone.localdate()
        expires_on = approval_expires_on(today, rules().COURSE_APPROVAL_YEARS)
        values = {field: getattr(application, field) for field in COURSE_FIELDS}
        course = application.renewal_of
        start = today
        if course is None:
            course = Course.objects.create(
                provider=application.provider,
                competency_set=application.competency_set,
                first_approved_on=today,
                approved_on=today,
                expires_on=expires_on,
                **values,
            )
        else:
            course = Course.objects.select_for_update().get(pk=course.pk)
            # A renewal approved before the lapse runs on from the old expiry, so
            # renewing early never shortens the approval.
            start = max(today, course.expires_on) if course.is_approved() else today
            for field, value in values.items():
                setattr(course, field, value)
            # Renewed early, approved_on stays: a future date there would take the
            # course out of the catalog until the old expiry.
            if start == today:
                course.approved_on = start
            course.expires_on = approval_expires_on(
                start, rules().COURSE_APPROVAL_YEARS
            )
            course.lapse_recorded_at = None
            course.save()
        application.course = course
        application.save(update_fields=["course"])
        approval = CourseApproval.objects.create(
            course=course,
            application=application,
            starts_on=start,
            expires_on=course.expires_on,
            approved_by=by,
        )
        _mail_provider(
            application.provider,
            f"course-application-decided:{application.pk}",
            "course_application_approved",
            {"application": application, "course": course},
        )
    return approval


def application_reject(*, application, by, reason) -> bool:
    with transaction.atomic():
        application = _decide(
            application.pk, by=by, reason=reason,
            to_state=ApplicationStatus.REJECTED, summary="{application} not approved",
        )  # fmt: skip
        if application is None:
            return False
        _mail_provider(
            application.provider,
            f"course-application-decided:{application.pk}",
            "course_application_rejected",
            {"application": application},
        )
    return True


def application_request_changes(*, application, by, reason) -> bool:
    with transaction.atomic():
        application = _decide(
            application.pk, by=by, reason=reason,
            to_state=ApplicationStatus.CHANGES_REQUESTED,
            summary="Changes requested to {application}",
        )  # fmt: skip
        if application is None:
            return False
        # Each request is its own mail: a provider may be asked more than once.
        count = application.history.filter(
            status=ApplicationStatus.CHANGES_REQUESTED
        ).count()
        _mail_provider(
            application.provider,
            f"course-application-changes:{application.pk}:{count}",
            "course_application_changes",
            {"application": application},
        )
    return True


def _audit(application, actor, action, summary, previous, reason=""):
    audit_log(
        subject=application,
        action=f"course_application.{action}",
        summary=summary,
        actor=actor,
        owner=application.created_by,
        from_state=previous,
        to_state=application.status,
        reason=reason,
    )


# --- Lapses and reminders -----------------------------------------------------------


def approvals_lapse(today=None) -> int:
    """Record, once each, the courses whose approval ended; the catalog already
    hides them by date, so this only audits and tells the provider."""
    today = today or timezone.localdate()
    lapsed = 0
    due = Course.objects.filter(expires_on__lte=today, lapse_recorded_at=None)
    for course_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            course = (
                Course.objects.select_for_update(of=("self",))
                .select_related("provider")
                .get(pk=course_id)
            )
            if course.lapse_recorded_at is not None or course.expires_on > today:
                continue
            course.lapse_recorded_at = timezone.now()
            course.save(update_fields=["lapse_recorded_at"])
            audit_log(
                subject=course,
                action="course.lapsed",
                summary=f"Approval of {course.title} lapsed on "
                f"{course.expires_on:%B %-d, %Y}",
                from_state="approved",
                to_state="lapsed",
            )
            _mail_provider(
                course.provider,
                f"course-lapsed:{course.pk}:{course.expires_on}",
                "course_lapsed",
                {"course": course},
            )
            lapsed += 1
    return lapsed


def approval_reminders(today=None) -> int:
    """Tell providers COURSE_LAPSE_REMINDER_DAYS before an approval lapses, once per
    approval and lead time; an approval already renewed is not the course's latest
    and is passed over. Returns how many approvals were reminded."""
    today = today or timezone.localdate()
    days = sorted(rules().COURSE_LAPSE_REMINDER_DAYS, reverse=True)
    approvals = CourseApproval.objects.filter(
        expires_on__gt=today,
        expires_on__lte=today + datetime.timedelta(days=days[0]),
        course__expires_on=F("expires_on"),
    ).select_related("course__provider")
    due = []
    for approval in approvals:
        kind = stage(
            today,
            [
                (approval.expires_on - datetime.timedelta(days=d), f"course_lapse_{d}d")
                for d in days
            ],
        )
        course = approval.course
        due.extend(
            Due(approval, kind, approval.expires_on, email, "course_lapse_reminder",
                {"course": course, "provider": course.provider,
                 "days": (approval.expires_on - today).days})
            for email in _provider_emails(course.provider)
        )  # fmt: skip
    return len({item.subject.pk for item in remind_each(due)})


def waiting_applications_reminder(today=None) -> int:
    """Tell the Program Officer and the CRC, once a day, of the applications in review
    for more than COURSE_REVIEW_WAITING_DAYS."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=rules().COURSE_REVIEW_WAITING_DAYS)
    waiting = list(
        CourseApplication.objects.filter(
            status=ApplicationStatus.IN_REVIEW, in_review_since__date__lt=cutoff
        )
        .select_related("provider")
        .order_by("in_review_since")
    )
    if not waiting:
        return 0
    for email in staff_emails(StaffGroup.PROGRAM_OFFICER, StaffGroup.REVIEW_COMMITTEE):
        mail_queue(
            key=f"course-applications-waiting:{today}:{email}",
            to=email,
            template="course_applications_waiting",
            context={
                "applications": waiting,
                "days": rules().COURSE_REVIEW_WAITING_DAYS,
            },
        )
    return len(waiting)


def application_reopen_on_appeal(*, application_id, actor, appeal) -> bool:
    """The CPC upheld an appeal of a rejection: the application goes back to review
    (its fee was paid), for the reviewers to decide again as the CPC directs."""
    application = CourseApplication.objects.select_for_update().get(pk=application_id)
    if application.status != ApplicationStatus.REJECTED:
        return False
    application.status = ApplicationStatus.IN_REVIEW
    application.in_review_since = timezone.now()
    application.save(update_fields=["status", "in_review_since", "updated_at"])
    _audit(
        application, actor, "reopened",
        f"{application} back in review: appeal {appeal.reference} upheld",
        ApplicationStatus.REJECTED, appeal.decision,
    )  # fmt: skip
    return True
