"""Staff see a message's HTML part in admin: for an edited wording and a sent mail."""

import pytest
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from lssc.core.mail_html import html_body
from lssc.notifications.models import MailTemplate, OutgoingMail
from lssc.notifications.services import mail_queue
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


class Person:
    full_name = "Ada <script>alert(1)</script> Byron"


class Holder:
    user = Person()


class Certificate:
    number = "LSSC-2345-6789-ABCD"


def test_an_edited_wording_previews_as_html_and_is_sent_with_the_same(client, commit):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    text = (
        "Well done, {{ candidate.user.full_name }}!\n"
        "Certificate: {{ certification.number }}\n\nSee {{ site_url }}/car/"
    )
    add = reverse("admin:notifications_mailtemplate_add")
    assert client.post(add, {"name": "certified", "text": text}).status_code == 302
    template = MailTemplate.objects.get()

    change = client.get(
        reverse("admin:notifications_mailtemplate_change", args=[template.pk])
    ).content.decode()
    frame = reverse("admin:notifications_mailtemplate_html", args=[template.pk])
    assert f'<iframe src="{frame}" sandbox' in change

    preview = client.get(frame)
    assert preview.status_code == 200
    assert "unsafe-inline" in preview["Content-Security-Policy"]
    assert "script-src" not in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    shown = preview.content.decode()
    assert "<strong>Certificate:</strong> [certification.number]" in shown
    assert "Library Support Staff Certification" in shown

    # The mail sent from the edited wording carries the same HTML.
    with commit():
        mail = mail_queue(
            key="test:certified",
            to="ada@example.org",
            template="certified",
            context={"candidate": Holder(), "certification": Certificate()},
        )
    from django.core import mail as outbox

    [sent] = outbox.outbox
    html = sent.alternatives[0].content
    assert html == html_body(subject=mail.subject, body=mail.body)
    assert "<strong>Certificate:</strong> LSSC-2345-6789-ABCD" in html
    assert "Ada &lt;script&gt;alert(1)&lt;/script&gt; Byron" in html
    assert "<script>" not in html

    # And staff see it on the sent mail.
    page = client.get(
        reverse("admin:notifications_outgoingmail_change", args=[mail.pk])
    ).content.decode()
    sent_frame = reverse("admin:notifications_outgoingmail_html", args=[mail.pk])
    assert f'<iframe src="{sent_frame}" sandbox' in page
    assert client.get(sent_frame).content.decode() == html


def test_the_html_part_is_for_staff_who_may_see_mail_only(client):
    mail = OutgoingMail.objects.create(
        key="k", to="a@example.org", subject="S", body="B"
    )
    frame = reverse("admin:notifications_outgoingmail_html", args=[mail.pk])
    assert client.get(frame).status_code == 302  # to sign in
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    assert client.get(frame).status_code == 403
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    missing = reverse("admin:notifications_outgoingmail_html", args=[mail.pk + 1])
    assert client.get(missing).status_code == 404
