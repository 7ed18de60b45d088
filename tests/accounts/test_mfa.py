"""Two-factor authentication: available to everyone, required for staff pages."""

import pytest
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from tests.factories import PASSWORD, TOTP_SECRET, UserFactory, staff_user

pytestmark = pytest.mark.django_db


def current_code(secret=TOTP_SECRET):
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def test_staff_without_mfa_are_sent_to_set_it_up(client):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER, mfa=False)
    # A real password login, so the TOTP set-up page needs no re-authentication.
    client.post(
        reverse("account_login"), {"login": officer.email, "password": PASSWORD}
    )
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before any change to two-factor settings.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert "Authenticator" in page.content.decode()


def test_staff_with_mfa_reach_admin(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    assert client.get(reverse("admin:index")).status_code == 200


def test_non_staff_without_mfa_use_the_site_normally(client):
    client.force_login(UserFactory())
    assert client.get(reverse("account_email")).status_code == 200


def test_login_with_mfa_asks_for_a_code_and_refuses_a_wrong_one(client):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    response = client.post(
        reverse("account_login"), {"login": officer.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    wrong = "000000" if current_code() != "000000" else "111111"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})
    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_admin_login_goes_through_the_site_login(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_candidate_is_refused_the_admin(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert client.get(response["Location"]).status_code == 403
