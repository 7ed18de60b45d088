from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from lssc.core.admin_actions import (
    ReadOnlyRecord,
    ReasonForm,
    RecordedByTheProgram,
    action_with_form,
)
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.words import counted
from lssc.core.worklist import QueueFilter

from .models import Activity, Renewal
from .rules import hours_text
from .services import RenewalError, renewal_approve, renewal_return


@admin.register(Activity)
class ActivityAdmin(ReadOnlyRecord, SimpleHistoryAdmin):
    list_display = ("title", "holder", "completed_on", "hours", "technology")
    list_filter = ("technology", "unit")
    list_select_related = ("certification__candidate__user",)
    search_fields = (
        "title",
        "certification__number",
        "certification__candidate__user__full_name",
    )
    exclude = ("evidence",)
    readonly_fields = ("evidence_file",)

    @admin.display(ordering="certification__candidate__user__full_name")
    def holder(self, obj):
        return obj.certification.candidate.user.full_name

    @admin.display(description="evidence")
    def evidence_file(self, obj):
        if not obj.evidence:
            return "—"
        url = reverse("renewals:evidence", args=[obj.pk])
        return format_html('<a href="{}">Download</a>', url)


@admin.register(Renewal)
class RenewalAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    list_display = (
        "certification",
        "period_expires_on",
        "status",
        "hours",
        "technology_hours",
        "submitted_at",
    )
    list_filter = (QueueFilter, "status")
    list_select_related = ("certification__candidate__user",)
    search_fields = (
        "certification__number",
        "certification__candidate__user__full_name",
    )
    readonly_fields = [
        "certification",
        "period_expires_on",
        "status",
        "hours",
        "technology_hours",
        "activity_list",
        "submitted_at",
        "in_review_since",
        "decided_at",
        "decided_by",
        "decision_reason",
    ]
    exclude = ("activities",)
    actions = ["approve", "send_back"]

    @admin.display(description="activities")
    def activity_list(self, obj):
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{} ({}, {} h{})</li>",
                (
                    (a.title, a.completed_on, hours_text(a.hours),
                     ", technology" if a.technology else "")
                    for a in obj.activities.all()
                ),
            ),
        )  # fmt: skip

    @admin.action(description="Approve: start the next period", permissions=["change"])
    def approve(self, request, queryset):
        done = sum(renewal_approve(renewal=r, by=request.user) for r in queryset)
        self.message_user(request, f"{counted(done, 'renewal')} approved.")

    @admin.action(
        description="Return to the holder, with a reason", permissions=["change"]
    )
    def send_back(self, request, queryset):
        def apply(data):
            done = 0
            for renewal in queryset:
                try:
                    done += renewal_return(
                        renewal=renewal, by=request.user, reason=data["reason"]
                    )
                except RenewalError as error:
                    self.message_user(request, str(error), messages.ERROR)
            self.message_user(request, f"{counted(done, 'renewal')} returned.")

        return action_with_form(
            self, request, queryset,
            form_class=ReasonForm, title="Return renewals", apply=apply,
        )  # fmt: skip
