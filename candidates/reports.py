"""Candidacy reports for staff (``lssc.reports``)."""

from django.db.models import Count
from django.db.models.functions import TruncMonth

from lssc.competencies.models import CompetencySet
from lssc.reports.base import Report, Result, Series, month_of, months, register

from .enums import AchievementMethod, HowHeard
from .models import Achievement, Application, Candidate

GROUP = "Candidates"


def _per_month(rows, start, end):
    counts = {month_of(month): n for month, n in rows}
    return [counts.get(m, 0) for m in months(start, end)]


def admissions(start, end) -> Result:
    """Applications submitted and candidates admitted, per month: two queries."""
    submitted = (
        Application.objects.filter(
            submitted_at__date__gte=start, submitted_at__date__lte=end
        )
        .annotate(month=TruncMonth("submitted_at"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    admitted = (
        Candidate.objects.filter(admitted_on__gte=start, admitted_on__lte=end)
        .annotate(month=TruncMonth("admitted_on"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    labels = [f"{m:%b %Y}" for m in months(start, end)]
    applied = _per_month(submitted, start, end)
    joined = _per_month(admitted, start, end)
    return Result(
        categories=labels,
        series=[Series("Applications", applied), Series("Admissions", joined)],
        columns=["Month", "Applications", "Admissions"],
        rows=[list(r) for r in zip(labels, applied, joined, strict=True)],
    )


def how_heard(start, end) -> Result:
    """How applicants heard of the program, per month: one query."""
    rows = (
        Application.objects.filter(
            submitted_at__date__gte=start, submitted_at__date__lte=end
        )
        .annotate(month=TruncMonth("submitted_at"))
        .values_list("month", "how_heard")
        .annotate(n=Count("pk"))
        .order_by()
    )
    table = {}
    for month, source, n in rows:
        table[(month_of(month), source)] = n
    sources = [s for s in HowHeard if any(k[1] == s for k in table)] or list(HowHeard)
    all_months = months(start, end)
    totals = [sum(table.get((m, s), 0) for m in all_months) for s in sources]
    return Result(
        categories=[s.label for s in sources],
        series=[Series("Applicants", totals)],
        columns=["Month", *[s.label for s in sources]],
        rows=[
            [f"{m:%b %Y}", *[table.get((m, s), 0) for s in sources]] for m in all_months
        ],
    )


def achievements(start, end) -> Result:
    """Sets achieved, by set and how: one query."""
    rows = (
        Achievement.objects.filter(achieved_on__gte=start, achieved_on__lte=end)
        .values_list("competency_set__name", "method")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {(name, method): n for name, method, n in rows}
    names = list(CompetencySet.objects.current().values_list("name", flat=True))
    methods = list(AchievementMethod)
    return Result(
        categories=names,
        series=[
            Series(m.label, [counts.get((name, m), 0) for name in names])
            for m in methods
        ],
        columns=["Set", *[m.label for m in methods], "Total"],
        rows=[
            [name, *[counts.get((name, m), 0) for m in methods],
             sum(counts.get((name, m), 0) for m in methods)]
            for name in names
        ],
    )  # fmt: skip


def register_reports():
    for slug, title, description, build in (
        ("admissions", "Applications and admissions",
         "Applications submitted and candidates admitted, per month.", admissions),
        ("how-heard", "How applicants heard of the program",
         "The answers to “How did you hear about us”, per month.", how_heard),
        ("achievements", "Sets achieved",
         "Competency sets achieved, by set and by course, portfolio or agreement.",
         achievements),
    ):  # fmt: skip
        register(
            Report(slug, title, description, build, "candidates.view_candidate", GROUP)
        )
