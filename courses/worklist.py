"""Course work waiting for staff and the CRC."""

from lssc.core.worklist import Queue, register

from .models import (
    ApplicationStatus,
    Completion,
    CourseApplication,
    RecognitionClaim,
    ReviewState,
)
from .selectors import applications_waiting_too_long


def register_queues():
    group = "Courses and agreements"
    register(
        Queue(
            "Course applications in review",
            lambda: CourseApplication.objects.filter(
                status=ApplicationStatus.IN_REVIEW
            ),
            "in_review_since",
            "course_applications",
            "courses.view_courseapplication",
            group,
        )
    )
    register(
        Queue(
            "Course applications in review too long",
            applications_waiting_too_long,
            "in_review_since",
            "course_applications_waiting",
            "courses.view_courseapplication",
            group,
        )
    )
    register(
        Queue(
            "Course completions to verify",
            lambda: Completion.objects.filter(state=ReviewState.PENDING),
            "created_at",
            "completions",
            "courses.view_completion",
            group,
        )
    )
    register(
        Queue(
            "Graduation claims to verify",
            lambda: RecognitionClaim.objects.filter(state=ReviewState.PENDING),
            "created_at",
            "graduation_claims",
            "courses.view_recognitionclaim",
            group,
        )
    )
