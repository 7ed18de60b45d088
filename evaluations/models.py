"""Evaluators and the blind assignment of portfolio submissions to them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from lssc.audit.models import Decided
from lssc.competencies.models import Competency, CompetencySet
from lssc.core.program import rules
from portfolios.models import Submission

from .rules import Rating, Verdict


def default_max_assignments() -> int:
    return rules().EVALUATOR_DEFAULT_MAX_ASSIGNMENTS


class Evaluator(models.Model):
    """A librarian or library educator who scores portfolios, selected by the CRC."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evaluator"
    )
    institution = models.CharField(
        max_length=200,
        help_text="Where they work: they never evaluate a candidate from there.",
    )
    sets = models.ManyToManyField(
        CompetencySet,
        related_name="evaluators",
        verbose_name="sets they may evaluate",
    )
    trained_on = models.DateField(
        "portfolio-assessment training completed on", null=True, blank=True
    )
    active = models.BooleanField(default=True)
    max_assignments = models.PositiveSmallIntegerField(
        "most assignments at once",
        default=default_max_assignments,
        help_text="Open assignments they take at the same time.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["user__full_name"]

    def __str__(self):
        return self.user.full_name or self.user.email


class EvaluatorRole(models.TextChoices):
    LIBRARIAN = "librarian", "Librarian"
    EDUCATOR = "educator", "Library educator"
    OTHER = "other", "Other library professional"


class ApplicationState(models.TextChoices):
    PENDING = "pending", "Waiting for the CRC"
    SELECTED = "selected", "Selected"
    DECLINED = "declined", "Not selected"


class EvaluatorApplication(Decided):
    """Someone offering to evaluate portfolios ("Become an evaluator")."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="evaluator_applications",
    )
    institution = models.CharField(max_length=200)
    role = models.CharField(max_length=12, choices=EvaluatorRole.choices)
    sets = models.ManyToManyField(
        CompetencySet,
        related_name="evaluator_applications",
        verbose_name="sets of their expertise",
    )
    portfolios_per_year = models.PositiveSmallIntegerField(
        "portfolios a year they can take"
    )
    statement = models.TextField()
    state = models.CharField(
        max_length=10,
        choices=ApplicationState.choices,
        default=ApplicationState.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Shown to the committee as "reason", and sent to an applicant not selected.
    decision_reason = models.TextField("reason", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(state="pending"),
                name="one_pending_evaluator_application",
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.institution})"


class AssignmentState(models.TextChoices):
    ASSIGNED = "assigned", "Assigned"
    DECLINED = "declined", "Declined"
    SUBMITTED = "submitted", "Review submitted"
    WITHDRAWN = "withdrawn", "Withdrawn by staff"


OPEN_ASSIGNMENT_STATES = (AssignmentState.ASSIGNED,)


class Assignment(models.Model):
    """One evaluator's task to review one submission."""

    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, related_name="assignments"
    )
    evaluator = models.ForeignKey(
        Evaluator, on_delete=models.PROTECT, related_name="assignments"
    )
    third_reviewer = models.BooleanField(
        default=False, help_text="Assigned because the first two disagreed."
    )
    state = models.CharField(
        max_length=12,
        choices=AssignmentState.choices,
        default=AssignmentState.ASSIGNED,
        db_index=True,
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    due_on = models.DateField()
    closed_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            # An evaluator reviews a submission once, whatever happens after.
            models.UniqueConstraint(
                fields=["submission", "evaluator"], name="one_assignment_per_evaluator"
            ),
        ]
        indexes = [
            models.Index(
                fields=["evaluator", "state"],
                name="open_assignments",
                condition=Q(state="assigned"),
            )
        ]

    def __str__(self):
        return f"{self.submission} → {self.evaluator}"


class Review(models.Model):
    """One evaluator's assessment of one submission: a rating per competency."""

    assignment = models.OneToOneField(
        Assignment, on_delete=models.PROTECT, related_name="review"
    )
    comments_for_candidate = models.TextField(blank=True)
    comments_for_committee = models.TextField(
        "confidential comments for the committee", blank=True
    )
    verdict = models.CharField(max_length=8, choices=Verdict.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Review of {self.assignment}"


class CompetencyRating(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="ratings")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT)
    rating = models.CharField(max_length=8, choices=Rating.choices)
    comment = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["review", "competency"], name="one_rating_per_competency"
            )
        ]

    def __str__(self):
        return f"Competency {self.competency.number}: {self.get_rating_display()}"


class Outcome(models.TextChoices):
    ACHIEVED = "achieved", "Set achieved"
    REVISION = "revision", "Revision needed"


class Decision(models.Model):
    """How a submission ended: made once, by the two agreeing or by the third."""

    submission = models.OneToOneField(
        Submission, on_delete=models.PROTECT, related_name="decision"
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    by_third_reviewer = models.BooleanField(default=False)
    decided_at = models.DateTimeField(auto_now_add=True)
    # For a revision: what the committee sent the candidate, and when.
    revision_message = models.TextField(blank=True)
    recommended_course = models.ForeignKey(
        "courses.Course",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="An approved course of the set, linked in the revision request.",
    )
    recommended_course_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="A course recommendation typed before the catalog existed.",
    )
    revision_sent_at = models.DateTimeField(null=True, blank=True)
    revision_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.submission}: {self.get_outcome_display()}"
