"""The eligibility rule: diploma or equivalent, 1,820 hours in the last five years."""

import datetime
from decimal import Decimal

import pytest

from candidates.eligibility import WorkPeriod, assess, count_hours, window
from candidates.enums import Education

ON = datetime.date(2026, 11, 24)
FIRST, LAST = window(ON, 5)


def hours(*periods, cap=80):
    return count_hours(
        periods, on=ON, required=1820, window_years=5, weekly_cap=cap
    ).counted


def period(start, end, per_week):
    return WorkPeriod(start, end, Decimal(per_week))


def test_the_window_is_the_five_years_ending_on_the_application_date():
    assert datetime.date(2021, 11, 25) == FIRST
    assert LAST == ON


def test_exactly_1820_hours_is_enough():
    # 52 weeks of 35 hours.
    start = datetime.date(2025, 1, 6)
    result = count_hours(
        [period(start, start + datetime.timedelta(days=363), 35)],
        on=ON,
        required=1820,
        window_years=5,
        weekly_cap=80,
    )
    assert result.counted == 1820
    assert result.enough
    assert result.missing == 0


def test_one_hour_short_is_not_enough_and_says_so():
    start = datetime.date(2025, 1, 6)
    result = assess(
        education=Education.HIGH_SCHOOL,
        periods=[period(start, start + datetime.timedelta(days=363), "34.98")],
        on=ON,
        required_hours=1820,
        window_years=5,
        weekly_cap=80,
    )
    assert result.hours.counted == 1818
    assert not result.can_submit
    assert "2 hours short" in result.reasons[0]
    assert "1,818 of the 1,820 hours" in result.reasons[0]


def test_a_period_straddling_the_window_counts_only_inside_it():
    # 20 h/week from 2019 to one year into the window: only 52 weeks + count.
    straddling = period(datetime.date(2019, 1, 1), datetime.date(2022, 11, 23), 20)
    inside_days = (datetime.date(2022, 11, 23) - FIRST).days + 1
    assert inside_days == 364
    assert hours(straddling) == 20 * 52


def test_work_entirely_before_the_window_counts_nothing():
    assert (
        hours(period(datetime.date(2015, 1, 1), datetime.date(2021, 11, 24), 40)) == 0
    )


def test_a_current_position_counts_up_to_the_application_date():
    start = ON - datetime.timedelta(days=69)  # ten weeks, today included
    assert hours(period(start, None, 14)) == 140


def test_overlapping_part_time_positions_add_up():
    start, end = datetime.date(2024, 1, 1), datetime.date(2024, 12, 29)  # 52 weeks
    both = hours(period(start, end, 20), period(start, end, 15))
    assert both == 35 * 52


def test_no_week_counts_more_than_80_hours():
    # Weeks run in sevens from the window's first day; take four whole ones.
    start = FIRST + datetime.timedelta(weeks=100)
    end = start + datetime.timedelta(days=27)
    assert hours(period(start, end, 60), period(start, end, 60)) == 80 * 4
    # The cap is a rule value: a lower cap counts less.
    assert hours(period(start, end, 60), cap=40) == 40 * 4


@pytest.mark.parametrize(
    ("education", "can_submit", "staff_review"),
    [
        (Education.HIGH_SCHOOL, True, False),
        (Education.GED, True, False),
        (Education.COLLEGE, True, False),
        (Education.OUTSIDE_US, True, True),
        (Education.NONE, False, False),
    ],
)
def test_education(education, can_submit, staff_review):
    result = assess(
        education=education,
        periods=[period(datetime.date(2022, 1, 3), None, 40)],
        on=ON,
        required_hours=1820,
        window_years=5,
        weekly_cap=80,
    )
    assert result.hours.enough
    assert result.can_submit is can_submit
    assert result.needs_staff_review is staff_review
    if not can_submit:
        assert "diploma" in result.reasons[0]
