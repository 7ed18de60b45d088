"""Evaluators, their import and training, and the offers to evaluate."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse

from lssc.core.admin_actions import (
    ReasonForm,
    RecordedByTheProgram,
    action_with_form,
    csv_export,
)
from lssc.core.admin_autocomplete import SafeAutocomplete
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.imports import import_page
from lssc.core.words import counted
from lssc.core.worklist import QueueFilter

from ..imports import EvaluatorImport
from ..models import Evaluator, EvaluatorApplication
from ..recruitment import evaluator_decline, evaluator_select, training_record


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
    list_display = (
        "name",
        "email",
        "institution",
        "trained_on",
        "active",
        "max_assignments",
    )
    # By name, then by id: a stable order across pages for people of one name.
    ordering = ("user__full_name", "pk")
    list_per_page = 50
    list_filter = (
        QueueFilter,
        "active",
        "sets",
        ("trained_on", admin.EmptyFieldListFilter),
    )
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

    @admin.display(description="name", ordering="user__full_name")
    def name(self, obj):
        return obj.user.full_name or obj.user.email

    @admin.display(description="email", ordering="user__email")
    def email(self, obj):
        return obj.user.email

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
                request,
                f"Training recorded for {counted(queryset.count(), 'evaluator')}.",
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
    list_filter = (QueueFilter, "state", "role", "sets")
    list_select_related = ("user",)
    search_fields = ("user__full_name", "user__email", "institution")
    readonly_fields = ["user", "institution", "role", "expertise",
                       "portfolios_per_year", "statement", "state", "created_at",
                       "decided_at", "decided_by", "decision_reason"]  # fmt: skip
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
            f"{counted(done, 'evaluator')} selected. Record their training before they "
            "can be assigned.",
        )

    @admin.action(description="Do not select, with a reason", permissions=["change"])
    def decline(self, request, queryset):
        def apply(data):
            done = sum(
                evaluator_decline(application=a, by=request.user, reason=data["reason"])
                for a in queryset
            )
            self.message_user(request, f"{counted(done, 'offer')} declined.")

        return action_with_form(
            self, request, queryset,
            form_class=ReasonForm, title="Offers not taken up", apply=apply,
        )  # fmt: skip
