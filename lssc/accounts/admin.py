from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm

from lssc.core.admin_history import SimpleHistoryAdmin

from .models import User


class LsscUserCreationForm(UserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name")


class LsscUserChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    form = LsscUserChangeForm
    add_form = LsscUserCreationForm
    ordering = ("full_name", "email")
    list_display = ("email", "full_name", "is_staff", "is_active", "date_joined")
    list_filter = ("is_staff", "is_active", "groups")
    search_fields = ("email", "full_name")
    readonly_fields = ("last_login", "date_joined", "records")
    show_full_result_count = False
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Personal details", {"fields": ("full_name",)}),
        (
            "Access",
            {"fields": ("is_active", "is_staff", "is_superuser", "groups")},
        ),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
        ("Their records", {"fields": ("records",)}),
    )

    @admin.display(description="records")
    def records(self, obj):
        from lssc.core.admin_links import as_list, person_links

        return as_list(person_links(obj))

    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "full_name", "password1", "password2"),
            },
        ),
    )
    filter_horizontal = ("groups",)
