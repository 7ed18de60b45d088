"""The CAR's view of course completions and recognition claims awaiting verification.
A verified one is reported by its ``Achievement``."""

from candidates.progress import SetProgress, SetStatus

from .models import Completion, RecognitionClaim, ReviewState


def course_progress(candidates) -> dict:
    found = {}
    completions = Completion.objects.filter(
        candidate__in=candidates, state=ReviewState.PENDING
    ).values_list("candidate_id", "course__competency_set_id", "created_at")
    for candidate_id, set_id, created_at in completions:
        found[(candidate_id, set_id)] = SetProgress(
            status=SetStatus.SUBMITTED,
            on=created_at.date(),
            detail="Course completion waiting for verification",
        )
    claims = RecognitionClaim.objects.filter(
        candidate__in=candidates, state=ReviewState.PENDING
    ).values_list("candidate_id", "agreement__competency_sets", "created_at")
    for candidate_id, set_id, created_at in claims:
        found[(candidate_id, set_id)] = SetProgress(
            status=SetStatus.SUBMITTED,
            on=created_at.date(),
            detail="Program graduation waiting for verification",
        )
    return found
