"""Deadline reminders: 12, 6, 3 and 1 months before, each once, with what is left."""

import datetime

import pytest

from candidates.certification import achievement_record
from candidates.enums import AchievementMethod
from candidates.reminders import deadline_reminders
from lssc.competencies.models import CompetencySet
from lssc.notifications.models import OutgoingMail, Reminder
from lssc.notifications.reminders import stage

from .helpers import admitted_candidate

pytestmark = pytest.mark.django_db

D = datetime.date
DEADLINE = D(2029, 9, 15)


def test_stage_is_the_latest_trigger_reached():
    triggers = [(D(2028, 9, 15), "12m"), (D(2029, 3, 15), "6m"), (D(2029, 8, 15), "1m")]
    assert stage(D(2028, 9, 14), triggers) is None
    assert stage(D(2028, 9, 15), triggers) == "12m"
    assert stage(D(2029, 8, 20), triggers) == "1m"


@pytest.fixture
def candidate(db):
    candidate = admitted_candidate()
    candidate.deadline = DEADLINE
    candidate.save()
    achievement_record(
        candidate=candidate,
        competency_set=CompetencySet.objects.get(slug="technology"),
        method=AchievementMethod.PORTFOLIO,
    )
    return candidate


def mails(candidate):
    return list(
        OutgoingMail.objects.filter(
            to=candidate.user.email, subject__contains="deadline"
        )
    )


def sweep_days(first, last):
    day = first
    while day <= last:
        deadline_reminders(day)
        deadline_reminders(day)  # the sweep runs twice: nothing more is sent
        day += datetime.timedelta(days=1)


def test_each_reminder_once_at_12_6_3_and_1_months(candidate):
    sweep_days(D(2028, 9, 1), D(2029, 9, 20))
    kinds = list(
        Reminder.objects.filter(subject_id=candidate.pk)
        .order_by("sent_at", "pk")
        .values_list("kind", flat=True)
    )
    assert kinds == [
        "candidacy_deadline_12m",
        "candidacy_deadline_6m",
        "candidacy_deadline_3m",
        "candidacy_deadline_1m",
    ]
    sent = mails(candidate)
    assert len(sent) == 4
    body = sent[0].body
    assert "2 required sets and 3 electives" in body
    assert "September 15, 2029" in body


def test_a_candidate_first_seen_a_month_before_gets_one_reminder(candidate):
    deadline_reminders(D(2029, 8, 20))
    assert list(Reminder.objects.values_list("kind", flat=True)) == [
        "candidacy_deadline_1m"
    ]


def test_an_extended_deadline_is_reminded_afresh(candidate):
    deadline_reminders(D(2029, 8, 20))
    candidate.deadline = D(2030, 3, 15)
    candidate.save()
    deadline_reminders(D(2029, 9, 16))
    assert Reminder.objects.filter(due_on=D(2030, 3, 15)).count() == 1


def test_past_deadlines_and_certified_candidates_are_not_reminded(candidate):
    deadline_reminders(D(2029, 9, 16))  # the day after the deadline
    assert not Reminder.objects.exists()
    for slug in [
        "communication-and-teamwork",
        "foundations-of-library-service",
        "youth-services",
        "access-services",
        "cataloging-and-classification",
    ]:
        achievement_record(
            candidate=candidate,
            competency_set=CompetencySet.objects.get(slug=slug),
            method=AchievementMethod.COURSE,
        )
    assert candidate.certification
    deadline_reminders(D(2029, 8, 20))
    assert not Reminder.objects.exists()
