import datetime

import pytest

from lssc.accounts.roles import StaffGroup
from tests.candidates.helpers import admitted_candidate
from tests.candidates.test_certificates import certify
from tests.factories import staff_user

CERTIFIED = datetime.date(2026, 6, 15)


@pytest.fixture
def certification(db):
    """Certified on June 15, 2026: expires June 15, 2030."""
    return certify(admitted_candidate(), CERTIFIED)


@pytest.fixture
def officer(db):
    return staff_user(StaffGroup.PROGRAM_OFFICER)
