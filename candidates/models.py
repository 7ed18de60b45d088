"""Candidacy: the application, the candidate it admits, achievements and sharing."""

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from lssc.audit.models import Decided
from lssc.competencies.models import CompetencySet
from lssc.core.codes import readable_code
from lssc.core.storage import private_storage

from . import validity
from .enums import (
    OPEN_STATES,
    AchievementMethod,
    ApplicationStatus,
    CertificationStatus,
    Education,
    HowHeard,
    LibraryType,
)
from .extension_model import ExtensionRequest  # noqa: F401 (Django finds it here)
from .state_library_models import (  # noqa: F401 (Django finds them here)
    StateLibraryAgency,
    StateLibraryDigest,
    StateLibraryNotice,
)


class Application(Decided):
    """One person's application to become a candidate, from draft to decision
    (``candidates.transitions``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
        db_index=True,
    )
    steps_done = models.PositiveSmallIntegerField(default=0)

    # Contact and mailing address
    phone = models.CharField(max_length=40, blank=True)
    address_line1 = models.CharField("address", max_length=200, blank=True)
    address_line2 = models.CharField("address line 2", max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField("state or province", max_length=100, blank=True)
    postal_code = models.CharField("ZIP or postal code", max_length=20, blank=True)
    country = models.CharField(max_length=100, default="United States")

    # Current library and employer
    library_name = models.CharField("library", max_length=200, blank=True)
    library_type = models.CharField(
        "type of library", max_length=20, choices=LibraryType.choices, blank=True
    )
    job_title = models.CharField("position", max_length=200, blank=True)
    employer_contact_name = models.CharField(
        "employer contact's name", max_length=200, blank=True
    )
    employer_contact_email = models.EmailField("employer contact's email", blank=True)

    # ALA membership: a claimed membership sets the member fee unless staff mark it
    # as not verified.
    ala_member = models.BooleanField("ALA member", default=False)
    ala_member_number = models.CharField("ALA member number", max_length=40, blank=True)
    ala_membership_unverified = models.BooleanField(
        "ALA membership not verified",
        default=False,
        help_text="Set by staff: the non-member fee applies.",
    )

    education = models.CharField(
        "highest education", max_length=20, choices=Education.choices, blank=True
    )
    how_heard = models.CharField(
        "how did you hear about the program",
        max_length=20,
        choices=HowHeard.choices,
        blank=True,
        db_index=True,
    )
    how_heard_other = models.CharField(max_length=200, blank=True)
    agreed_to_policies_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    fee_cents = models.PositiveIntegerField(
        "application fee (cents)",
        null=True,
        blank=True,
        help_text="Fixed at submission from the fee schedule.",
    )
    counted_hours = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Hours counted toward eligibility at submission.",
    )
    education_approved = models.BooleanField(
        default=False, help_text="Staff accepted education from outside the US."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status__in=OPEN_STATES),
                name="one_open_application_per_user",
            )
        ]
        indexes = [
            models.Index(fields=["status", "education"]),
            # The admin lists newest first (created_at, then id); no sort of all rows.
            models.Index(fields=["created_at", "id"], name="application_newest"),
        ]

    def __str__(self):
        return f"Application of {self.user} ({self.get_status_display().lower()})"

    def get_absolute_url(self):
        return reverse("candidates:apply")

    @property
    def pays_member_fee(self) -> bool:
        return self.ala_member and not self.ala_membership_unverified

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES


class WorkHistory(models.Model):
    """A period of library work, paid or volunteer."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="work_history"
    )
    library = models.CharField(max_length=200)
    position = models.CharField(max_length=200)
    paid = models.BooleanField(
        choices=[(True, "Paid"), (False, "Volunteer")], default=True
    )
    start_date = models.DateField()
    end_date = models.DateField(
        null=True, blank=True, help_text="Leave empty if you still work there."
    )
    hours_per_week = models.DecimalField(
        "average hours per week",
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(80)],
    )

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = "library work period"
        verbose_name_plural = "library work history"

    def __str__(self):
        return f"{self.position}, {self.library}"


class Candidate(models.Model):
    """One candidacy: an admitted application, its number, and the deadline by which
    the six sets must be achieved.

    A person may have several, one after another: when a candidacy ends (its
    deadline passed without the certification) they may apply again, and the new
    application, once admitted, is a new ``Candidate`` row with its own number,
    admission day and deadline. The earlier row stays as it was, with its
    achievements and its work in progress, so the record of what happened is never
    rewritten. Sets achieved recently enough in an earlier candidacy count in the
    new one as achievements ``carried_over`` (``candidates.reenrolment``). Only one
    candidacy is in force at a time: a person may not apply again while one is;
    ``selectors.candidacy_of`` gives a person's latest.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="candidacies"
    )
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="candidate"
    )
    number = models.CharField("candidate number", max_length=20, unique=True)
    admitted_on = models.DateField()
    deadline = models.DateField(
        help_text="The last day to complete the six sets; staff may extend it."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.user.full_name} ({self.number})"

    def days_left(self, today=None) -> int:
        today = today or timezone.localdate()
        return (self.deadline - today).days

    def past_deadline(self, today=None) -> bool:
        """The deadline's day is over, in the program's time zone: no new work
        counts toward this candidacy (what is in progress is kept)."""
        return (today or timezone.localdate()) > self.deadline

    def has_ended(self, today=None) -> bool:
        """Past the deadline without the certification: the candidacy is over."""
        return self.past_deadline(today) and not hasattr(self, "certification")


class Achievement(models.Model):
    """A competency set achieved: final once recorded."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.PROTECT, related_name="achievements"
    )
    competency_set = models.ForeignKey(
        CompetencySet, on_delete=models.PROTECT, related_name="achievements"
    )
    method = models.CharField(max_length=20, choices=AchievementMethod.choices)
    achieved_on = models.DateField()
    note = models.CharField(max_length=200, blank=True)
    # For a set carried over from an earlier candidacy: the original achievement
    # (never itself a carried one), whose method and date say how it was earned.
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="carried_to",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["achieved_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "competency_set"], name="achievement_once_per_set"
            )
        ]

    def __str__(self):
        return f"{self.competency_set} ({self.get_method_display().lower()})"


def _certificate_path(instance, filename):
    return f"certificates/{uuid.uuid4().hex}.pdf"


def new_certificate_number() -> str:
    return f"LSSC-{readable_code(3)}"


class Certification(models.Model):
    """The credential: awarded once, when the sixth qualifying set is achieved.

    ``expires_on`` is the first day it is no longer valid; renewals move it on by
    CERTIFICATION_YEARS, each renewal starting at the previous expiry.
    """

    candidate = models.OneToOneField(
        Candidate, on_delete=models.PROTECT, related_name="certification"
    )
    number = models.CharField(
        "certificate number",
        max_length=24,
        unique=True,
        default=new_certificate_number,
        editable=False,
    )
    certified_on = models.DateField(
        help_text="The day the sixth qualifying set was achieved."
    )
    period_starts_on = models.DateField(
        help_text="The start of the current period: the certification day, then "
        "each renewed period's start (the previous expiry)."
    )
    expires_on = models.DateField(db_index=True)
    # Changed only by ``candidates.transitions``; the revoked_* fields below say
    # when, by whom and why, and are set with it.
    status = models.CharField(
        max_length=20,
        choices=CertificationStatus.choices,
        default=CertificationStatus.ISSUED,
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    revoke_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The certificate PDF, made once per certification period and again only when
    # the holder's name is corrected.
    certificate = models.FileField(
        storage=private_storage, upload_to=_certificate_path, blank=True, editable=False
    )
    certificate_expires_on = models.DateField(null=True, blank=True, editable=False)
    certificate_name = models.CharField(max_length=200, blank=True, editable=False)
    # Publicity, only with the holder's consent (business plan: a public list of
    # holders, and award notices to employers).
    listed_publicly = models.BooleanField(
        "listed in the public registry", default=False
    )
    award_notice_to = models.EmailField(blank=True)
    award_notice_sent_at = models.DateTimeField(null=True, blank=True)
    # Announced in the monthly digest to the state library agency of the holder's
    # state (``candidates.state_libraries``), once.
    announce_to_state_library = models.BooleanField(
        "announce to the state library agency", default=False
    )

    objects = validity.CertificationQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["certificate", "certificate_expires_on", "certificate_name"]
    )

    class Meta:
        ordering = ["-certified_on", "pk"]
        indexes = [
            models.Index(
                fields=["listed_publicly", "expires_on"], name="certification_registry"
            )
        ]

    def __str__(self):
        return f"Certificate {self.number} ({self.candidate.user.full_name})"

    def get_absolute_url(self):
        return reverse("candidates:verify", kwargs={"number": self.number})

    def certificate_is_current(self) -> bool:
        """Whether the stored PDF is this period's, with the holder's name now."""
        return (
            bool(self.certificate)
            and self.certificate_expires_on == self.expires_on
            and self.certificate_name == self.candidate.user.full_name
        )

    @property
    def is_revoked(self) -> bool:
        return self.status == CertificationStatus.REVOKED

    # Where a day falls in the certification's life (``candidates.validity``).
    def valid_on(self, day) -> bool:
        return validity.valid_on(self.expires_on, self.is_revoked, day)

    def in_renewal_window(self, day) -> bool:
        return validity.in_renewal_window(self.expires_on, self.is_revoked, day)

    def in_grace(self, day) -> bool:
        return validity.in_grace(self.expires_on, self.is_revoked, day)

    def lapsed(self, day) -> bool:
        return validity.lapsed(self.expires_on, self.is_revoked, day)

    @property
    def renewal_opens_on(self):
        return validity.renewal_opens(self.expires_on)

    @property
    def lapses_on(self):
        """The first day after the grace period (the renewal window's end)."""
        return validity.lapses_on(self.expires_on)

    # The days people are shown: "valid through", "grace period through".
    @property
    def last_valid_day(self):
        return validity.last_valid_day(self.expires_on)

    @property
    def grace_starts_on(self):
        """The first day of the grace period: the day after the last valid day."""
        return self.expires_on

    @property
    def last_grace_day(self):
        """The grace period's last day, also the last day a renewal may be sent."""
        return validity.last_grace_day(self.expires_on)

    def standing_on(self, day) -> validity.Standing:
        return validity.standing(self.expires_on, self.is_revoked, day)

    @property
    def standing(self) -> validity.Standing:
        """Where it stands today, in the program's time zone."""
        return self.standing_on(timezone.localdate())


def new_share_token() -> str:
    return secrets.token_urlsafe(24)


class ShareLink(models.Model):
    """A revocable, expiring link that shows a read-only CAR to whoever holds it."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="share_links"
    )
    label = models.CharField(
        max_length=120, help_text="Who the link is for, e.g. “Springfield PL hiring”."
    )
    token = models.CharField(max_length=64, unique=True, default=new_share_token)
    expires_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("candidates:shared_car", kwargs={"token": self.token})

    def is_active(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.revoked_at is None and self.expires_on >= today


class ShareLinkView(models.Model):
    """One opening of a share link, shown to the candidate."""

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="views")
    viewed_at = models.DateTimeField(auto_now_add=True)
    user_agent = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.link} opened {self.viewed_at:%Y-%m-%d %H:%M}"
