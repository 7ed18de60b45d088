"""Renewal progress in plain words (issue 19): each requirement on its own line, with
what is missing."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from renewals.rules import Progress
from tests.candidates.test_validity_wording import text

from .test_renewal import LOGGED_ON, log, on

pytestmark = pytest.mark.django_db

D = datetime.date


def progress(hours, technology) -> Progress:
    return Progress(Decimal(hours), Decimal(technology), 32, 4)


@pytest.mark.parametrize(
    ("hours", "technology", "lines"),
    [
        (32, 4, ["Contact hours: 32 of 32 ✓", "Technology: 4 of 4 ✓"]),
        (32, 2, ["Contact hours: 32 of 32 ✓", "Technology: 2 of 4 — 2 more needed"]),
        (0, 0, ["Contact hours: 0 of 32 — 32 more needed",
                "Technology: 0 of 4 — 4 more needed"]),
        ("30.5", "4.5", ["Contact hours: 30.5 of 32 — 1.5 more needed",
                         "Technology: 4.5 of 4 ✓"]),
        (40, 6, ["Contact hours: 40 of 32 ✓", "Technology: 6 of 4 ✓"]),
    ],
)  # fmt: skip
def test_each_requirement_is_a_line_with_what_is_missing(hours, technology, lines):
    assert [str(r) for r in progress(hours, technology).requirements] == lines


def test_the_renewal_page_shows_both_lines(certification, client):
    # 32 contact hours, 2 of them on technology.
    for n, (hours, tech) in enumerate([(8, False), (8, False), (8, False), (6, False),
                                       (2, True)]):  # fmt: skip
        log(certification, hours=hours, technology=tech, day=D(2028, 3, 1 + n))
    with on(LOGGED_ON):
        client.force_login(certification.candidate.user)
        page = text(client.get(reverse("renewals:home")))
    assert "Contact hours: 32 of 32 ✓ (met)" in page  # the ✓ is read as "met"
    assert "Technology: 2 of 4 — 2 more needed" in page
    assert "You meet both requirements" not in page
