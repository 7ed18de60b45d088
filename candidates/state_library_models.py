"""State library agencies and the monthly award notices they receive.

Kept apart from ``models.py`` (which imports it, so Django finds it there); the
certification is named by its label, so neither module imports the other's
classes. The rules are in ``candidates.state_libraries``.
"""

from django.db import models
from django.db.models import Q
from localflavor.us.models import USStateField


class StateLibraryAgency(models.Model):
    """A state's library agency, which hears each month of the holders in its
    state who agreed to be announced. Kept by staff in admin; one active agency
    per state (an old address is kept inactive, for the digests sent to it)."""

    name = models.CharField(max_length=200)
    # A US state (an address), not a state of a lifecycle.
    state = USStateField()
    email = models.EmailField(help_text="Where the monthly digest goes.")
    active = models.BooleanField(
        default=True, help_text="Only an active agency receives digests."
    )

    class Meta:
        verbose_name = "state library agency"
        verbose_name_plural = "state library agencies"
        ordering = ["state", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["state"],
                condition=Q(active=True),
                name="one_active_state_library_agency",
                violation_error_message="This state has an active agency already: "
                "make that one inactive first.",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.state})"


class StateLibraryDigest(models.Model):
    """One month's award notices to one state's agency: made once, by the monthly
    run, with the holders it announced (``notices``)."""

    agency = models.ForeignKey(
        StateLibraryAgency, on_delete=models.PROTECT, related_name="digests"
    )
    state = USStateField()
    month = models.DateField(help_text="The first day of the month it reports.")
    sent_to = models.EmailField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "state library digest"
        verbose_name_plural = "state library digests"
        permissions = [("resend_statelibrarydigest", "Can send a digest again")]
        ordering = ["-month", "state"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "month"], name="one_state_library_digest_a_month"
            )
        ]

    def __str__(self):
        return f"{self.state} digest, {self.month:%B %Y}"


class StateLibraryNotice(models.Model):
    """A holder announced to their state's agency: once, whatever runs again."""

    certification = models.OneToOneField(
        "candidates.Certification",
        on_delete=models.PROTECT,
        related_name="state_library_notice",
    )
    digest = models.ForeignKey(
        StateLibraryDigest, on_delete=models.PROTECT, related_name="notices"
    )

    class Meta:
        ordering = ["digest", "pk"]

    def __str__(self):
        return f"{self.certification_id} in {self.digest}"
