from django.contrib import admin

from lssc.core.admin_actions import ReadOnlyRecord

from .models import PendingTask


class Waiting(admin.SimpleListFilter):
    title = "sent to the broker"
    parameter_name = "sent"

    def lookups(self, request, model_admin):
        return [("no", "Waiting"), ("yes", "Sent")]

    def queryset(self, request, queryset):
        if self.value() in ("no", "yes"):
            return queryset.filter(dispatched_at__isnull=self.value() == "no")
        return queryset


@admin.register(PendingTask)
class PendingTaskAdmin(ReadOnlyRecord, admin.ModelAdmin):
    show_full_result_count = False
    list_display = (
        "created_at",
        "name",
        "args",
        "dispatched_at",
        "attempts",
        "last_error",
    )
    list_filter = (Waiting, "name")
    readonly_fields = [f.name for f in PendingTask._meta.fields]
