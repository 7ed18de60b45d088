from django.contrib.contenttypes.models import ContentType

from .models import AuditEntry


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
    """Record one named transition. Call inside the transaction that makes it."""
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
