"""Course reports for staff (``lssc.reports``)."""

import datetime

from django.db.models import Count, Q

from lssc.competencies.models import CompetencySet
from lssc.reports.base import Report, Result, Series, register

from .models import Course, ProviderType


def approved_courses(start, end) -> Result:
    """Courses approved on ``end``, by set and provider type, and those whose
    approval ends in the next 90 days: one query."""
    soon = end + datetime.timedelta(days=90)
    rows = (
        Course.objects.filter(approved_on__lte=end, expires_on__gt=end)
        .values_list("competency_set__name", "provider__type")
        .annotate(n=Count("pk"), ending=Count("pk", filter=Q(expires_on__lte=soon)))
        .order_by()
    )
    counts = {}
    ending = {}
    for name, kind, n, due in rows:
        counts[(name, kind)] = n
        ending[name] = ending.get(name, 0) + due
    names = list(CompetencySet.objects.current().values_list("name", flat=True))
    kinds = [k for k in ProviderType if any(key[1] == k for key in counts)] or list(
        ProviderType
    )[:1]
    return Result(
        categories=names,
        series=[
            Series(k.label, [counts.get((name, k), 0) for name in names]) for k in kinds
        ],
        columns=["Set", *[k.label for k in kinds], "Ending in 90 days"],
        rows=[
            [name, *[counts.get((name, k), 0) for k in kinds], ending.get(name, 0)]
            for name in names
        ],
        note=f"Courses approved on {end:%B %-d, %Y}; the last column counts those "
        "whose approval ends within 90 days of it.",
    )


def register_reports():
    register(
        Report(
            "courses",
            "Approved courses",
            "Approved courses by set and provider type; approvals ending soon.",
            approved_courses,
            "courses.view_course",
            "Courses",
            empty="No approved courses",
        )
    )
