"""Forms refuse a post without the CSRF token.

The web scanner (docs/security.md) reports these forms as lacking a token because it
does not know the name Django gives it; these tests are the proof that they check it.
"""

import pytest
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNED_IN_FORMS = [
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/reauthenticate/",
    "/car/share/",
    "/car/contact/",
    "/apply/begin/",
    "/apply/status/",
    "/car/share/1/revoke/",
]
ANONYMOUS_FORMS = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]


@pytest.mark.parametrize("path", SIGNED_IN_FORMS)
def test_signed_in_forms_need_the_csrf_token(path):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    response = client.post(path, {"email": "x@example.org", "label": "x"})
    assert response.status_code == 403


@pytest.mark.parametrize("path", ANONYMOUS_FORMS)
def test_anonymous_forms_need_the_csrf_token(path):
    response = Client(enforce_csrf_checks=True).post(path, {"email": "x@example.org"})
    assert response.status_code == 403
