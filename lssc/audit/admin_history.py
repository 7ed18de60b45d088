"""The audit trail on a record's History page in the admin.

Records with field-level versions (django-simple-history) list the trail under
their versions; records without them (a review, a request for more time, a late
appeal) get a History page of their trail. A record whose decisions are audited
against another (a review's against its assignment, a pre-review's against the
portfolio) names it in ``history_subjects``.
"""

from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .models import AuditEntry

# A History page shows the latest entries; the audit list holds them all.
TRAIL_LIMIT = 200


def trail(subjects) -> list[AuditEntry]:
    """The latest entries about ``subjects``: ``(record, actions)`` pairs, where
    ``actions`` limits a record's entries to those codes (``None``: all)."""
    wanted = Q(pk__in=[])
    for subject, actions in subjects:
        if subject is None or not isinstance(subject.pk, int):
            continue
        about = Q(
            subject_type=ContentType.objects.get_for_model(subject),
            subject_id=subject.pk,
        )
        wanted |= about & Q(action__in=actions) if actions else about
    return list(AuditEntry.objects.filter(wanted).select_related("actor")[:TRAIL_LIMIT])


def trail_of_record(model, object_id) -> list[AuditEntry]:
    """The entries about one record, by its model and primary key."""
    try:
        pk = int(object_id)
    except (TypeError, ValueError):
        return []
    return list(
        AuditEntry.objects.filter(
            subject_type=ContentType.objects.get_for_model(model), subject_id=pk
        ).select_related("actor")[:TRAIL_LIMIT]
    )


class AuditTrailHistory:
    """Model admin mixin: the History page is the record's audit trail."""

    object_history_template = "admin/audit_history.html"

    def history_subjects(self, obj) -> list:
        """``(record, actions)`` pairs whose entries tell this record's story."""
        return [(obj, None)]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        entries = trail(self.history_subjects(obj)) if obj is not None else []
        return super().history_view(
            request, object_id, {"audit_trail": entries, **(extra_context or {})}
        )
