"""Candidacy work waiting for staff (see ``lssc.core.worklist``)."""

from lssc.core.worklist import Queue, register

from .enums import ApplicationStatus, Education
from .models import Application


def register_queues():
    register(
        Queue(
            "Applications needing a decision",
            lambda: Application.objects.filter(status=ApplicationStatus.STAFF_REVIEW),
            "submitted_at",
            "applications",
            "candidates.view_application",
            "Applications and payments",
        )
    )
    register(
        Queue(
            "Education outside the US to review",
            lambda: Application.objects.filter(
                status=ApplicationStatus.STAFF_REVIEW, education=Education.OUTSIDE_US
            ),
            "submitted_at",
            "foreign",
            "candidates.view_application",
            "Applications and payments",
        )
    )
