"""Renewal reports for staff (``lssc.reports``)."""

from django.db.models import Count, Q

from candidates.models import Certification
from lssc.core.dates import add_months
from lssc.core.program import rules
from lssc.reports.base import Report, Result, Series, register

from .models import Renewal, RenewalStatus


def renewal_cycle(start, end) -> Result:
    """On ``end``: holders valid and not yet in their window, in the window, in
    grace, and lapsed; and renewals approved in the period. Two queries."""
    program = rules()
    window_opens = add_months(end, program.RENEWAL_WINDOW_MONTHS)
    grace_from = add_months(end, -program.RENEWAL_GRACE_MONTHS)
    totals = Certification.objects.filter(
        revoked_at=None, certified_on__lte=end
    ).aggregate(
        valid=Count("pk", filter=Q(expires_on__gt=window_opens)),
        window=Count("pk", filter=Q(expires_on__gt=end, expires_on__lte=window_opens)),
        grace=Count("pk", filter=Q(expires_on__lte=end, expires_on__gt=grace_from)),
        lapsed=Count("pk", filter=Q(expires_on__lte=grace_from)),
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
        )
    )
