"""Web pages as evidence: the library's own page about a program the candidate
ran, a catalogue record they made, a video they posted.

A link is kept with its title and the day the candidate last checked the page
was there, so an evaluator who finds it gone or changed knows when it was seen.
The site never fetches the page (it could point anywhere, including inside the
program's own network); only the address is judged: a web address, http or
https, with no password in it. Evaluators open it in their own browser.
"""

import datetime
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from lssc.audit.services import audit_log

from .errors import PortfolioError
from .models import Evidence, EvidenceKind
from .services import editable_portfolio

MAX_URL_LENGTH = 2000
WEB_ONLY = (
    "Only web pages can be linked: the address must start with http:// or https://."
)

_valid_web_address = URLValidator(schemes=["http", "https"])


class LinkRefused(PortfolioError):
    """A link not added; ``field`` names the form field at fault, if one is."""

    def __init__(self, message: str, field: str | None = None):
        self.field = field
        super().__init__(message)


def _refused(message: str) -> LinkRefused:
    return LinkRefused(message, "url")


def checked_url(raw: str) -> str:
    """The web address as it is kept (its scheme in lower case), or
    ``PortfolioError`` saying what is wrong with it."""
    url = (raw or "").strip()
    if not url:
        raise _refused("Enter the page's web address.")
    if len(url) > MAX_URL_LENGTH:
        raise _refused(
            f"The address is {len(url):,} characters long; at most "
            f"{MAX_URL_LENGTH:,} are accepted."
        )
    try:
        parts = urlsplit(url)
    except ValueError:
        raise _refused("This is not a web address.") from None
    if not parts.scheme or not url.lower().startswith(f"{parts.scheme.lower()}://"):
        if parts.scheme.lower() in ("http", "https") or "." in url.split("/")[0]:
            raise _refused(
                f"{WEB_ONLY} Copy the whole address from your browser's address "
                "bar, for example https://www.example.org/page."
            )
        raise _refused(WEB_ONLY)
    if parts.scheme.lower() not in ("http", "https"):
        raise _refused(WEB_ONLY)
    if parts.username or parts.password:
        raise _refused(
            "Leave any user name or password out of the address: evaluators must "
            "be able to open the page without them."
        )
    url = parts.scheme.lower() + url[len(parts.scheme) :]
    try:
        _valid_web_address(url)
    except ValidationError:
        raise _refused(
            "This is not a valid web address. Copy it from your browser's address bar."
        ) from None
    return url


def checked_day(checked_on: datetime.date | None) -> datetime.date:
    if checked_on is None:
        raise LinkRefused("Say on which day you last checked the page.", "checked_on")
    if checked_on > timezone.localdate():
        raise LinkRefused(
            "The day you checked the page cannot be in the future.", "checked_on"
        )
    return checked_on


def web_link_add(
    *,
    portfolio_id,
    url: str,
    title: str,
    checked_on: datetime.date | None,
    description: str = "",
    by,
) -> Evidence:
    """Add a link to a web page as evidence; ``PortfolioError`` if refused."""
    url = checked_url(url)
    if not title.strip():
        raise LinkRefused("Give the link a title.", "title")
    checked_on = checked_day(checked_on)
    with transaction.atomic():
        portfolio = editable_portfolio(portfolio_id)
        evidence = Evidence.objects.create(
            portfolio=portfolio,
            kind=EvidenceKind.LINK,
            url=url,
            checked_on=checked_on,
            size=0,
            title=title.strip()[:200],
            description=description.strip()[:1000],
        )
        audit_log(
            subject=portfolio,
            action="portfolio.evidence_added",
            summary=f"Link “{evidence.title}” added ({urlsplit(url).hostname})",
            actor=by,
            owner=portfolio.candidate.user,
            reason=url,
        )
    return evidence


def web_link_checked(*, evidence_id, checked_on: datetime.date | None, by) -> Evidence:
    """Record that the candidate checked the page again (it is still there)."""
    checked_on = checked_day(checked_on)
    with transaction.atomic():
        evidence = Evidence.objects.get(
            pk=evidence_id, kind=EvidenceKind.LINK, retired_at=None
        )
        portfolio = editable_portfolio(evidence.portfolio_id)
        evidence.checked_on = checked_on
        evidence.save(update_fields=["checked_on"])
        audit_log(
            subject=portfolio,
            action="portfolio.link_checked",
            summary=f"Link “{evidence.title}” checked on {checked_on:%b %-d, %Y}",
            actor=by,
            owner=portfolio.candidate.user,
        )
    return evidence
