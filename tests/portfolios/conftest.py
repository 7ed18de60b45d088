import pytest

from lssc.competencies.models import CompetencySet
from portfolios.services import portfolio_open
from tests.candidates.helpers import admitted_candidate


@pytest.fixture
def candidate(db):
    return admitted_candidate()


@pytest.fixture
def portfolio(candidate):
    technology = CompetencySet.objects.get(slug="technology")
    return portfolio_open(candidate=candidate, competency_set=technology, by=None)
