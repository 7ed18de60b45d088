"""A candidate's portfolio for one competency set: a narrative per competency and
evidence files linked to the competencies they demonstrate."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from candidates.models import Candidate
from lssc.competencies.models import Competency, CompetencySet
from lssc.core.storage import private_storage


class PortfolioStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_PAYMENT = "awaiting_payment", "Submitted, awaiting payment"
    UNDER_REVIEW = "under_review", "Under review"
    REVISION_REQUESTED = "revision_requested", "Revision requested"
    ACHIEVED = "achieved", "Achieved"


# States in which the candidate may change narratives and evidence.
EDITABLE_STATES = (PortfolioStatus.DRAFT, PortfolioStatus.REVISION_REQUESTED)


class Portfolio(models.Model):
    candidate = models.ForeignKey(
        Candidate, on_delete=models.PROTECT, related_name="portfolios"
    )
    competency_set = models.ForeignKey(
        CompetencySet, on_delete=models.PROTECT, related_name="portfolios"
    )
    status = models.CharField(
        max_length=24,
        choices=PortfolioStatus.choices,
        default=PortfolioStatus.DRAFT,
        db_index=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["competency_set__position"]
        constraints = [
            # Revisions and resubmissions happen within the same portfolio.
            models.UniqueConstraint(
                fields=["candidate", "competency_set"], name="one_portfolio_per_set"
            )
        ]

    def __str__(self):
        return f"{self.competency_set} portfolio of {self.candidate}"

    def get_absolute_url(self):
        return reverse("portfolios:builder", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATES


class Narrative(models.Model):
    portfolio = models.ForeignKey(
        Portfolio, on_delete=models.CASCADE, related_name="narratives"
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT)
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["portfolio", "competency"], name="one_narrative_per_competency"
            )
        ]

    def __str__(self):
        return f"Narrative for competency {self.competency.number}"


def _evidence_path(evidence, filename):
    # Never the uploader's name on disk: the stored name is random.
    return f"evidence/{evidence.portfolio_id}/{uuid.uuid4().hex}"


class EvidenceKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word document"
    PPTX = "pptx", "PowerPoint presentation"
    XLSX = "xlsx", "Excel spreadsheet"
    ODT = "odt", "OpenDocument text"
    ODP = "odp", "OpenDocument presentation"
    ODS = "ods", "OpenDocument spreadsheet"
    TXT = "txt", "Plain text"
    JPG = "jpg", "JPEG image"
    PNG = "png", "PNG image"
    MP3 = "mp3", "MP3 audio"
    M4A = "m4a", "M4A audio"
    MP4 = "mp4", "MP4 video"
    MOV = "mov", "QuickTime video"
    # A page on the web (the library's site, a catalogue record): no file.
    LINK = "link", "Web page"


class Evidence(models.Model):
    """A file the candidate uploaded, or a link to a web page with the day they
    last checked it was there (``kind`` "link": a URL and no file)."""

    portfolio = models.ForeignKey(
        Portfolio, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(
        upload_to=_evidence_path, storage=private_storage, blank=True
    )
    name = models.CharField("file name", max_length=120, blank=True)
    kind = models.CharField(max_length=8, choices=EvidenceKind.choices)
    size = models.PositiveBigIntegerField("size (bytes)")
    sha256 = models.CharField(max_length=64, blank=True)
    url = models.URLField("web address", max_length=2000, blank=True)
    checked_on = models.DateField("checked on", null=True, blank=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, max_length=1000)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # A replaced or removed file is kept (hidden) while a submission refers to it.
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["uploaded_at", "pk"]
        indexes = [models.Index(fields=["portfolio", "retired_at"])]
        constraints = [
            # A link is a web address (http or https only) checked on a day, with
            # no file; a file has no web address.
            models.CheckConstraint(
                name="evidence_link_or_file",
                condition=(
                    models.Q(
                        kind=EvidenceKind.LINK,
                        file="",
                        checked_on__isnull=False,
                    )
                    & (
                        models.Q(url__startswith="https://")
                        | models.Q(url__startswith="http://")
                    )
                )
                | (~models.Q(kind=EvidenceKind.LINK) & models.Q(url="")),
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_link(self) -> bool:
        return self.kind == EvidenceKind.LINK


class EvidenceRole(models.TextChoices):
    PRIMARY = "primary", "Primary (direct evidence)"
    SECONDARY = "secondary", "Secondary (supporting)"


class EvidenceLink(models.Model):
    evidence = models.ForeignKey(
        Evidence, on_delete=models.CASCADE, related_name="links"
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT)
    role = models.CharField(max_length=10, choices=EvidenceRole.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evidence", "competency"], name="one_link_per_competency"
            )
        ]

    def __str__(self):
        return f"{self.evidence} for competency {self.competency.number}"


class Submission(models.Model):
    """A portfolio as it was when submitted and paid for: what evaluators read.

    The snapshot holds the narratives and the evidence (with its links) exactly as
    they were; evidence files it names are never deleted, so a later revision of
    the portfolio changes nothing an evaluator of this submission sees.
    """

    portfolio = models.ForeignKey(
        Portfolio, on_delete=models.PROTECT, related_name="submissions"
    )
    number = models.PositiveSmallIntegerField(help_text="1 for the first, then 2, 3…")
    submitted_at = models.DateTimeField(auto_now_add=True)
    snapshot = models.JSONField(editable=False)

    class Meta:
        ordering = ["portfolio", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["portfolio", "number"], name="one_submission_number"
            )
        ]

    def __str__(self):
        return f"{self.portfolio}, submission {self.number}"


class PreReview(models.Model):
    """A candidate's request that program staff look at a draft (no fee, FAQ 15)."""

    portfolio = models.ForeignKey(
        Portfolio, on_delete=models.CASCADE, related_name="pre_reviews"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    general_comment = models.TextField("comment on the whole portfolio", blank=True)
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = "pre-review"
        constraints = [
            models.UniqueConstraint(
                fields=["portfolio"],
                condition=models.Q(completed_at__isnull=True),
                name="one_open_pre_review",
            )
        ]

    def __str__(self):
        return f"Pre-review of {self.portfolio}"


class PreReviewComment(models.Model):
    pre_review = models.ForeignKey(
        PreReview, on_delete=models.CASCADE, related_name="comments"
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT)
    comment = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["pre_review", "competency"], name="one_comment_per_competency"
            )
        ]

    def __str__(self):
        return f"On competency {self.competency.number}"
