"""A set achieved by portfolio has its achieved portfolio (``check_data``)."""

from django.db.models import Exists, OuterRef

from candidates.enums import AchievementMethod
from candidates.models import Achievement
from lssc.core.invariants import register_invariant

from .models import Portfolio, PortfolioStatus


@register_invariant(
    "achievement-by-portfolio",
    "a set achieved by portfolio has an achieved portfolio of that candidate and set",
)
def achievement_by_portfolio(invariant):
    achieved = Portfolio.objects.filter(
        candidate_id=OuterRef("candidate_id"),
        competency_set_id=OuterRef("competency_set_id"),
        status=PortfolioStatus.ACHIEVED,
    )
    rows = Achievement.objects.filter(method=AchievementMethod.PORTFOLIO).filter(
        ~Exists(achieved)
    )
    for pk, candidate_id, name in rows.values_list(
        "pk", "candidate_id", "competency_set__name"
    ).iterator(chunk_size=2000):
        yield invariant.violation(
            Achievement, pk,
            f"{name} of candidate {candidate_id} has no achieved portfolio",
        )  # fmt: skip
