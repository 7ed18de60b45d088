from django import forms
from django.contrib import admin, messages
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from lssc.core.admin_actions import (
    ReadOnlyInline,
    RecordedByTheProgram,
    action_with_form,
)
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.words import counted
from lssc.core.worklist import QueueFilter

from . import admin_late  # noqa: F401 (registers the late appeals' admin)
from .models import Appeal, AppealDocument, AppealStatus
from .services import AppealError, appeal_decide, appeal_review_start


class DocumentInline(ReadOnlyInline):
    model = AppealDocument
    fields = ("download", "added_at")
    readonly_fields = ("download", "added_at")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("appeals.view_appeal")

    @admin.display(description="document")
    def download(self, obj):
        url = reverse("appeals:document", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.name)


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label="The committee's decision",
        choices=[
            (AppealStatus.UPHELD.value, AppealStatus.UPHELD.label),
            (AppealStatus.DENIED.value, AppealStatus.DENIED.label),
        ],
        widget=forms.RadioSelect,
    )
    decision = forms.CharField(
        label="Decision and reasons",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Sent to the appellant and kept with the appeal.",
    )


@admin.register(Appeal)
class AppealAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    list_display = ("reference", "appellant", "subject_type", "status", "filed_at")
    list_filter = (QueueFilter, "status", "subject_type")
    list_select_related = ("appellant", "subject_type")
    search_fields = ("appellant__full_name", "appellant__email")
    readonly_fields = [
        "appellant",
        "decision_on",
        "decision_appealed",
        "grounds",
        "status",
        "filed_at",
        "grounds_at",
        "review_started_at",
        "decided_at",
        "decided_by",
        "decision_reason",
    ]
    exclude = ["subject_type", "subject_id"]
    inlines = [DocumentInline]
    actions = ["start_review", "decide"]

    @admin.display(description="the decision appealed, in the admin")
    def decision_on(self, obj):
        """Where staff act on the original decision once an appeal is upheld."""
        subject = obj.subject
        if subject is None:
            return "—"
        opts = subject._meta
        try:
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[subject.pk]
            )
        except NoReverseMatch:
            return str(subject)
        return format_html('<a href="{}">{}</a>', url, subject)

    @admin.action(description="Start the committee's review", permissions=["change"])
    def start_review(self, request, queryset):
        done = sum(appeal_review_start(appeal=a, by=request.user) for a in queryset)
        self.message_user(request, f"{counted(done, 'appeal')} now under review.")

    @admin.action(description="Record the committee's decision", permissions=["change"])
    def decide(self, request, queryset):
        def apply(data):
            done = 0
            for appeal in queryset:
                try:
                    done += appeal_decide(
                        appeal=appeal,
                        by=request.user,
                        status=data["status"],
                        decision=data["decision"],
                    )
                except AppealError as error:
                    self.message_user(request, str(error), messages.ERROR)
            self.message_user(request, f"{counted(done, 'appeal')} decided.")

        return action_with_form(
            self, request, queryset,
            form_class=DecisionForm, title="Decide appeals", apply=apply,
        )  # fmt: skip
