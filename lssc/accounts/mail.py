"""allauth's mail sent as the program's: from the configured site, text and HTML.

allauth builds its links and its "current site" from the request's host, which is
whatever the browser asked for ("127.0.0.1:8000" in development, an internal name
behind a proxy). The program's mail speaks from ``SITE_URL`` only: links are moved
onto it and the site allauth's templates see is it.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

from lssc.core.mail_message import program_mail

PROGRAM_NAME = "Library Support Staff Certification"
REASON = (
    "You receive this message because this address was entered on the Library "
    "Support Staff Certification site. If that was not you, you can ignore it."
)


class ProgramSite:
    """Stands for allauth's ``current_site``: the configured site, not the request's."""

    name = PROGRAM_NAME

    @property
    def domain(self) -> str:
        return urlsplit(settings.SITE_URL).netloc


def on_site(url: str) -> str:
    """``url`` with the scheme and host of ``SITE_URL``."""
    site = urlsplit(settings.SITE_URL)
    parts = urlsplit(url)
    return urlunsplit((site.scheme, site.netloc, parts.path, parts.query, ""))


class ProgramMailMixin:
    """For the account adapter: allauth's mail from the site, in the program's dress."""

    def send_mail(self, template_prefix, email, context):
        context = {
            **context,
            # allauth's send_mail lets these win over its own request-based site.
            "current_site": ProgramSite(),
            "site_url": settings.SITE_URL,
            **{
                key: on_site(value)
                for key, value in context.items()
                if key.endswith("_url") and isinstance(value, str) and value
            },
        }
        return super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        text = super().render_mail(template_prefix, email, context, headers=headers)
        return program_mail(
            subject=text.subject,
            title=text.subject.removeprefix(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX),
            body=text.body,
            to=text.to,
            from_email=text.from_email,
            headers=text.extra_headers,
            reason=REASON,
        )
