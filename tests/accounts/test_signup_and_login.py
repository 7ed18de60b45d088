"""Sign-up, email verification, login, logout, password reset, through real requests."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from lssc.accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "full_name": "Dana  Reyes",
    "email": "Dana.Reyes@Example.org",
    "password1": "shelving-carts-42",
    "password2": "shelving-carts-42",
}


def _link(message, pattern):
    match = re.search(pattern, message.body)
    assert match, message.body
    return match.group(0)


def test_sign_up_verify_log_in_and_log_out(client):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="dana.reyes@example.org")
    assert user.full_name == "Dana Reyes"
    assert not EmailAddress.objects.get(user=user).verified

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dana.reyes@example.org"]
    confirm_url = _link(mail.outbox[0], r"/accounts/confirm-email/[^\s/]+/")
    assert client.get(confirm_url).status_code == 200
    assert client.post(confirm_url).status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(
        reverse("account_login"),
        {"login": "dana.reyes@example.org", "password": "shelving-carts-42"},
    )
    assert response.status_code == 302
    assert client.get(reverse("account_email")).status_code == 200

    assert client.post(reverse("account_logout")).status_code == 302
    assert client.get(reverse("account_email")).status_code == 302


def test_sign_up_with_an_email_already_used_changes_nothing(client):
    UserFactory(email="dana.reyes@example.org")
    response = client.post(reverse("account_signup"), SIGNUP)
    # Enumeration prevention: the page looks the same, but no account is added
    # and the owner of the address is told instead.
    assert User.objects.filter(email__iexact="dana.reyes@example.org").count() == 1
    assert response.status_code == 302
    assert "already" in mail.outbox[-1].body.lower()


def test_sign_up_with_a_weak_password_is_refused_with_a_message(client):
    data = {**SIGNUP, "password1": "password", "password2": "password"}
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not User.objects.exists()


def test_sign_up_without_a_full_name_is_refused(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "full_name": "   "})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not User.objects.exists()


def test_unverified_email_cannot_log_in(client):
    user = UserFactory(verified=False)
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert "confirm-email" in mail.outbox[-1].body


def test_wrong_password_gives_a_message_and_no_session(client):
    user = UserFactory()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "wrong-password"}
    )
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failed_logins_are_rate_limited(client):
    user = UserFactory()
    for _ in range(5):
        client.post(
            reverse("account_login"),
            {"login": user.email, "password": "wrong-password"},
        )
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}
    )
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_link_works_once_and_a_tampered_link_is_refused(client):
    user = UserFactory()
    client.post(reverse("account_reset_password"), {"email": user.email})
    reset_url = _link(mail.outbox[-1], r"/accounts/password/reset/key/[^\s/]+/")

    tampered = reset_url[:-3] + ("x" if reset_url[-3] != "x" else "y") + reset_url[-2:]
    response = client.get(tampered, follow=True)
    assert "invalid" in response.content.decode().lower()

    response = client.get(reset_url, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else reset_url
    response = client.post(
        form_url, {"password1": "new-circulation-77", "password2": "new-circulation-77"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("new-circulation-77")


def test_password_change_requires_the_old_password(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "not-my-password",
            "password1": "new-circulation-77",
            "password2": "new-circulation-77",
        },
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
