"""Every message goes out as text and branded HTML, linked from the configured site,
in 8-bit UTF-8 so its links arrive whole."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.utils.html import escape, smart_urlquote

from lssc.core.mail_html import LINK_STYLE
from lssc.core.mail_message import program_mail
from lssc.notifications.services import mail_queue
from lssc.notifications.templates import names, preview

pytestmark = pytest.mark.django_db

SITE = "https://lssc.example.org"
URL = re.compile(r"https?://[^\s<>\"]+")


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.SITE_URL = SITE
    settings.PROGRAM_ADDRESS = "LSSC Program\\n1 Library Lane\\nSpringfield, IL 62701"
    return settings


def parts(message):
    """``{content type: (transfer encoding, text)}`` of a sent message's bytes."""
    parsed = message.message()
    found = {}
    for part in parsed.walk():
        if part.get_content_maintype() == "text":
            found[part.get_content_type()] = (
                part["Content-Transfer-Encoding"],
                part.get_content(),
            )
    return parsed, found


@pytest.mark.parametrize("name", names())
def test_every_message_is_text_and_html_linked_from_the_site(name, production):
    subject, body = preview(name)
    message = program_mail(subject=subject, body=body, to=["pat@example.org"])
    raw = message.message().as_bytes().decode()
    parsed, found = parts(message)

    assert parsed.get_content_type() == "multipart/alternative"
    assert set(found) == {"text/plain", "text/html"}
    for encoding, _ in found.values():
        assert encoding in ("7bit", "8bit")
    text, html = found["text/plain"][1], found["text/html"][1]
    assert text.strip() == body.strip()
    for url in URL.findall(text):
        assert url.startswith(f"{SITE}/"), url
        assert url in raw  # on one line, not cut by an encoding
        assert f'href="{escape(smart_urlquote(url))}"' in html
    for href in re.findall(r'href="([^"]+)"', html):
        assert href.startswith((f"{SITE}/", "mailto:")), href
    assert "127.0.0.1" not in raw and "localhost" not in raw
    assert "1 Library Lane<br>" in html  # the program's address, from the setting
    assert "<h1" in html and "LSSC" in html


def test_a_queued_message_is_sent_with_both_parts_and_a_whole_link(production, commit):
    with commit():
        mail_queue(
            key="test:html",
            to="pat@example.org",
            template="admitted",
            context={
                "person": {"full_name": "José <script>alert(1)</script> O'Brien"},
                "candidate": {"number": "C-1", "deadline": None},
            },
        )
    [sent] = mail.outbox
    raw = sent.message().as_bytes().decode()
    _, found = parts(sent)
    text, html = found["text/plain"][1], found["text/html"][1]

    link = f"{SITE}/car/"
    assert link in text
    assert f'href="{link}"' in html
    assert any(line.endswith(link) for line in raw.splitlines())
    assert "Content-Transfer-Encoding: 8bit" in raw  # José, sent as is
    assert "quoted-printable" not in raw and "base64" not in raw
    # The name shows as written in the text, and escaped in the HTML.
    assert "Dear José <script>alert(1)</script> O'Brien," in text
    assert "<script>" not in html
    assert "José &lt;script&gt;alert(1)&lt;/script&gt; O&#x27;Brien" in html


def test_labels_keep_their_line_and_paragraphs_their_breaks(production):
    body = (
        "Dear Pat,\n\nCandidate number: C-1\nDue by: March 1, 2027\n\n"
        f"Pay here: {SITE}/payments/ABC/.\n"
    )
    html = program_mail(subject="S", body=body, to=["p@example.org"]).alternatives[0]
    content = html.content
    assert "<strong>Candidate number:</strong> C-1<br>" in content
    assert "<strong>Due by:</strong> March 1, 2027</p>" in content
    assert (
        f'<a style="{LINK_STYLE}" href="{SITE}/payments/ABC/">{SITE}/payments/ABC/</a>.'
        in content
    )
    assert content.count("<p style=") == 3 + 3  # three paragraphs, three in the footer


def test_the_deploy_check_refuses_a_local_site_url(settings):
    settings.DEBUG = False
    settings.SITE_URL = "http://127.0.0.1:8000"
    with pytest.raises(SystemCheckError, match=r"notifications\.E001"):
        call_command("check", "--deploy", "--tag", "security", "--fail-level", "ERROR")
    settings.SITE_URL = SITE
    from lssc.notifications.checks import site_url_is_public

    assert site_url_is_public() == []
