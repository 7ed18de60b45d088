import datetime

import pytest

from evaluations.models import Evaluator
from lssc.competencies.models import CompetencySet
from portfolios.models import PortfolioStatus, Submission
from portfolios.services import portfolio_open
from tests.candidates.helpers import admitted_candidate
from tests.factories import UserFactory


@pytest.fixture
def technology(db):
    return CompetencySet.objects.get(slug="technology")


@pytest.fixture
def cataloging(db):
    return CompetencySet.objects.get(slug="cataloging-and-classification")


@pytest.fixture
def make_evaluator(technology):
    def make(name, institution="Lakeside College", *, sets=None, **fields):
        evaluator = Evaluator.objects.create(
            user=fields.pop("user", None) or UserFactory(full_name=name),
            institution=institution,
            trained_on=fields.pop("trained_on", datetime.date(2026, 3, 1)),
            **fields,
        )
        evaluator.sets.set(sets if sets is not None else [technology])
        return evaluator

    return make


@pytest.fixture
def submission(technology):
    """A Technology portfolio from a candidate at Springfield Public Library."""
    candidate = admitted_candidate()
    portfolio = portfolio_open(candidate=candidate, competency_set=technology, by=None)
    portfolio.status = PortfolioStatus.UNDER_REVIEW
    portfolio.save()
    return Submission.objects.create(portfolio=portfolio, number=1, snapshot={})
