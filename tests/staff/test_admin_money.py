"""Money in the admin in dollars: typed as 350, 350.00 or $1,250.50, refused with a
clear message when it is not an amount, shown as $1,250.50, stored in cents."""

import datetime
import re

import pytest
from django.urls import reverse

from candidates.models import Application
from lssc.accounts.roles import StaffGroup
from lssc.fees.models import Audience, Fee, FeeKind
from lssc.payments.models import Payment
from tests.candidates.helpers import admitted_candidate
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

FUTURE = datetime.date(2031, 1, 1)


@pytest.fixture
def officer(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


def fee_form(amount, **fields) -> dict:
    return {
        "kind": FeeKind.RENEWAL,
        "audience": Audience.EVERYONE,
        "from_item": 1,
        "to_item": "",
        "amount_cents": amount,
        "effective_from": FUTURE.isoformat(),
        "note": "",
        **fields,
    }


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("350", 35000),
        ("350.00", 35000),
        ("$1,250.50", 125050),
        (" 75.5 ", 7550),
        ("0", 0),
        ("$ 12,345,678.09", 1234567809),
    ],
)
def test_a_fee_is_typed_in_dollars_and_kept_in_cents(officer, typed, cents):
    response = officer.post(reverse("admin:fees_fee_add"), fee_form(typed))
    assert response.status_code == 302, response.content.decode()
    assert Fee.objects.get(effective_from=FUTURE).amount_cents == cents


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-5", "Enter an amount of zero or more."),
        ("$-5.00", "Enter an amount of zero or more."),
        ("12.345", "Enter at most two digits after the decimal point (cents)."),
        ("abc", "Enter an amount in dollars, such as 350 or 1,250.50."),
        ("1,25.00", "Enter an amount in dollars, such as 350 or 1,250.50."),
        ("3 50", "Enter an amount in dollars, such as 350 or 1,250.50."),
        ("1e3", "Enter an amount in dollars, such as 350 or 1,250.50."),
        ("", "This field is required."),
        ("99999999999", "Enter an amount of at most $21,474,836.47."),
    ],
)
def test_an_amount_that_is_not_dollars_is_refused_and_nothing_is_saved(
    officer, typed, message
):
    count = Fee.objects.count()
    response = officer.post(reverse("admin:fees_fee_add"), fee_form(typed))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Fee.objects.count() == count


def test_the_fee_form_asks_for_dollars_and_shows_them(officer):
    page = officer.get(reverse("admin:fees_fee_add")).content.decode()
    assert '<label class="required" for="id_amount_cents">Amount ($):</label>' in page
    assert 'inputmode="decimal"' in page
    assert "(cents)" not in page

    officer.post(reverse("admin:fees_fee_add"), fee_form("1,250.5"))
    future = Fee.objects.get(effective_from=FUTURE)
    page = officer.get(reverse("admin:fees_fee_change", args=[future.pk]))
    assert 'name="amount_cents" value="1250.50"' in page.content.decode()
    # Saved again unchanged: still the same cents.
    officer.post(
        reverse("admin:fees_fee_change", args=[future.pk]),
        fee_form("1250.50", note="checked"),
    )
    future.refresh_from_db()
    assert (future.amount_cents, future.note) == (125050, "checked")


def test_a_fee_in_effect_shows_its_amount_in_dollars_read_only(officer):
    row = Fee.objects.get(kind=FeeKind.APPLICATION, audience=Audience.NON_MEMBER)
    html = officer.get(reverse("admin:fees_fee_change", args=[row.pk])).content
    html = html.decode()
    assert "$350.00" in html
    assert 'name="amount_cents"' not in html
    assert "35000" not in html


def test_the_fee_list_shows_dollars_sorted_by_the_amount(officer):
    response = officer.get(reverse("admin:fees_fee_changelist"))
    names = [getattr(c, "__name__", c) for c in response.context["cl"].list_display]
    column = names.index("amount_dollars")
    header = re.search(r"<th[^>]*column-amount_dollars[^>]*>", response.text)[0]
    assert "sortable" in header
    ordered = officer.get(reverse("admin:fees_fee_changelist"), {"o": str(column)})
    rows = list(ordered.context["cl"].result_list)
    assert [r.amount_cents for r in rows] == sorted(r.amount_cents for r in rows)
    cheapest = rows[0]
    assert f"${cheapest.amount_cents / 100:,.2f}" in ordered.content.decode()
    backwards = officer.get(
        reverse("admin:fees_fee_changelist"), {"o": f"-{column}"}
    ).context["cl"]
    assert [r.amount_cents for r in backwards.result_list] == sorted(
        (r.amount_cents for r in rows), reverse=True
    )


def test_payments_and_application_fees_read_in_dollars(officer, client):
    candidate = admitted_candidate(client)  # pays by check
    payment = Payment.objects.get(payer=candidate.user)
    cents = payment.amount_cents
    shown = f"${cents / 100:,.2f}"
    officer.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))

    listing = officer.get(reverse("admin:payments_payment_changelist")).content
    assert shown in listing.decode()
    page = officer.get(reverse("admin:payments_payment_change", args=[payment.pk]))
    html = page.content.decode()
    assert shown in html and f">{cents}<" not in html
    assert 'name="amount_cents"' not in html

    application = Application.objects.get(pk=candidate.application_id)
    assert application.fee_cents == cents
    page = officer.get(
        reverse("admin:candidates_application_change", args=[application.pk])
    ).content.decode()
    assert "Application fee ($)" in page
    assert f'name="fee_cents" value="{cents / 100:.2f}"' in page
