"""The account pages speak in sentence case and the program's voice: allauth's
Title Case strings are translated to English as the program writes it."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

PO = Path(__file__).resolve().parents[2] / "locale/en/LC_MESSAGES/django.po"


def _pairs():
    text = PO.read_text()
    return re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', text, flags=re.M)


def test_the_compiled_catalog_matches_its_source():
    pairs = _pairs()
    assert len(pairs) > 30
    with translation.override("en-us"):
        for msgid, msgstr in pairs:
            assert translation.gettext(msgid) == msgstr, msgid


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("account_login", "Sign in"),
        ("account_signup", "Create an account"),
        ("account_reset_password", "Reset your password"),
    ],
)
def test_the_account_pages_read_in_sentence_case(client, name, heading):
    page = " ".join(client.get(reverse(name)).content.decode().split())
    assert f"<h1> {heading} </h1>" in page
    for title_case in ("Sign In", "Sign Up", "Signup", "Password Reset", "My Password"):
        assert title_case not in page
