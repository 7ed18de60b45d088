"""The course rules as pure functions over dates."""

import datetime

import pytest

from courses.rules import (
    approval_expires_on,
    completion_counts,
    completion_window_opens,
)

D = datetime.date


@pytest.mark.parametrize(
    ("approved_on", "expires_on"),
    [
        (D(2026, 3, 1), D(2029, 3, 1)),
        (D(2026, 12, 31), D(2029, 12, 31)),
        (D(2028, 2, 29), D(2031, 3, 1)),  # approved through 28 February 2031
        (D(2027, 2, 28), D(2030, 2, 28)),
    ],
)
def test_an_approval_expires_three_years_on(approved_on, expires_on):
    assert approval_expires_on(approved_on, 3) == expires_on


def test_the_window_opens_two_years_before_approval():
    assert completion_window_opens(D(2026, 3, 10), 2) == D(2024, 3, 10)
    assert completion_window_opens(D(2028, 2, 29), 2) == D(2026, 2, 28)


PERIODS = [(D(2026, 3, 10), D(2029, 3, 10))]


@pytest.mark.parametrize(
    ("completed_on", "counts"),
    [
        (D(2024, 3, 9), False),
        (D(2024, 3, 10), True),
        (D(2029, 3, 9), True),
        (D(2029, 3, 10), False),
    ],
)
def test_completion_counts_within_one_period(completed_on, counts):
    assert completion_counts(completed_on, PERIODS, 2) is counts


def test_completion_counts_under_either_of_two_periods():
    periods = [*PERIODS, (D(2030, 1, 1), D(2033, 1, 1))]
    assert completion_counts(D(2029, 6, 1), periods, 2)  # the second's window
    assert completion_counts(D(2032, 12, 31), periods, 2)
    assert not completion_counts(D(2033, 1, 1), periods, 2)
    assert not completion_counts(D(2029, 6, 1), [], 2)
