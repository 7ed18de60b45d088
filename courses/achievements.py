"""Achieving sets without a portfolio: course completions and recognition claims.

A completion or claim is recorded by the candidate, then verified (or not) by staff;
a provider confirming a completion on its roster is a verification. Verification
records the ``Achievement``, which is final: a set achieved already stays as it was.
Neither is recorded once the candidacy's deadline has passed (what was recorded in
time is still decided).
The decisions are named transitions (``courses.transitions``); these functions check
what was asked first.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from candidates.candidacy import past_deadline_refusal
from candidates.models import Candidate
from lssc.audit.services import audit_log
from lssc.core.program import rules

from . import transitions
from .documents import document_name
from .errors import CourseError
from .models import (
    Completion,
    Course,
    RecognitionAgreement,
    RecognitionClaim,
    ReviewState,
)
from .rules import completion_counts, completion_window_opens


def completion_window(course: Course) -> tuple[datetime.date, datetime.date]:
    """The first and last completion dates the course's approvals accept, for the
    form's help text (approvals are contiguous when renewed in time)."""
    periods = list(course.approvals.values_list("starts_on", "expires_on"))
    retro = rules().COURSE_RETROACTIVE_YEARS
    first = min(completion_window_opens(start, retro) for start, _ in periods)
    return first, max(expires for _, expires in periods) - datetime.timedelta(days=1)


def completion_problem(course: Course, completed_on: datetime.date) -> str:
    """Why a completion on ``completed_on`` cannot count, or ``""`` when it can."""
    today = timezone.localdate()
    periods = list(course.approvals.values_list("starts_on", "expires_on"))
    if not periods:
        return "This course is not an approved course."
    if completed_on > today:
        return "The completion date cannot be in the future."
    if completion_counts(completed_on, periods, rules().COURSE_RETROACTIVE_YEARS):
        return ""
    first, _ = completion_window(course)
    if completed_on < first:
        return (
            f"This course counts only if completed on or after {first:%B %-d, %Y}: "
            f"no more than {rules().COURSE_RETROACTIVE_YEARS} years before it was "
            "approved."
        )
    # After an approval that ended (the last one, or one renewed only later).
    ended = max(e for _, e in periods if e <= completed_on) - datetime.timedelta(1)
    return (
        f"This course was approved through {ended:%B %-d, %Y}; a completion after "
        "that day does not count."
    )


def completion_record(
    *,
    candidate: Candidate,
    course: Course,
    completed_on,
    result: str,
    form=None,
    by=None,
) -> Completion:
    """Record a completion; it waits for the signed form's verification or the
    provider's roster confirmation. ``by`` is who records it when not the
    candidate (a roster imported)."""
    if problem := completion_problem(course, completed_on):
        raise CourseError(problem)
    if problem := past_deadline_refusal(
        candidate, "no new course completion can be recorded"
    ):
        raise CourseError(problem)
    with transaction.atomic():
        completion = Completion.objects.create(
            candidate=candidate,
            course=course,
            completed_on=completed_on,
            result=result.strip(),
        )
        if form is not None:
            _attach_form(completion, form)
        audit_log(
            subject=completion,
            action="completion.recorded",
            summary=f"Completion of {course.title} on {completed_on:%B %-d, %Y} "
            "recorded",
            actor=by or candidate.user,
            owner=candidate.user,
            to_state=completion.state,
        )
    return completion


def _attach_form(completion: Completion, upload) -> None:
    completion.form_name = document_name(upload)
    completion.form.save(completion.form_name, upload, save=False)
    completion.save(update_fields=["form", "form_name"])


def completion_attach_form(*, completion: Completion, form, by) -> None:
    with transaction.atomic():
        completion = Completion.objects.select_for_update().get(pk=completion.pk)
        if completion.state != ReviewState.PENDING:
            raise CourseError("This completion has been decided already.")
        _attach_form(completion, form)
        audit_log(
            subject=completion,
            action="completion.form_added",
            summary="Signed completion form uploaded",
            actor=by,
            owner=completion.candidate.user,
        )


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise CourseError("Give a reason: it is sent to the candidate.")
    return reason


# Staff (or the provider, on its roster) decide a pending completion or claim; each
# returns a false value, changing nothing, once it was decided (a second click).


def completion_verify(*, completion: Completion, by, roster=False) -> bool:
    """Verify once; achieves the course's set unless it is achieved already."""
    verified = transitions.verify_completion.if_allowed(
        completion.pk, by=by, roster=roster
    )
    return verified is not None


def completion_reject(*, completion: Completion, by, reason: str) -> bool:
    rejected = transitions.reject_completion.if_allowed(
        completion.pk, by=by, reason=_reason(reason)
    )
    return rejected is not None


def roster_confirm(*, completion: Completion, provider, by) -> bool:
    """A provider confirms a candidate who named one of its courses."""
    if completion.course.provider_id != provider.pk:
        raise CourseError("That completion names another provider's course.")
    return completion_verify(completion=completion, by=by, roster=True)


# --- Recognition agreements ---------------------------------------------------------


def claim_problem(agreement: RecognitionAgreement, graduated_on) -> str:
    if graduated_on > timezone.localdate():
        return "The graduation date cannot be in the future."
    if agreement.covers(graduated_on):
        return ""
    until = (
        f" to {agreement.effective_until:%B %-d, %Y}"
        if agreement.effective_until
        else " on"
    )
    return (
        f"The agreement with {agreement.college} covers graduates from "
        f"{agreement.effective_from:%B %-d, %Y}{until}; a graduation on "
        f"{graduated_on:%B %-d, %Y} is not covered."
    )


def claim_file(*, candidate, agreement, graduated_on, document) -> RecognitionClaim:
    if problem := claim_problem(agreement, graduated_on):
        raise CourseError(problem)
    if problem := past_deadline_refusal(
        candidate, "no new graduation claim can be filed"
    ):
        raise CourseError(problem)
    with transaction.atomic():
        if RecognitionClaim.objects.filter(
            candidate=candidate, agreement=agreement
        ).exclude(state=ReviewState.REJECTED):
            raise CourseError("You have claimed this program already.")
        claim = RecognitionClaim(
            candidate=candidate,
            agreement=agreement,
            graduated_on=graduated_on,
            document_name=document_name(document),
        )
        claim.document.save(claim.document_name, document, save=False)
        claim.save()
        audit_log(
            subject=claim,
            action="recognition_claim.filed",
            summary=f"Graduation from {agreement} claimed",
            actor=candidate.user,
            owner=candidate.user,
            to_state=claim.state,
        )
    return claim


def claim_verify(*, claim: RecognitionClaim, by) -> list | None:
    """Verify once: every covered set is achieved; returns the sets newly achieved."""
    verified = transitions.verify_claim.if_allowed(claim.pk, by=by)
    return verified.newly_achieved if verified is not None else None


def claim_reject(*, claim: RecognitionClaim, by, reason: str) -> bool:
    rejected = transitions.reject_claim.if_allowed(
        claim.pk, by=by, reason=_reason(reason)
    )
    return rejected is not None
