"""The audit trail the services write on the way, gathered per batch and copied in
one go: every state a record holds has the entry that moved it there, in the
services' own words."""

from lssc.audit.models import AuditEntry
from lssc.audit.services import shortened

from .writes import copy_rows

FIELDS = [
    "created_at",
    "actor_id",
    "owner_id",
    "subject_type_id",
    "subject_id",
    "action",
    "summary",
    "from_state",
    "to_state",
    "reason",
]
SUMMARY_LIMIT = AuditEntry._meta.get_field("summary").max_length


class Trail:
    def __init__(self, program):
        self.program = program
        self.rows = []

    def add(
        self,
        model,
        pk,
        at,
        action,
        summary,
        *,
        owner=None,
        actor=None,
        source="",
        target="",
        reason="",
    ):
        """One entry about row ``pk`` of ``model``; ``owner`` and ``actor`` are user
        ids. A long summary is kept whole in the reason, as ``audit_log`` does."""
        if len(summary) > SUMMARY_LIMIT:
            reason = f"{summary}\n\n{reason}" if reason else summary
            summary = shortened(summary, SUMMARY_LIMIT)
        self.rows.append(
            (
                at,
                actor,
                owner,
                self.program.type_of(model),
                pk,
                action,
                summary,
                source or "",
                target or "",
                reason,
            )
        )

    def flush(self) -> int:
        written = copy_rows(AuditEntry, FIELDS, self.rows)
        self.rows = []
        return written
