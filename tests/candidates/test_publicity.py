"""Publicity only by consent: the public registry and the award notice."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from candidates.certification import certification_revoke
from candidates.models import Certification
from lssc.accounts.roles import StaffGroup
from lssc.notifications.models import OutgoingMail
from tests.factories import UserFactory, staff_user

from .helpers import admitted_candidate
from .test_certificates import certify

pytestmark = pytest.mark.django_db

REGISTRY = reverse("candidates:registry")
PUBLICITY = reverse("candidates:publicity")


def holder(name, client=None):
    candidate = admitted_candidate()
    candidate.user.full_name = name
    candidate.user.save()
    candidate.application.library_name = "Springfield Public Library"
    candidate.application.state = "IL"
    candidate.application.employer_contact_email = "director@springfield.example.org"
    candidate.application.save()
    certify(candidate)
    if client is not None:
        client.force_login(candidate.user)
    return candidate


def notices():
    return OutgoingMail.objects.filter(key__startswith="award-notice:")


def test_nothing_is_published_or_sent_without_consent(client):
    holder("Quiet Person")
    html = client.get(REGISTRY).content.decode()
    assert "Quiet Person" not in html
    assert not notices().exists()


def test_a_holder_lists_themself_and_sends_one_award_notice(client):
    candidate = holder("Ada Byron", client)
    form = client.get(PUBLICITY).content.decode()
    assert "director@springfield.example.org" in form  # prefilled from the application

    response = client.post(
        PUBLICITY,
        {
            "listed": "on",
            "notify": "on",
            "notify_email": "director@springfield.example.org",
        },
    )
    assert response.status_code == 302
    [notice] = notices()
    assert notice.to == "director@springfield.example.org"
    assert "Ada Byron" in notice.subject
    html = client.get(REGISTRY).content.decode()
    assert "Ada Byron" in html and "Springfield Public Library" in html
    assert "IL" in html and "2026" in html
    assert candidate.user.email not in html

    # Asking again sends nothing more; leaving the registry is immediate.
    client.post(PUBLICITY, {"notify": "on", "notify_email": "other@example.org"})
    assert notices().count() == 1
    assert "Ada Byron" not in client.get(REGISTRY).content.decode()


def test_a_notice_needs_an_address(client):
    holder("Ada Byron", client)
    response = client.post(PUBLICITY, {"notify": "on", "notify_email": ""})
    assert response.status_code == 200
    assert "Give the address the notice goes to." in response.content.decode()
    assert not notices().exists()
    assert not Certification.objects.get().listed_publicly


def test_revoked_and_long_expired_holders_leave_the_registry(client):
    listed = holder("Listed Holder", client)
    client.post(PUBLICITY, {"listed": "on"})
    assert "Listed Holder" in client.get(REGISTRY).content.decode()
    expires_on = Certification.objects.get(candidate=listed).expires_on
    with time_machine.travel(expires_on + datetime.timedelta(days=30)):  # in grace
        assert "Listed Holder" in client.get(REGISTRY).content.decode()
    with time_machine.travel(expires_on + datetime.timedelta(days=70)):  # expired
        assert "Listed Holder" not in client.get(REGISTRY).content.decode()
    certification_revoke(
        certification=Certification.objects.get(candidate=listed),
        by=staff_user(StaffGroup.PROGRAM_OFFICER),
        reason="Falsified evidence.",
    )
    assert "Listed Holder" not in client.get(REGISTRY).content.decode()


def test_the_registry_is_searched_and_paged_in_few_queries(
    client, django_assert_max_num_queries
):
    for n in range(3):
        candidate = holder(f"Holder {n}")
        Certification.objects.filter(candidate=candidate).update(listed_publicly=True)
    with django_assert_max_num_queries(2):  # count, page
        html = client.get(REGISTRY, {"q": "holder 1"}).content.decode()
    assert "Holder 1" in html and "Holder 2" not in html
    assert client.get(REGISTRY, {"page": "999"}).status_code == 200


def test_only_a_certified_holder_has_choices(client):
    client.force_login(UserFactory())
    assert client.get(PUBLICITY).status_code == 404
    client.force_login(admitted_candidate().user)
    assert client.get(PUBLICITY).status_code == 404
