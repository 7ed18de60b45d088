"""The nightly data check (``notifications.data_check_nightly``): the invariants of
``check_data``, mailed once a day to each active Program Officer when a rule is
broken, and nothing mailed when the data is clean."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from candidates.models import Candidate
from lssc.accounts.roles import StaffGroup
from lssc.celery import app
from lssc.core.storage import private_storage
from lssc.notifications import data_check
from lssc.notifications.models import OutgoingMail
from lssc.notifications.tasks import data_check_nightly
from tests.factories import staff_user

from .data_world import certified_world

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def world(db):
    return certified_world()


@pytest.fixture
def officers(world):
    """The emails of two active Program Officers (the world made one); staff not
    mailed besides: an officer no longer active and a Program Assistant."""
    people = get_user_model().objects.filter(groups__name=StaffGroup.PROGRAM_OFFICER)
    [first] = people
    second = staff_user(StaffGroup.PROGRAM_OFFICER)
    staff_user(StaffGroup.PROGRAM_OFFICER, is_active=False)
    staff_user(StaffGroup.PROGRAM_ASSISTANT)
    return sorted([first.email, second.email])


def summaries():
    return OutgoingMail.objects.filter(template=data_check.TEMPLATE).order_by("to")


def move_deadline(world) -> Candidate:
    candidate = world.candidate
    Candidate.objects.filter(pk=candidate.pk).update(deadline=candidate.deadline + DAY)
    return candidate


def test_a_broken_rule_is_mailed_to_each_program_officer_once(world, officers):
    candidate = move_deadline(world)

    outcome = data_check_nightly.delay().get(timeout=5)

    assert [mail.to for mail in summaries()] == officers
    assert outcome["violations"] == 1 and outcome["mailed"] == 2
    mail = summaries().first()
    assert mail.subject.startswith("Data check: 1 violation of the program's rules")
    assert "candidate-deadline: 1 violation" in mail.body
    assert f"- candidates.Candidate {candidate.pk}: admitted on" in mail.body
    assert "no extension" in mail.body
    assert "python manage.py check_data" in mail.body


def test_clean_data_mails_no_one(world, officers):
    outcome = data_check_nightly.delay().get(timeout=5)

    assert outcome["violations"] == 0 and outcome["mailed"] == 0
    assert not summaries().exists()


def test_a_second_run_the_same_day_mails_no_one_again(world, officers):
    move_deadline(world)
    data_check_nightly.delay().get(timeout=5)

    again = data_check_nightly.delay().get(timeout=5)

    assert again["mailed"] == 0
    assert summaries().count() == len(officers)


def test_a_run_cut_short_mails_only_those_it_missed(world, officers):
    move_deadline(world)
    today = datetime.date(2027, 3, 1)
    data_check.check_and_mail(today)
    summaries().filter(to=officers[1]).delete()  # as if the run stopped before them

    assert data_check.check_and_mail(today)["mailed"] == 1
    assert [mail.to for mail in summaries()] == officers


def test_the_next_night_mails_again(world, officers):
    move_deadline(world)
    today = datetime.date(2027, 3, 1)
    data_check.check_and_mail(today)

    assert data_check.check_and_mail(today + DAY)["mailed"] == len(officers)
    assert summaries().count() == 2 * len(officers)


def test_the_mail_lists_the_first_violations_of_each_rule(world, officers, monkeypatch):
    monkeypatch.setattr(data_check, "EXAMPLES", 1)
    stray = [
        private_storage.save(f"evidence/stray-{n}.pdf", ContentFile(b"%PDF-1.4"))
        for n in (1, 2, 3)
    ]
    candidate = move_deadline(world)

    data_check.check_and_mail()

    body = summaries().first().body
    assert "stored-files: 3 violations" in body
    assert f"- storage {stray[0]}: no record owns" in body
    assert stray[1] not in body and stray[2] not in body
    assert "- and 2 more" in body
    assert f"- candidates.Candidate {candidate.pk}:" in body


def test_beat_runs_the_check_nightly():
    entry = settings.CELERY_BEAT_SCHEDULE["data-check-nightly"]
    assert entry["task"] == "notifications.data_check_nightly"
    assert entry["schedule"].hour == {8} and entry["schedule"].minute == {0}
    assert app.tasks[entry["task"]].run is data_check_nightly.run


def test_every_beat_entry_names_a_registered_task():
    app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, name
