"""allauth's mail in the program's voice and dress, from the configured site."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SITE = "https://lssc.example.org"
SIGNUP = {
    "full_name": "Dana Reyes",
    "email": "dana.reyes@example.org",
    "password1": "shelving-carts-42",
    "password2": "shelving-carts-42",
}


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.SITE_URL = SITE
    return settings


def text_and_html(message):
    parsed = message.message()
    assert parsed.get_content_type() == "multipart/alternative"
    found = {
        part.get_content_type(): part
        for part in parsed.walk()
        if part.get_content_maintype() == "text"
    }
    assert set(found) == {"text/plain", "text/html"}
    for part in found.values():
        assert part["Content-Transfer-Encoding"] in ("7bit", "8bit")
    return found["text/plain"].get_content(), found["text/html"].get_content()


def test_the_confirmation_mail_comes_from_the_site_whole_and_branded(
    client, production
):
    # The request came to "testserver"; the mail speaks for SITE_URL.
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    [sent] = mail.outbox
    assert (
        sent.subject
        == "[LSSC] Confirm your email address for Library Support Staff Certification"
    )

    text, html = text_and_html(sent)
    raw = sent.message().as_bytes().decode()
    [link] = [u for u in re.findall(r"https?://\S+", text) if "confirm-email" in u]
    assert link.startswith(f"{SITE}/accounts/confirm-email/")
    assert link in raw.splitlines()  # whole, on a line of its own
    assert f'href="{link}"' in html
    assert "Confirm your email address for Library Support Staff Certification" in html
    assert "127.0.0.1" not in raw and "localhost" not in raw
    assert "testserver" not in raw

    # The link works.
    path = link.removeprefix(SITE)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302


def test_a_password_reset_mail_links_to_the_site(client, production):
    user = UserFactory()
    client.post(reverse("account_reset_password"), {"email": user.email})
    [sent] = mail.outbox
    assert sent.subject == (
        "[LSSC] Reset your password for Library Support Staff Certification"
    )
    text, html = text_and_html(sent)
    [link] = [u for u in re.findall(r"https?://\S+", text) if "/key/" in u]
    assert link.startswith(f"{SITE}/accounts/password/reset/key/")
    assert f'href="{link}"' in html


def test_a_sign_up_with_a_known_address_tells_the_owner_from_the_site(
    client, production
):
    UserFactory(email="dana.reyes@example.org")
    client.post(reverse("account_signup"), SIGNUP)
    [sent] = mail.outbox
    text, html = text_and_html(sent)
    assert "already an account" in text
    assert f"{SITE}/accounts/login/" in text
    assert f'href="{SITE}/accounts/password/reset/"' in html
