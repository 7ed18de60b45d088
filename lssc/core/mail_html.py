"""The HTML part of a mail, made from its plain text.

Every message is written once, as text (``templates/mail/<name>.txt``, staff's
wording in admin, allauth's templates); the branded HTML is derived from that text
when the message is sent, so an edited wording needs no second template and the two
parts never say different things. The text is escaped line by line, web addresses
become links, "Label: value" lines keep their line with the label in bold, and a
blank line starts a new paragraph.
"""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import format_html, urlize
from django.utils.safestring import mark_safe

# A dark blue on white: 11.6:1, well past WCAG AA's 4.5:1.
LINK_STYLE = "color:#1f3a5f;text-decoration:underline;"
DEFAULT_REASON = (
    "You receive this message because this address is registered with the Library "
    "Support Staff Certification program."
)

# "Candidate number: 123" or "Due by: March 1, 2027": a short label with no
# sentence punctuation before the colon (which also leaves "https://" alone).
_LABEL = re.compile(r"^(?P<label>[A-Z][^:/.!?,;]{0,39}):\s+(?P<value>\S.*)$")


def address_lines() -> list[str]:
    """``PROGRAM_ADDRESS`` line by line; an environment file can only write its
    line breaks as a literal backslash-n."""
    lines = re.split(r"\n|\\n", settings.PROGRAM_ADDRESS)
    return [line.strip() for line in lines if line.strip()]


def _line(line: str) -> str:
    match = _LABEL.match(line)
    if match:
        return format_html(
            "<strong>{}:</strong> {}", match["label"], _linked(match["value"])
        )
    return _linked(line)


def _linked(text: str) -> str:
    # urlize escapes everything it does not turn into a link.
    html = urlize(text, autoescape=True)
    # Safe: urlize escaped the text and built the links itself.
    linked = html.replace("<a href=", f'<a style="{LINK_STYLE}" href=')
    return mark_safe(linked)  # noqa: S308  # nosec B308 B703


def paragraphs(body: str) -> list[str]:
    """The body as HTML paragraphs, each a safe string of its lines."""
    blocks = re.split(r"\n[ \t]*\n", body.strip().replace("\r\n", "\n"))
    # Safe: each line is escaped (or built by format_html) in ``_line``.
    return [
        mark_safe("<br>\n".join(_line(line.strip()) for line in block.splitlines()))  # noqa: S308  # nosec B308 B703
        for block in blocks
        if block.strip()
    ]


def html_body(*, subject: str, body: str, reason: str = DEFAULT_REASON) -> str:
    """The branded HTML part of a message whose plain text is ``body``."""
    return render_to_string(
        "mail/html/base.html",
        {
            "subject": subject,
            "paragraphs": paragraphs(body),
            "address_lines": address_lines(),
            "reason": reason,
            "site_url": settings.SITE_URL,
        },
    )
