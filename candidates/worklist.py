"""Candidacy work waiting for staff (see ``lssc.core.worklist``)."""

import datetime

from django.db.models import Exists, OuterRef
from django.utils import timezone

from lssc.core.program import rules
from lssc.core.worklist import Queue, register

from .enums import ApplicationStatus, Education, ExtensionStatus
from .models import Application, Candidate, ExtensionRequest


def recently_ended():
    """Candidacies whose deadline passed without the certification, while their
    candidate may still ask for more time: staff see what was left in progress and
    may write to them. Those who asked already, or applied again, are not here (a
    waiting request has its own queue); past the window a candidacy leaves the
    queue and stays findable in the candidates' list (filter "candidacy")."""
    today = timezone.localdate()
    window = datetime.timedelta(days=rules().EXTENSION_REQUEST_DAYS_AFTER_DEADLINE)
    later = Candidate.objects.filter(
        user_id=OuterRef("user_id"), admitted_on__gte=OuterRef("admitted_on")
    ).exclude(pk=OuterRef("pk"))
    waiting = ExtensionRequest.objects.filter(
        candidate_id=OuterRef("pk"), status=ExtensionStatus.REQUESTED
    )
    return Candidate.objects.filter(
        deadline__lt=today, deadline__gte=today - window, certification__isnull=True
    ).exclude(Exists(later) | Exists(waiting))


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
    register(
        Queue(
            "Requests for more time",
            lambda: ExtensionRequest.objects.filter(status=ExtensionStatus.REQUESTED),
            "created_at",
            "extensions",
            "candidates.view_extensionrequest",
            "Candidacies",
        )
    )
    register(
        Queue(
            "Candidacies past their deadline",
            recently_ended,
            "deadline",
            "ended",
            "candidates.view_candidate",
            "Candidacies",
        )
    )
