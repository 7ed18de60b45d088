"""One mail as the program sends it: plain text and branded HTML, in 8-bit UTF-8.

Used for the program's own messages (``lssc.notifications.services``) and for
allauth's (``lssc.accounts.mail``), so every mail looks the same and reads whole in any
mail backend.
"""

import email.policy
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .mail_html import DEFAULT_REASON, html_body

# RFC 5322's limit on a line. A longer line (a huge pasted paragraph) is left to
# Python's own choice of encoding, which wraps it.
_MAX_LINE_BYTES = 998


class ProgramMail(EmailMultiAlternatives):
    """Text parts sent as they are, not as quoted-printable.

    Django 6 builds mail with Python's modern email API, which picks
    quoted-printable for any text with a line over 78 characters: a paragraph or
    a long link then arrives cut into "=\\n" pieces, which the console backend
    shows as is and some clients mangle. Text parts are re-set here as 7-bit
    (plain ASCII) or 8-bit UTF-8, whatever the backend's policy.
    """

    def message(self, *, policy=email.policy.default):
        msg = super().message(policy=policy)
        for part in msg.walk():
            if part.get_content_maintype() == "text" and not part.is_attachment():
                _unencoded(part)
        return msg


def _unencoded(part) -> None:
    text = part.get_content()
    if any(len(line.encode()) > _MAX_LINE_BYTES for line in text.splitlines()):
        return
    part.set_content(
        text,
        subtype=part.get_content_subtype(),
        charset="utf-8",
        cte="7bit" if text.isascii() else "8bit",
    )


def program_mail(
    *,
    subject: str,
    body: str,
    to: list[str],
    title: str | None = None,
    from_email: str | None = None,
    headers: dict | None = None,
    reason: str = DEFAULT_REASON,
) -> ProgramMail:
    """A message with ``body`` as its text and the HTML made from it.

    ``subject`` is the header as sent (with the program's prefix); ``title`` the
    heading of the HTML, the subject without the prefix when not given.
    """
    # Identified by the site, not the server's host name ("localhost" in a
    # container), which spam filters hold against a message.
    site = urlsplit(settings.SITE_URL).hostname or "localhost"
    headers = {"Message-ID": make_msgid(domain=site), **(headers or {})}
    message = ProgramMail(
        subject=subject, body=body, from_email=from_email, to=to, headers=headers
    )
    message.attach_alternative(
        html_body(subject=title or subject, body=body, reason=reason), "text/html"
    )
    return message
