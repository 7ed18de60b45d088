"""The states of course applications, completions and recognition claims, and the
named transitions between them.

A provider's application is submitted (awaiting payment), paid (in review), then
approved, not approved, or sent back for changes and submitted again straight to
review. It may be withdrawn until it is in review; an upheld appeal of a refusal
puts it back in review. A completion or a recognition claim waits for staff (or,
for a completion, the provider's roster) to verify it or not.

Services check what the person asked for and call these; payments call
``mark_paid.if_allowed`` and appeals call ``reopen`` through the registrations in
``apps.py`` and ``appeals.py``. ``manage.py state_diagrams`` draws the machines.
"""

from django.utils import timezone

from candidates.certification import achievement_record
from candidates.enums import AchievementMethod
from lssc.appeals.deadlines import last_day_to_appeal
from lssc.audit.transitions import StateMachine
from lssc.core.program import rules
from lssc.notifications.services import mail_queue
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payment_cancel, payments_for

from .errors import CourseError
from .fees import next_fee_position
from .models import (
    COURSE_FIELDS,
    WITHDRAWABLE_STATES,
    ApplicationStatus,
    Completion,
    Course,
    CourseApplication,
    CourseApproval,
    RecognitionClaim,
    ReviewState,
)
from .providers import mail_provider
from .rules import approval_expires_on

# --- Course applications -------------------------------------------------------------

applications = StateMachine(
    CourseApplication,
    "status",
    owner=lambda application: application.created_by,
    error=CourseError,
    # The application only is locked: PostgreSQL cannot lock the nullable side of
    # the outer join to competency_set.
    select_related=("provider", "competency_set", "created_by"),
    noun="application",
)


@applications.transition(
    source=ApplicationStatus.DRAFT,
    target=ApplicationStatus.AWAITING_PAYMENT,
    action="course_application.submitted",
    summary="{obj} submitted",
    verb="submitted",
)
def submit(change):
    """A new course takes the provider's next fee position (call with the provider
    row locked); a renewal has its own fee."""
    application = change.obj
    application.submitted_at = timezone.now()
    if application.fee_position is None and not application.is_renewal:
        application.fee_position = next_fee_position(application.provider)


@applications.transition(
    source=ApplicationStatus.CHANGES_REQUESTED,
    target=ApplicationStatus.IN_REVIEW,
    action="course_application.submitted",
    summary="{obj} submitted",
    verb="submitted",
)
def resubmit(change):
    """Already paid: the changes go straight back to the reviewers."""
    application = change.obj
    application.submitted_at = application.in_review_since = timezone.now()


@applications.transition(
    source=ApplicationStatus.AWAITING_PAYMENT,
    target=ApplicationStatus.IN_REVIEW,
    action="course_application.in_review",
    summary="{obj} paid and sent for review",
    verb="sent for review",
)
def mark_paid(change):
    """The fee arrived. Payments call ``mark_paid.if_allowed``: a confirmation
    repeated finds the application in review already and does nothing."""
    application = change.obj
    application.paid_at = application.in_review_since = timezone.now()
    mail_provider(
        application.provider,
        f"course-application-received:{application.pk}",
        "course_application_received",
        {"application": application},
    )


@applications.transition(
    source=WITHDRAWABLE_STATES,
    target=ApplicationStatus.WITHDRAWN,
    action="course_application.withdrawn",
    summary="{obj} withdrawn",
    verb="withdrawn",
)
def withdraw(change):
    """The payment started for it, if any, is cancelled."""
    for payment in payments_for(change.obj).filter(status=PaymentStatus.PENDING):
        payment_cancel(payment=payment, actor=change.by, reason="Application withdrawn")


def _decide(change):
    """Stamp the decision (``reason``: what the provider is told)."""
    change.obj.record_decision(change.by, change.reason)


@applications.transition(
    source=ApplicationStatus.IN_REVIEW,
    target=ApplicationStatus.APPROVED,
    action="course_application.approved",
    summary="{obj} approved",
    verb="approved",
)
def approve(change):
    """Approve for COURSE_APPROVAL_YEARS from today; a renewal extends its course."""
    application = change.obj
    _decide(change)
    years = rules().COURSE_APPROVAL_YEARS
    today = timezone.localdate()
    values = {field: getattr(application, field) for field in COURSE_FIELDS}
    course = application.renewal_of
    start = today
    if course is None:
        course = Course.objects.create(
            provider=application.provider,
            competency_set=application.competency_set,
            first_approved_on=today,
            approved_on=today,
            expires_on=approval_expires_on(today, years),
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
        course.expires_on = approval_expires_on(start, years)
        course.lapse_recorded_at = None
        course.save()
    application.course = course
    CourseApproval.objects.create(
        course=course,
        application=application,
        starts_on=start,
        expires_on=course.expires_on,
        approved_by=change.by,
    )
    mail_provider(
        application.provider,
        f"course-application-decided:{application.pk}",
        "course_application_approved",
        {"application": application, "course": course},
    )


@applications.transition(
    source=ApplicationStatus.IN_REVIEW,
    target=ApplicationStatus.REJECTED,
    action="course_application.rejected",
    summary="{obj} not approved",
    verb="refused",
)
def reject(change):
    application = change.obj
    _decide(change)
    mail_provider(
        application.provider,
        f"course-application-decided:{application.pk}",
        "course_application_rejected",
        {
            "application": application,
            "appeal_last_day": last_day_to_appeal(application.decided_at),
        },
    )


@applications.transition(
    source=ApplicationStatus.IN_REVIEW,
    target=ApplicationStatus.CHANGES_REQUESTED,
    action="course_application.changes_requested",
    summary="Changes requested to {obj}",
    verb="sent back for changes",
)
def request_changes(change):
    application = change.obj
    _decide(change)
    # Each request is its own mail: a provider may be asked more than once. The
    # count includes the history row this change's save is about to write.
    count = application.history.filter(
        status=ApplicationStatus.CHANGES_REQUESTED
    ).count()
    mail_provider(
        application.provider,
        f"course-application-changes:{application.pk}:{count + 1}",
        "course_application_changes",
        {"application": application},
    )


@applications.transition(
    source=ApplicationStatus.REJECTED,
    target=ApplicationStatus.IN_REVIEW,
    action="course_application.reopened",
    summary="{obj} back in review",
    verb="reopened",
)
def reopen(change, *, appeal):
    """The CPC upheld an appeal of the refusal (``reason``: its decision): back to
    review, the fee being paid, for the reviewers to decide again as it directs."""
    application = change.obj
    application.in_review_since = timezone.now()
    change.summary = f"{application} back in review: appeal {appeal.reference} upheld"


# --- Completions and recognition claims -----------------------------------------------

completions = StateMachine(
    Completion,
    "state",
    owner=lambda completion: completion.candidate.user,
    error=CourseError,
    select_related=("candidate__user", "course__competency_set"),
    noun="completion",
)
claims = StateMachine(
    RecognitionClaim,
    "state",
    owner=lambda claim: claim.candidate.user,
    error=CourseError,
    select_related=("candidate__user", "agreement"),
    noun="recognition claim",
)


def _tell(change, key: str, template: str, context: dict) -> None:
    """Stamp the decision and tell the candidate, once (``key``)."""
    record = change.obj
    record.record_decision(change.by, change.reason)
    mail_queue(
        key=f"{key}:{record.pk}",
        to=record.candidate.user.email,
        template=template,
        context=context,
    )


def _achieve(candidate, competency_sets, method, note) -> list:
    """Record each set not achieved yet; returns the sets newly achieved."""
    return [
        competency_set
        for competency_set in competency_sets
        if achievement_record(
            candidate=candidate,
            competency_set=competency_set,
            method=method,
            note=note,
        )
    ]


@completions.transition(
    source=ReviewState.PENDING,
    target=ReviewState.VERIFIED,
    action="completion.verified",
    summary=lambda completion: f"Completion of {completion.course.title} verified",
    verb="verified",
)
def verify_completion(change, *, roster=False):
    """Achieves the course's set unless it is achieved already; ``roster``: the
    provider confirmed it, which stands for the signed form."""
    completion = change.obj
    if not roster and not completion.form:
        raise CourseError(
            "There is no signed completion form yet: wait for it, or for the "
            "provider to confirm the candidate on its roster."
        )
    course = completion.course
    completion.confirmed_by_provider = roster
    achieved = _achieve(
        completion.candidate,
        [course.competency_set],
        AchievementMethod.COURSE,
        note=f"{course.title}, completed {completion.completed_on:%Y-%m-%d}",
    )
    if roster:
        change.summary = (
            f"Completion of {course.title} confirmed on the provider's roster"
        )
    _tell(change, "completion.verified", "completion_verified",
          {"completion": completion, "achieved": achieved})  # fmt: skip


@completions.transition(
    source=ReviewState.PENDING,
    target=ReviewState.REJECTED,
    action="completion.rejected",
    summary=lambda completion: f"Completion of {completion.course.title} not accepted",
    verb="refused",
)
def reject_completion(change):
    """``reason``: why, as the candidate is told, with the last day to appeal."""
    _tell(
        change,
        "completion.rejected",
        "completion_rejected",
        {
            "completion": change.obj,
            "appeal_last_day": last_day_to_appeal(timezone.now()),
        },
    )


@claims.transition(
    source=ReviewState.PENDING,
    target=ReviewState.VERIFIED,
    action="recognition_claim.verified",
    summary="Graduation from {obj.agreement} verified",
    verb="verified",
)
def verify_claim(change):
    """Every set the agreement covers is achieved (those not achieved yet);
    ``newly_achieved`` on the record returned lists them."""
    claim = change.obj
    claim.newly_achieved = _achieve(
        claim.candidate,
        list(claim.agreement.competency_sets.all()),
        AchievementMethod.RECOGNITION,
        note=str(claim.agreement),
    )
    _tell(change, "recognition_claim.verified", "recognition_verified",
          {"claim": claim, "achieved": claim.newly_achieved})  # fmt: skip


@claims.transition(
    source=ReviewState.PENDING,
    target=ReviewState.REJECTED,
    action="recognition_claim.rejected",
    summary="Claim of graduation from {obj.agreement} not accepted",
    verb="refused",
)
def reject_claim(change):
    """``reason``: why, as the candidate is told."""
    _tell(change, "recognition_claim.rejected", "recognition_rejected",
          {"claim": change.obj})  # fmt: skip
