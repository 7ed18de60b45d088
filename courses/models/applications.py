"""A provider's application for the approval (or renewal) of a course, and what the
form holds besides its own fields: competency coverage, instructors, offerings."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from lssc.audit.models import Decided
from lssc.competencies.models import Competency, CompetencySet

from .catalog import Course, CourseFormat, Delivery, LengthUnit, Pacing
from .providers import Provider


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_PAYMENT = "awaiting_payment", "Submitted, awaiting payment"
    IN_REVIEW = "in_review", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Not approved"
    WITHDRAWN = "withdrawn", "Withdrawn"


EDITABLE_STATES = (ApplicationStatus.DRAFT, ApplicationStatus.CHANGES_REQUESTED)
WITHDRAWABLE_STATES = (
    ApplicationStatus.DRAFT,
    ApplicationStatus.AWAITING_PAYMENT,
    ApplicationStatus.CHANGES_REQUESTED,
)

# Fields copied from an application to its course, and into a renewal.
COURSE_FIELDS = (
    "title",
    "description",
    "format",
    "delivery",
    "pacing",
    "length",
    "length_unit",
)
APPLICATION_FIELDS = (
    *COURSE_FIELDS,
    "competency_set",
    "assessment",
    "completion_certification",
)


class CourseApplication(Decided):
    """The program's standard course-approval form, for a new course or a renewal."""

    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="applications"
    )
    renewal_of = models.ForeignKey(
        Course,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewal_applications",
        help_text="The approved course this application renews, if any.",
    )
    status = models.CharField(
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
        db_index=True,
    )
    competency_set = models.ForeignKey(
        CompetencySet,
        on_delete=models.PROTECT,
        related_name="course_applications",
        null=True,
        blank=True,
    )
    title = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    format = models.CharField(max_length=12, choices=CourseFormat.choices, blank=True)
    delivery = models.CharField(max_length=12, choices=Delivery.choices, blank=True)
    pacing = models.CharField(max_length=12, choices=Pacing.choices, blank=True)
    length = models.PositiveSmallIntegerField(null=True, blank=True)
    length_unit = models.CharField(
        max_length=16, choices=LengthUnit.choices, blank=True
    )
    assessment = models.TextField("how learning is assessed", blank=True)
    completion_certification = models.TextField(
        "how the provider certifies completion", blank=True
    )
    # The provider's n-th counted application (new courses only), fixed on submission.
    fee_position = models.PositiveSmallIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    in_review_since = models.DateTimeField(null=True, blank=True, db_index=True)
    course = models.ForeignKey(
        Course,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        help_text="The course this application approved (or renewed).",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["provider", "status"])]

    def __str__(self):
        kind = "Renewal" if self.renewal_of_id else "Application"
        return f"{kind} C-{self.pk:05d}: {self.title or 'untitled'}"

    def get_absolute_url(self):
        return reverse("courses:application", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        return f"C-{self.pk:05d}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATES

    @property
    def is_renewal(self) -> bool:
        return self.renewal_of_id is not None

    @property
    def awaits_payment(self) -> bool:
        return self.status == ApplicationStatus.AWAITING_PAYMENT


class Coverage(models.Model):
    """Where in the course one competency of its set is taught."""

    application = models.ForeignKey(
        CourseApplication, on_delete=models.CASCADE, related_name="coverage"
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="+"
    )
    where_taught = models.TextField()

    class Meta:
        ordering = ["competency__number"]
        verbose_name_plural = "coverage"
        constraints = [
            models.UniqueConstraint(
                fields=["application", "competency"], name="coverage_once"
            )
        ]

    def __str__(self):
        return f"Competency {self.competency_id} of {self.application_id}"


class Instructor(models.Model):
    application = models.ForeignKey(
        CourseApplication, on_delete=models.CASCADE, related_name="instructors"
    )
    name = models.CharField(max_length=200)
    qualifications = models.TextField()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Offering(models.Model):
    """A planned run of the course."""

    application = models.ForeignKey(
        CourseApplication, on_delete=models.CASCADE, related_name="offerings"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    location = models.CharField(
        max_length=200, help_text='A place, or "Online".', default="Online"
    )

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="offering_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.starts_on:%b %d, %Y}–{self.ends_on:%b %d, %Y}, {self.location}"
