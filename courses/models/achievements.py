"""Sets achieved without a portfolio: course completions and recognition claims,
recorded by candidates and verified (or not) by staff."""

import uuid

from django.db import models
from django.db.models import Q
from localflavor.us.models import USStateField
from simple_history.models import HistoricalRecords

from candidates.models import Candidate
from lssc.audit.models import Decided
from lssc.competencies.models import CompetencySet
from lssc.core.storage import private_storage

from .catalog import Course


def _upload_to(instance, filename):
    return f"courses/{uuid.uuid4().hex}"


class ReviewState(models.TextChoices):
    PENDING = "pending", "Waiting for verification"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Not accepted"


class VerifiedByStaff(Decided):
    """A record a candidate makes and staff verify or refuse, once, with a reason
    for a refusal (see ``courses.transitions``)."""

    state = models.CharField(
        max_length=10,
        choices=ReviewState.choices,
        default=ReviewState.PENDING,
        db_index=True,
    )
    # Staff and candidates have always read this as "reason".
    decision_reason = models.TextField("reason", blank=True)
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
    # A US state (an address), not a state of a lifecycle.
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
