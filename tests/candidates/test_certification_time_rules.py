"""Where a day falls in a certification's life (FAQ 19), to the day: valid before
its expiry; open for renewal from 12 months before it to the end of 2 months of
grace after it; lapsed after the grace. The model's methods and the queryset's
filters answer alike on every edge, month ends included."""

import datetime

import pytest
from django.utils import timezone

from candidates.enums import ApplicationStatus
from candidates.models import Application, Candidate, Certification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date
DAY = datetime.timedelta(days=1)
RULES = ("valid_on", "in_renewal_window", "in_grace", "lapsed")

EXPIRES = D(2030, 6, 15)
OPENS = D(2029, 6, 15)  # 12 months before
LAPSES = D(2030, 8, 15)  # 2 months after: the first day after the grace


def holder(expires_on, *, revoked=False) -> Certification:
    user = UserFactory()
    application = Application.objects.create(
        user=user, status=ApplicationStatus.ADMITTED
    )
    candidate = Candidate.objects.create(
        user=user,
        application=application,
        number=f"LSSC-TEST-{user.pk}",
        admitted_on=D(2025, 1, 1),
        deadline=D(2029, 1, 1),
    )
    return Certification.objects.create(
        candidate=candidate,
        certified_on=D(2026, 6, 15),
        period_starts_on=D(2026, 6, 15),
        expires_on=expires_on,
        status="revoked" if revoked else "issued",
        revoked_at=timezone.now() if revoked else None,
    )


def answers(certification, day) -> set[str]:
    """The rules that hold on ``day``, asked of the row and of the queryset, which
    must agree."""
    by_method = {rule for rule in RULES if getattr(certification, rule)(day)}
    found = Certification.objects.filter(pk=certification.pk)
    by_query = {rule for rule in RULES if getattr(found, rule)(day).exists()}
    assert by_method == by_query, day
    current = found.current_on(day).exists()
    assert current == bool(by_method & {"valid_on", "in_grace"}), day
    return by_method


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # The renewal window opens.
        (OPENS - DAY, {"valid_on"}),
        (OPENS, {"valid_on", "in_renewal_window"}),
        (OPENS + DAY, {"valid_on", "in_renewal_window"}),
        # The expiry: the last valid day, then grace.
        (EXPIRES - DAY, {"valid_on", "in_renewal_window"}),
        (EXPIRES, {"in_grace", "in_renewal_window"}),
        (EXPIRES + DAY, {"in_grace", "in_renewal_window"}),
        # The grace ends: lapsed, and the window closed.
        (LAPSES - DAY, {"in_grace", "in_renewal_window"}),
        (LAPSES, {"lapsed"}),
        (LAPSES + DAY, {"lapsed"}),
    ],
)
def test_each_rule_to_the_day(day, expected):
    assert answers(holder(EXPIRES), day) == expected


@pytest.mark.parametrize("day", [OPENS - DAY, OPENS, EXPIRES, LAPSES - DAY, LAPSES])
def test_a_revoked_certification_is_in_none_of_them(day):
    assert answers(holder(EXPIRES, revoked=True), day) == set()


@pytest.mark.parametrize(
    ("expires_on", "day", "expected"),
    [
        # Expired on 31 December: two months of grace end with 27 February.
        (D(2030, 12, 31), D(2031, 2, 27), {"in_grace", "in_renewal_window"}),
        (D(2030, 12, 31), D(2031, 2, 28), {"lapsed"}),
        # 28 December lapses on the same day as the 31st.
        (D(2030, 12, 28), D(2031, 2, 27), {"in_grace", "in_renewal_window"}),
        (D(2030, 12, 28), D(2031, 2, 28), {"lapsed"}),
        (D(2031, 1, 1), D(2031, 2, 28), {"in_grace", "in_renewal_window"}),
        # Expiring on a leap day: the window opens on 28 February the year before.
        (D(2032, 2, 29), D(2031, 2, 27), {"valid_on"}),
        (D(2032, 2, 29), D(2031, 2, 28), {"valid_on", "in_renewal_window"}),
        (D(2032, 3, 1), D(2031, 2, 28), {"valid_on"}),
        (D(2032, 3, 1), D(2031, 3, 1), {"valid_on", "in_renewal_window"}),
    ],
)
def test_month_ends(expires_on, day, expected):
    assert answers(holder(expires_on), day) == expected


def test_the_edges_follow_the_programs_rules(settings):
    settings.LSSC_RULES = {"RENEWAL_WINDOW_MONTHS": 6, "RENEWAL_GRACE_MONTHS": 1}
    certification = holder(EXPIRES)
    assert certification.renewal_opens_on == D(2029, 12, 15)
    assert certification.lapses_on == D(2030, 7, 15)
    assert answers(certification, D(2029, 12, 14)) == {"valid_on"}
    assert answers(certification, D(2029, 12, 15)) == {"valid_on", "in_renewal_window"}
    assert answers(certification, D(2030, 7, 14)) == {"in_grace", "in_renewal_window"}
    assert answers(certification, D(2030, 7, 15)) == {"lapsed"}
