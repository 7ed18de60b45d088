from django.contrib import admin

from lssc.core.admin_actions import ReadOnlyRecord

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyRecord, admin.ModelAdmin):
    """Read-only: the trail is written by the program's services, never by hand."""

    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False

    list_display = ("created_at", "summary", "actor", "owner", "from_state", "to_state")
    list_filter = ("action", "subject_type", "created_at")
    list_select_related = ("actor", "owner")
    search_fields = ("summary", "reason", "owner__email", "actor__email")
    # No date_hierarchy: its year list scans the whole table; the filter does not.
