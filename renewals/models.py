"""Keeping the credential: continuing-education activities logged during a
certification period, and the renewal application that starts the next period."""

import uuid

from django.db import models
from simple_history.models import HistoricalRecords

from candidates.models import Certification
from lssc.audit.models import Decided
from lssc.competencies.models import CompetencySet
from lssc.core.storage import private_storage


class Unit(models.TextChoices):
    CONTACT_HOURS = "contact_hours", "Contact hours"
    SEMESTER_CREDITS = "semester_credits", "Semester credits"
    QUARTER_CREDITS = "quarter_credits", "Quarter credits"
    CONFERENCE_DAYS = "conference_days", "Conference days"


def _evidence_path(instance, filename):
    return f"renewals/{uuid.uuid4().hex}"


class Activity(models.Model):
    """One continuing-education activity; its contact hours are worked out from
    the amount and unit at the program's rates when it is logged."""

    certification = models.ForeignKey(
        Certification, on_delete=models.PROTECT, related_name="activities"
    )
    title = models.CharField(max_length=200)
    provider = models.CharField("offered by", max_length=200)
    completed_on = models.DateField("date")
    amount = models.DecimalField(max_digits=6, decimal_places=2)
    unit = models.CharField(max_length=20, choices=Unit.choices)
    hours = models.DecimalField(
        "contact hours", max_digits=6, decimal_places=2, editable=False
    )
    technology = models.BooleanField(
        "related to technology",
        default=False,
        help_text="Counts towards the hours the program requires on technology.",
    )
    competency_sets = models.ManyToManyField(
        CompetencySet,
        related_name="ce_activities",
        verbose_name="competency sets it relates to",
    )
    evidence = models.FileField(
        storage=private_storage, upload_to=_evidence_path, blank=True
    )
    evidence_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[competency_sets])

    class Meta:
        ordering = ["-completed_on", "-pk"]
        verbose_name_plural = "activities"
        indexes = [models.Index(fields=["certification", "completed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gte=1), name="activity_at_least_one_hour"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.hours.normalize():f} h)"


class RenewalStatus(models.TextChoices):
    AWAITING_PAYMENT = "awaiting_payment", "Submitted, awaiting payment"
    IN_REVIEW = "in_review", "In review"
    RETURNED = "returned", "Returned to the holder"
    APPROVED = "approved", "Approved"


class Renewal(Decided):
    """The application to renew one certification period."""

    certification = models.ForeignKey(
        Certification, on_delete=models.PROTECT, related_name="renewals"
    )
    period_expires_on = models.DateField(
        help_text="The expiry of the period being renewed."
    )
    status = models.CharField(
        max_length=20, choices=RenewalStatus.choices, db_index=True
    )
    hours = models.DecimalField(max_digits=6, decimal_places=2)
    technology_hours = models.DecimalField(max_digits=6, decimal_places=2)
    activities = models.ManyToManyField(Activity, related_name="renewals")
    submitted_at = models.DateTimeField(auto_now_add=True)
    in_review_since = models.DateTimeField(null=True, blank=True)
    # Shown to staff and the holder as "reason": why it was returned.
    decision_reason = models.TextField("reason", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["certification", "period_expires_on"],
                name="one_renewal_per_period",
            )
        ]

    def __str__(self):
        return f"Renewal of {self.certification.number} ({self.period_expires_on})"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("renewals:home")
