"""The Candidate Achievement Record, its share links and who may see what."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.enums import AchievementMethod
from candidates.models import Achievement, ShareLink, ShareLinkView
from lssc.competencies.models import CompetencySet
from tests.factories import UserFactory

from .helpers import admitted_candidate

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_the_car_shows_the_six_slots_and_the_deadline(client):
    candidate = admitted_candidate(client)
    elective = CompetencySet.objects.get(slug="youth-services")
    Achievement.objects.create(
        candidate=candidate,
        competency_set=elective,
        method=AchievementMethod.COURSE,
        achieved_on=TODAY,
    )
    html = client.get(reverse("candidates:car")).content.decode()
    for name in ("Foundations of Library Service", "Communication and Teamwork"):
        assert name in html
    assert "1 of 6 achieved" in html
    assert "Youth Services" in html and "approved course" in html
    assert candidate.deadline.strftime("%B %-d, %Y") in html
    assert "days left" in html
    assert candidate.user.payments.get().reference in html


def test_the_car_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # 9 on PostgreSQL (session, user, candidate, sets, achievements, payments,
    # history, and one for each source of work in progress: portfolios, and course
    # completions with graduation claims); SQLite adds one. More achievements must
    # not add any.
    candidate = admitted_candidate(client)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("candidates:car")).status_code == 200
    for slug in (
        "youth-services",
        "technology",
        "access-services",
        "cataloging-and-classification",
    ):
        Achievement.objects.create(
            candidate=candidate,
            competency_set=CompetencySet.objects.get(slug=slug),
            method=AchievementMethod.PORTFOLIO,
            achieved_on=TODAY,
        )
    with django_assert_max_num_queries(10):
        assert client.get(reverse("candidates:car")).status_code == 200


def test_someone_who_is_not_a_candidate_is_sent_to_apply(client):
    client.force_login(UserFactory())
    assert client.get(reverse("candidates:car"))["Location"] == reverse(
        "candidates:apply"
    )


def test_another_candidates_payment_and_receipt_answer_404(client):
    other = admitted_candidate(client)
    reference = other.user.payments.get().reference
    client.force_login(UserFactory())
    for name in ("payments:receipt", "payments:instructions", "payments:card_return"):
        assert client.get(reverse(name, args=[reference])).status_code == 404
    client.force_login(other.user)
    assert client.get(reverse("payments:receipt", args=[reference])).status_code == 200


def test_contact_details_are_editable_and_validated(client):
    candidate = admitted_candidate(client)
    url = reverse("candidates:car_contact")
    response = client.post(url, {"full_name": "", "city": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    client.post(
        url,
        {
            "full_name": "New Name",
            "phone": "555",
            "address_line1": "2 Oak Ave",
            "city": "Peoria",
            "state": "IL",
            "postal_code": "61602",
            "country": "United States",
        },
    )
    candidate.application.refresh_from_db()
    assert candidate.application.city == "Peoria"


def test_a_share_link_shows_a_read_only_record_logs_views_and_can_be_revoked(client):
    candidate = admitted_candidate(client)
    client.post(
        reverse("candidates:share_links"),
        {
            "label": "Springfield PL hiring",
            "expires_on": (TODAY + datetime.timedelta(days=30)).isoformat(),
        },
    )
    link = ShareLink.objects.get()
    client.logout()
    page = client.get(link.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert candidate.user.full_name in html
    assert candidate.application.library_name in html
    assert "Payments" not in html
    assert candidate.application.address_line1 not in html
    assert candidate.user.email not in html
    assert ShareLinkView.objects.filter(link=link).count() == 1

    client.force_login(candidate.user)
    assert (
        "Opened 1 time"
        in client.get(reverse("candidates:share_links")).content.decode()
    )
    client.post(reverse("candidates:share_revoke", args=[link.pk]))
    client.logout()
    assert client.get(link.get_absolute_url()).status_code == 404


def test_an_expired_or_unknown_share_link_answers_404(client):
    candidate = admitted_candidate()
    link = ShareLink.objects.create(
        candidate=candidate, label="Old", expires_on=TODAY - datetime.timedelta(days=1)
    )
    assert client.get(link.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("candidates:shared_car", args=["nope"])).status_code == 404
    )
    assert not ShareLinkView.objects.exists()


def test_a_share_link_with_a_past_expiry_is_refused(client):
    admitted_candidate(client)
    response = client.post(
        reverse("candidates:share_links"),
        {"label": "x", "expires_on": (TODAY - datetime.timedelta(days=1)).isoformat()},
    )
    assert "from today on" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_nobody_can_revoke_another_candidates_link(client):
    owner = admitted_candidate()
    link = ShareLink.objects.create(
        candidate=owner, label="Mine", expires_on=TODAY + datetime.timedelta(days=5)
    )
    admitted_candidate(client)
    response = client.post(reverse("candidates:share_revoke", args=[link.pk]))
    assert response.status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


@pytest.mark.parametrize(
    "name",
    [
        "candidates:car",
        "candidates:car_contact",
        "candidates:share_links",
        "candidates:apply",
        "candidates:application_status",
    ],
)
def test_pages_need_a_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
