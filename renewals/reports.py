"""Renewal reports for staff (``lssc.reports``)."""

from django.db.models import Count

from candidates import validity
from candidates.enums import CertificationStatus
from candidates.models import Certification
from lssc.reports.base import Report, Result, Series, register

from .models import Renewal, RenewalStatus


def renewal_cycle(start, end) -> Result:
    """On ``end``: holders valid and not yet in their window, in the window, in
    grace, and lapsed; and renewals approved in the period. Two queries."""
    valid, window = validity.valid_q(end), validity.in_renewal_window_q(end)
    totals = Certification.objects.filter(
        status=CertificationStatus.ISSUED, certified_on__lte=end
    ).aggregate(
        valid=Count("pk", filter=valid & ~window),
        window=Count("pk", filter=valid & window),
        grace=Count("pk", filter=validity.in_grace_q(end)),
        lapsed=Count("pk", filter=validity.lapsed_q(end)),
    )
    approved = Renewal.objects.filter(
        status=RenewalStatus.APPROVED,
        decided_at__date__gte=start,
        decided_at__date__lte=end,
    ).count()
    labels = [
        "Valid, renewal not yet open",
        "In their renewal window",
        "In the grace period",
        "Lapsed",
        "Renewals approved in the period",
    ]
    values = [totals["valid"], totals["window"], totals["grace"], totals["lapsed"],
              approved]  # fmt: skip
    return Result(
        categories=labels,
        series=[Series("Holders", values)],
        columns=["", "Holders"],
        rows=[list(r) for r in zip(labels, values, strict=True)],
        note=f"Certifications as they stand on {end:%B %-d, %Y}.",
    )


def register_reports():
    register(
        Report(
            "renewals",
            "Renewal cycle",
            "Holders in their renewal window, in grace, lapsed; renewals approved.",
            renewal_cycle,
            "renewals.view_renewal",
            "Certification and renewal",
            empty="No certification holders",
        )
    )
