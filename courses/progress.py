"""The CAR's view of course completions and recognition claims awaiting verification.
A verified one is reported by its ``Achievement``."""

from django.db.models import CharField, F, Value

from candidates.progress import SetProgress, SetStatus

from .models import Completion, RecognitionClaim, ReviewState

_DETAIL = {
    "completion": "Course completion waiting for verification",
    "claim": "Program graduation waiting for verification",
}


def course_progress(candidates) -> dict:
    """Both kinds in one query (a UNION), so the CAR pays for one source."""
    completions = (
        Completion.objects.filter(candidate__in=candidates, state=ReviewState.PENDING)
        .values_list(
            "candidate_id",
            F("course__competency_set_id"),
            "created_at",
            Value("completion", output_field=CharField()),
        )
        .order_by()
    )
    claims = (
        RecognitionClaim.objects.filter(
            candidate__in=candidates, state=ReviewState.PENDING
        )
        .values_list(
            "candidate_id",
            F("agreement__competency_sets"),
            "created_at",
            Value("claim", output_field=CharField()),
        )
        .order_by()
    )
    return {
        (candidate_id, set_id): SetProgress(
            status=SetStatus.SUBMITTED, on=created_at.date(), detail=_DETAIL[kind]
        )
        for candidate_id, set_id, created_at, kind in completions.union(
            claims, all=True
        ).order_by()
    }
