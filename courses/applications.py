"""What providers and staff do with course applications: start one (or a renewal),
save the draft, submit, pay, withdraw, and the staff's decisions.

These check what the person asked for; each change of state is a named transition in
``courses.transitions``, which locks the application, audits and mails.
"""

from django.db import transaction

from lssc.audit.services import audit_log
from lssc.audit.transitions import TransitionNotAllowed
from lssc.payments.checkout import pay_for

from . import transitions
from .errors import CourseError
from .fees import fee_kind
from .models import (
    APPLICATION_FIELDS,
    ApplicationStatus,
    Course,
    CourseApplication,
    CourseApproval,
    Coverage,
    Instructor,
    Provider,
)


def application_start(*, provider: Provider, by, renewal_of: Course | None = None):
    """A new draft; a renewal is prefilled from the application approved last."""
    with transaction.atomic():
        if renewal_of is None:
            application = CourseApplication.objects.create(
                provider=provider, created_by=by
            )
        else:
            application = _renewal_draft(provider, renewal_of, by)
        _audit_started(application, by)
    return application


def application_create(*, provider: Provider, by, forms, coverage: dict[int, str]):
    """A new course's application, saved from its first valid post.

    ``forms`` are the form and formsets of an unsaved application (as
    ``application_save_draft`` takes them): nothing exists until the provider
    saves, so opening the blank form and leaving it leaves no empty draft.
    """
    form, *formsets = forms
    with transaction.atomic():
        application = form.save(commit=False)
        application.provider = provider
        application.created_by = by
        application.save()
        form.save_m2m()
        for formset in formsets:
            formset.instance = application
            formset.save()
        _coverage_save(application, coverage)
        _audit_started(application, by)
    return application


def _audit_started(application, by) -> None:
    audit_log(
        subject=application,
        action="course_application.started",
        summary=f"{application} started",
        actor=by,
        owner=by,
        to_state=application.status,
    )


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


def application_save_draft(*, application, forms, coverage: dict[int, str]) -> None:
    """Save the form as it stands (``forms``: the application's valid form and
    formsets; ``coverage``: where each competency of the chosen set is taught).

    Refused once the application left the provider's hands (submitted from another
    tab, say): the draft then is no longer theirs to change.
    """
    with transaction.atomic():
        locked = CourseApplication.objects.select_for_update().get(pk=application.pk)
        if not locked.is_editable:
            raise CourseError("This application was submitted already.")
        for form in forms:
            form.save()
        _coverage_save(application, coverage)


def _coverage_save(application, coverage: dict[int, str]) -> None:
    """Keep what is written for the chosen set; forget another set's boxes."""
    application.coverage.exclude(competency_id__in=list(coverage)).delete()
    for competency_id, text in coverage.items():
        if text.strip():
            Coverage.objects.update_or_create(
                application=application,
                competency_id=competency_id,
                defaults={"where_taught": text.strip()},
            )
        else:
            application.coverage.filter(competency_id=competency_id).delete()


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
        # Fee positions are counted per provider: its submissions one at a time.
        Provider.objects.select_for_update().get(pk=application.provider_id)
        application = transitions.applications.lock(application)
        if not application.is_editable:
            raise CourseError("This application has been submitted already.")
        if gaps := application_gaps(application):
            raise CourseError(
                "The application is not complete yet: " + " ".join(gaps[:3])
            )
        if application.status == ApplicationStatus.CHANGES_REQUESTED:
            return transitions.resubmit(application, by=by)
        return transitions.submit(application, by=by)


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


def application_withdraw(*, application: CourseApplication, by) -> CourseApplication:
    try:
        return transitions.withdraw(application, by=by)
    except TransitionNotAllowed:
        raise CourseError("An application in review cannot be withdrawn.") from None


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise CourseError("Give a reason: it is sent to the provider.")
    return reason


# Staff decide an application in review; each returns a false value, changing
# nothing, when it is not in review any more (decided by a second click).


def application_approve(*, application, by, reason) -> CourseApproval | None:
    """Approve for COURSE_APPROVAL_YEARS from today; a renewal extends its course."""
    approved = transitions.approve.if_allowed(
        application.pk, by=by, reason=_reason(reason)
    )
    return approved.approval if approved is not None else None


def application_reject(*, application, by, reason) -> bool:
    rejected = transitions.reject.if_allowed(
        application.pk, by=by, reason=_reason(reason)
    )
    return rejected is not None


def application_request_changes(*, application, by, reason) -> bool:
    sent_back = transitions.request_changes.if_allowed(
        application.pk, by=by, reason=_reason(reason)
    )
    return sent_back is not None
