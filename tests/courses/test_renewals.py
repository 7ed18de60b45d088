"""Renewing a course's approval: the form starts from the last approved application,
and a renewal approved before the lapse runs on from the old expiry."""

import datetime

import pytest

from courses.applications import application_gaps, application_start
from courses.errors import CourseError
from courses.models import APPLICATION_FIELDS, ApplicationStatus
from tests.courses.conftest import (
    MARCH_10,
    contact_of,
    make_provider,
    on,
    renew,
    start_renewal,
)

pytestmark = pytest.mark.django_db


def test_a_renewal_starts_from_the_last_approved_application(course):
    last = course.approvals.get().application
    renewal = start_renewal(course)

    assert renewal.is_renewal and renewal.renewal_of == course
    assert renewal.status == ApplicationStatus.DRAFT
    for field in APPLICATION_FIELDS:
        assert getattr(renewal, field) == getattr(last, field), field
    assert list(renewal.coverage.values_list("competency_id", "where_taught")) == list(
        last.coverage.values_list("competency_id", "where_taught")
    )
    assert renewal.coverage.count() == 13
    assert list(renewal.instructors.values_list("name", "qualifications")) == [
        ("Rosa Diaz", "MLIS; ten years teaching library support staff.")
    ]
    # Past offerings are not carried over: the provider plans new ones.
    assert application_gaps(renewal) == ["Plan at least one offering."]


def test_starting_a_renewal_twice_returns_the_same_draft(course):
    assert start_renewal(course) == start_renewal(course)
    assert course.renewal_applications.count() == 1


def test_only_the_courses_provider_renews_it(course):
    other = make_provider("Lakeside Library School", contacts=1)
    with pytest.raises(CourseError, match="provider"):
        application_start(provider=other, by=contact_of(other), renewal_of=course)
    assert not course.renewal_applications.exists()


def test_renewed_early_the_new_period_runs_from_the_old_expiry(course, officer):
    assert course.expires_on == datetime.date(2029, 3, 10)
    renewal_day = datetime.date(2028, 12, 1)

    approval = renew(course, officer, day=renewal_day, title="Tech basics, 2nd ed.")

    course.refresh_from_db()
    assert approval.course == course
    assert course.approvals.count() == 2
    first, second = course.approvals.all()
    assert (first.starts_on, first.expires_on) == (MARCH_10, datetime.date(2029, 3, 10))
    assert (second.starts_on, second.expires_on) == (
        datetime.date(2029, 3, 10),
        datetime.date(2032, 3, 10),
    )
    assert course.expires_on == datetime.date(2032, 3, 10)
    assert (course.first_approved_on, course.approved_on) == (MARCH_10, MARCH_10)
    assert course.title == "Tech basics, 2nd ed."
    # Approved without a gap: the day of the renewal, the old expiry and after.
    for day in (renewal_day, datetime.date(2029, 3, 9), datetime.date(2029, 3, 10)):
        assert course.is_approved(day), day
    with on(renewal_day):
        assert course.is_approved()
    assert not course.is_approved(datetime.date(2032, 3, 10))
    assert second.application.course == course


def test_renewed_after_the_lapse_the_new_period_starts_that_day(course, officer):
    renewal_day = datetime.date(2029, 5, 1)
    renew(course, officer, day=renewal_day)

    course.refresh_from_db()
    assert (course.approved_on, course.expires_on) == (
        renewal_day,
        datetime.date(2032, 5, 1),
    )
    assert course.first_approved_on == MARCH_10
    assert [(a.starts_on, a.expires_on) for a in course.approvals.all()] == [
        (MARCH_10, datetime.date(2029, 3, 10)),
        (renewal_day, datetime.date(2032, 5, 1)),
    ]
    assert not course.is_approved(datetime.date(2029, 4, 30))  # the gap
    assert course.is_approved(renewal_day)


def test_a_renewal_can_be_started_again_once_the_last_one_is_decided(course, officer):
    renew(course, officer, day=datetime.date(2028, 12, 1), title="Second edition")
    course.refresh_from_db()
    again = start_renewal(course)
    assert again.title == "Second edition"  # from the renewal approved last
    assert course.renewal_applications.count() == 2
