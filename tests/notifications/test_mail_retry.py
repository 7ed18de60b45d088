"""Mail that fails to send is tried again with growing pauses, visible in the admin."""

import datetime
import smtplib

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lssc.accounts.roles import StaffGroup
from lssc.notifications.models import MailState
from lssc.notifications.services import mail_queue, mail_retry_due
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


@pytest.fixture
def broken_server(monkeypatch):
    """The mail server refuses every message until ``fixed`` is called."""
    state = {"broken": True}
    real_send = mail.EmailMessage.send

    def send(message, *args, **kwargs):
        if state["broken"]:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(mail.EmailMessage, "send", send)
    return lambda: state.update(broken=False)


def queue(commit):
    with commit():
        return mail_queue(
            key="test:1",
            to="pat@example.org",
            template="evaluator_declined",
            context={"application": {"user": {"full_name": "Pat"}, "reason": "Later"}},
        )


def after(minutes):
    return time_machine.travel(NOW + datetime.timedelta(minutes=minutes), tick=False)


def test_a_failure_is_kept_and_tried_again_after_a_pause(broken_server, commit):
    with after(0):
        message = queue(commit)
    message.refresh_from_db()
    assert message.state == MailState.FAILED
    assert message.attempts == 1
    assert "unexpectedly closed" in message.error
    assert message.next_attempt_at == NOW + datetime.timedelta(minutes=1)

    with after(0.5), commit():
        assert mail_retry_due() == 0  # not yet due
    with after(1), commit():
        assert mail_retry_due() == 1
    message.refresh_from_db()
    assert message.attempts == 2
    # The pauses grow: 1, then 5 minutes.
    assert message.next_attempt_at == NOW + datetime.timedelta(minutes=1 + 5)

    broken_server()
    with after(6), commit():
        assert mail_retry_due() == 1
    message.refresh_from_db()
    assert message.state == MailState.SENT
    assert message.attempts == 3 and message.next_attempt_at is None
    assert [m.to for m in mail.outbox] == [["pat@example.org"]]
    with after(60), commit():
        assert mail_retry_due() == 0  # sent once


def test_the_program_gives_up_after_the_last_pause(broken_server, commit, settings):
    settings.MAIL_RETRY_MINUTES = (1, 5)
    with after(0):
        message = queue(commit)
    for minutes in (1, 6):
        with after(minutes), commit():
            assert mail_retry_due() == 1
    message.refresh_from_db()
    assert message.state == MailState.FAILED
    assert message.attempts == 3
    assert message.next_attempt_at is None
    with after(10_000), commit():
        assert mail_retry_due() == 0


def test_staff_see_the_state_and_send_it_again(client, broken_server, commit):
    with after(0):
        message = queue(commit)
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    changelist = reverse("admin:notifications_outgoingmail_changelist")
    page = client.get(changelist, {"state__exact": "failed"}).content.decode()
    assert "pat@example.org" in page and "Next attempt at" in page

    broken_server()
    with commit():
        response = client.post(
            changelist, {"action": "retry", "_selected_action": [message.pk]}
        )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.state == MailState.SENT
    assert len(mail.outbox) == 1
