"""State library agencies, kept by staff, and the monthly digests sent to them:
staff preview the next digest of an agency and send a past one again."""

from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import render
from django.template.defaultfilters import pluralize

from lssc.core.admin_actions import ReadOnlyInline, RecordedByTheProgram

from .models import StateLibraryAgency, StateLibraryDigest, StateLibraryNotice
from .state_libraries import digest_preview, digest_resend


@admin.register(StateLibraryAgency)
class StateLibraryAgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "state", "email", "active")
    list_filter = ("active", "state")
    search_fields = ("name", "email")
    actions = ["preview_next_digest"]

    def has_delete_permission(self, request, obj=None):
        # Digests name the agency they went to: an agency is made inactive.
        return False

    @admin.action(description="Preview the next digest", permissions=["view"])
    def preview_next_digest(self, request, queryset):
        """What the next monthly run would send each agency now; nothing is sent
        or saved."""
        return render(
            request,
            "admin/candidates/statelibraryagency/preview.html",
            {
                **self.admin_site.each_context(request),
                "title": "Next state library digest",
                "opts": self.model._meta,
                "previews": [digest_preview(agency=a) for a in queryset],
            },
        )


class NoticeInline(ReadOnlyInline):
    model = StateLibraryNotice
    fields = ("certification",)
    readonly_fields = fields
    verbose_name = "holder announced"
    verbose_name_plural = "holders announced"

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("candidates.view_statelibrarydigest")


@admin.register(StateLibraryDigest)
class StateLibraryDigestAdmin(RecordedByTheProgram, admin.ModelAdmin):
    list_display = ("month", "state", "agency", "sent_to", "holders", "created_at")
    list_filter = ("state",)
    list_select_related = ("agency",)
    readonly_fields = ("agency", "state", "month", "sent_to", "created_at")
    inlines = [NoticeInline]
    actions = ["resend"]

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="holders", ordering="holder_count")
    def holders(self, obj):
        return obj.holder_count

    @admin.action(description="Send the selected digests again", permissions=["resend"])
    def resend(self, request, queryset):
        sent = [digest_resend(digest=d) for d in queryset.select_related("agency")]
        done = sum(mail is not None for mail in sent)
        self.message_user(
            request,
            f"{done} digest{pluralize(done)} queued to be sent again, to each "
            "agency's current address."
            + (
                f" {len(sent) - done} left out: every holder in it has been "
                "revoked since."
                if done < len(sent)
                else ""
            ),
            messages.SUCCESS if done else messages.WARNING,
        )

    def has_resend_permission(self, request):
        return request.user.has_perm("candidates.resend_statelibrarydigest")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(holder_count=Count("notices"))
