import datetime

import pytest
from django.core.exceptions import ValidationError

from lssc.fees.models import Audience, Fee, FeeKind
from lssc.fees.rules import FeeNotSet, select_fee
from lssc.fees.services import course_approval_schedule, fee_for

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 24)


def test_application_fee_is_350_dollars_or_325_for_ala_members():
    assert fee_for(FeeKind.APPLICATION, on=TODAY).amount_cents == 35000
    assert fee_for(FeeKind.APPLICATION, ala_member=True, on=TODAY).amount_cents == 32500


def test_portfolio_fee_is_60_dollars_or_50_for_ala_members():
    assert fee_for(FeeKind.PORTFOLIO, on=TODAY).amount_cents == 6000
    assert fee_for(FeeKind.PORTFOLIO, ala_member=True, on=TODAY).amount_cents == 5000


def test_renewal_and_resubmission_fees_default_to_zero_until_staff_set_them():
    assert fee_for(FeeKind.RENEWAL, on=TODAY).amount_cents == 0
    assert fee_for(FeeKind.PORTFOLIO_RESUBMISSION, on=TODAY).amount_cents == 0


@pytest.mark.parametrize(
    ("course_number", "expected_cents"),
    [(1, 10000), (2, 10000)] + [(n, 5000) for n in range(3, 11)],
)
def test_course_approval_fee_by_providers_course_count(course_number, expected_cents):
    fee = fee_for(FeeKind.COURSE_APPROVAL, item=course_number, on=TODAY)
    assert fee.amount_cents == expected_cents


def test_course_approval_fee_beyond_the_tenth_comes_from_its_own_row():
    row = fee_for(FeeKind.COURSE_APPROVAL, item=11, on=TODAY)
    assert row.from_item == 11
    assert row.to_item is None
    assert fee_for(FeeKind.COURSE_APPROVAL, item=25, on=TODAY) == row


def test_a_fee_change_applies_from_its_date_and_leaves_earlier_dates_alone():
    change = datetime.date(2027, 1, 1)
    Fee.objects.create(
        kind=FeeKind.APPLICATION,
        audience=Audience.NON_MEMBER,
        amount_cents=37500,
        effective_from=change,
    )
    day_before = change - datetime.timedelta(days=1)
    assert fee_for(FeeKind.APPLICATION, on=day_before).amount_cents == 35000
    assert fee_for(FeeKind.APPLICATION, on=change).amount_cents == 37500
    # The member fee had no change, so its older row still applies.
    assert (
        fee_for(FeeKind.APPLICATION, ala_member=True, on=change).amount_cents == 32500
    )


def test_a_row_for_everyone_covers_both_audiences_unless_a_specific_row_is_newer():
    rows = [
        Fee(
            kind=FeeKind.RENEWAL,
            audience=Audience.EVERYONE,
            amount_cents=5000,
            effective_from=datetime.date(2026, 1, 1),
        ),
        Fee(
            kind=FeeKind.RENEWAL,
            audience=Audience.ALA_MEMBER,
            amount_cents=4000,
            effective_from=datetime.date(2026, 1, 1),
        ),
    ]
    kwargs = {"kind": FeeKind.RENEWAL, "on": TODAY}
    assert select_fee(rows, ala_member=False, **kwargs).amount_cents == 5000
    assert select_fee(rows, ala_member=True, **kwargs).amount_cents == 4000


def test_no_row_in_effect_raises_fee_not_set():
    with pytest.raises(FeeNotSet):
        fee_for(FeeKind.APPLICATION, on=datetime.date(2009, 12, 31))


def test_course_approval_schedule_merges_tiers_for_the_public_table():
    assert course_approval_schedule(on=TODAY) == [(1, 2, 10000), (3, None, 5000)]


def test_overlapping_item_ranges_on_the_same_date_are_rejected():
    fee = Fee(
        kind=FeeKind.COURSE_APPROVAL,
        audience=Audience.EVERYONE,
        from_item=5,
        to_item=12,
        amount_cents=1000,
        effective_from=datetime.date(2010, 1, 1),
    )
    with pytest.raises(ValidationError, match="overlap"):
        fee.full_clean()


def test_item_range_must_not_end_before_it_starts():
    fee = Fee(
        kind=FeeKind.COURSE_APPROVAL,
        from_item=5,
        to_item=4,
        amount_cents=1000,
        effective_from=datetime.date(2030, 1, 1),
    )
    with pytest.raises(ValidationError):
        fee.full_clean()
