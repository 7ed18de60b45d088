"""Assignments (withdrawn or handed over by staff), reviews and submissions."""

from django import forms
from django.contrib import admin, messages

from lssc.audit.admin_history import AuditTrailHistory
from lssc.core.admin_actions import (
    ReadOnlyInline,
    ReadOnlyRecord,
    ReasonForm,
    RecordedByTheProgram,
    action_with_form,
)
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.worklist import QueueFilter
from portfolios.models import Submission

from ..errors import EvaluationError
from ..models import Assignment, CompetencyRating, Evaluator, Review
from ..services import assignment_hand_over, assignment_withdraw


class HandOverForm(ReasonForm):
    evaluator = forms.ModelChoiceField(
        label="Evaluator to take it",
        queryset=Evaluator.objects.filter(active=True).select_related("user"),
        help_text="Must be qualified for the set, trained, under their limit and "
        "without a conflict; the program checks.",
    )


@admin.register(Assignment)
class AssignmentAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False
    # Assignments follow the program's rules (qualification, conflicts, load); staff
    # reassign with the action, which picks the replacement by the same rules.
    list_display = (
        "submission",
        "evaluator",
        "third_reviewer",
        "state",
        "assigned_at",
        "due_on",
    )
    list_filter = (QueueFilter, "state", "third_reviewer", "due_on")
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
    actions = ["withdraw", "hand_over"]

    @admin.action(
        description="Hand over to an evaluator I choose", permissions=["change"]
    )
    def hand_over(self, request, queryset):
        def apply(data):
            for assignment in queryset:
                try:
                    new = assignment_hand_over(
                        assignment_id=assignment.pk,
                        evaluator_id=data["evaluator"].pk,
                        by=request.user,
                        reason=data["reason"],
                    )
                except EvaluationError as error:
                    self.message_user(
                        request, f"{assignment}: {error}", messages.WARNING
                    )
                else:
                    self.message_user(request, f"Handed over: {new}.")

        return action_with_form(
            self,
            request,
            queryset,
            form_class=HandOverForm,
            title="Hand over to an evaluator",
            apply=apply,
        )

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


class CompetencyRatingInline(ReadOnlyInline):
    model = CompetencyRating
    fields = ("competency", "rating", "comment")
    readonly_fields = fields


@admin.register(Review)
class ReviewAdmin(ReadOnlyRecord, AuditTrailHistory, admin.ModelAdmin):
    """Reviews are the evaluators' own words: staff read them, never edit them."""

    def history_subjects(self, obj):
        # Submitting a review moves its assignment: the trail is the assignment's.
        return [(obj, None), (obj.assignment, None)]

    list_display = ("assignment", "verdict", "submitted_at")
    list_filter = ("verdict",)
    search_fields = (
        "assignment__submission__portfolio__candidate__number",
        "assignment__evaluator__user__full_name",
    )
    list_select_related = (
        "assignment__evaluator__user",
        "assignment__submission__portfolio__competency_set",
        "assignment__submission__portfolio__candidate__user",
    )
    readonly_fields = [f.name for f in Review._meta.fields]
    inlines = [CompetencyRatingInline]


class AssignmentInline(ReadOnlyInline):
    model = Assignment
    fields = ("evaluator", "third_reviewer", "state", "due_on", "decline_reason")
    readonly_fields = fields


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyRecord, AuditTrailHistory, admin.ModelAdmin):
    """Submissions as frozen when paid; where each one stands in review."""

    def history_subjects(self, obj):
        # Assignments and outcomes are recorded on the portfolio submitted.
        return [(obj, None), (obj.portfolio, None)]

    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False

    list_display = ("__str__", "number", "submitted_at", "outcome")
    list_filter = (QueueFilter, "portfolio__competency_set")
    list_select_related = (
        "portfolio__competency_set",
        "portfolio__candidate__user",
        "decision",
    )
    search_fields = ("portfolio__candidate__number",)
    readonly_fields = ("portfolio", "number", "submitted_at", "snapshot")
    inlines = [AssignmentInline]

    @admin.display(description="outcome")
    def outcome(self, obj):
        decision = getattr(obj, "decision", None)
        return decision.get_outcome_display() if decision else "In review"
