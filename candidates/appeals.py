"""The candidacy decisions a person may appeal to the CPC."""

from lssc.appeals.registry import register

from .enums import ApplicationStatus
from .models import Application, Certification


def register_appealable():
    register(
        Application,
        noun="application decision",
        owner=lambda a: a.user_id,
        owner_lookup="user",
        decision=lambda a: f"Not admitted as a candidate: {a.decision_reason}",
        appealable=lambda a: a.status == ApplicationStatus.REJECTED,
        decided_at=lambda a: a.decided_at,
    )
    register(
        Certification,
        noun="revocation of the certification",
        owner=lambda c: c.candidate.user_id,
        owner_lookup="candidate__user",
        decision=lambda c: f"Certification {c.number} revoked: {c.revoke_reason}",
        appealable=lambda c: c.is_revoked,
        decided_at=lambda c: c.revoked_at,
        select_related=("candidate",),
    )
