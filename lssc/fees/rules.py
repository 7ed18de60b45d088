"""Choosing the fee that applies: a pure function over fee rows, no database access."""

import datetime
from collections.abc import Iterable

from .models import Audience, Fee


class FeeNotSet(LookupError):
    """No fee row covers the request; staff must add one to the schedule."""


def select_fee(
    rows: Iterable[Fee],
    *,
    kind: str,
    ala_member: bool,
    on: datetime.date,
    item: int = 1,
) -> Fee:
    """The row that sets the fee of ``kind`` on date ``on``.

    Among the rows of that kind already in effect whose audience and item range match,
    the most recent ``effective_from`` wins; on the same date a row for the person's
    membership status beats a row for everyone.
    """
    own_audience = Audience.ALA_MEMBER if ala_member else Audience.NON_MEMBER
    matching = [
        row
        for row in rows
        if row.kind == kind
        and row.effective_from <= on
        and row.audience in (own_audience, Audience.EVERYONE)
        and row.applies_to(item)
    ]
    if not matching:
        raise FeeNotSet(f"No {kind} fee is set for {on:%Y-%m-%d} (item {item}).")
    return max(
        matching,
        key=lambda row: (row.effective_from, row.audience == own_audience),
    )
