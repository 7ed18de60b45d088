from django import forms
from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from lssc.core.admin_actions import RecordedByTheProgram, action_with_form

from .models import Appeal, AppealStatus
from .services import AppealError, appeal_decide


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
    list_filter = ("status", "subject_type")
    list_select_related = ("appellant", "subject_type")
    search_fields = ("appellant__full_name", "appellant__email")
    readonly_fields = [
        "appellant",
        "subject_type",
        "subject_id",
        "decision_appealed",
        "grounds",
        "status",
        "filed_at",
        "decided_at",
        "decided_by",
        "decision",
    ]
    actions = ["decide"]

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
            self.message_user(request, f"{done} appeal(s) decided.")

        return action_with_form(
            self, request, queryset,
            form_class=DecisionForm, title="Decide appeals", apply=apply,
        )  # fmt: skip
