from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html

from lssc.audit.admin_history import AuditTrailHistory
from lssc.competencies.models import MAX_COMPETENCIES_PER_SET
from lssc.core.admin_actions import (
    BoundedInline,
    ReadOnlyInline,
    ReadOnlyRecord,
    RecordedByTheProgram,
)
from lssc.core.admin_history import SimpleHistoryAdmin

from .errors import PortfolioError
from .models import (
    Evidence,
    EvidenceLink,
    Narrative,
    Portfolio,
    PreReview,
    PreReviewComment,
)
from .prereview import prereview_complete


# Portfolio content is the candidate's: staff read it, never edit it.
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
        # A row posted with an id that names no evidence is shown unsaved.
        if obj.pk is None:
            return "—"
        if obj.is_link:
            return format_html(
                '<a href="{}" rel="noopener noreferrer">{}</a> (checked on {})',
                obj.url,
                obj.url,
                obj.checked_on,
            )
        url = reverse("portfolios:download", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.name)


@admin.register(Portfolio)
class PortfolioAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False
    list_display = ("candidate", "competency_set", "status", "created_at", "updated_at")
    list_filter = ("status", "competency_set")
    list_select_related = ("candidate__user", "competency_set")
    search_fields = ("candidate__number", "candidate__user__full_name")
    readonly_fields = ("candidate", "competency_set", "status", "created_at")
    inlines = [NarrativeInline, EvidenceInline]
    list_per_page = 100


@admin.register(EvidenceLink)
class EvidenceLinkAdmin(ReadOnlyRecord, admin.ModelAdmin):
    list_display = ("evidence", "competency", "role")
    list_select_related = ("evidence", "competency__competency_set")
    raw_id_fields = ("evidence",)


class PreReviewCommentInline(BoundedInline):
    model = PreReviewComment
    extra = 1
    max_num = MAX_COMPETENCIES_PER_SET  # one comment per competency
    autocomplete_fields = ()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only the competencies of the portfolio's own set.
        if db_field.name == "competency" and request.resolver_match.kwargs.get(
            "object_id"
        ):
            pre_review = PreReview.objects.filter(
                pk=request.resolver_match.kwargs["object_id"]
            ).first()
            if pre_review is not None:
                kwargs["queryset"] = pre_review.portfolio.competency_set.competencies
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class OpenFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", "Waiting for staff"), ("no", "Comments sent")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(completed_at=None)
        if self.value() == "no":
            return queryset.exclude(completed_at=None)
        return queryset


@admin.register(PreReview)
class PreReviewAdmin(RecordedByTheProgram, AuditTrailHistory, admin.ModelAdmin):
    list_display = ("portfolio", "requested_at", "completed_at")
    list_filter = (OpenFilter,)
    search_fields = (
        "portfolio__candidate__number",
        "portfolio__candidate__user__email",
    )
    list_select_related = ("portfolio__candidate__user", "portfolio__competency_set")
    fields = ("portfolio", "requested_at", "general_comment", "completed_at")
    readonly_fields = ("portfolio", "requested_at", "completed_at")
    inlines = [PreReviewCommentInline]
    actions = ["send_to_candidate"]

    def history_subjects(self, obj):
        # Asking and answering are recorded on the portfolio.
        return [
            (obj, None),
            (
                obj.portfolio,
                ("portfolio.pre_review_requested", "portfolio.pre_review_completed"),
            ),
        ]

    @admin.action(
        description="Send the comments to the candidate", permissions=["change"]
    )
    def send_to_candidate(self, request, queryset):
        for pre_review in queryset:
            try:
                prereview_complete(pre_review_id=pre_review.pk, by=request.user)
            except PortfolioError as error:
                self.message_user(request, f"{pre_review}: {error}", messages.WARNING)
            else:
                self.message_user(request, f"{pre_review}: comments sent.")
