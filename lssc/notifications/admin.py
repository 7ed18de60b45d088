from django.contrib import admin, messages

from lssc.core.admin_actions import ReadOnlyRecord, RecordedByTheProgram

from .models import MailState, OutgoingMail, Reminder
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


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyRecord, admin.ModelAdmin):
    """The reminder log: who was reminded of what, for which date, and when."""

    list_display = ("sent_at", "kind", "due_on", "to", "subject_type", "subject_id")
    list_filter = ("kind", "subject_type")
    list_select_related = ("subject_type",)
    search_fields = ("to",)
