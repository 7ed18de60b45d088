"""Appeals of a staff or CRC decision to the Certification Program Committee (CPC).

One model for every appellant: a candidate appealing a portfolio or eligibility
decision, a provider appealing a course decision. What is appealed is any record
(``subject``); the appeal keeps the decision's words as they stood when appealed.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from simple_history.models import HistoricalRecords

from lssc.audit.models import Decided
from lssc.core.storage import private_storage


class AppealStatus(models.TextChoices):
    NOTICE = "notice", "Notice of intent received"
    FILED = "filed", "Filed with the CPC"
    UNDER_REVIEW = "under_review", "Under review by the CPC"
    UPHELD = "upheld", "Upheld: the decision is changed"
    DENIED = "denied", "Denied: the decision stands"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Appeal(Decided):
    appellant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appeals"
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    decision_appealed = models.TextField(
        help_text="The decision and its reason, as the appellant received them."
    )
    grounds = models.TextField(blank=True)
    status = models.CharField(
        max_length=12,
        choices=AppealStatus.choices,
        default=AppealStatus.NOTICE,
        db_index=True,
    )
    filed_at = models.DateTimeField(
        "notice received",
        auto_now_add=True,
        help_text="When the notice of intent came.",
    )
    grounds_at = models.DateTimeField("appeal filed", null=True, blank=True)
    review_started_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField("the CPC's decision", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-filed_at", "-pk"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self):
        return f"Appeal A-{self.pk:05d} by {self.appellant}"

    @property
    def reference(self) -> str:
        return f"A-{self.pk:05d}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES


OPEN_STATES = (AppealStatus.NOTICE, AppealStatus.FILED, AppealStatus.UNDER_REVIEW)


def _document_path(instance, filename):
    return f"appeals/{uuid.uuid4().hex}"


class AppealDocument(models.Model):
    """A document the appellant files with the grounds."""

    appeal = models.ForeignKey(
        Appeal, on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField(storage=private_storage, upload_to=_document_path)
    name = models.CharField(max_length=200)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self):
        return self.name


class LateAppeal(models.Model):
    """Staff accepted an appeal after the time allowed (``APPEAL_DAYS``) had run
    out: the appellant may give notice of it until ``open_until``. Written by
    ``services.appeal_accept_late`` with an audit entry that gives the reason."""

    appellant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    closed_on = models.DateField(
        "time to appeal closed on", help_text="The last day of the usual time."
    )
    open_until = models.DateField(
        "may appeal until", help_text="The last day the appellant may give notice."
    )
    reason = models.TextField(help_text="Why staff accepted the late appeal.")
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "late appeal accepted"
        verbose_name_plural = "late appeals accepted"
        ordering = ["-accepted_at", "-pk"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self):
        return f"Late appeal by {self.appellant}, until {self.open_until:%B %-d, %Y}"
