from django.contrib import admin

from lssc.core.admin_actions import ReadOnlyRecord
from lssc.core.admin_search import PersonSearch

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(PersonSearch, ReadOnlyRecord, admin.ModelAdmin):
    """Read-only: the trail is written by the program's services, never by hand."""

    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False

    list_display = ("created_at", "summary", "actor", "owner", "from_state", "to_state")
    list_filter = ("action", "subject_type", "created_at")
    list_select_related = ("actor", "owner")
    search_fields = ("summary", "owner__email", "actor__email")
    person_fields = ("owner", "actor")
    own_search_fields = ("summary",)
    # No date_hierarchy: its year list scans the whole table; the filter does not.
