"""Staff reports: each a chart and the table behind it, over a date range.

Apps declare their reports (the core does not import the apps)::

    register(Report("admissions", "Applications and admissions", build, ...))

``build(start, end)`` runs a fixed, small number of aggregate queries whatever the
data size, and returns a ``Result``.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field


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
