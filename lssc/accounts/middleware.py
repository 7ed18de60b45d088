"""Staff must protect their account with a second factor before using staff pages.

Without it they hold no permission anywhere (``two_factor``); this middleware only
sends them to enrol when they open a staff page, instead of a bare refusal.
"""

from django.contrib import messages
from django.shortcuts import redirect

from .two_factor import needs_two_factor

STAFF_PATH_PREFIXES = ("/admin/", "/staff/")


class StaffMFARequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(STAFF_PATH_PREFIXES) and needs_two_factor(
            request.user
        ):
            messages.warning(
                request,
                "Staff accounts must use two-factor authentication. Set up an "
                "authenticator app to continue.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
