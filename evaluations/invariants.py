"""A decided portfolio has the reviews the pass rule needs, and its decision is
theirs (``check_data``): two first reviewers who agree, or a third who decides."""

from collections import defaultdict

from django.db.models import OuterRef, Subquery

from lssc.core.invariants import chunks, register_invariant
from lssc.core.words import counted
from portfolios.models import Portfolio, PortfolioStatus, Submission

from .models import AssignmentState, Decision, Outcome, Review
from .rules import Verdict

# The outcome a decided portfolio's state stands for.
OUTCOME_OF_STATE = {
    PortfolioStatus.ACHIEVED: Outcome.ACHIEVED,
    PortfolioStatus.REVISION_REQUESTED: Outcome.REVISION,
}


def expected_outcome(first: list[str], third: list[str]) -> tuple[str | None, bool]:
    """The outcome the submitted verdicts make, and whether the third made it;
    ``(None, False)`` when they make none yet (the rule of ``reviews._decide``)."""
    if third:
        final, by_third = third[0], True
    elif len(first) >= 2 and first[0] == first[1]:
        final, by_third = first[0], False
    else:
        return None, False
    return (Outcome.ACHIEVED if final == Verdict.MET else Outcome.REVISION), by_third


@register_invariant(
    "portfolio-decision",
    "a decided portfolio has the reviews the pass rule needs and its decision "
    "matches them",
)
def portfolio_decision(invariant):
    latest = Submission.objects.filter(portfolio_id=OuterRef("pk")).order_by("-number")
    rows = (
        Portfolio.objects.filter(status__in=list(OUTCOME_OF_STATE))
        .annotate(last=Subquery(latest.values("pk")[:1]))
        .values_list("pk", "status", "last")
        .order_by("pk")
    )
    for chunk in chunks(rows.iterator(chunk_size=2000)):
        submissions = [last for _, _, last in chunk if last]
        decisions = {
            s: (outcome, by_third)
            for s, outcome, by_third in Decision.objects.filter(
                submission_id__in=submissions
            ).values_list("submission_id", "outcome", "by_third_reviewer")
        }
        verdicts = defaultdict(lambda: ([], []))
        for s, third, verdict in (
            Review.objects.filter(
                assignment__submission_id__in=submissions,
                assignment__state=AssignmentState.SUBMITTED,
            )
            .order_by("submitted_at", "pk")
            .values_list("assignment__submission_id", "assignment__third_reviewer",
                         "verdict")
        ):  # fmt: skip
            verdicts[s][1 if third else 0].append(verdict)
        for pk, status, last in chunk:
            yield from _check(invariant, pk, status, last, decisions, verdicts)


def _check(invariant, pk, status, last, decisions, verdicts):
    label = PortfolioStatus(status).label.lower()
    if last is None or last not in decisions:
        yield invariant.violation(
            Portfolio, pk, f"{label} without a decision on its last submission"
        )
        return
    outcome, by_third = decisions[last]
    if outcome != OUTCOME_OF_STATE[status]:
        yield invariant.violation(
            Portfolio, pk, f"{label}, but the decision says {outcome}"
        )
        return
    first, third = verdicts[last]
    expected, expected_by_third = expected_outcome(first, third)
    if expected is None:
        yield invariant.violation(
            Portfolio, pk,
            f"{label} with {len(first)} first and "
            f"{counted(len(third), 'third review')}: "
            "not enough agreeing reviews to decide",
        )  # fmt: skip
    elif (expected, expected_by_third) != (outcome, by_third):
        yield invariant.violation(
            Portfolio, pk,
            f"decided {outcome}{' by the third reviewer' if by_third else ''}, but "
            f"the reviews make it {expected}"
            f"{' by the third reviewer' if expected_by_third else ''}",
        )  # fmt: skip
