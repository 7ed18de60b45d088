"""Background work for candidates; each task is safe to run twice."""

from celery import shared_task

from .certificates import certificate_issue


@shared_task(name="candidates.certificate_make")
def certificate_make(certification_id: int) -> bool:
    return certificate_issue(certification_id)
