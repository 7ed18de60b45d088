"""How an evaluator's ratings become a verdict: pure functions, no database.

The published pass rule: a competency set is met when at least
``PORTFOLIO_PASS_MET_PERCENT`` of its competencies are rated "met" and none is rated
"not met"; otherwise it is not met. When two evaluators agree on the verdict but
differ on single competencies, the candidate is shown one combined rating each.
"""

from collections.abc import Iterable

from django.db import models


class Rating(models.TextChoices):
    MET = "met", "Met"
    PARTIALLY_MET = "partial", "Partially met"
    NOT_MET = "not_met", "Not met"


class Verdict(models.TextChoices):
    MET = "met", "Met"
    NOT_MET = "not_met", "Not met"


def verdict(ratings: Iterable[str], *, pass_percent: int) -> Verdict:
    """The verdict for a set from the rating of each of its competencies."""
    ratings = list(ratings)
    if not ratings:
        raise ValueError("A verdict needs the rating of every competency.")
    unknown = set(ratings) - set(Rating.values)
    if unknown:
        raise ValueError(f"Unknown ratings: {', '.join(sorted(unknown))}")
    met = ratings.count(Rating.MET)
    # Integers only: 7 of 10 is exactly 70 %, with no rounding to argue about.
    if Rating.NOT_MET not in ratings and met * 100 >= pass_percent * len(ratings):
        return Verdict.MET
    return Verdict.NOT_MET


def combined_rating(first: str, second: str) -> Rating:
    """One rating from two: "not met" if either says so, else the better one."""
    if Rating.NOT_MET in (first, second):
        return Rating.NOT_MET
    if Rating.MET in (first, second):
        return Rating.MET
    return Rating.PARTIALLY_MET
