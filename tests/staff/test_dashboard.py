"""The staff dashboard: every queue's count and oldest age, for staff only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.enums import ApplicationStatus, Education
from lssc.accounts.roles import StaffGroup
from lssc.payments.enums import PaymentMethod
from lssc.payments.services import payment_create
from tests.candidates.helpers import submitted
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db

URL = reverse("staff_dashboard")


def rows(response) -> dict[str, tuple[int, str]]:
    """{label: (count, oldest)} from the dashboard's tables."""
    found = {}
    for group in response.context["groups"].values():
        for item in group:
            found[item.queue.label] = (item.count, item.oldest_days)
    return found


def waiting_application(days_ago, education=Education.HIGH_SCHOOL):
    application = submitted(UserFactory(), education=education)
    application.status = ApplicationStatus.STAFF_REVIEW
    application.submitted_at = timezone.now() - datetime.timedelta(days=days_ago)
    application.save()
    return application


def test_counts_and_oldest_ages_from_known_data(client):
    waiting_application(3)
    waiting_application(10, Education.OUTSIDE_US)
    payer = UserFactory()
    for method in (PaymentMethod.CHECK, PaymentMethod.PURCHASE_ORDER):
        payment_create(
            payer=payer,
            purpose=payer,
            kind="application",
            description="Application",
            method=method,
        )
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    found = rows(client.get(URL))
    assert found["Applications needing a decision"] == (2, 10)
    assert found["Education outside the US to review"] == (1, 10)
    assert found["Checks and purchase orders awaiting receipt"] == (2, 0)
    assert found["Renewals to approve"] == (0, None)


def test_every_link_opens_its_admin_list(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    response = client.get(URL)
    for group in response.context["groups"].values():
        for item in group:
            page = client.get(item.url)
            assert page.status_code == 200, item.url
            assert "e=1" not in page.get("Location", ""), item.url


def test_staff_only(client):
    assert client.get(URL).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 302


def test_a_group_sees_only_its_queues(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_COMMITTEE))
    labels = set(rows(client.get(URL)))
    assert "Appeals filed, review not started" in labels
    assert "Checks and purchase orders awaiting receipt" not in labels


def test_the_dashboard_costs_the_same_for_10_or_100_waiting(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            client.get(URL)
        return len(ctx.captured_queries)

    for n in range(10):
        waiting_application(n)
    few = queries()
    for n in range(90):
        waiting_application(n)
    assert queries() == few
