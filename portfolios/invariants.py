"""A set achieved by portfolio has its achieved portfolio (``check_data``)."""

from django.db.models import OuterRef

from candidates.enums import AchievementMethod
from candidates.invariants import unsourced_achievements
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
    yield from unsourced_achievements(
        invariant, AchievementMethod.PORTFOLIO, achieved, "achieved portfolio"
    )
