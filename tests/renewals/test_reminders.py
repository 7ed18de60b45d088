"""Renewal reminders: window open, 6/3/1 months, expiry day, two weeks before the
grace period ends; each once; none once the holder has applied."""

import datetime

import pytest

from lssc.notifications.models import OutgoingMail, Reminder
from renewals.reminders import renewal_reminders
from renewals.services import renewal_submit

from .test_renewal import EXPIRES, WINDOW_OPENS, enough, on

pytestmark = pytest.mark.django_db

D = datetime.date


def sweep(first, last):
    day = first
    while day <= last:
        renewal_reminders(day)
        renewal_reminders(day)
        day += datetime.timedelta(days=1)


def kinds():
    return list(
        Reminder.objects.order_by("sent_at", "pk").values_list("kind", flat=True)
    )


def test_every_renewal_reminder_once(certification):
    sweep(D(2029, 6, 1), D(2030, 8, 20))
    assert kinds() == [
        "renewal_window_open",
        "renewal_expiry_6m",
        "renewal_expiry_3m",
        "renewal_expiry_1m",
        "renewal_expiry_day",
        "renewal_grace_ending",
    ]
    email = certification.candidate.user.email
    assert (
        OutgoingMail.objects.filter(to=email, subject__contains="Renewing").count() == 6
    )


def test_the_grace_ending_reminder_comes_two_weeks_before_it_ends(certification):
    renewal_reminders(D(2030, 7, 31))
    assert kinds()[-1] == "renewal_expiry_day"
    renewal_reminders(D(2030, 8, 1))  # grace ends on August 15
    assert kinds()[-1] == "renewal_grace_ending"


def test_no_reminders_once_the_holder_has_applied(certification):
    enough(certification)
    renewal_reminders(WINDOW_OPENS)
    with on(D(2029, 7, 1)):
        renewal_submit(certification=certification, by=None)
    sweep(D(2029, 7, 2), EXPIRES + datetime.timedelta(days=70))
    assert kinds() == ["renewal_window_open"]
