"""The reviewers' decisions: approve for three years, reject, or ask for changes;
each needs a reason and happens once."""

import datetime

import pytest

from courses.applications import (
    application_approve,
    application_reject,
    application_request_changes,
    application_submit,
)
from courses.errors import CourseError
from courses.models import ApplicationStatus, Course, CourseApproval
from lssc.audit.models import AuditEntry
from lssc.notifications.models import OutgoingMail
from lssc.payments.services import payments_for
from tests.courses.conftest import (
    complete_application,
    contact_of,
    in_review,
    mails_to,
    on,
)

pytestmark = pytest.mark.django_db

MARCH_10 = datetime.date(2026, 3, 10)


@pytest.fixture
def application(provider, technology):
    return in_review(complete_application(provider, technology, title="Tech basics"))


def emails(provider):
    return sorted(provider.contacts.values_list("user__email", flat=True))


# --- Approval --------------------------------------------------------------------


def test_approved_today_for_exactly_three_years(application, officer, provider):
    with on(MARCH_10):
        approval = application_approve(
            application=application, by=officer, reason="Covers all 13."
        )

    course = approval.course
    assert (course.first_approved_on, course.approved_on) == (MARCH_10, MARCH_10)
    assert course.expires_on == datetime.date(2029, 3, 10)
    assert course.last_approved_day == datetime.date(2029, 3, 9)
    assert (approval.starts_on, approval.expires_on) == (MARCH_10, course.expires_on)
    assert approval.approved_by == officer
    assert (course.title, course.competency_set) == (
        "Tech basics",
        application.competency_set,
    )
    assert course.provider == provider
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.course == course
    assert (application.decided_by, application.decision_reason) == (
        officer,
        "Covers all 13.",
    )
    for email in emails(provider):
        assert len(mails_to(email, "is an approved LSSC course")) == 1


def test_approved_until_the_day_before_expiry(application, officer):
    with on(MARCH_10):
        course = application_approve(
            application=application, by=officer, reason="Good."
        ).course
    assert not course.is_approved(MARCH_10 - datetime.timedelta(days=1))
    assert course.is_approved(MARCH_10)
    assert course.is_approved(datetime.date(2029, 3, 9))  # expires_on - 1
    assert not course.is_approved(datetime.date(2029, 3, 10))  # expires_on
    with on(datetime.date(2029, 3, 9)):
        assert course.is_approved()
    with on(datetime.date(2029, 3, 10)):
        assert not course.is_approved()


def test_approved_on_29_february_is_approved_three_full_years(application, officer):
    """No 29 February three years on: approved through the 28th, lapsed on 1 March."""
    leap_day = datetime.date(2028, 2, 29)
    with on(leap_day):
        course = application_approve(
            application=application, by=officer, reason="Good."
        ).course
    assert course.approved_on == leap_day
    assert course.expires_on == datetime.date(2031, 3, 1)
    assert course.is_approved(datetime.date(2031, 2, 28))
    assert not course.is_approved(datetime.date(2031, 3, 1))


def test_approving_twice_changes_nothing(application, officer, provider):
    first = application_approve(application=application, by=officer, reason="Good.")
    mails = OutgoingMail.objects.count()

    assert (
        application_approve(application=application, by=officer, reason="Again.")
        is None
    )
    assert not application_reject(application=application, by=officer, reason="No.")
    assert not application_request_changes(
        application=application, by=officer, reason="Change."
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.decision_reason == "Good."
    assert Course.objects.count() == 1
    assert list(CourseApproval.objects.all()) == [first]
    assert OutgoingMail.objects.count() == mails
    assert AuditEntry.objects.filter(action="course_application.approved").count() == 1


@pytest.mark.parametrize(
    "decide",
    [application_approve, application_reject, application_request_changes],
    ids=["approve", "reject", "request_changes"],
)
def test_every_decision_needs_a_reason(application, officer, decide):
    mails = OutgoingMail.objects.count()
    for reason in ("", "   \n"):
        with pytest.raises(CourseError, match="reason"):
            decide(application=application, by=officer, reason=reason)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW
    assert application.decided_at is None
    assert not Course.objects.exists()
    assert OutgoingMail.objects.count() == mails


# --- Rejection -------------------------------------------------------------------


def test_rejected_once_with_the_reason_mailed(application, officer, provider):
    assert application_reject(
        application=application, by=officer, reason="Competency 4 is not taught."
    )
    assert not application_reject(application=application, by=officer, reason="Two")
    assert (
        application_approve(application=application, by=officer, reason="Yes") is None
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert application.decision_reason == "Competency 4 is not taught."
    assert not Course.objects.exists()
    for email in emails(provider):
        [mail] = mails_to(email, "not approved")
        assert "Competency 4 is not taught." in mail.body


# --- Changes requested -----------------------------------------------------------


def test_changes_requested_then_resubmitted_goes_back_to_review_unpaid(
    application, officer, provider
):
    paid_at = application.paid_at
    assert application_request_changes(
        application=application, by=officer, reason="Say where 12 is taught."
    )
    assert not application_request_changes(
        application=application, by=officer, reason="Twice."
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.CHANGES_REQUESTED
    assert application.is_editable
    for email in emails(provider):
        assert len(mails_to(email, "changes requested")) == 1

    application.description = "Now with a unit on competency 12."
    application.save()
    application_submit(application=application, by=contact_of(provider))

    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW
    assert application.in_review_since > paid_at
    assert application.paid_at == paid_at
    assert application.fee_position == 1
    assert payments_for(application).count() == 1  # no second fee

    # A second request is a second mail; then the application can be approved.
    assert application_request_changes(
        application=application, by=officer, reason="And unit 13."
    )
    for email in emails(provider):
        assert len(mails_to(email, "changes requested")) == 2
    application_submit(application=application, by=contact_of(provider))
    approval = application_approve(application=application, by=officer, reason="OK")
    assert approval.course.description == "Now with a unit on competency 12."
    assert payments_for(application).count() == 1
