"""Staff edit the program's messages: placeholders checked, previewed, used next."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from lssc.notifications.models import MailTemplate, OutgoingMail
from lssc.notifications.services import mail_queue
from lssc.notifications.templates import check, names, placeholders, preview
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

ADD = reverse("admin:notifications_mailtemplate_add")


@pytest.mark.parametrize("name", names())
def test_every_default_message_is_valid_and_previews(name):
    from lssc.notifications.templates import default_text

    assert check(name, default_text(name)) == []
    subject, body = preview(name)
    assert subject and body


def test_placeholders_are_those_the_default_uses():
    assert "certification.number" in placeholders("certified")
    assert "candidate.user.full_name" in placeholders("certified")
    assert "candidate.user.password" not in placeholders("certified")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Hi\nYour password is {{ candidate.user.password }}", "Unknown placeholder"),
        ("Hi\nDear {{ candidate.user.full_name }", "not closed"),
        ("Only a subject line", "subject on the first line"),
        ("Hi\n{% if %}", "cannot be read"),
    ],
)
def test_a_broken_message_is_refused(text, problem):
    [message] = check("certified", text)
    assert problem in message


def test_staff_edit_a_message_and_the_next_mail_uses_it(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    form = client.get(ADD, {"name": "certified"}).content.decode()
    assert "Congratulations: you are certified" in form  # starts from the default

    bad = client.post(
        ADD,
        {"name": "certified", "text": "Well done\n{{ candidate.user.password }}"},
    )
    assert bad.status_code == 200
    assert "Unknown placeholder" in bad.content.decode()
    assert not MailTemplate.objects.exists()

    good = client.post(
        ADD,
        {
            "name": "certified",
            "text": "Well done, {{ candidate.user.full_name }}!\n"
            "Certificate {{ certification.number }}.",
        },
    )
    assert good.status_code == 302
    template = MailTemplate.objects.get()
    change = client.get(
        reverse("admin:notifications_mailtemplate_change", args=[template.pk])
    ).content.decode()
    assert "Well done, [candidate.user.full_name]!" in change  # the preview
    assert "{{ certification.number }}" in change  # the placeholders allowed

    class Person:
        full_name = "Ada Byron"

    class Holder:
        user = Person()

    class Certificate:
        number = "LSSC-2345-6789-ABCD"

    mail = mail_queue(
        key="test:certified",
        to="ada@example.org",
        template="certified",
        context={"candidate": Holder(), "certification": Certificate()},
    )
    assert mail.subject == "Well done, Ada Byron!"
    assert mail.body == "Certificate LSSC-2345-6789-ABCD.\n"
    assert OutgoingMail.objects.get().template == "certified"


def test_only_staff_with_the_permission_edit_messages(client):
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    assert client.get(ADD).status_code == 403


def test_a_sweep_reads_a_message_once_and_an_edit_reaches_the_next_mail(client, commit):
    from tests.candidates.helpers import admitted_candidate

    candidates = [admitted_candidate() for _ in range(3)]

    def send(candidate, tag):
        return mail_queue(
            key=f"test:{tag}:{candidate.pk}",
            to=candidate.user.email,
            template="admitted",
            context={"candidate": candidate},
        )

    send(candidates[0], "warm")  # the default is read, then kept
    with CaptureQueriesContext(connection) as ctx:
        for candidate in candidates:
            send(candidate, "sweep")
    assert not any("mailtemplate" in q["sql"] for q in ctx.captured_queries)

    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    with commit():
        client.post(ADD, {"name": "admitted", "text": "Welcome aboard\nHello."})
    assert send(candidates[1], "after").subject == "Welcome aboard"
