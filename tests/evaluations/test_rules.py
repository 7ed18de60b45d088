"""The pass rule and the combined rating (evaluations/rules.py)."""

import pytest

from evaluations.rules import Rating, Verdict, combined_rating, verdict
from lssc.core.program import rules

MET, PARTIAL, NOT_MET = Rating.MET, Rating.PARTIALLY_MET, Rating.NOT_MET


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ([MET] * 10, Verdict.MET),
        ([MET] * 7 + [PARTIAL] * 3, Verdict.MET),  # exactly 70 %
        ([MET] * 6 + [PARTIAL] * 4, Verdict.NOT_MET),  # 60 %
        ([MET] * 9 + [NOT_MET], Verdict.NOT_MET),  # any "not met" fails
        ([PARTIAL] * 10, Verdict.NOT_MET),
        # 11 competencies: 8 met is 72.7 %, 7 met is 63.6 %.
        ([MET] * 8 + [PARTIAL] * 3, Verdict.MET),
        ([MET] * 7 + [PARTIAL] * 4, Verdict.NOT_MET),
    ],
)
def test_the_published_pass_rule(ratings, expected):
    assert verdict(ratings, pass_percent=70) == expected


def test_the_threshold_is_the_programs_setting(settings):
    ratings = [MET] * 8 + [PARTIAL] * 2
    settings.LSSC_RULES = {"PORTFOLIO_PASS_MET_PERCENT": 90}
    assert verdict(ratings, pass_percent=rules().PORTFOLIO_PASS_MET_PERCENT) == (
        Verdict.NOT_MET
    )
    settings.LSSC_RULES = {}
    assert verdict(ratings, pass_percent=rules().PORTFOLIO_PASS_MET_PERCENT) == (
        Verdict.MET
    )


@pytest.mark.parametrize("ratings", [[], ["excellent"], [MET, "maybe"]])
def test_a_verdict_needs_known_ratings_for_every_competency(ratings):
    with pytest.raises(ValueError):
        verdict(ratings, pass_percent=70)


@pytest.mark.parametrize(
    ("first", "second", "combined"),
    [
        (MET, MET, MET),
        (MET, PARTIAL, MET),
        (PARTIAL, MET, MET),
        (PARTIAL, PARTIAL, PARTIAL),
        (MET, NOT_MET, NOT_MET),
        (NOT_MET, PARTIAL, NOT_MET),
        (NOT_MET, NOT_MET, NOT_MET),
    ],
)
def test_combined_rating_is_the_better_unless_either_says_not_met(
    first, second, combined
):
    assert combined_rating(first, second) == combined
