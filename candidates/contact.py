"""A person's name and contact details, as they give them when applying and later
on their record. The name is the one printed on the certificate."""

from django.db import transaction

from .certificates import certificate_request
from .models import Candidate, Certification


def name_save(user, full_name: str) -> bool:
    """Save the person's name as they spell it; ``True`` when it changed."""
    if user.full_name == full_name:
        return False
    user.full_name = full_name
    user.save(update_fields=["full_name"])
    return True


def holder_details_update(*, candidate: Candidate, form, full_name: str) -> None:
    """Save the candidate's contact details (``form``: the valid contact form of
    their application) and name; a certificate bearing another name is made anew
    once this commits."""
    with transaction.atomic():
        name_save(candidate.user, full_name)
        form.save()
        certification = (
            Certification.objects.filter(candidate=candidate)
            .exclude(certificate="")
            .exclude(certificate_name=full_name)
            .first()
        )
        if certification is not None:
            certificate_request(certification)
