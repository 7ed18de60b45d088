"""Course work waiting for staff and the CRC."""

from lssc.core.worklist import Queue, register

from .models import (
    ApplicationStatus,
    Completion,
    CourseApplication,
    RecognitionClaim,
    ReviewState,
)


def register_queues():
    group = "Courses and agreements"
    register(
        Queue(
            "Course applications in review",
            lambda: CourseApplication.objects.filter(
                status=ApplicationStatus.IN_REVIEW
            ),
            "in_review_since",
            "admin:courses_courseapplication_changelist",
            "?status__exact=in_review",
            "courses.view_courseapplication",
            group,
        )
    )
    register(
        Queue(
            "Course completions to verify",
            lambda: Completion.objects.filter(state=ReviewState.PENDING),
            "created_at",
            "admin:courses_completion_changelist",
            "?state__exact=pending",
            "courses.view_completion",
            group,
        )
    )
    register(
        Queue(
            "Graduation claims to verify",
            lambda: RecognitionClaim.objects.filter(state=ReviewState.PENDING),
            "created_at",
            "admin:courses_recognitionclaim_changelist",
            "?state__exact=pending",
            "courses.view_recognitionclaim",
            group,
        )
    )
