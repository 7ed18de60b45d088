"""Evaluation reports for staff (``lssc.reports``): evaluators' load and speed,
the reliability of the first two reviews, and how portfolios end."""

from django.db.models import Count, Q
from django.utils import timezone

from lssc.competencies.models import CompetencySet
from lssc.reports.base import HoursBetween, Median, Report, Result, Series, register

from .models import AssignmentState, Decision, Evaluator, Outcome

GROUP = "Evaluation"


def evaluator_load(start, end) -> Result:
    """Per evaluator: open and overdue assignments today, reviews submitted in
    the period and the median days they took. One query."""
    today = timezone.localdate()
    open_ = Q(assignments__state=AssignmentState.ASSIGNED)
    overdue = open_ & Q(assignments__due_on__lt=today)
    submitted = Q(
        assignments__state=AssignmentState.SUBMITTED,
        assignments__review__submitted_at__date__gte=start,
        assignments__review__submitted_at__date__lte=end,
    )
    rows = (
        Evaluator.objects.annotate(
            open=Count("assignments", filter=open_),
            overdue=Count("assignments", filter=overdue),
            reviewed=Count("assignments", filter=submitted),
            median_hours=Median(
                HoursBetween(
                    "assignments__review__submitted_at", "assignments__assigned_at"
                ),
                filter=submitted,
            ),
        )
        .values_list("user__full_name", "user__email", "active", "open", "overdue",
                     "reviewed", "median_hours")
        .order_by("user__full_name", "pk")
    )  # fmt: skip
    # Inactive evaluators with nothing open or reviewed are left out (in Python:
    # the list is short, and HAVING over these filtered aggregates is not).
    table = [
        [name or email, open_n, overdue, reviewed,
         "" if hours is None else round(hours / 24, 1)]
        for name, email, active, open_n, overdue, reviewed, hours in rows
        if active or open_n or reviewed
    ]  # fmt: skip
    return Result(
        categories=[r[0] for r in table],
        series=[
            Series("Open assignments", [r[1] for r in table]),
            Series("Overdue", [r[2] for r in table]),
        ],
        columns=[
            "Evaluator",
            "Open",
            "Overdue",
            "Reviews submitted",
            "Median days to review",
        ],
        rows=table,
        note=f"Open and overdue as of {today:%B %-d, %Y}; reviews and their median "
        "time over the period.",
    )


def _by_set(rows) -> tuple[list[str], dict]:
    names = list(CompetencySet.objects.current().values_list("name", flat=True))
    return names, {row[0]: row[1:] for row in rows}


def agreement(start, end) -> Result:
    """Per set: of the submissions decided in the period, how often the first two
    evaluators agreed (no third reviewer needed). One query."""
    rows = (
        Decision.objects.filter(decided_at__date__gte=start, decided_at__date__lte=end)
        .values_list("submission__portfolio__competency_set__name")
        .annotate(
            total=Count("pk"), agreed=Count("pk", filter=Q(by_third_reviewer=False))
        )
        .order_by()
    )
    names, found = _by_set(rows)
    table = []
    for name in names:
        total, agreed = found.get(name, (0, 0))
        rate = round(100 * agreed / total, 1) if total else ""
        table.append([name, total, agreed, total - agreed, rate])
    return Result(
        categories=names,
        series=[Series("Agreement rate", [r[4] or 0 for r in table])],
        columns=[
            "Set",
            "Decisions",
            "First two agreed",
            "Third reviewer needed",
            "Agreement rate (%)",
        ],
        rows=table,
        unit="%",
        note="The program's reliability measure: the share of decisions the first "
        "two evaluators reached alone.",
    )


OUTCOMES = (
    ("Met the first time", Q(outcome=Outcome.ACHIEVED, submission__number=1,
                             by_third_reviewer=False)),
    ("Met after a third reviewer", Q(outcome=Outcome.ACHIEVED, submission__number=1,
                                     by_third_reviewer=True)),
    ("Met after revision", Q(outcome=Outcome.ACHIEVED, submission__number__gt=1)),
    ("Revision requested", Q(outcome=Outcome.REVISION)),
)  # fmt: skip


def portfolio_outcomes(start, end) -> Result:
    """Per set: portfolio decisions in the period by how they ended. One query."""
    rows = (
        Decision.objects.filter(decided_at__date__gte=start, decided_at__date__lte=end)
        .values_list("submission__portfolio__competency_set__name")
        .annotate(
            **{f"o{i}": Count("pk", filter=q) for i, (_, q) in enumerate(OUTCOMES)}
        )
        .order_by()
    )
    names, found = _by_set(rows)
    empty = (0,) * len(OUTCOMES)
    return Result(
        categories=names,
        series=[
            Series(label, [found.get(name, empty)[i] for name in names])
            for i, (label, _) in enumerate(OUTCOMES)
        ],
        columns=["Set", *[label for label, _ in OUTCOMES]],
        rows=[[name, *found.get(name, empty)] for name in names],
    )


EMPTY = {
    "evaluators": "No open assignments or reviews",
    "agreement": "No portfolio decisions",
    "portfolio-outcomes": "No portfolio decisions",
}


def register_reports():
    for slug, title, description, build, permission in (
        ("evaluators", "Evaluators' load and speed",
         "Open and overdue assignments, reviews submitted, median days to review.",
         evaluator_load, "evaluations.view_assignment"),
        ("agreement", "Agreement between the first two evaluators",
         "Per set, how often the first two evaluators agreed: the reliability "
         "measure.", agreement, "evaluations.view_decision"),
        ("portfolio-outcomes", "Portfolio outcomes",
         "Per set, portfolios met the first time, after a third reviewer, after "
         "revision.", portfolio_outcomes, "evaluations.view_decision"),
    ):  # fmt: skip
        register(
            Report(
                slug, title, description, build, permission, GROUP, empty=EMPTY[slug]
            )
        )
