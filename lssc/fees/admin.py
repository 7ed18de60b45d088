from django.contrib import admin
from django.utils import timezone

from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.admin_money import DollarsAdmin, money_column

from .models import Fee


@admin.register(Fee)
class FeeAdmin(DollarsAdmin, SimpleHistoryAdmin):
    list_display = (
        "kind",
        "audience",
        "from_item",
        "to_item",
        money_column("amount_cents", "amount"),
        "effective_from",
        "note",
    )
    search_fields = ("note",)
    list_filter = ("kind", "audience")
    date_hierarchy = "effective_from"
    ordering = ("kind", "audience", "from_item", "-effective_from")

    def _in_effect(self, obj):
        return obj is not None and obj.effective_from <= timezone.localdate()

    def get_readonly_fields(self, request, obj=None):
        if self._in_effect(obj):
            # What people were charged must stay explainable: change fees by adding a
            # new row with a later date.
            return self.in_dollars(f.name for f in Fee._meta.fields if f.name != "note")
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self._in_effect(obj):
            return False
        return super().has_delete_permission(request, obj)
