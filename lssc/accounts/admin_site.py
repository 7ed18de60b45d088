"""The program's admin site: the staff's tools, open only to staff with two-factor."""

from allauth.account.decorators import secure_admin_login
from django.contrib.admin import AdminSite

from .two_factor import staff_powers


class ProgramAdminSite(AdminSite):
    site_header = "LSSC program administration"
    site_title = "LSSC admin"
    index_title = "Program administration"

    def has_permission(self, request):
        return staff_powers(request.user)

    def login(self, request, extra_context=None):
        # Staff sign in through the same login as everyone (rate limits, two-factor).
        return secure_admin_login(super().login)(request, extra_context)
