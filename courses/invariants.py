"""A set achieved by course or by recognition agreement has its verified source
(``check_data``)."""

from django.db.models import Exists, OuterRef

from candidates.enums import AchievementMethod
from candidates.models import Achievement
from lssc.core.invariants import register_invariant

from .models import Completion, RecognitionClaim, ReviewState


def _unsourced(method, source):
    rows = Achievement.objects.filter(method=method).filter(~Exists(source))
    return rows.values_list("pk", "candidate_id", "competency_set__name").iterator(
        chunk_size=2000
    )


@register_invariant(
    "achievement-by-course",
    "a set achieved by course has a verified completion of an approved course of "
    "that set",
)
def achievement_by_course(invariant):
    # A course exists only once approved (``CourseApproval`` makes it).
    verified = Completion.objects.filter(
        candidate_id=OuterRef("candidate_id"),
        course__competency_set_id=OuterRef("competency_set_id"),
        state=ReviewState.VERIFIED,
        course__approvals__isnull=False,
    )
    for pk, candidate_id, name in _unsourced(AchievementMethod.COURSE, verified):
        yield invariant.violation(
            Achievement, pk,
            f"{name} of candidate {candidate_id} has no verified completion of an "
            "approved course of the set",
        )  # fmt: skip


@register_invariant(
    "achievement-by-recognition",
    "a set achieved by recognition has a verified claim whose agreement covers "
    "that set",
)
def achievement_by_recognition(invariant):
    verified = RecognitionClaim.objects.filter(
        candidate_id=OuterRef("candidate_id"),
        agreement__competency_sets=OuterRef("competency_set_id"),
        state=ReviewState.VERIFIED,
    )
    for pk, candidate_id, name in _unsourced(AchievementMethod.RECOGNITION, verified):
        yield invariant.violation(
            Achievement, pk,
            f"{name} of candidate {candidate_id} has no verified recognition claim "
            "covering the set",
        )  # fmt: skip
