"""Course providers and the people who act for them."""

from django.conf import settings
from django.db import models
from localflavor.us.models import USStateField
from simple_history.models import HistoricalRecords


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
    # A US state (an address), not a state of a lifecycle.
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
