"""Moving a candidacy's deadline: the one write both ways of extending it share (a
staff action in the admin, a granted extension request), with the audit entry
that ``check_data`` looks for (``candidate-deadline``)."""

import datetime

from lssc.audit.services import audit_log

from .errors import ApplicationError
from .models import Candidate

EXTENDED = "candidate.deadline_extended"


def deadline_move(
    *, candidate: Candidate, new_deadline: datetime.date, by, reason: str
) -> Candidate:
    """Set a later deadline and record it; refuses one not after the current.
    Call inside a transaction; returns the candidate, locked and saved."""
    candidate = (
        Candidate.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=candidate.pk)
    )
    if new_deadline <= candidate.deadline:
        raise ApplicationError(
            "The new deadline must be after the current one "
            f"({candidate.deadline:%B %-d, %Y})."
        )
    previous = candidate.deadline
    candidate.deadline = new_deadline
    candidate.save(update_fields=["deadline"])
    audit_log(
        subject=candidate,
        action=EXTENDED,
        summary=f"Deadline extended from {previous:%B %-d, %Y} to "
        f"{new_deadline:%B %-d, %Y}",
        actor=by,
        owner=candidate.user,
        from_state=previous.isoformat(),
        to_state=new_deadline.isoformat(),
        reason=reason,
    )
    return candidate
