from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from lssc.core.admin_actions import ReasonForm, action_with_form

from .models import Assignment, Evaluator
from .services import EvaluationError, assignment_withdraw


@admin.register(Evaluator)
class EvaluatorAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "institution", "trained_on", "active", "max_assignments")
    list_filter = ("active", "sets")
    list_select_related = ("user",)
    search_fields = ("user__full_name", "user__email", "institution")
    autocomplete_fields = ("user",)
    filter_horizontal = ("sets",)


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = (
        "submission",
        "evaluator",
        "third_reviewer",
        "state",
        "assigned_at",
        "due_on",
    )
    list_filter = ("state", "third_reviewer", "due_on")
    list_select_related = (
        "evaluator__user",
        "submission__portfolio__competency_set",
        "submission__portfolio__candidate__user",
    )
    readonly_fields = (
        "submission",
        "evaluator",
        "third_reviewer",
        "state",
        "assigned_at",
        "closed_at",
        "decline_reason",
    )
    search_fields = ("evaluator__user__full_name",)
    actions = ["withdraw"]

    def has_add_permission(self, request):
        # Assignments follow the program's rules (qualification, conflicts, load);
        # staff reassign with the action, which picks the replacement by them.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(
        description="Withdraw and assign another evaluator", permissions=["change"]
    )
    def withdraw(self, request, queryset):
        def apply(data):
            for assignment in queryset:
                try:
                    assignment_withdraw(
                        assignment_id=assignment.pk,
                        by=request.user,
                        reason=data["reason"],
                    )
                except EvaluationError as error:
                    self.message_user(
                        request, f"{assignment}: {error}", messages.WARNING
                    )
            self.message_user(request, "Done: replacements were assigned if free.")

        return action_with_form(
            self,
            request,
            queryset,
            form_class=ReasonForm,
            title="Withdraw assignments",
            apply=apply,
        )
