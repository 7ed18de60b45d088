"""Providers and the people who act for them."""

from django.contrib import admin

from lssc.core.admin_actions import BoundedInline
from lssc.core.admin_autocomplete import SafeAutocomplete
from lssc.core.admin_history import SimpleHistoryAdmin

from ..models import Provider, ProviderContact

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
