"""Requests carrying control characters are refused before any view reads them.

An address, a query string or a form field with NUL (or another C0 control
character) comes from a tool, not a person, and would fail deep down: PostgreSQL
refuses NUL in any lookup or save. One check here answers all of them with 400.
Tab, line feed and carriage return stay allowed in query and form values. Uploaded
files are not read here: their contents are judged by each upload's own checks, and
Django drops unprintable characters from their names.
"""

from django.contrib import messages
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from .errors import DomainError
from .text import has_control_characters

REFUSAL = (
    "Bad request: the address or the form contained control characters, which "
    "cannot be accepted. Remove them and try again.\n"
)


class ControlCharacterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # In an address, not even a tab or a line break has a place.
        if any(ord(c) < 32 for c in request.path) or _any_in(request.GET):
            return _refuse()
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        # The POST body is read as CsrfViewMiddleware would read it next; views exempt
        # from CSRF (webhooks) read their raw body themselves, so it is left unread.
        if request.method != "POST" or getattr(view, "csrf_exempt", False):
            return None
        if _any_in(request.POST):
            return _refuse()
        return None


def _any_in(data) -> bool:
    return any(
        has_control_characters(key) or any(map(has_control_characters, values))
        for key, values in data.lists()
    )


def _refuse():
    return HttpResponseBadRequest(REFUSAL, content_type="text/plain; charset=utf-8")


class DomainErrorMiddleware:
    """A rule's refusal a view did not catch becomes its message, never a 500.

    Views catch their app's error and show it on the form; this is the net under
    them: a form sent back (POST) returns to the page it came from with the message,
    anything else answers 409 with the message. Nothing was changed either way: the
    error rolled the transaction back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DomainError):
            return None
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = ""
        if request.method == "POST" and back:
            messages.error(request, exception.message)
            return HttpResponseRedirect(back)
        context = {"message": exception.message, "back": back or "/"}
        return render(request, "core/refused.html", context, status=409)
