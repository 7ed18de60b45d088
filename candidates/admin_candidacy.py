"""The admin's side of a candidacy's deadline: which candidacies are in force or
ended, and the requests for more time that staff grant or refuse.

Registered from ``admin.py``, which imports this module.
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from lssc.audit.admin_history import AuditTrailHistory
from lssc.core.admin_actions import (
    ReadOnlyInline,
    ReasonForm,
    RecordedByTheProgram,
    action_with_form,
)
from lssc.core.worklist import QueueFilter

from .errors import ApplicationError
from .extensions import extension_grant, extension_refuse
from .models import Certification, ExtensionRequest


class CandidacyFilter(admin.SimpleListFilter):
    """In force, ended (past the deadline without the certification), or
    certified, as of today in the program's time zone."""

    title = "candidacy"
    parameter_name = "candidacy"

    def lookups(self, request, model_admin):
        return [
            ("in_force", "In force"),
            ("ended", "Ended"),
            ("certified", "Certified"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        certified = Exists(Certification.objects.filter(candidate_id=OuterRef("pk")))
        if self.value() == "in_force":
            return queryset.filter(deadline__gte=today).exclude(certified)
        if self.value() == "ended":
            return queryset.filter(deadline__lt=today).exclude(certified)
        if self.value() == "certified":
            return queryset.filter(certified)
        return queryset


class ExtensionRequestInline(ReadOnlyInline):
    model = ExtensionRequest
    fields = ("created_at", "status", "deadline_then", "asked_until", "granted_until")
    readonly_fields = fields
    show_change_link = True


class GrantForm(forms.Form):
    until = forms.DateField(
        label="New deadline",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty to grant the date each candidate asked for.",
    )
    reason = forms.CharField(
        label="Note to the candidate",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional; kept in the audit trail and sent with the decision.",
    )


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(RecordedByTheProgram, AuditTrailHistory, admin.ModelAdmin):
    list_display = (
        "candidate", "status", "deadline_then", "asked_until", "granted_until",
        "created_at",
    )  # fmt: skip
    list_filter = (QueueFilter, "status", "created_at")
    list_select_related = ("candidate__user",)
    search_fields = ("candidate__number", "candidate__user__full_name")
    readonly_fields = (
        "candidate", "status", "reason", "deadline_then", "asked_until",
        "supporting_document", "granted_until", "decided_at", "decided_by",
        "decision_reason", "created_at",
    )  # fmt: skip
    exclude = ("document", "document_name")
    actions = ["grant", "refuse"]
    list_per_page = 100

    @admin.display(description="supporting document")
    def supporting_document(self, obj):
        if not obj.document:
            return "—"
        url = reverse("candidates:extension_document", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.document_name)

    @admin.action(description="Grant more time", permissions=["change"])
    def grant(self, request, queryset):
        def apply(data):
            for extension in queryset.select_related("candidate"):
                until = data["until"] or extension.asked_until
                try:
                    done = extension_grant(
                        request=extension,
                        until=until,
                        by=request.user,
                        reason=data["reason"],
                    )
                except ApplicationError as error:
                    self.message_user(
                        request, f"{extension.candidate}: {error}", messages.ERROR
                    )
                    continue
                if done:
                    self.message_user(
                        request,
                        f"{extension.candidate}: granted; the deadline is now "
                        f"{until:%B %-d, %Y} and the candidate has been told.",
                    )
                else:
                    self.message_user(
                        request,
                        f"{extension.candidate}: decided already; nothing changed.",
                        messages.WARNING,
                    )

        return action_with_form(
            self, request, queryset, form_class=GrantForm,
            title="Grant more time", apply=apply,
        )  # fmt: skip

    @admin.action(description="Refuse, with a reason", permissions=["change"])
    def refuse(self, request, queryset):
        def apply(data):
            done = sum(
                extension_refuse(request=e, by=request.user, reason=data["reason"])
                for e in queryset
            )
            self.message_user(
                request,
                f"{done} request{'s' if done != 1 else ''} refused; each candidate "
                "has been told why.",
            )
            if done < len(queryset):
                self.message_user(
                    request,
                    "Requests decided already were left as they were.",
                    messages.WARNING,
                )

        return action_with_form(
            self, request, queryset, form_class=ReasonForm,
            title="Refuse requests for more time", apply=apply,
        )  # fmt: skip
