"""Renewals waiting for staff."""

from lssc.core.worklist import Queue, register

from .models import Renewal, RenewalStatus


def register_queues():
    register(
        Queue(
            "Renewals to approve",
            lambda: Renewal.objects.filter(status=RenewalStatus.IN_REVIEW),
            "in_review_since",
            "renewals",
            "renewals.view_renewal",
            "Certification and renewal",
        )
    )
