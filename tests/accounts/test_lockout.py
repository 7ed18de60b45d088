"""A stranger's failed passwords cannot lock the real person out of their browser."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from lssc.accounts.lockout import DEVICE_COOKIE
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
LOCKED = "Too many failed sign-ins to this account from here"


def attempt(client, user, password, ip):
    return client.post(
        LOGIN, {"login": user.email, "password": password}, REMOTE_ADDR=ip
    )


def signed_in(client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


@pytest.fixture
def person():
    """Someone who signed in from their own browser before, then signed out."""
    user = UserFactory()
    browser = Client()
    assert attempt(browser, user, PASSWORD, "198.51.100.7").status_code == 302
    assert DEVICE_COOKIE in browser.cookies
    browser.post(reverse("account_logout"))
    return user, browser


def test_the_attacker_is_stopped_after_five_guesses(person):
    user, _ = person
    attacker = Client()
    answers = [attempt(attacker, user, f"guess {n}", "203.0.113.5") for n in range(6)]
    assert LOCKED not in answers[4].content.decode()
    page = answers[5].content.decode()
    assert LOCKED in page and "Forgot your password?" in page
    # Even the right password is refused to this client now.
    attempt(attacker, user, PASSWORD, "203.0.113.5")
    assert not signed_in(attacker, user)


def test_the_person_still_signs_in_from_their_own_browser(person):
    user, browser = person
    attacker = Client()
    for n in range(6):
        attempt(attacker, user, f"guess {n}", "203.0.113.5")
    # From the same network (a shared library connection) too.
    for n in range(6):
        attempt(Client(), user, f"guess {n}", "198.51.100.7")
    response = attempt(browser, user, PASSWORD, "198.51.100.7")
    assert response.status_code == 302
    assert signed_in(browser, user)


def test_guessing_from_many_addresses_stops_but_not_the_persons_browser(person):
    user, browser = person
    for n in range(31):
        attempt(Client(), user, f"guess {n}", f"203.0.113.{n + 1}")
    # A new client at yet another address is refused the account for the hour...
    fresh = attempt(Client(), user, PASSWORD, "192.0.2.50")
    assert LOCKED in fresh.content.decode()
    # ...but the person's own browser is not.
    assert attempt(browser, user, PASSWORD, "192.0.2.99").status_code == 302
    assert signed_in(browser, user)


def test_a_new_browser_elsewhere_is_not_locked_by_guesses_from_one_address(person):
    user, _ = person
    attacker = Client()
    for n in range(6):
        attempt(attacker, user, f"guess {n}", "203.0.113.5")
    laptop = Client()
    assert attempt(laptop, user, PASSWORD, "192.0.2.10").status_code == 302
    assert signed_in(laptop, user)


def test_their_own_browser_is_limited_too(person):
    user, browser = person
    for n in range(5):
        attempt(browser, user, f"typo {n}", "198.51.100.7")
    assert LOCKED in attempt(browser, user, PASSWORD, "198.51.100.7").content.decode()


def test_a_password_reset_lifts_the_lock(person):
    user, _ = person
    attacker = Client()
    for n in range(6):
        attempt(attacker, user, f"guess {n}", "203.0.113.5")
    stranded = Client()
    for n in range(5):
        attempt(stranded, user, f"guess {n}", "192.0.2.10")
    assert LOCKED in attempt(stranded, user, PASSWORD, "192.0.2.10").content.decode()

    mail.outbox.clear()
    stranded.post(
        reverse("account_reset_password"),
        {"email": user.email},
        REMOTE_ADDR="192.0.2.10",
    )
    link = next(
        line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line
    )
    path = link[link.index("/accounts/") :].strip()
    form = stranded.get(path, follow=True, REMOTE_ADDR="192.0.2.10")
    stranded.post(
        form.redirect_chain[-1][0] if form.redirect_chain else path,
        {"password1": "a brand new password", "password2": "a brand new password"},
        REMOTE_ADDR="192.0.2.10",
    )
    response = attempt(stranded, user, "a brand new password", "192.0.2.10")
    assert response.status_code == 302
    assert signed_in(stranded, user)


def test_a_forged_device_cookie_counts_as_a_stranger(person):
    user, _ = person
    attacker = Client()
    attacker.cookies[DEVICE_COOKIE] = "forged"
    answers = [attempt(attacker, user, f"guess {n}", "203.0.113.5") for n in range(6)]
    assert LOCKED in answers[5].content.decode()
