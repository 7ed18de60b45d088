"""Who may become a candidate: pure functions, no database access.

The rule: a high-school diploma or its equivalent, and at least 1,820 hours of library
work, paid or volunteer, within the five years before the application date. Each work
period counts only for the part inside that window; overlapping periods add up, but no
single week counts more than 80 hours.
"""

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from lssc.core.dates import add_years

from .enums import QUALIFYING_EDUCATION, Education


@dataclass(frozen=True)
class WorkPeriod:
    start: datetime.date
    end: datetime.date | None  # None: still working there
    hours_per_week: Decimal


@dataclass(frozen=True)
class HoursCount:
    counted: int
    required: int
    window_start: datetime.date
    window_end: datetime.date

    @property
    def missing(self) -> int:
        return max(0, self.required - self.counted)

    @property
    def enough(self) -> bool:
        return self.counted >= self.required

    @property
    def extra(self) -> int:
        """Hours recorded beyond the requirement."""
        return max(0, self.counted - self.required)

    @property
    def toward_target(self) -> int:
        """The hours that count toward the requirement: never more than it, so a
        page reads "1,820 of 1,820 hours", not "4,068 of 1,820"."""
        return min(self.counted, self.required)

    @property
    def years(self) -> int:
        return round((self.window_end - self.window_start).days / 365.25)


@dataclass(frozen=True)
class Eligibility:
    hours: HoursCount
    education: str
    reasons: tuple[str, ...]  # why not eligible; empty when eligible

    @property
    def can_submit(self) -> bool:
        return not self.reasons

    @property
    def needs_staff_review(self) -> bool:
        return self.education == Education.OUTSIDE_US


def window(on: datetime.date, years: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the ``years`` before ``on``, both counted."""
    return add_years(on, -years) + datetime.timedelta(days=1), on


def count_hours(
    periods: Iterable[WorkPeriod],
    *,
    on: datetime.date,
    required: int,
    window_years: int,
    weekly_cap: int,
) -> HoursCount:
    """Hours of library work that count on ``on``, rounded down to whole hours.

    A period contributes ``hours_per_week / 7`` for each of its days inside the
    window. Days are grouped in 7-day weeks from the window's first day and each week
    is capped at ``weekly_cap`` hours.
    """
    first, last = window(on, window_years)
    weeks: dict[int, Fraction] = defaultdict(Fraction)
    for period in periods:
        start = max(period.start, first)
        end = min(period.end or last, last)
        if end < start:
            continue
        per_day = Fraction(period.hours_per_week) / 7
        day = (start - first).days
        stop = (end - first).days  # inclusive
        while day <= stop:
            week = day // 7
            days_in_week = min(stop, week * 7 + 6) - day + 1
            weeks[week] += per_day * days_in_week
            day += days_in_week
    total = sum((min(hours, weekly_cap) for hours in weeks.values()), Fraction(0))
    return HoursCount(
        counted=math.floor(total),
        required=required,
        window_start=first,
        window_end=last,
    )


def assess(
    *,
    education: str,
    periods: Iterable[WorkPeriod],
    on: datetime.date,
    required_hours: int,
    window_years: int,
    weekly_cap: int,
) -> Eligibility:
    hours = count_hours(
        periods,
        on=on,
        required=required_hours,
        window_years=window_years,
        weekly_cap=weekly_cap,
    )
    reasons = []
    if not education:
        reasons.append("Tell us your highest level of education.")
    elif education not in (*QUALIFYING_EDUCATION, Education.OUTSIDE_US):
        reasons.append(
            "The program requires a high-school diploma or its equivalent (a GED)."
        )
    if not hours.enough:
        reasons.append(
            f"You have {hours.counted:,} of the {hours.required:,} hours of library "
            f"work needed in the last {window_years} years: {hours.missing:,} hours "
            "short."
        )
    return Eligibility(hours=hours, education=education, reasons=tuple(reasons))
