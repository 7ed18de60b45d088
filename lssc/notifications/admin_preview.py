"""The HTML part of a message, shown in admin as the recipient sees it.

The part is served on its own address and shown in a sandboxed frame: its inline
styles, which the admin's Content-Security-Policy rightly refuses, apply there and
nowhere else, and nothing in it can run or reach the admin page.
"""

from django.http import HttpResponse
from django.utils.csp import CSP
from django.utils.html import format_html
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override

# Styles only: no script, no request to anywhere; framed by the admin alone.
_FRAME_CSP = {
    "default-src": [CSP.NONE],
    "style-src": [CSP.UNSAFE_INLINE],
    "img-src": ["data:"],
    "frame-ancestors": [CSP.SELF],
}


def framed(view):
    """``view`` (returning a message's HTML) made fit for the preview frame."""
    return xframe_options_sameorigin(csp_override(_FRAME_CSP)(view))


def html_response(html: str) -> HttpResponse:
    return HttpResponse(html, content_type="text/html; charset=utf-8")


def html_frame(url: str) -> str:
    """The frame that shows the HTML part served at ``url``."""
    return format_html(
        '<iframe src="{}" sandbox title="The message as HTML" width="640" '
        'height="560" loading="lazy"></iframe>',
        url,
    )
