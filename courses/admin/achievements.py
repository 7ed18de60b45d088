"""Completions, recognition agreements and claims: what candidates record and staff
verify (or not)."""

from django import forms
from django.contrib import admin, messages

from lssc.competencies.models import CompetencySet
from lssc.core.admin_actions import ReasonForm, RecordedByTheProgram, action_with_form
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.program import rules
from lssc.core.words import counted
from lssc.core.worklist import QueueFilter

from ..achievements import (
    claim_reject,
    claim_verify,
    completion_reject,
    completion_verify,
)
from ..documents import DocumentRefused, document_name
from ..errors import CourseError
from ..models import Completion, RecognitionAgreement, RecognitionClaim
from ..rules import covers_certification
from .common import file_link


def _review_actions(verify, reject, noun):
    def verify_action(modeladmin, request, queryset):
        done = 0
        for obj in queryset:
            try:
                done += verify(obj, request.user) is not None
            except CourseError as error:
                modeladmin.message_user(request, f"{obj}: {error}", messages.ERROR)
        modeladmin.message_user(request, f"{counted(done, noun)} verified.")

    def reject_action(modeladmin, request, queryset):
        def apply(data):
            done = sum(
                bool(reject(obj, request.user, data["reason"])) for obj in queryset
            )
            modeladmin.message_user(request, f"{counted(done, noun)} not accepted.")

        return action_with_form(
            modeladmin, request, queryset,
            form_class=ReasonForm, title=f"{noun.capitalize()}s not to accept",
            apply=apply,
        )  # fmt: skip

    return verify_action, reject_action


_verify_completion, _reject_completion = _review_actions(
    lambda c, by: completion_verify(completion=c, by=by) or None,
    lambda c, by, reason: completion_reject(completion=c, by=by, reason=reason),
    "completion",
)
_verify_claim, _reject_claim = _review_actions(
    lambda c, by: claim_verify(claim=c, by=by),
    lambda c, by, reason: claim_reject(claim=c, by=by, reason=reason),
    "claim",
)


@admin.register(Completion)
class CompletionAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False
    date_hierarchy = "completed_on"
    list_display = (
        "candidate",
        "course",
        "completed_on",
        "result",
        "state",
        "has_form",
        "confirmed_by_provider",
    )
    list_filter = (QueueFilter, "state", "confirmed_by_provider")
    list_select_related = ("candidate__user", "course")
    search_fields = ("candidate__user__full_name", "candidate__number", "course__title")
    actions = ["verify", "reject"]
    readonly_fields = [
        "candidate",
        "course",
        "completed_on",
        "result",
        "signed_form",
        "state",
        "confirmed_by_provider",
        "decided_by",
        "decided_at",
        "decision_reason",
        "created_at",
    ]
    exclude = ["form", "form_name"]

    @admin.display(boolean=True, description="signed form")
    def has_form(self, obj):
        return bool(obj.form)

    @admin.display(description="signed completion form")
    def signed_form(self, obj):
        return file_link("completion", obj, "form")

    verify = admin.action(
        description="Verify: achieves the course's set", permissions=["change"]
    )(_verify_completion)
    reject = admin.action(description="Do not accept", permissions=["change"])(
        _reject_completion
    )


class AgreementForm(forms.ModelForm):
    class Meta:
        model = RecognitionAgreement
        fields = [
            "college",
            "program_name",
            "state",
            "competency_sets",
            "effective_from",
            "effective_until",
            "signed_on",
            "document",
        ]
        # The admin's clearable input links the current file, and private files
        # have no URL: the page would fail. The "download" field links it instead.
        widgets = {
            "document": forms.FileInput,
            # Ten sets: checkboxes read and work better (keyboard, screen readers)
            # than the admin's two-box filter widget.
            "competency_sets": forms.CheckboxSelectMultiple,
        }

    def clean(self):
        data = super().clean()
        sets = data.get("competency_sets")
        if sets is not None:
            program = rules()
            ids = {s.pk for s in sets}
            required = set(
                CompetencySet.objects.required().values_list("pk", flat=True)
            )
            electives = set(
                CompetencySet.objects.electives().values_list("pk", flat=True)
            )
            if not covers_certification(
                ids, required, electives, program.ELECTIVE_SETS
            ):
                self.add_error(
                    "competency_sets",
                    f"An agreement covers all {program.REQUIRED_SETS} required sets "
                    f"and at least {program.ELECTIVE_SETS} electives.",
                )
        document = data.get("document")
        if document and hasattr(document, "content_type"):
            try:
                if not document_name(document).endswith(".pdf"):
                    self.add_error("document", "Upload the signed agreement as a PDF.")
            except DocumentRefused as error:
                self.add_error("document", str(error))
        start, end = data.get("effective_from"), data.get("effective_until")
        if start and end and end < start:
            self.add_error("effective_until", "The end must not be before the start.")
        return data


@admin.register(RecognitionAgreement)
class RecognitionAgreementAdmin(SimpleHistoryAdmin):
    form = AgreementForm
    list_display = (
        "college",
        "program_name",
        "state",
        "effective_from",
        "effective_until",
    )
    list_filter = ("state",)
    search_fields = ("college", "program_name")
    readonly_fields = ("signed_document",)

    def get_exclude(self, request, obj=None):
        # Staff who may only view see every field as text, and the text of a private
        # file is a URL it does not have: the "download" field links it instead.
        if obj is not None and not self.has_change_permission(request, obj):
            return ["document"]
        return super().get_exclude(request, obj)

    @admin.display(description="download")
    def signed_document(self, obj):
        return file_link("agreement", obj, "document")


@admin.register(RecognitionClaim)
class RecognitionClaimAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    list_display = ("candidate", "agreement", "graduated_on", "state", "created_at")
    list_filter = (QueueFilter, "state")
    list_select_related = ("candidate__user", "agreement")
    search_fields = ("candidate__user__full_name", "candidate__number")
    actions = ["verify", "reject"]
    readonly_fields = [
        "candidate",
        "agreement",
        "graduated_on",
        "transcript",
        "state",
        "decided_by",
        "decided_at",
        "decision_reason",
        "created_at",
    ]
    exclude = ["document", "document_name"]

    @admin.display(description="transcript or diploma")
    def transcript(self, obj):
        return file_link("claim", obj, "document")

    verify = admin.action(
        description="Verify: achieves every set it covers", permissions=["change"]
    )(_verify_claim)
    reject = admin.action(description="Do not accept", permissions=["change"])(
        _reject_claim
    )
