"""Staff reports: each a chart and the table behind it, over a date range.

Apps declare their reports (the core does not import the apps)::

    register(Report("admissions", "Applications and admissions", build, ...))

``build(start, end)`` runs a fixed, small number of aggregate queries whatever the
data size, and returns a ``Result``.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Aggregate, FloatField, Func, IntegerField


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]


@dataclass
class Result:
    categories: list[str]  # the x axis: months, sets, sources…
    series: list[Series]  # bars, one colour each
    columns: list[str]  # the table's header
    rows: list[list]  # the table
    line: Series | None = None  # a reference line (a projection)
    unit: str = ""  # "$" for money
    note: str = ""


@dataclass(frozen=True)
class Report:
    slug: str
    title: str
    description: str
    build: Callable[[datetime.date, datetime.date], Result]
    permission: str = ""
    group: str = "Other"
    tags: tuple = field(default=())


_reports: dict[str, Report] = {}


def register(report: Report) -> None:
    _reports[report.slug] = report


def reports_for(user) -> list[Report]:
    return [
        r for r in _reports.values() if not r.permission or user.has_perm(r.permission)
    ]


def report(slug: str) -> Report | None:
    return _reports.get(slug)


def month_of(value) -> datetime.date:
    """The month a ``TruncMonth`` gave, as a date (it is a datetime for datetime
    fields), to look it up against ``months()``."""
    return value.date() if isinstance(value, datetime.datetime) else value


def months(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first day of each month from ``start``'s to ``end``'s."""
    day = start.replace(day=1)
    found = []
    while day <= end:
        found.append(day)
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return found


class Median(Aggregate):
    """PostgreSQL's exact median of a numeric expression."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)%(filter)s"
    output_field = FloatField()


class DaysBetween(Func):
    """Whole days from one date to a later one (PostgreSQL: date - date is an
    integer)."""

    arg_joiner = " - "
    template = "(%(expressions)s)"
    output_field = IntegerField()


class HoursBetween(Func):
    """Hours from one timestamp to a later one, as a number."""

    arg_joiner = " - "
    template = "(EXTRACT(EPOCH FROM (%(expressions)s)) / 3600.0)"
    output_field = FloatField()
