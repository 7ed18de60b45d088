from django.contrib.contenttypes.models import ContentType

from .models import AuditEntry

ELLIPSIS = "…"


def _limit(name: str) -> int:
    return AuditEntry._meta.get_field(name).max_length


def shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > limit // 2:  # a word boundary not too far back
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + ELLIPSIS


def audit_log(
    *,
    subject,
    action: str,
    summary: str,
    actor=None,
    owner=None,
    from_state: str = "",
    to_state: str = "",
    reason: str = "",
) -> AuditEntry:
    """Record one named transition. Call inside the transaction that makes it.

    A summary longer than the column (an evaluator for all ten sets, a long course
    title) is shortened with an ellipsis and kept whole at the start of
    ``reason``, so nothing is lost and no database refuses the row. The action
    and states are the program's own codes: one too long is a programming error,
    refused here on every database rather than on PostgreSQL alone.
    """
    for name, code in (
        ("action", action),
        ("from_state", from_state),
        ("to_state", to_state),
    ):
        if len(code or "") > _limit(name):
            raise ValueError(f"Audit {name} longer than {_limit(name)}: {code!r}")
    limit = _limit("summary")
    if len(summary) > limit:
        reason = f"{summary}\n\n{reason}" if reason else summary
        summary = shortened(summary, limit)
    return AuditEntry.objects.create(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        action=action,
        summary=summary,
        actor=actor if actor is not None and actor.is_authenticated else None,
        owner=owner,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
    )
