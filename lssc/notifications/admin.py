from django.contrib import admin, messages

from lssc.core.admin_actions import RecordedByTheProgram

from .models import MailState, OutgoingMail
from .tasks import mail_send


@admin.register(OutgoingMail)
class OutgoingMailAdmin(RecordedByTheProgram, admin.ModelAdmin):
    list_display = ("created_at", "to", "subject", "state", "attempts", "sent_at")
    list_filter = ("state", "created_at")
    search_fields = ("to", "subject", "key")
    # No date_hierarchy: its year list scans the whole table; the filter does not.
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]
    actions = ["retry"]

    @admin.action(description="Send failed messages again")
    def retry(self, request, queryset):
        failed = list(
            queryset.filter(state=MailState.FAILED).values_list("pk", flat=True)
        )
        for pk in failed:
            mail_send.delay(pk)
        self.message_user(
            request, f"{len(failed)} message(s) queued again.", messages.INFO
        )
