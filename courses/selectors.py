"""Read-only queries other apps and pages share."""

from django.utils import timezone

from .models import Course


def approved_courses(on=None):
    """Courses approved on ``on`` (today): what the catalog lists."""
    on = on or timezone.localdate()
    return Course.objects.filter(approved_on__lte=on, expires_on__gt=on)
