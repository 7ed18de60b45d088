"""A set achieved by course or by recognition agreement has its verified source
(``check_data``)."""

from django.db.models import OuterRef

from candidates.enums import AchievementMethod
from candidates.invariants import unsourced_achievements
from lssc.core.invariants import register_invariant

from .models import Completion, RecognitionClaim, ReviewState


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
    yield from unsourced_achievements(
        invariant,
        AchievementMethod.COURSE,
        verified,
        "verified completion of an approved course of the set",
    )


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
    yield from unsourced_achievements(
        invariant,
        AchievementMethod.RECOGNITION,
        verified,
        "verified recognition claim covering the set",
    )
