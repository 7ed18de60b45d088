import datetime

import pytest
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from lssc.fees.models import Audience, Fee, FeeKind
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


def test_program_officer_adds_a_future_fee_row_in_admin(officer_client):
    response = officer_client.post(
        reverse("admin:fees_fee_add"),
        {
            "kind": FeeKind.RENEWAL,
            "audience": Audience.EVERYONE,
            "from_item": 1,
            "to_item": "",
            "amount_cents": "75.00",
            "effective_from": "2031-01-01",
            "note": "Renewal fee set by the program",
        },
    )
    assert response.status_code == 302
    row = Fee.objects.get(kind=FeeKind.RENEWAL, effective_from="2031-01-01")
    assert row.amount_cents == 7500
    assert row.history.count() == 1


def test_a_row_already_in_effect_cannot_be_changed_or_deleted(officer_client):
    row = Fee.objects.get(kind=FeeKind.APPLICATION, audience=Audience.NON_MEMBER)
    response = officer_client.post(
        reverse("admin:fees_fee_change", args=[row.pk]),
        {"note": "tried to change the amount", "amount_cents": 1},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.amount_cents == 35000
    assert row.note == "tried to change the amount"
    delete = officer_client.post(
        reverse("admin:fees_fee_delete", args=[row.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    assert Fee.objects.filter(pk=row.pk).exists()


def test_program_assistant_can_view_but_not_change_fees(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    row = Fee.objects.first()
    assert client.get(reverse("admin:fees_fee_changelist")).status_code == 200
    response = client.post(
        reverse("admin:fees_fee_add"),
        {"kind": FeeKind.RENEWAL, "amount_cents": 1, "effective_from": "2031-01-01"},
    )
    assert response.status_code == 403
    assert not Fee.objects.filter(effective_from=datetime.date(2031, 1, 1)).exists()
    assert row is not None
