"""The staff side: change lists stay a handful of queries, and fee changes apply."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.transitions import admit
from lssc.accounts.roles import StaffGroup
from lssc.fees.models import Audience, Fee, FeeKind
from lssc.payments.models import Payment
from tests.factories import UserFactory, staff_user

from .helpers import submitted

pytestmark = pytest.mark.django_db


def many_applicants(count):
    for _ in range(count):
        application = submitted(UserFactory())
        admit(application)


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:candidates_application_changelist",
        "admin:candidates_candidate_changelist",
        "admin:payments_payment_changelist",
    ],
)
def test_admin_change_lists_cost_the_same_for_5_or_25_rows(
    client, url_name, django_assert_max_num_queries
):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    many_applicants(5)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(url_name)).status_code == 200
    many_applicants(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse(url_name)).status_code == 200
    assert len(few.captured_queries) <= 15


def test_the_foreign_education_queue_filter(client):
    submitted(UserFactory(full_name="Abroad Person"), education="outside_us")
    submitted(UserFactory(full_name="Home Person"))
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    html = client.get(
        reverse("admin:candidates_application_changelist") + "?queue=foreign"
    ).content.decode()
    assert "Abroad Person" in html and "Home Person" not in html


def test_a_fee_change_applies_to_new_applications_only(client):
    early = submitted(UserFactory())
    client.force_login(early.user)
    client.post(
        reverse("candidates:application_status"), {"method": "check", "confirm": "yes"}
    )
    Fee.objects.create(
        kind=FeeKind.APPLICATION,
        audience=Audience.NON_MEMBER,
        amount_cents=37500,
        effective_from=timezone.localdate() - datetime.timedelta(days=0),
    )
    late = submitted(UserFactory())
    client.force_login(late.user)
    client.post(
        reverse("candidates:application_status"), {"method": "check", "confirm": "yes"}
    )
    assert Payment.objects.get(payer=early.user).amount_cents == 35000
    assert Payment.objects.get(payer=late.user).amount_cents == 37500


def test_a_candidate_cannot_open_the_admin(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:candidates_application_changelist"))
    assert response.status_code == 302
