"""A deployment check: mail links and the greeting of allauth's mail come from
``SITE_URL``, so a production site must not leave it at the development default."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

# Hosts a public site is never on (a list to refuse, not an address to bind).
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver"}  # noqa: S104  # nosec B104


@checks.register(checks.Tags.security, deploy=True)
def site_url_is_public(app_configs=None, **kwargs):
    if settings.DEBUG:
        return []
    parts = urlsplit(settings.SITE_URL)
    if parts.hostname in _LOCAL_HOSTS or not parts.hostname:
        return [
            checks.Error(
                f"SITE_URL is {settings.SITE_URL!r}: every mail would link there.",
                hint="Set SITE_URL to the public address, e.g. https://lssc.example.org.",
                id="notifications.E001",
            )
        ]
    if parts.scheme != "https":
        return [
            checks.Warning(
                "SITE_URL does not use https: links in mail would be sent in clear.",
                hint="Set SITE_URL to the https address of the site.",
                id="notifications.W001",
            )
        ]
    return []
