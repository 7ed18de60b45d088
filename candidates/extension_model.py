"""A candidate's request for more time, decided by staff.

Kept apart from ``models.py`` (which imports it, so Django finds it there) to keep
that module to one screenful per concept; it names the candidate by its label, so
neither module imports the other's classes.
"""

import uuid

from django.db import models
from django.db.models import Q

from lssc.audit.models import Decided
from lssc.core.storage import private_storage

from .enums import ExtensionStatus


def _document_path(instance, filename):
    return f"extensions/{uuid.uuid4().hex}/{filename}"


class ExtensionRequest(Decided):
    """More time asked for one candidacy: the reason, the day asked for and an
    optional supporting document. Staff grant it with a new deadline, or refuse it
    with a reason (``candidates.transitions``); either way the candidate is told."""

    candidate = models.ForeignKey(
        "candidates.Candidate",
        on_delete=models.PROTECT,
        related_name="extension_requests",
    )
    status = models.CharField(
        max_length=20,
        choices=ExtensionStatus.choices,
        default=ExtensionStatus.REQUESTED,
        db_index=True,
    )
    reason = models.TextField("why more time is needed")
    deadline_then = models.DateField(
        "deadline when asked", help_text="The candidacy's deadline on the day asked."
    )
    asked_until = models.DateField("new deadline asked for")
    granted_until = models.DateField(
        "new deadline granted", null=True, blank=True, editable=False
    )
    document = models.FileField(
        storage=private_storage, upload_to=_document_path, blank=True, editable=False
    )
    document_name = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "request for more time"
        verbose_name_plural = "requests for more time"
        constraints = [
            # One request waiting at a time: a second is refused until it is decided.
            models.UniqueConstraint(
                fields=["candidate"],
                condition=Q(status="requested"),
                name="one_waiting_extension_request",
            )
        ]

    def __str__(self):
        return f"More time for {self.candidate} ({self.get_status_display().lower()})"
