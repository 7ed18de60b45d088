"""Staff roles. Each is a Django group; its permissions are granted by migrations."""

from django.db import models

from .two_factor import staff_powers


class StaffGroup(models.TextChoices):
    PROGRAM_OFFICER = "Program Officer"
    PROGRAM_ASSISTANT = "Program Assistant"
    REVIEW_COMMITTEE = "Certification Review Committee"
    PROGRAM_COMMITTEE = "Certification Program Committee"


def in_group(user, group: StaffGroup) -> bool:
    """Whether an active staff user with two-factor belongs to ``group`` (superusers
    belong to all)."""
    if not staff_powers(user):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=group.value).exists()


def staff_emails(*groups: StaffGroup) -> list[str]:
    """The addresses of the active members of ``groups``, each once."""
    from django.contrib.auth import get_user_model

    people = get_user_model().objects.filter(is_active=True, groups__name__in=groups)
    return sorted(set(people.values_list("email", flat=True)))
