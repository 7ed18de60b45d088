"""Course providers, their applications for course approval, approved courses, the
completions candidates record, and recognition agreements with LTA programs."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from localflavor.us.models import USStateField
from simple_history.models import HistoricalRecords

from candidates.models import Candidate
from lssc.competencies.models import Competency, CompetencySet
from lssc.core.storage import private_storage


class ProviderType(models.TextChoices):
    STATE_LIBRARY = "state_library", "State library"
    ASSOCIATION = "association", "Library association"
    COOPERATIVE = "cooperative", "Regional library cooperative"
    COMMUNITY_COLLEGE = "community_college", "Community college"
    LIBRARY_SCHOOL = "library_school", "Library school"
    ALA_UNIT = "ala_unit", "ALA division or other unit"
    CONSULTANT = "consultant", "Individual consultant"
    VENDOR = "vendor", "Vendor or private organization"


class Provider(models.Model):
    """An organisation (or a consultant) that offers courses for approval."""

    name = models.CharField(max_length=200)
    type = models.CharField(max_length=24, choices=ProviderType.choices)
    state = USStateField(help_text="Where the provider is based.")
    website = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["type", "state"])]

    def __str__(self):
        return self.name


class ProviderContact(models.Model):
    """A person who acts for a provider. A person acts for one provider at most."""

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="contacts"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="provider_contact",
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at"]

    def __str__(self):
        return f"{self.user} for {self.provider}"


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


class CourseApplication(models.Model):
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
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_reason = models.TextField(blank=True)
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


class CourseApproval(models.Model):
    """One approval period of a course, granted by one application."""

    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="approvals"
    )
    application = models.OneToOneField(
        CourseApplication, on_delete=models.PROTECT, related_name="approval"
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


def _upload_to(instance, filename):
    return f"courses/{uuid.uuid4().hex}"


class ReviewState(models.TextChoices):
    PENDING = "pending", "Waiting for verification"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Not accepted"


class VerifiedByStaff(models.Model):
    """A record a candidate makes and staff verify or refuse, once, with a reason
    for a refusal (see ``courses.achievements``)."""

    state = models.CharField(
        max_length=10,
        choices=ReviewState.choices,
        default=ReviewState.PENDING,
        db_index=True,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]


class Completion(VerifiedByStaff):
    """A candidate's completion of an approved course, proven by the official form."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.PROTECT, related_name="completions"
    )
    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="completions"
    )
    completed_on = models.DateField()
    result = models.CharField(
        "grade or result", max_length=40, help_text='A grade, or "Pass".'
    )
    form = models.FileField(
        "signed completion form",
        storage=private_storage,
        upload_to=_upload_to,
        blank=True,
    )
    form_name = models.CharField(max_length=200, blank=True)
    confirmed_by_provider = models.BooleanField(
        default=False, help_text="Confirmed from the provider's roster."
    )

    history = HistoricalRecords()

    class Meta(VerifiedByStaff.Meta):
        indexes = [models.Index(fields=["course", "state"])]

    def __str__(self):
        return f"{self.course} completed by {self.candidate}"


class RecognitionAgreement(models.Model):
    """A signed agreement with a college's LTA program: its graduates achieve the
    sets its required courses cover."""

    college = models.CharField(max_length=200)
    program_name = models.CharField(max_length=200)
    state = USStateField()
    competency_sets = models.ManyToManyField(
        CompetencySet, related_name="recognition_agreements"
    )
    effective_from = models.DateField(
        help_text="Graduates from this date on are covered."
    )
    effective_until = models.DateField(
        null=True,
        blank=True,
        help_text="The last graduation date covered; empty while the agreement runs.",
    )
    document = models.FileField(
        "signed agreement", storage=private_storage, upload_to=_upload_to
    )
    signed_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["college", "program_name"]

    def __str__(self):
        return f"{self.college}: {self.program_name}"

    def covers(self, graduated_on) -> bool:
        return self.effective_from <= graduated_on and (
            self.effective_until is None or graduated_on <= self.effective_until
        )


class RecognitionClaim(VerifiedByStaff):
    """A graduate's claim that an agreement covers them."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.PROTECT, related_name="recognition_claims"
    )
    agreement = models.ForeignKey(
        RecognitionAgreement, on_delete=models.PROTECT, related_name="claims"
    )
    graduated_on = models.DateField()
    document = models.FileField(
        "transcript or diploma", storage=private_storage, upload_to=_upload_to
    )
    document_name = models.CharField(max_length=200)

    history = HistoricalRecords()

    class Meta(VerifiedByStaff.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "agreement"],
                condition=~Q(state="rejected"),
                name="one_open_claim_per_agreement",
            )
        ]

    def __str__(self):
        return f"{self.candidate} graduated from {self.agreement}"
