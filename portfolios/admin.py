from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from .models import Evidence, EvidenceLink, Narrative, Portfolio


class ReadOnlyInline(admin.TabularInline):
    """Portfolio content is the candidate's: staff read it, never edit it."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NarrativeInline(ReadOnlyInline):
    model = Narrative
    fields = ("competency", "text", "updated_at")
    readonly_fields = fields


class EvidenceInline(ReadOnlyInline):
    model = Evidence
    fields = ("title", "kind", "size", "download", "uploaded_at", "retired_at")
    readonly_fields = fields

    @admin.display(description="file")
    def download(self, obj):
        url = reverse("portfolios:download", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.name)


@admin.register(Portfolio)
class PortfolioAdmin(SimpleHistoryAdmin):
    list_display = ("candidate", "competency_set", "status", "created_at", "updated_at")
    list_filter = ("status", "competency_set")
    list_select_related = ("candidate__user", "competency_set")
    search_fields = ("candidate__number", "candidate__user__full_name")
    readonly_fields = ("candidate", "competency_set", "status", "created_at")
    inlines = [NarrativeInline, EvidenceInline]
    list_per_page = 100

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EvidenceLink)
class EvidenceLinkAdmin(admin.ModelAdmin):
    list_display = ("evidence", "competency", "role")
    list_select_related = ("evidence", "competency__competency_set")
    raw_id_fields = ("evidence",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
