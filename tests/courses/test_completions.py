"""A candidate's completion of an approved course: when it counts, and how its
verification achieves the course's set."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from candidates.enums import AchievementMethod
from candidates.models import Achievement
from candidates.progress import SetStatus, car_slots
from courses.achievements import (
    completion_attach_form,
    completion_problem,
    completion_record,
    completion_reject,
    completion_verify,
    roster_confirm,
)
from courses.documents import DocumentRefused
from courses.errors import CourseError
from courses.models import Completion, Course, ReviewState
from lssc.competencies.models import CompetencySet
from tests.courses.conftest import (
    DAY,
    EXPIRES,
    MARCH_10,
    approved_course,
    contact_of,
    mails_to,
    make_provider,
    on,
    pdf,
    renew,
)
from tests.portfolios import files

pytestmark = pytest.mark.django_db

WINDOW_OPENS = datetime.date(2024, 3, 10)  # two years before MARCH_10
LAST_DAY = datetime.date(2029, 3, 9)


def record(candidate, course, completed_on, **kwargs):
    return completion_record(
        candidate=candidate,
        course=course,
        completed_on=completed_on,
        result=kwargs.pop("result", "Pass"),
        **kwargs,
    )


def technology_slot(candidate):
    sets = list(CompetencySet.objects.current())
    [slot] = [
        s for s in car_slots(candidate, sets)["required"] if s.label == "Technology"
    ]
    return slot.progress


# --- When a completion counts ----------------------------------------------------


@pytest.mark.parametrize(
    "completed_on",
    [WINDOW_OPENS, MARCH_10, LAST_DAY],
    ids=["two-years-before-approval", "approval-day", "last-approved-day"],
)
def test_a_completion_within_the_window_counts(candidate, course, completed_on):
    with on(datetime.date(2029, 6, 1)):  # lapsed since March 10, 2029
        assert completion_problem(course, completed_on) == ""
        completion = record(candidate, course, completed_on, result=" B+ ")
    assert completion.state == ReviewState.PENDING
    assert (completion.completed_on, completion.result) == (completed_on, "B+")
    assert Completion.objects.count() == 1


def test_one_day_before_the_window_is_refused(candidate, course):
    with on(datetime.date(2026, 6, 1)), pytest.raises(CourseError) as refused:
        record(candidate, course, WINDOW_OPENS - DAY)
    assert "on or after March 10, 2024" in str(refused.value)
    assert "2 years" in str(refused.value)
    assert not Completion.objects.exists()


def test_on_the_expiry_day_is_refused(candidate, course):
    with on(datetime.date(2029, 6, 1)), pytest.raises(CourseError) as refused:
        record(candidate, course, EXPIRES)
    assert "approved through March 9, 2029" in str(refused.value)
    assert not Completion.objects.exists()


def test_a_future_date_is_refused(candidate, course):
    with on(datetime.date(2026, 6, 1)), pytest.raises(CourseError, match="future"):
        record(candidate, course, datetime.date(2026, 6, 2))
    assert not Completion.objects.exists()


def test_a_course_never_approved_is_refused(candidate, provider, technology):
    course = Course.objects.create(
        provider=provider,
        competency_set=technology,
        title="Never approved",
        description="-",
        format="course",
        delivery="online",
        pacing="synchronous",
        length=4,
        length_unit="weeks",
        first_approved_on=MARCH_10,
        approved_on=MARCH_10,
        expires_on=EXPIRES,
    )
    assert not course.approvals.exists()
    with on(datetime.date(2026, 6, 1)), pytest.raises(CourseError, match="not an app"):
        record(candidate, course, datetime.date(2026, 5, 1))
    assert not Completion.objects.exists()


def test_completed_today_while_approved_counts(candidate, course):
    with on(datetime.date(2027, 1, 15)):
        completion = record(candidate, course, datetime.date(2027, 1, 15))
    assert completion.pk is not None


# --- The signed form -------------------------------------------------------------


def test_html_renamed_pdf_is_refused_and_nothing_is_recorded(candidate, course):
    upload = SimpleUploadedFile("form.pdf", files.HTML, content_type="application/pdf")
    with on(datetime.date(2026, 6, 1)), pytest.raises(DocumentRefused):
        record(candidate, course, datetime.date(2026, 5, 1), form=upload)
    assert not Completion.objects.exists()


def test_a_refused_form_added_later_leaves_the_completion_without_one(
    candidate, course
):
    with on(datetime.date(2026, 6, 1)):
        completion = record(candidate, course, datetime.date(2026, 5, 1))
    upload = SimpleUploadedFile("form.pdf", files.HTML)
    with pytest.raises(DocumentRefused):
        completion_attach_form(completion=completion, form=upload, by=candidate.user)
    completion.refresh_from_db()
    assert not completion.form
    assert completion.form_name == ""


# --- Verification ----------------------------------------------------------------


@pytest.fixture
def pending(candidate, course):
    with on(datetime.date(2026, 6, 1)):
        return record(candidate, course, datetime.date(2026, 5, 1))


def test_verifying_without_a_form_is_refused(pending, officer):
    with pytest.raises(CourseError, match="no signed completion form"):
        completion_verify(completion=pending, by=officer)
    pending.refresh_from_db()
    assert pending.state == ReviewState.PENDING
    assert not Achievement.objects.exists()


def test_a_verified_completion_achieves_the_set_on_the_car(candidate, course, officer):
    with on(datetime.date(2026, 6, 1)):
        completion = record(candidate, course, datetime.date(2026, 5, 1), form=pdf())
    assert completion.form_name == "completion-form.pdf"
    waiting = technology_slot(candidate)
    assert waiting.status == SetStatus.SUBMITTED
    assert waiting.detail == "Course completion waiting for verification"

    with on(datetime.date(2026, 6, 3)):
        assert completion_verify(completion=completion, by=officer)
        assert not completion_verify(completion=completion, by=officer)

    completion.refresh_from_db()
    assert completion.state == ReviewState.VERIFIED
    assert (completion.decided_by, completion.confirmed_by_provider) == (officer, False)
    achievement = Achievement.objects.get()
    assert achievement.candidate == candidate
    assert achievement.competency_set == course.competency_set
    assert achievement.method == AchievementMethod.COURSE
    assert achievement.achieved_on == datetime.date(2026, 6, 3)
    progress = technology_slot(candidate)
    assert progress.achieved
    assert progress.method == "Approved course"
    assert len(mails_to(candidate.user.email, "is verified")) == 1


def test_a_completion_for_a_set_achieved_already_leaves_the_achievement(
    candidate, course, officer
):
    earlier = Achievement.objects.create(
        candidate=candidate,
        competency_set=course.competency_set,
        method=AchievementMethod.PORTFOLIO,
        achieved_on=datetime.date(2025, 11, 1),
        note="Portfolio P-1",
    )
    with on(datetime.date(2026, 6, 1)):
        completion = record(candidate, course, datetime.date(2026, 5, 1), form=pdf())
    assert completion_verify(completion=completion, by=officer)

    completion.refresh_from_db()
    assert completion.state == ReviewState.VERIFIED
    [achievement] = Achievement.objects.all()
    assert achievement.pk == earlier.pk
    assert (achievement.method, achievement.achieved_on, achievement.note) == (
        AchievementMethod.PORTFOLIO,
        datetime.date(2025, 11, 1),
        "Portfolio P-1",
    )
    assert technology_slot(candidate).method == "Portfolio"
    [mail] = mails_to(candidate.user.email, "is verified")
    assert "had already achieved" in mail.body


def test_the_provider_confirms_from_its_roster(pending, course, candidate):
    provider = course.provider
    assert roster_confirm(
        completion=pending, provider=provider, by=contact_of(provider)
    )
    pending.refresh_from_db()
    assert pending.state == ReviewState.VERIFIED
    assert pending.confirmed_by_provider
    assert Achievement.objects.get().method == AchievementMethod.COURSE


def test_another_provider_cannot_confirm(pending):
    other = make_provider("Lakeside Library School", contacts=1)
    with pytest.raises(CourseError, match="another provider"):
        roster_confirm(completion=pending, provider=other, by=contact_of(other))
    pending.refresh_from_db()
    assert pending.state == ReviewState.PENDING
    assert not pending.confirmed_by_provider
    assert not Achievement.objects.exists()


def test_rejecting_needs_a_reason_and_happens_once(pending, officer, candidate):
    with pytest.raises(CourseError, match="reason"):
        completion_reject(completion=pending, by=officer, reason="  ")
    pending.refresh_from_db()
    assert pending.state == ReviewState.PENDING

    assert completion_reject(
        completion=pending, by=officer, reason="The form is not signed."
    )
    assert not completion_reject(completion=pending, by=officer, reason="Twice.")
    assert not roster_confirm(
        completion=pending,
        provider=pending.course.provider,
        by=contact_of(pending.course.provider),
    )
    pending.refresh_from_db()
    assert (pending.state, pending.decision_reason) == (
        ReviewState.REJECTED,
        "The form is not signed.",
    )
    assert not Achievement.objects.exists()
    [mail] = mails_to(candidate.user.email, "was not accepted")
    assert "The form is not signed." in mail.body


def test_a_completion_between_a_lapse_and_a_late_renewal_is_told_when_it_ended(
    candidate, provider, technology, officer
):
    course = approved_course(
        provider, technology, officer=officer, day=datetime.date(2020, 1, 10)
    )
    renew(course, officer, day=datetime.date(2026, 3, 10))  # window opens 2024-03-10
    with on(datetime.date(2026, 6, 1)):
        with pytest.raises(CourseError, match="approved through January 9, 2023"):
            record(candidate, course, datetime.date(2023, 6, 1))
        assert record(candidate, course, datetime.date(2022, 12, 1))  # first approval
        assert record(candidate, course, datetime.date(2024, 3, 10))  # second window
