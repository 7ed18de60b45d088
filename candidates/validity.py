"""When a certification is valid, open for renewal, in grace or lapsed (FAQ 19): the
one place these edges are computed, as date arithmetic without database access.

``expires_on`` is the first day a certification is no longer valid. From
RENEWAL_WINDOW_MONTHS before it the holder may renew; RENEWAL_GRACE_MONTHS of grace
follow it, in which they still may; after the grace it has lapsed. A revoked
certification is none of these. The numbers are the program's rules
(``lssc.core.program``), read when asked.

People are shown last days, never first invalid ones: "valid through
<last_valid_day>", a grace period and a renewal window "through <last_grace_day>"
(the two end together). Pages, the certificate, mails and the credential all read
these two functions, so a date shown never disagrees with the status shown beside it.

``Certification``'s methods and queryset (``candidates.models``) use these; the
filters invert the same month arithmetic exactly (month ends included), so a list
and a page never disagree about a day.
"""

import datetime

from django.db import models
from django.db.models import Q

from lssc.core.dates import add_months
from lssc.core.program import rules

from .enums import CertificationStatus

ONE_DAY = datetime.timedelta(days=1)


def renewal_opens(expires_on: datetime.date) -> datetime.date:
    """The first day a renewal may be submitted."""
    return add_months(expires_on, -rules().RENEWAL_WINDOW_MONTHS)


def lapses_on(expires_on: datetime.date) -> datetime.date:
    """The first day after the grace period: the renewal window has closed and the
    certification has lapsed."""
    return add_months(expires_on, rules().RENEWAL_GRACE_MONTHS)


def last_valid_day(expires_on: datetime.date) -> datetime.date:
    """The last day the certification is valid: "valid through" this day."""
    return expires_on - ONE_DAY


def last_grace_day(expires_on: datetime.date) -> datetime.date:
    """The last day of the grace period, which is also the last day a renewal may
    be submitted."""
    return lapses_on(expires_on) - ONE_DAY


class Standing(models.TextChoices):
    """Where a certification stands on a day, as every page names it."""

    VALID = "valid", "Valid"
    GRACE = "grace", "In its grace period"
    EXPIRED = "expired", "Expired"
    REVOKED = "revoked", "Revoked"


def standing(expires_on, revoked: bool, day: datetime.date) -> Standing:
    """Valid through its last valid day; in grace from the next day through the
    grace period's last day (FAQ 19: the holder may still renew); expired after
    it; revoked whatever the dates."""
    if revoked:
        return Standing.REVOKED
    if valid_on(expires_on, revoked, day):
        return Standing.VALID
    if in_grace(expires_on, revoked, day):
        return Standing.GRACE
    return Standing.EXPIRED


def valid_on(expires_on, revoked: bool, day: datetime.date) -> bool:
    return not revoked and day < expires_on


def in_renewal_window(expires_on, revoked: bool, day: datetime.date) -> bool:
    """From the window's opening to the end of the grace period."""
    return not revoked and renewal_opens(expires_on) <= day < lapses_on(expires_on)


def in_grace(expires_on, revoked: bool, day: datetime.date) -> bool:
    return not revoked and expires_on <= day < lapses_on(expires_on)


def lapsed(expires_on, revoked: bool, day: datetime.date) -> bool:
    return not revoked and lapses_on(expires_on) <= day


# --- The same, as filters on ``expires_on`` --------------------------------------


def _latest_expiry(day: datetime.date, months: int) -> datetime.date:
    """The latest ``expires_on`` with ``add_months(expires_on, months) <= day``.

    ``add_months`` clips to the month's end, so several expiry dates can share an
    edge (with two months' grace, 28 to 31 December all lapse on 28 February):
    start from the plain inverse, which always qualifies, and step on while the
    next day does too (three steps at most).
    """
    latest = add_months(day, -months)
    while add_months(latest + ONE_DAY, months) <= day:
        latest += ONE_DAY
    return latest


def _lapse_bound(day: datetime.date) -> datetime.date:
    """Certifications that expired on or before this day have lapsed by ``day``."""
    return _latest_expiry(day, rules().RENEWAL_GRACE_MONTHS)


def _window_bound(day: datetime.date) -> datetime.date:
    """Those expiring on or before this day have their renewal window open."""
    return _latest_expiry(day, -rules().RENEWAL_WINDOW_MONTHS)


def _q(prefix: str, **expires_on) -> Q:
    """Not revoked, with these lookups on ``expires_on``; ``prefix`` reaches the
    certification from another model (``"certification__"``)."""
    lookups = {f"{prefix}expires_on__{k}": v for k, v in expires_on.items()}
    return Q(**{f"{prefix}status": CertificationStatus.ISSUED}, **lookups)


def valid_q(day: datetime.date, prefix: str = "") -> Q:
    return _q(prefix, gt=day)


def in_renewal_window_q(day: datetime.date, prefix: str = "") -> Q:
    return _q(prefix, lte=_window_bound(day), gt=_lapse_bound(day))


def in_grace_q(day: datetime.date, prefix: str = "") -> Q:
    return _q(prefix, lte=day, gt=_lapse_bound(day))


def lapsed_q(day: datetime.date, prefix: str = "") -> Q:
    return _q(prefix, lte=_lapse_bound(day))


def current_q(day: datetime.date, prefix: str = "") -> Q:
    """Valid or in grace on ``day``: neither revoked nor lapsed."""
    return _q(prefix, gt=_lapse_bound(day))


class CertificationQuerySet(models.QuerySet):
    """``Certification.objects.valid_on(day)`` and the like."""

    def valid_on(self, day: datetime.date):
        return self.filter(valid_q(day))

    def in_renewal_window(self, day: datetime.date):
        return self.filter(in_renewal_window_q(day))

    def in_grace(self, day: datetime.date):
        return self.filter(in_grace_q(day))

    def lapsed(self, day: datetime.date):
        return self.filter(lapsed_q(day))

    def current_on(self, day: datetime.date):
        """Valid or in grace: what the public registry lists."""
        return self.filter(current_q(day))
