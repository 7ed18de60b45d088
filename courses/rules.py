"""The course rules as pure functions over dates and counts: no database access."""

import datetime
from collections.abc import Iterable

from lssc.core.dates import add_years, period_end


def approval_expires_on(approved_on: datetime.date, years: int) -> datetime.date:
    """The first day a course approved on ``approved_on`` is no longer approved."""
    return period_end(approved_on, years)


def completion_window_opens(approved_on: datetime.date, retro_years: int):
    """The earliest completion date an approval accepts (FAQ 16: up to two years
    before the course was approved)."""
    return add_years(approved_on, -retro_years)


def completion_counts(
    completed_on: datetime.date,
    periods: Iterable[tuple[datetime.date, datetime.date]],
    retro_years: int,
) -> bool:
    """Whether a completion on ``completed_on`` counts for a course approved for
    ``periods`` (``(approved_on, expires_on)`` pairs): on or after the window's
    opening and before the approval it falls under expired."""
    return any(
        completion_window_opens(start, retro_years) <= completed_on < expires
        for start, expires in periods
    )


def covers_certification(
    set_ids: set[int], required_ids: set[int], elective_ids: set[int], electives: int
) -> bool:
    """A recognition agreement covers every required set and ``electives`` more."""
    return required_ids <= set_ids and len(set_ids & elective_ids) >= electives
