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
    stacked: bool = False  # the series add up to a whole: one bar per category
    # The categories are consecutive periods ("month") whose figures add up: a long
    # range is drawn with several periods to a bar.
    period: str = ""

    def is_empty(self) -> bool:
        """Nothing to draw: every bar is zero (a projection alone is no data)."""
        return not any(v for s in self.series for v in s.values)


@dataclass(frozen=True)
class Report:
    slug: str
    title: str
    description: str
    build: Callable[[datetime.date, datetime.date], Result]
    permission: str = ""
    group: str = "Other"
    tags: tuple = field(default=())
    # What the empty state says there is none of: "No admissions" (between … and …).
    empty: str = "Nothing to chart"


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
    """The exact median of a numeric expression: PostgreSQL's ``PERCENTILE_CONT``;
    on SQLite (local runs) an aggregate registered by ``register_sqlite``."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)%(filter)s"
    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            function="lssc_median",
            template="%(function)s(%(expressions)s)%(filter)s",
            **extra_context,
        )


class DaysBetween(Func):
    """Whole days from one date to a later one (PostgreSQL: date - date is an
    integer)."""

    arg_joiner = " - "
    template = "(%(expressions)s)"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            arg_joiner=") - julianday(",
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            **extra_context,
        )


class HoursBetween(Func):
    """Hours from one timestamp to a later one, as a number."""

    arg_joiner = " - "
    template = "(EXTRACT(EPOCH FROM (%(expressions)s)) / 3600.0)"
    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            arg_joiner=") - julianday(",
            template="((julianday(%(expressions)s)) * 24.0)",
            **extra_context,
        )


class _SqliteMedian:
    def __init__(self):
        self.values = []

    def step(self, value):
        if value is not None:
            self.values.append(value)

    def finalize(self):
        if not self.values:
            return None
        values = sorted(self.values)
        middle = len(values) // 2
        if len(values) % 2:
            return float(values[middle])
        return (values[middle - 1] + values[middle]) / 2


def register_sqlite(sender, connection, **kwargs):
    """``connection_created`` receiver: SQLite has no median of its own."""
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("lssc_median", 1, _SqliteMedian)
