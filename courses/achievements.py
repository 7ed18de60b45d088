"""Achieving sets without a portfolio: course completions and recognition claims.

A completion or claim is recorded by the candidate, then verified (or not) by staff;
a provider confirming a completion on its roster is a verification. Verification
records the ``Achievement``, which is final: a set achieved already stays as it was.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from candidates.certification import achievement_record
from candidates.enums import AchievementMethod
from candidates.models import Candidate
from lssc.audit.services import audit_log
from lssc.core.program import rules
from lssc.notifications.services import mail_queue

from .documents import document_name
from .models import (
    Completion,
    Course,
    RecognitionAgreement,
    RecognitionClaim,
    ReviewState,
)
from .rules import completion_counts, completion_window_opens
from .services import CourseError


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
        f"This course's approval ended on {ended:%B %-d, %Y}; a completion after that "
        "date does not count."
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


def _lock_pending(model, pk, *related):
    """The record, locked; ``None`` when it was decided already (a second click)."""
    record = (
        model.objects.select_for_update(of=("self",))
        .select_related("candidate__user", *related)
        .get(pk=pk)
    )
    return record if record.state == ReviewState.PENDING else None


def _decide(record, *, state, by, action, summary, template, context, reason=""):
    """Stamp the decision on a pending completion or claim, audit it, tell the
    candidate."""
    record.state = state
    record.decided_by = by
    record.decided_at = timezone.now()
    record.reason = reason
    record.save()
    audit_log(
        subject=record,
        action=action,
        summary=summary,
        actor=by,
        owner=record.candidate.user,
        from_state=ReviewState.PENDING,
        to_state=state,
        reason=reason,
    )
    mail_queue(
        key=f"{action}:{record.pk}",
        to=record.candidate.user.email,
        template=template,
        context=context,
    )


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise CourseError("Give a reason: it is sent to the candidate.")
    return reason


def completion_verify(*, completion: Completion, by, roster=False) -> bool:
    """Verify once; achieves the course's set unless it is achieved already."""
    with transaction.atomic():
        completion = _lock_pending(Completion, completion.pk, "course__competency_set")
        if completion is None:
            return False
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
        how = "confirmed on the provider's roster" if roster else "verified"
        _decide(
            completion,
            state=ReviewState.VERIFIED,
            by=by,
            action="completion.verified",
            summary=f"Completion of {course.title} {how}",
            template="completion_verified",
            context={"completion": completion, "achieved": achieved},
        )
    return True


def completion_reject(*, completion: Completion, by, reason: str) -> bool:
    reason = _reason(reason)
    with transaction.atomic():
        completion = _lock_pending(Completion, completion.pk, "course")
        if completion is None:
            return False
        _decide(
            completion,
            state=ReviewState.REJECTED,
            by=by,
            action="completion.rejected",
            summary=f"Completion of {completion.course.title} not accepted",
            template="completion_rejected",
            context={"completion": completion},
            reason=reason,
        )
    return True


def roster_confirm(*, completion: Completion, provider, by) -> bool:
    """A provider confirms a candidate who named one of its courses."""
    if completion.course.provider_id != provider.pk:
        raise CourseError("That completion names another provider's course.")
    return completion_verify(completion=completion, by=by, roster=True)


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
    with transaction.atomic():
        claim = _lock_pending(RecognitionClaim, claim.pk, "agreement")
        if claim is None:
            return None
        achieved = _achieve(
            claim.candidate,
            list(claim.agreement.competency_sets.all()),
            AchievementMethod.RECOGNITION,
            note=str(claim.agreement),
        )
        _decide(
            claim,
            state=ReviewState.VERIFIED,
            by=by,
            action="recognition_claim.verified",
            summary=f"Graduation from {claim.agreement} verified",
            template="recognition_verified",
            context={"claim": claim, "achieved": achieved},
        )
    return achieved


def claim_reject(*, claim: RecognitionClaim, by, reason: str) -> bool:
    reason = _reason(reason)
    with transaction.atomic():
        claim = _lock_pending(RecognitionClaim, claim.pk, "agreement")
        if claim is None:
            return False
        _decide(
            claim,
            state=ReviewState.REJECTED,
            by=by,
            action="recognition_claim.rejected",
            summary=f"Claim of graduation from {claim.agreement} not accepted",
            template="recognition_rejected",
            context={"claim": claim},
            reason=reason,
        )
    return True
