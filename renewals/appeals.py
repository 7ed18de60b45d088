"""A renewal returned to the holder may be appealed to the CPC."""

from lssc.appeals.registry import register

from .models import Renewal, RenewalStatus


def register_appealable():
    register(
        Renewal,
        noun="renewal decision",
        owner=lambda r: r.certification.candidate.user_id,
        owner_lookup="certification__candidate__user",
        decision=lambda r: f"Renewal returned: {r.decision_reason}",
        appealable=lambda r: r.status == RenewalStatus.RETURNED,
        decided_at=lambda r: r.decided_at,
        select_related=("certification__candidate",),
    )
