from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from lssc.competencies.models import CompetencySet
from lssc.core.admin_actions import (
    BoundedInline,
    ReadOnlyInline,
    ReasonForm,
    RecordedByTheProgram,
    action_with_form,
)
from lssc.core.admin_autocomplete import SafeAutocomplete
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.imports import import_page
from lssc.core.program import rules

from .achievements import (
    claim_reject,
    claim_verify,
    completion_reject,
    completion_verify,
)
from .documents import DocumentRefused, document_name
from .imports import RosterImport
from .models import (
    Completion,
    Course,
    CourseApplication,
    CourseApproval,
    Instructor,
    Offering,
    Provider,
    ProviderContact,
    RecognitionAgreement,
    RecognitionClaim,
)
from .rules import covers_certification
from .services import (
    CourseError,
    application_approve,
    application_reject,
    application_request_changes,
)


def _file_link(kind, obj, field):
    # An unsaved row (the add form shown again with errors) has no URL yet.
    if obj.pk is None or not getattr(obj, field):
        return "—"
    url = reverse("courses:file", kwargs={"kind": kind, "pk": obj.pk})
    return format_html('<a href="{}">Download</a>', url)


# The people who act for one provider: a coordinator or two, rarely more.
MAX_PROVIDER_CONTACTS = 20


class ContactInline(SafeAutocomplete, BoundedInline):
    model = ProviderContact
    extra = 0
    max_num = MAX_PROVIDER_CONTACTS
    autocomplete_fields = ["user"]


@admin.register(Provider)
class ProviderAdmin(SimpleHistoryAdmin):
    list_display = ("name", "type", "state", "created_at")
    list_filter = ("type", "state")
    search_fields = ("name", "contacts__user__email")
    inlines = [ContactInline]


class PartOfTheParent(ReadOnlyInline):
    """Rows read as part of their parent: whoever may view the parent sees them
    (no staff group holds a permission on these models of their own)."""

    def has_view_permission(self, request, obj=None):
        opts = self.parent_model._meta
        return any(
            request.user.has_perm(
                f"{opts.app_label}.{get_permission_codename(action, opts)}"
            )
            for action in ("view", "change")
        )


class InstructorInline(PartOfTheParent):
    model = Instructor
    fields = ("name", "qualifications")


class OfferingInline(PartOfTheParent):
    model = Offering
    fields = ("starts_on", "ends_on", "location")


def _decision(service, verb):
    """An admin action that asks for the reason sent to the provider."""

    def action(modeladmin, request, queryset):
        def apply(data):
            done = 0
            for application in queryset:
                try:
                    done += bool(
                        service(
                            application=application,
                            by=request.user,
                            reason=data["reason"],
                        )
                    )
                except CourseError as error:
                    modeladmin.message_user(request, str(error), messages.ERROR)
            skipped = queryset.count() - done
            modeladmin.message_user(
                request,
                f"{done} application(s) {verb}."
                + (f" {skipped} were not in review and were left as they were."
                   if skipped else ""),
                messages.SUCCESS if done else messages.WARNING,
            )  # fmt: skip

        return action_with_form(
            modeladmin, request, queryset,
            form_class=ReasonForm, title=f"Applications to be {verb}", apply=apply,
        )  # fmt: skip

    return action


@admin.register(CourseApplication)
class CourseApplicationAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    list_display = (
        "reference",
        "title",
        "provider",
        "competency_set",
        "is_renewal",
        "status",
        "in_review_since",
    )
    list_filter = ("status", "competency_set", "provider__type")
    list_select_related = ("provider", "competency_set")
    search_fields = ("title", "provider__name")
    ordering = ("-created_at", "-pk")
    inlines = [InstructorInline, OfferingInline]
    actions = ["approve", "request_changes", "reject"]
    fieldsets = [
        (None, {"fields": ("provider", "status", "renewal_of", "course", "fee")}),
        (
            "The course",
            {
                "fields": (
                    "title",
                    "description",
                    "competency_set",
                    "format",
                    "delivery",
                    "pacing",
                    "length_display",
                    "assessment",
                    "completion_certification",
                )
            },
        ),
        ("Competency coverage", {"fields": ("coverage_table",)}),
        (
            "Decision",
            {
                "fields": (
                    "submitted_at",
                    "paid_at",
                    "in_review_since",
                    "decided_at",
                    "decided_by",
                    "decision_reason",
                )
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [
            name
            for fields in (f["fields"] for _, f in self.fieldsets)
            for name in fields
        ]

    @admin.display(description="renewal", boolean=True)
    def is_renewal(self, obj):
        return obj.is_renewal

    @admin.display(description="length")
    def length_display(self, obj):
        return f"{obj.length} {obj.get_length_unit_display()}" if obj.length else "—"

    @admin.display(description="fee")
    def fee(self, obj):
        if obj.is_renewal:
            return "Renewal fee"
        if obj.fee_position:
            return f"The provider's course no. {obj.fee_position}"
        return "—"

    @admin.display(description="where each competency is taught")
    def coverage_table(self, obj):
        """The set's competencies side by side with what the provider wrote."""
        if not obj.competency_set_id:
            return "No competency set chosen."
        written = {c.competency_id: c.where_taught for c in obj.coverage.all()}
        rows = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>",
            (
                (c.number, c.text, written.get(c.pk) or "— not covered —")
                for c in obj.competency_set.competencies.all()
            ),
        )
        return format_html(
            "<table><thead><tr><th scope='col'>No.</th><th scope='col'>Competency"
            "</th><th scope='col'>Where the course teaches it</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            rows,
        )

    approve = admin.action(
        description="Approve for three years", permissions=["change"]
    )(_decision(application_approve, "approved"))
    request_changes = admin.action(
        description="Request changes", permissions=["change"]
    )(_decision(application_request_changes, "sent back for changes"))
    reject = admin.action(description="Do not approve", permissions=["change"])(
        _decision(application_reject, "not approved")
    )


class ApprovalInline(PartOfTheParent):
    model = CourseApproval
    fields = ("starts_on", "expires_on", "application", "approved_by", "approved_at")
    # Not editable (auto_now_add): no form may hold it, so it is shown read-only.
    readonly_fields = ("approved_at",)


@admin.register(Course)
class CourseAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    list_display = (
        "title",
        "provider",
        "competency_set",
        "approved_on",
        "expires_on",
        "in_catalog",
    )
    list_filter = ("competency_set", "delivery", "pacing", "provider__type")
    list_select_related = ("provider", "competency_set")
    search_fields = ("title", "provider__name")
    inlines = [ApprovalInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Course._meta.fields]

    def get_urls(self):
        return [
            path(
                "<int:pk>/roster/",
                self.admin_site.admin_view(self.roster_view),
                name="courses_course_roster",
            ),
            *super().get_urls(),
        ]

    def roster_view(self, request, pk):
        """A roster the provider sent, imported by staff who verify completions."""
        if not request.user.has_perm("courses.change_completion"):
            raise PermissionDenied
        course = get_object_or_404(Course.objects.select_related("provider"), pk=pk)
        return import_page(
            request,
            RosterImport(course),
            template="admin/import.html",
            context={
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": course,
                "title": "Import a roster",
                "intro": f"The candidates who completed {course.title} "
                f"({course.provider.name}). Each row counts as the provider's "
                "confirmation: the completion is verified and the set achieved.",
                "salt": course.pk,
            },
            done_url=reverse("admin:courses_course_change", args=[course.pk]),
            by=request.user,
        )

    @admin.display(boolean=True, description="in the catalog")
    def in_catalog(self, obj):
        return obj.is_approved()


def _review_actions(verify, reject, noun):
    def verify_action(modeladmin, request, queryset):
        done = 0
        for obj in queryset:
            try:
                done += verify(obj, request.user) is not None
            except CourseError as error:
                modeladmin.message_user(request, f"{obj}: {error}", messages.ERROR)
        modeladmin.message_user(request, f"{done} {noun}(s) verified.")

    def reject_action(modeladmin, request, queryset):
        def apply(data):
            done = sum(
                bool(reject(obj, request.user, data["reason"])) for obj in queryset
            )
            modeladmin.message_user(request, f"{done} {noun}(s) not accepted.")

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
    list_filter = ("state", "confirmed_by_provider")
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
        "reason",
        "created_at",
    ]
    exclude = ["form", "form_name"]

    @admin.display(boolean=True, description="signed form")
    def has_form(self, obj):
        return bool(obj.form)

    @admin.display(description="signed completion form")
    def signed_form(self, obj):
        return _file_link("completion", obj, "form")

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
        return _file_link("agreement", obj, "document")


@admin.register(RecognitionClaim)
class RecognitionClaimAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    list_display = ("candidate", "agreement", "graduated_on", "state", "created_at")
    list_filter = ("state",)
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
        "reason",
        "created_at",
    ]
    exclude = ["document", "document_name"]

    @admin.display(description="transcript or diploma")
    def transcript(self, obj):
        return _file_link("claim", obj, "document")

    verify = admin.action(
        description="Verify: achieves every set it covers", permissions=["change"]
    )(_verify_claim)
    reject = admin.action(description="Do not accept", permissions=["change"])(
        _reject_claim
    )
