from django.contrib import admin

from lssc.core.admin_actions import BoundedInline
from lssc.core.admin_history import SimpleHistoryAdmin

from .models import MAX_COMPETENCIES_PER_SET, Competency, CompetencySet


class CompetencyInline(BoundedInline):
    model = Competency
    extra = 0
    max_num = MAX_COMPETENCIES_PER_SET
    fields = ("number", "part", "kind", "text")
    can_delete = False


@admin.register(CompetencySet)
class CompetencySetAdmin(SimpleHistoryAdmin):
    list_display = ("name", "is_required", "position", "revised_on", "retired_on")
    list_filter = ("is_required", "retired_on")
    search_fields = ("name", "description")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [CompetencyInline]

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_in_use():
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Competency)
class CompetencyAdmin(SimpleHistoryAdmin):
    list_display = ("competency_set", "number", "part", "kind", "short_text")
    list_filter = ("competency_set", "kind")
    list_select_related = ("competency_set",)
    search_fields = ("text",)

    @admin.display(description="text")
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 90 else obj.text[:87] + "…"
