from django import forms
from django.contrib import admin, messages
from django.db.models import Count

from lssc.core.admin_actions import (
    ReadOnlyInline,
    ReasonForm,
    RecordedByTheProgram,
    action_with_form,
    csv_export,
)
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.admin_links import as_list, person_links
from lssc.core.admin_money import DollarsAdmin
from lssc.core.admin_search import PersonSearch
from lssc.core.words import counted
from lssc.core.worklist import QueueFilter

from . import admin_state_libraries  # noqa: F401 (registers the agencies' admin)
from .admin_candidacy import CandidacyFilter, ExtensionRequestInline
from .applications import (
    application_approve_education,
    application_mark_membership_unverified,
    application_reject,
)
from .candidacy import candidate_extend_deadline
from .certification import certification_revoke
from .errors import ApplicationError, CertificationError
from .models import (
    Achievement,
    Application,
    Candidate,
    Certification,
    ShareLink,
    WorkHistory,
)


class WorkHistoryInline(ReadOnlyInline):
    model = WorkHistory
    fields = ("library", "position", "paid", "start_date", "end_date", "hours_per_week")
    readonly_fields = fields


@admin.register(Application)
class ApplicationAdmin(
    PersonSearch, RecordedByTheProgram, DollarsAdmin, SimpleHistoryAdmin
):
    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False
    list_display = (
        "applicant",
        "email",
        "status",
        "education",
        "library_type",
        "ala_member",
        "counted_hours",
        "submitted_at",
    )
    list_filter = (
        QueueFilter,
        "status",
        "education",
        "library_type",
        "ala_member",
        "ala_membership_unverified",
        "how_heard",
        "submitted_at",
    )
    list_select_related = ("user", "candidate")
    search_fields = (
        "user__full_name",
        "user__email",
        "candidate__number",
        "library_name",
    )
    own_search_fields = ("library_name",)
    inlines = [WorkHistoryInline]
    actions = ["admit", "reject", "mark_membership_unverified"]
    list_per_page = 100
    readonly_fields = (
        "user",
        "status",
        "steps_done",
        "submitted_at",
        "counted_hours",
        "education_approved",
        "decided_at",
        "decided_by",
        "decision_reason",
        "ala_membership_unverified",
        "agreed_to_policies_at",
    )

    @admin.display(ordering="user__full_name")
    def applicant(self, obj):
        return obj.user.full_name

    @admin.display(ordering="user__email")
    def email(self, obj):
        return obj.user.email

    @admin.action(
        description="Admit (accept education from outside the US)",
        permissions=["change"],
    )
    def admit(self, request, queryset):
        def apply(data):
            done = sum(
                application_approve_education(
                    application=a, by=request.user, reason=data["reason"]
                )
                for a in queryset
            )
            self.message_user(
                request,
                f"{counted(done, 'application')} accepted; each is admitted once paid.",
            )
            if done < len(queryset):
                self.message_user(
                    request,
                    "Only applications under staff review can be admitted here; "
                    "the others are admitted automatically when paid.",
                    messages.WARNING,
                )

        return action_with_form(
            self, request, queryset, form_class=ReasonForm, title="Admit", apply=apply
        )

    @admin.action(
        description="Reject, with a reason sent to the applicant",
        permissions=["change"],
    )
    def reject(self, request, queryset):
        def apply(data):
            done = sum(
                application_reject(
                    application=a, by=request.user, reason=data["reason"]
                )
                for a in queryset
            )
            self.message_user(request, f"{counted(done, 'application')} rejected.")

        return action_with_form(
            self, request, queryset, form_class=ReasonForm, title="Reject", apply=apply
        )

    @admin.action(
        description="Mark ALA membership as not verified", permissions=["change"]
    )
    def mark_membership_unverified(self, request, queryset):
        def apply(data):
            done = sum(
                application_mark_membership_unverified(
                    application=a, by=request.user, reason=data["reason"]
                )
                for a in queryset
            )
            self.message_user(
                request, f"{counted(done, 'application')} now owe the non-member fee."
            )

        return action_with_form(
            self,
            request,
            queryset,
            form_class=ReasonForm,
            title="Mark membership not verified",
            apply=apply,
        )


class ExtendDeadlineForm(ReasonForm):
    new_deadline = forms.DateField(
        label="New deadline", widget=forms.DateInput(attrs={"type": "date"})
    )
    field_order = ["new_deadline", "reason"]


class AchievementInline(ReadOnlyInline):
    model = Achievement
    fields = ("competency_set", "method", "achieved_on", "note", "carried_from")
    readonly_fields = fields


@admin.register(Candidate)
class CandidateAdmin(PersonSearch, RecordedByTheProgram, SimpleHistoryAdmin):
    list_display = ("number", "name", "email", "admitted_on", "deadline")
    list_select_related = ("user",)
    search_fields = ("number", "user__full_name", "user__email")
    own_search_fields = ()  # the number is found with the person
    list_filter = (QueueFilter, CandidacyFilter, "admitted_on", "deadline")
    readonly_fields = (
        "user", "application", "number", "admitted_on", "deadline", "records"
    )  # fmt: skip
    inlines = [AchievementInline, ExtensionRequestInline]
    show_full_result_count = False
    # No date_hierarchy: its year list scans every candidate (40 ms at 100,000).

    @admin.display(description="their records")
    def records(self, obj):
        return as_list(person_links(obj.user))

    actions = ["extend_deadline", "export_csv"]
    list_per_page = 100
    export_csv = csv_export(
        "candidates.csv",
        [
            ("Candidate number", "number"),
            ("Name", "user__full_name"),
            ("Email", "user__email"),
            ("Library", "application__library_name"),
            ("State", "application__state"),
            ("Admitted on", "admitted_on"),
            ("Deadline", "deadline"),
            ("Sets achieved", "sets_achieved"),
        ],
        prepare=lambda rows: rows.select_related("user", "application").annotate(
            sets_achieved=Count("achievements")
        ),
    )

    @admin.display(ordering="user__full_name")
    def name(self, obj):
        return obj.user.full_name

    @admin.display(ordering="user__email")
    def email(self, obj):
        return obj.user.email

    @admin.action(description="Extend the deadline", permissions=["change"])
    def extend_deadline(self, request, queryset):
        def apply(data):
            for candidate in queryset:
                try:
                    candidate_extend_deadline(
                        candidate=candidate,
                        new_deadline=data["new_deadline"],
                        by=request.user,
                        reason=data["reason"],
                    )
                except ApplicationError as error:
                    self.message_user(request, f"{candidate}: {error}", messages.ERROR)
                else:
                    self.message_user(request, f"{candidate}: deadline extended.")

        return action_with_form(
            self,
            request,
            queryset,
            form_class=ExtendDeadlineForm,
            title="Extend the deadline",
            apply=apply,
        )


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ("label", "candidate", "expires_on", "revoked_at", "created_at")
    list_select_related = ("candidate__user",)
    search_fields = ("label", "candidate__number", "candidate__user__email")
    readonly_fields = ("candidate", "label", "expires_on", "revoked_at", "created_at")
    # The token is the key to the record, and the link's address holds it: neither
    # is shown here.
    exclude = ("token",)
    view_on_site = False

    def has_add_permission(self, request):
        return False


@admin.register(Certification)
class CertificationAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False
    date_hierarchy = "certified_on"
    list_display = ("number", "holder", "certified_on", "valid_through", "revoked_at")
    list_select_related = ("candidate__user",)
    search_fields = ("number", "candidate__user__full_name", "candidate__number")
    list_filter = ("certified_on", "expires_on")
    # ``expires_on`` (the first day no longer valid) is shown as its last days.
    exclude = ("expires_on",)
    readonly_fields = [
        "number",
        "candidate",
        "certified_on",
        "valid_through",
        "grace_through",
        "status",
        "revoked_at",
        "revoked_by",
        "revoke_reason",
        "created_at",
    ]
    actions = ["revoke", "export_csv"]
    export_csv = csv_export(
        "certifications.csv",
        [
            ("Certificate number", "number"),
            ("Holder", "candidate__user__full_name"),
            ("Candidate number", "candidate__number"),
            ("Certified on", "certified_on"),
            ("Valid through", lambda c: c.last_valid_day),
            ("Revoked", lambda c: "yes" if c.is_revoked else ""),
            ("Listed publicly", lambda c: "yes" if c.listed_publicly else ""),
        ],
        prepare=lambda rows: rows.select_related("candidate__user"),
    )

    @admin.display(ordering="candidate__user__full_name")
    def holder(self, obj):
        return obj.candidate.user.full_name

    # Last days, as every page shows them; ``expires_on`` is the day after.
    @admin.display(description="valid through", ordering="expires_on")
    def valid_through(self, obj):
        return obj.last_valid_day

    @admin.display(description="grace period and renewal through")
    def grace_through(self, obj):
        return obj.last_grace_day

    @admin.action(description="Revoke, with a reason", permissions=["change"])
    def revoke(self, request, queryset):
        def apply(data):
            done = 0
            for certification in queryset:
                try:
                    done += certification_revoke(
                        certification=certification,
                        by=request.user,
                        reason=data["reason"],
                    )
                except CertificationError as error:
                    self.message_user(request, str(error), messages.ERROR)
            self.message_user(request, f"{counted(done, 'certification')} revoked.")

        return action_with_form(
            self, request, queryset,
            form_class=ReasonForm, title="Revoke certifications", apply=apply,
        )  # fmt: skip
