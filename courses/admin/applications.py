"""Course applications: the form as the provider sent it, and staff's decisions."""

from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join

from lssc.core.admin_actions import ReasonForm, RecordedByTheProgram, action_with_form
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.words import counted
from lssc.core.worklist import QueueFilter

from ..applications import (
    application_approve,
    application_reject,
    application_request_changes,
)
from ..errors import CourseError
from ..models import CourseApplication, Instructor, Offering
from .common import PartOfTheParent


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
                f"{counted(done, 'application')} {verb}."
                + (f" Not in review, so left as it was: "
                   f"{counted(skipped, 'application')}." if skipped else ""),
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
    list_filter = (QueueFilter, "status", "competency_set", "provider__type")
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
