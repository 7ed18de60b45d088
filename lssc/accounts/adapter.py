"""allauth, fitted to the program: sign-in failures counted per client and account,
and each person sent to their own home once signed in."""

from allauth.account.adapter import DefaultAccountAdapter

from . import lockout
from .homes import home_of
from .mail import ProgramMailMixin


class AccountAdapter(ProgramMailMixin, DefaultAccountAdapter):
    """Mail from the configured site, text and HTML (``mail.py``)."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": (
            "Too many failed sign-ins to this account from here. Wait five minutes "
            "and try again, or choose “Forgot your password?” to set a new one and "
            "sign in now."
        ),
    }

    def pre_authenticate(self, request, **credentials):
        login = credentials.get("email", credentials.get("username", "")) or ""
        self._login_failed_rl_usage = lockout.consume_attempt(request, login)
        if not self._login_failed_rl_usage:
            raise self.validation_error("too_many_login_attempts")

    def _delete_login_attempts_cached_email(self, request, **credentials):
        login = credentials.get("email", credentials.get("username", "")) or ""
        lockout.clear_attempts(request, login)

    def get_login_redirect_url(self, request):
        # A ``next`` address, when given, still wins: allauth asks here only without.
        home = home_of(request.user)
        return home.url if home else super().get_login_redirect_url(request)
