"""Candidacy reports for staff (``lssc.reports``)."""

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncMonth

from lssc.competencies.models import CompetencySet
from lssc.core.dates import add_months
from lssc.core.program import rules
from lssc.reports.base import (
    DaysBetween,
    Median,
    Report,
    Result,
    Series,
    month_of,
    months,
    register,
)

from . import validity
from .enums import (
    AchievementMethod,
    ApplicationStatus,
    CertificationStatus,
    HowHeard,
    LibraryType,
)
from .models import Achievement, Application, Candidate, Certification

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
    per_year = rules().PLAN_CANDIDATES_PER_YEAR
    plan = [round(per_year / 12, 1)] * len(labels)
    return Result(
        categories=labels,
        series=[Series("Applications", applied), Series("Admissions", joined)],
        line=Series(f"Business plan: {per_year:,} candidates a year", plan),
        columns=["Month", "Applications", "Admissions", "Business plan"],
        rows=[list(r) for r in zip(labels, applied, joined, plan, strict=True)],
        period="month",
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
    """Sets achieved, by set and how: one query. A set carried over into a new
    candidacy was achieved once, when first earned: it is not counted again."""
    carried = AchievementMethod.CARRIED_OVER
    rows = (
        Achievement.objects.filter(achieved_on__gte=start, achieved_on__lte=end)
        .exclude(method=carried)
        .values_list("competency_set__name", "method")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {(name, method): n for name, method, n in rows}
    names = list(CompetencySet.objects.current().values_list("name", flat=True))
    methods = [m for m in AchievementMethod if m != carried]
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


def by_status(start, end) -> Result:
    """Where everyone stands on ``end``: two queries (applications, candidates)."""
    undecided = Q(decided_at=None) | Q(decided_at__date__gt=end)
    applications = Application.objects.filter(submitted_at__date__lte=end).aggregate(
        pending=Count("pk", filter=undecided),
        rejected=Count("pk", filter=~undecided & Q(status=ApplicationStatus.REJECTED)),
    )
    not_certified = Q(certification=None) | Q(certification__certified_on__gt=end)
    certified = ~not_certified
    held = "certification__"
    candidates = Candidate.objects.filter(admitted_on__lte=end).aggregate(
        working=Count("pk", filter=not_certified & Q(deadline__gte=end)),
        past_deadline=Count("pk", filter=not_certified & Q(deadline__lt=end)),
        valid=Count("pk", filter=certified & validity.valid_q(end, held)),
        grace=Count("pk", filter=certified & validity.in_grace_q(end, held)),
        expired=Count("pk", filter=certified & validity.lapsed_q(end, held)),
        revoked=Count(
            "pk",
            filter=certified & Q(certification__status=CertificationStatus.REVOKED),
        ),
    )
    figures = [
        ("Applied, awaiting a decision", applications["pending"]),
        ("Not admitted", applications["rejected"]),
        ("Admitted, working on sets", candidates["working"]),
        ("Past the deadline, not certified", candidates["past_deadline"]),
        ("Certified", candidates["valid"]),
        ("Certified, in the grace period", candidates["grace"]),
        ("Certification expired", candidates["expired"]),
        ("Certification revoked", candidates["revoked"]),
    ]
    return Result(
        categories=[label for label, _ in figures],
        series=[Series("People", [n for _, n in figures])],
        columns=["Status", "People"],
        rows=[list(f) for f in figures],
        note=f"As things stood on {end:%B %-d, %Y}.",
    )


def by_library(start, end) -> Result:
    """Candidates admitted in the period, by type of library and by state: one
    query."""
    rows = (
        Candidate.objects.filter(admitted_on__gte=start, admitted_on__lte=end)
        .values_list("application__state", "application__library_type")
        .annotate(n=Count("pk"))
        .order_by()
    )
    table: dict[str, dict[str, int]] = {}
    for state, kind, n in rows:
        table.setdefault(state or "Not given", {})[kind] = n
    kinds = list(LibraryType)
    totals = [sum(row.get(k, 0) for row in table.values()) for k in kinds]
    return Result(
        categories=[k.label for k in kinds],
        series=[Series("Candidates admitted", totals)],
        columns=["State or province", *[k.label for k in kinds], "Total"],
        rows=[
            [state, *[row.get(k, 0) for k in kinds], sum(row.values())]
            for state, row in sorted(table.items())
        ],
        note="The table gives each state's candidates by type of library.",
    )


# Months from admission to certification, in the buckets the chart shows.
TIME_BUCKETS = ((0, 12), (12, 24), (24, 36), (36, 48), (48, None))


def _bucket_label(low, high):
    return f"{low}–{high} months" if high else f"{low} months or more"


def time_to_certification(start, end) -> Result:
    """For certifications awarded in the period: how long candidates took from
    admission, in year-long buckets, and the median in days. One query."""
    days = DaysBetween("certified_on", "candidate__admitted_on")
    aggregates = {
        f"bucket{i}": Count(
            "pk",
            filter=Q(days__gte=low * 30.44)
            & (Q(days__lt=high * 30.44) if high else Q()),
        )
        for i, (low, high) in enumerate(TIME_BUCKETS)
    }
    figures = (
        Certification.objects.filter(certified_on__gte=start, certified_on__lte=end)
        .annotate(days=days)
        .aggregate(median=Median("days"), **aggregates)
    )
    median = figures["median"]
    labels = [_bucket_label(low, high) for low, high in TIME_BUCKETS]
    values = [figures[f"bucket{i}"] for i in range(len(TIME_BUCKETS))]
    note = (
        f"Median: {median / 30.44:.1f} months ({median:.0f} days)."
        if median is not None
        else "No certifications were awarded in the period."
    )
    return Result(
        categories=labels,
        series=[Series("Certifications", values)],
        columns=["Time from admission", "Certifications"],
        rows=[list(r) for r in zip(labels, values, strict=True)],
        note=note,
    )


# Months left before the deadline, for the near-deadline report.
DEADLINE_BUCKETS = ((0, 1), (1, 3), (3, 6), (6, 12))


def near_deadline(start, end) -> Result:
    """Candidates not yet certified whose deadline falls within a year of
    ``end``, by months left and by sets achieved: one query."""
    achieved = (
        Achievement.objects.filter(candidate=OuterRef("pk"), achieved_on__lte=end)
        .order_by()
        .values("candidate")
        .annotate(n=Count("pk"))
        .values("n")
    )
    when = [
        When(
            deadline__lt=add_months(end, high),
            then=Value(index),
        )
        for index, (_, high) in enumerate(DEADLINE_BUCKETS)
    ]
    rows = (
        Candidate.objects.filter(
            Q(certification=None) | Q(certification__certified_on__gt=end),
            deadline__gte=end,
            deadline__lt=add_months(end, DEADLINE_BUCKETS[-1][1]),
        )
        .annotate(
            bucket=Case(*when, output_field=IntegerField()),
            sets=Coalesce(Subquery(achieved, output_field=IntegerField()), 0),
        )
        .values_list("bucket", "sets")
        .annotate(n=Count("pk"))
        .order_by()
    )
    program = rules()
    needed = program.REQUIRED_SETS + program.ELECTIVE_SETS
    # Six sets of the wrong mix do not certify: they count with the fives.
    groups = [f"{k} sets achieved" for k in range(needed - 1)]
    groups.append(f"{needed - 1} or more sets achieved")
    counts: dict[tuple[int, int], int] = {}
    for bucket, sets, n in rows:
        key = (bucket, min(sets, needed - 1))
        counts[key] = counts.get(key, 0) + n
    labels = [
        f"Within {high} month{'s' if high > 1 else ''}"
        if low == 0
        else f"{low}–{high} months"
        for low, high in DEADLINE_BUCKETS
    ]
    return Result(
        categories=labels,
        series=[
            Series(group, [counts.get((b, k), 0) for b in range(len(labels))])
            for k, group in enumerate(groups)
        ],
        columns=["Time left", *groups, "Total"],
        rows=[
            [
                label,
                *[counts.get((b, k), 0) for k in range(needed)],
                sum(counts.get((b, k), 0) for k in range(needed)),
            ]
            for b, label in enumerate(labels)
        ],
        note=f"Candidates not certified on {end:%B %-d, %Y} whose deadline is "
        "within the next 12 months; the admin's candidate list filters by deadline.",
    )


# What each report's empty state says there is none of, "between … and …".
EMPTY = {
    "admissions": "No applications or admissions",
    "how-heard": "No applications",
    "achievements": "No sets achieved",
    "status": "No applicants or candidates",
    "library": "No candidates admitted",
    "time-to-certification": "No certifications awarded",
    "near-deadline": "No candidates with a deadline within a year",
}


def register_reports():
    for slug, title, description, build in (
        ("admissions", "Applications and admissions",
         "Applications submitted and candidates admitted, per month.", admissions),
        ("how-heard", "How applicants heard of the program",
         "The answers to “How did you hear about us”, per month.", how_heard),
        ("achievements", "Sets achieved",
         "Competency sets achieved, by set and by course, portfolio or agreement.",
         achievements),
        ("status", "Candidates by status",
         "Applicants, candidates and holders by where they stand.", by_status),
        ("library", "Candidates by library type and state",
         "Candidates admitted in the period, by type of library and state.",
         by_library),
        ("time-to-certification", "Time from admission to certification",
         "How long certified candidates took, from admission to the sixth set.",
         time_to_certification),
        ("near-deadline", "Candidates near their deadline",
         "Candidates not yet certified whose 4-year deadline is within a year.",
         near_deadline),
    ):  # fmt: skip
        register(
            Report(
                slug, title, description, build, "candidates.view_candidate", GROUP,
                empty=EMPTY[slug],
            )
        )  # fmt: skip
