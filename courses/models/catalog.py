"""Approved courses as the catalog shows them, and their approval periods."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from lssc.competencies.models import CompetencySet

from .providers import Provider


class CourseFormat(models.TextChoices):
    COURSE = "course", "Course"
    WORKSHOP = "workshop", "Workshop"
    INSTITUTE = "institute", "Institute"
    OTHER = "other", "Other"


class Delivery(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in_person", "In person"
    HYBRID = "hybrid", "Hybrid (online and in person)"


class Pacing(models.TextChoices):
    SYNCHRONOUS = "synchronous", "Synchronous (learners meet at set times)"
    ASYNCHRONOUS = "asynchronous", "Asynchronous (learners work at their own pace)"


class LengthUnit(models.TextChoices):
    WEEKS = "weeks", "weeks"
    CONTACT_HOURS = "contact_hours", "contact hours"


class Course(models.Model):
    """A course as the catalog shows it; approved for periods (``CourseApproval``).

    The descriptive fields are copied from the application approved last, so the
    catalog reads one row per course. ``approved_on``/``expires_on`` are those of the
    latest approval (an early renewal keeps ``approved_on``, as it runs on without a
    gap): the course is in the catalog while today is before ``expires_on``, so an
    approval lapses on its own at expiry.
    """

    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="courses"
    )
    competency_set = models.ForeignKey(
        CompetencySet, on_delete=models.PROTECT, related_name="courses"
    )
    title = models.CharField(max_length=200)
    description = models.TextField()
    format = models.CharField(max_length=12, choices=CourseFormat.choices)
    delivery = models.CharField(max_length=12, choices=Delivery.choices)
    pacing = models.CharField(max_length=12, choices=Pacing.choices)
    length = models.PositiveSmallIntegerField()
    length_unit = models.CharField(max_length=16, choices=LengthUnit.choices)
    first_approved_on = models.DateField()
    approved_on = models.DateField()
    expires_on = models.DateField(
        db_index=True, help_text="The first day the course is no longer approved."
    )
    lapse_recorded_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "pk"]
        indexes = [
            # The catalog lists by title: read in order, no sort of every course.
            models.Index(fields=["title", "id"], name="course_catalog_order"),
            models.Index(fields=["competency_set", "expires_on"]),
            models.Index(fields=["delivery", "pacing"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("courses:detail", kwargs={"pk": self.pk})

    def is_approved(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.approved_on <= on < self.expires_on

    @property
    def last_approved_day(self):
        return self.expires_on - datetime.timedelta(days=1)


class CourseApproval(models.Model):
    """One approval period of a course, granted by one application."""

    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="approvals"
    )
    application = models.OneToOneField(
        "courses.CourseApplication", on_delete=models.PROTECT, related_name="approval"
    )
    starts_on = models.DateField()
    expires_on = models.DateField(
        help_text="The first day the course is no longer approved."
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "pk"]

    def __str__(self):
        return f"{self.course}: {self.starts_on} to {self.expires_on}"
