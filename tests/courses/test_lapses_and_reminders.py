"""The daily sweeps: lapses recorded once, reminders before a lapse, and staff told
of applications waiting too long for review."""

import datetime

import pytest

from courses.applications import application_approve
from courses.lapses import (
    approval_reminders,
    approvals_lapse,
    waiting_applications_reminder,
)
from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.notifications.models import OutgoingMail, Reminder
from tests.courses.conftest import (
    EXPIRES,
    approved_course,
    complete_application,
    in_review,
    mails_to,
    on,
    renew,
)
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def emails(provider):
    return sorted(provider.contacts.values_list("user__email", flat=True))


# --- Lapses ----------------------------------------------------------------------


def test_a_lapse_is_recorded_once_on_the_expiry_day(
    course, provider, cataloging, officer
):
    later = approved_course(provider, cataloging, officer=officer, day=EXPIRES)
    assert approvals_lapse(EXPIRES - DAY) == 0
    assert approvals_lapse(EXPIRES) == 1
    mails = OutgoingMail.objects.count()
    assert approvals_lapse(EXPIRES) == 0
    assert approvals_lapse(EXPIRES + 10 * DAY) == 0

    course.refresh_from_db()
    later.refresh_from_db()
    assert course.lapse_recorded_at is not None
    assert later.lapse_recorded_at is None
    entries = AuditEntry.objects.filter(action="course.lapsed")
    assert [(e.subject, e.from_state, e.to_state) for e in entries] == [
        (course, "approved", "lapsed")
    ]
    assert OutgoingMail.objects.count() == mails
    for email in emails(provider):
        [mail] = mails_to(email, "no longer an approved course")
        assert "Tech basics" in mail.subject
        assert "March 9, 2029" in mail.body  # the last approved day


def test_a_course_renewed_in_time_never_lapses(course, officer):
    renew(course, officer, day=datetime.date(2029, 1, 15))
    assert approvals_lapse(EXPIRES) == 0
    assert approvals_lapse(EXPIRES + 100 * DAY) == 0
    assert not AuditEntry.objects.filter(action="course.lapsed").exists()


def test_a_course_renewed_after_its_lapse_can_lapse_again(course, officer):
    assert approvals_lapse(EXPIRES) == 1
    renew(course, officer, day=datetime.date(2029, 5, 1))
    course.refresh_from_db()
    assert course.lapse_recorded_at is None
    assert approvals_lapse(datetime.date(2032, 5, 1)) == 1
    assert AuditEntry.objects.filter(action="course.lapsed").count() == 2


# --- Lapse reminders -------------------------------------------------------------


def kinds(approval=None):
    """The kinds of reminder logged (for ``approval``), one per kind."""
    rows = Reminder.objects.all()
    if approval is not None:
        rows = rows.filter(subject_id=approval.pk)
    return set(rows.values_list("kind", flat=True))


def run_reminders(first_day, last_day):
    day = first_day
    while day <= last_day:
        approval_reminders(day)
        approval_reminders(day)  # a second run the same day sends nothing
        day += DAY


def test_reminded_90_and_30_days_before_each_once(course, provider):
    assert approval_reminders(EXPIRES - 91 * DAY) == 0
    assert approval_reminders(EXPIRES - 90 * DAY) == 1
    assert approval_reminders(EXPIRES - 90 * DAY) == 0
    run_reminders(EXPIRES - 89 * DAY, EXPIRES - 31 * DAY)
    assert set(kinds()) == {"course_lapse_90d"}
    assert approval_reminders(EXPIRES - 30 * DAY) == 1
    run_reminders(EXPIRES - 29 * DAY, EXPIRES + 5 * DAY)

    approval = course.approvals.get()
    assert sorted(kinds(approval)) == ["course_lapse_30d", "course_lapse_90d"]
    for email in emails(provider):
        subjects = [m.subject for m in mails_to(email, "approval ends in")]
        assert subjects == [
            '"Tech basics": approval ends in 90 days',
            '"Tech basics": approval ends in 30 days',
        ]


def test_no_reminder_for_an_approval_already_renewed(course, officer, provider):
    renew(course, officer, day=datetime.date(2028, 11, 1))
    run_reminders(datetime.date(2028, 11, 2), EXPIRES + DAY)
    assert not Reminder.objects.exists()
    for email in emails(provider):
        assert mails_to(email, "approval ends in") == []


def test_no_30_day_reminder_once_renewed_after_the_90_day_one(
    course, officer, provider
):
    assert approval_reminders(EXPIRES - 90 * DAY) == 1
    renew(course, officer, day=EXPIRES - 60 * DAY)
    run_reminders(EXPIRES - 59 * DAY, EXPIRES + DAY)
    assert set(kinds()) == {"course_lapse_90d"}
    # The new approval is reminded in its turn.
    course.refresh_from_db()
    assert approval_reminders(course.expires_on - 90 * DAY) == 1
    assert set(kinds(course.approvals.last())) == {"course_lapse_90d"}


# --- Applications waiting for review ---------------------------------------------


@pytest.fixture
def staff():
    return {
        "officer": staff_user(StaffGroup.PROGRAM_OFFICER),
        "reviewer": staff_user(StaffGroup.REVIEW_COMMITTEE),
        "assistant": staff_user(StaffGroup.PROGRAM_ASSISTANT),
        "committee": staff_user(StaffGroup.PROGRAM_COMMITTEE),
    }


def waiting_mails(user):
    return mails_to(user.email, "waiting more than 30 days")


def test_staff_are_told_once_a_day_of_applications_waiting_over_30_days(
    provider, technology, staff
):
    with on(datetime.date(2026, 4, 1)):
        application = in_review(complete_application(provider, technology))

    with on(datetime.date(2026, 5, 1)):  # 30 days: not more than 30 yet
        assert waiting_applications_reminder() == 0
    with on(datetime.date(2026, 5, 2)):
        assert waiting_applications_reminder() == 1
        assert waiting_applications_reminder() == 1  # a second run: no new mail
    for person in ("officer", "reviewer"):
        [mail] = waiting_mails(staff[person])
        assert application.reference in mail.body
    for person in ("assistant", "committee"):
        assert waiting_mails(staff[person]) == []

    with on(datetime.date(2026, 5, 3)):
        waiting_applications_reminder()
    assert len(waiting_mails(staff["officer"])) == 2
    assert len(waiting_mails(staff["reviewer"])) == 2

    with on(datetime.date(2026, 5, 4)):
        application_approve(application=application, by=staff["officer"], reason="Ok")
        assert waiting_applications_reminder() == 0
    assert len(waiting_mails(staff["officer"])) == 2


def test_the_daily_task_runs_the_three_sweeps(course):
    from courses.tasks import course_approvals_daily

    with on(EXPIRES - 90 * DAY):
        assert course_approvals_daily.delay().get(timeout=5) == {
            "lapsed": 0,
            "reminded": 1,
            "waiting": 0,
        }
    with on(EXPIRES):
        assert course_approvals_daily.delay().get(timeout=5) == {
            "lapsed": 1,
            "reminded": 0,
            "waiting": 0,
        }


def test_the_waiting_list_is_counted_from_the_day_given(provider, technology, staff):
    with on(datetime.date(2026, 4, 1)):
        in_review(complete_application(provider, technology))
    with on(datetime.date(2026, 4, 10)):
        assert waiting_applications_reminder(today=datetime.date(2026, 5, 1)) == 0
        assert waiting_applications_reminder(today=datetime.date(2026, 5, 2)) == 1
