from functools import partial

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse

from courses.models import Course
from courses.selectors import approved_courses
from lssc.core.admin_actions import (
    ReadOnlyInline,
    ReadOnlyRecord,
    ReasonForm,
    RecordedByTheProgram,
    action_with_form,
    csv_export,
)
from lssc.core.admin_autocomplete import SafeAutocomplete
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.imports import import_page
from portfolios.models import Submission

from .imports import EvaluatorImport
from .models import (
    Assignment,
    CompetencyRating,
    Decision,
    Evaluator,
    EvaluatorApplication,
    Outcome,
    Review,
)
from .recruitment import evaluator_decline, evaluator_select, training_record
from .reviews import revision_request
from .services import (
    EvaluationError,
    assignment_hand_over,
    assignment_withdraw,
    needs_evaluator,
)


class HandOverForm(ReasonForm):
    evaluator = forms.ModelChoiceField(
        label="Evaluator to take it",
        queryset=Evaluator.objects.filter(active=True).select_related("user"),
        help_text="Must be qualified for the set, trained, under their limit and "
        "without a conflict; the program checks.",
    )


class RevisionRequestForm(forms.Form):
    message = forms.CharField(
        label="What the candidate should revise",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Sent to the candidate with the evaluators' comments (no names).",
    )
    recommended_course = forms.ModelChoiceField(
        label="Recommended approved course (optional)",
        queryset=Course.objects.none(),
        required=False,
        empty_label="No recommendation",
        help_text="Courses approved today for the portfolio's set.",
    )

    def __init__(self, *args, set_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommended_course"].queryset = (
            approved_courses()
            .filter(competency_set__in=set_ids)
            .select_related("provider", "competency_set")
            .order_by("competency_set__position", "title")
        )
        self.fields["recommended_course"].label_from_instance = lambda course: (
            f"{course.competency_set.name}: {course.title} ({course.provider.name})"
        )


class AwaitingRevisionRequest(admin.SimpleListFilter):
    title = "committee queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("revision", "Revision request to send")]

    def queryset(self, request, queryset):
        if self.value() == "revision":
            return queryset.filter(outcome=Outcome.REVISION, revision_sent_at=None)
        return queryset


@admin.register(Decision)
class DecisionAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    list_display = (
        "submission",
        "outcome",
        "by_third_reviewer",
        "decided_at",
        "revision_sent_at",
    )
    search_fields = ("submission__portfolio__candidate__number",)
    list_filter = (AwaitingRevisionRequest, "outcome", "by_third_reviewer")
    list_select_related = (
        "submission__portfolio__competency_set",
        "submission__portfolio__candidate__user",
    )
    readonly_fields = [f.name for f in Decision._meta.fields]
    actions = ["send_revision_request"]

    @admin.action(description="Send the revision request", permissions=["change"])
    def send_revision_request(self, request, queryset):
        def apply(data):
            for decision in queryset:
                try:
                    revision_request(
                        decision_id=decision.pk,
                        by=request.user,
                        message=data["message"],
                        recommended_course=data["recommended_course"],
                    )
                except EvaluationError as error:
                    self.message_user(request, f"{decision}: {error}", messages.WARNING)
                else:
                    self.message_user(request, f"{decision}: revision request sent.")

        return action_with_form(
            self,
            request,
            queryset,
            form_class=partial(
                RevisionRequestForm,
                set_ids=list(
                    queryset.values_list(
                        "submission__portfolio__competency_set", flat=True
                    )
                ),
            ),
            title="Send the revision request",
            apply=apply,
        )


class EvaluatorForm(forms.ModelForm):
    class Meta:
        model = Evaluator
        fields = ["user", "institution", "sets", "trained_on", "active",
                  "max_assignments"]  # fmt: skip
        # Ten sets: checkboxes work better with a keyboard and a screen reader
        # than the two-box filter widget.
        widgets = {"sets": forms.CheckboxSelectMultiple}


class TrainingForm(forms.Form):
    trained_on = forms.DateField(
        label="Training completed on", widget=forms.DateInput(attrs={"type": "date"})
    )


@admin.register(Evaluator)
class EvaluatorAdmin(SafeAutocomplete, SimpleHistoryAdmin):
    form = EvaluatorForm
    list_display = ("__str__", "institution", "trained_on", "active", "max_assignments")
    list_filter = ("active", "sets", ("trained_on", admin.EmptyFieldListFilter))
    list_select_related = ("user",)
    search_fields = ("user__full_name", "user__email", "institution")
    autocomplete_fields = ("user",)
    actions = ["record_training", "export_csv"]
    export_csv = csv_export(
        "evaluators.csv",
        [
            ("Name", "user__full_name"),
            ("Email", "user__email"),
            ("Institution", "institution"),
            ("Sets", lambda e: "; ".join(s.name for s in e.sets.all())),
            ("Trained on", "trained_on"),
            ("Active", lambda e: "yes" if e.active else "no"),
            ("Most assignments at once", "max_assignments"),
        ],
        prepare=lambda rows: rows.select_related("user").prefetch_related("sets"),
    )

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="evaluations_evaluator_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """The committee's list of evaluators, from a CSV file, with a preview."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        return import_page(
            request,
            EvaluatorImport(),
            template="admin/import.html",
            context={
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Import evaluators",
                "intro": "Add the evaluators the committee has chosen. Each is "
                "told by mail; someone without an account gets one, with a link "
                "to choose a password.",
            },
            done_url=reverse("admin:evaluations_evaluator_changelist"),
            by=request.user,
        )

    @admin.action(description="Record the portfolio-assessment training",
                  permissions=["change"])  # fmt: skip
    def record_training(self, request, queryset):
        def apply(data):
            for evaluator in queryset:
                training_record(
                    evaluator=evaluator, on=data["trained_on"], by=request.user
                )
            self.message_user(
                request, f"Training recorded for {queryset.count()} evaluator(s)."
            )

        return action_with_form(
            self, request, queryset,
            form_class=TrainingForm, title="Record the training", apply=apply,
        )  # fmt: skip


@admin.register(EvaluatorApplication)
class EvaluatorApplicationAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    """The CRC's queue of offers to evaluate."""

    list_display = ("user", "institution", "role", "portfolios_per_year", "state",
                    "created_at")  # fmt: skip
    list_filter = ("state", "role", "sets")
    list_select_related = ("user",)
    search_fields = ("user__full_name", "user__email", "institution")
    readonly_fields = ["user", "institution", "role", "expertise",
                       "portfolios_per_year", "statement", "state", "created_at",
                       "decided_at", "decided_by", "reason"]  # fmt: skip
    exclude = ["sets"]
    actions = ["select", "decline"]

    @admin.display(description="sets of their expertise")
    def expertise(self, obj):
        return ", ".join(s.name for s in obj.sets.all())

    @admin.action(description="Select: create the evaluator profile",
                  permissions=["change"])  # fmt: skip
    def select(self, request, queryset):
        done = sum(
            evaluator_select(application=a, by=request.user) is not None
            for a in queryset
        )
        self.message_user(
            request,
            f"{done} evaluator(s) selected. Record their training before they can "
            "be assigned.",
        )

    @admin.action(description="Do not select, with a reason", permissions=["change"])
    def decline(self, request, queryset):
        def apply(data):
            done = sum(
                evaluator_decline(application=a, by=request.user, reason=data["reason"])
                for a in queryset
            )
            self.message_user(request, f"{done} offer(s) declined.")

        return action_with_form(
            self, request, queryset,
            form_class=ReasonForm, title="Offers not taken up", apply=apply,
        )  # fmt: skip


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
class ReviewAdmin(ReadOnlyRecord, admin.ModelAdmin):
    """Reviews are the evaluators' own words: staff read them, never edit them."""

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


class NeedsEvaluatorFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("needs_evaluator", "Needs an evaluator"),
            ("third", "Disagreement: with a third evaluator"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "needs_evaluator":
            return queryset.filter(pk__in=needs_evaluator().values("pk"))
        if self.value() == "third":
            return queryset.filter(
                assignments__third_reviewer=True, decision__isnull=True
            ).distinct()
        return queryset


class AssignmentInline(ReadOnlyInline):
    model = Assignment
    fields = ("evaluator", "third_reviewer", "state", "due_on", "decline_reason")
    readonly_fields = fields


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyRecord, admin.ModelAdmin):
    """Submissions as frozen when paid; where each one stands in review."""

    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False

    list_display = ("__str__", "number", "submitted_at", "outcome")
    list_filter = (NeedsEvaluatorFilter, "portfolio__competency_set")
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
