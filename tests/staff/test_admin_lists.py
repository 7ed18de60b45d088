"""Admin lists that hold many rows: the payments list fits beside the menu with long
names and descriptions cut (whole on hover), and the evaluators list is paginated,
sorted by name, at a cost that does not grow with the number of evaluators."""

import datetime
import random
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.models import Evaluator
from lssc.accounts.roles import StaffGroup
from lssc.fees.models import Fee, FeeKind
from lssc.payments.enums import PaymentMethod
from lssc.payments.models import Payment
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db

LONG_NAME = "Maximiliana Alexandria Worthington-Featherstonehaugh"
LONG_INSTITUTION = (
    "Greater Metropolitan Regional Public Library Cooperative of the Northern Counties"
)
LONG_DESCRIPTION = (
    "Application fee for the Library Support Staff Certification of "
    f"{LONG_NAME} at the Greater Metropolitan Regional Public Library Cooperative"
)


@pytest.fixture
def officer(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


def payments(count: int) -> list[Payment]:
    fee = Fee.objects.filter(kind=FeeKind.APPLICATION).first()
    payers = [UserFactory(full_name=f"{LONG_NAME} {n}") for n in range(count)]
    return Payment.objects.bulk_create(
        Payment(
            payer=payer,
            purpose=payer,
            kind=FeeKind.APPLICATION,
            fee=fee,
            amount_cents=35000 + n,
            description=LONG_DESCRIPTION,
            method=PaymentMethod.PURCHASE_ORDER if n % 2 else PaymentMethod.CHECK,
            institution=LONG_INSTITUTION if n % 2 else "",
        )
        for n, payer in enumerate(payers)
    )


def cells(html: str, column: str) -> list[str]:
    return re.findall(rf'<td class="field-{column}[^"]*">(.*?)</td>', html, re.S)


def test_the_payments_list_cuts_long_text_and_keeps_it_whole_on_hover(officer):
    made = payments(130)
    response = officer.get(reverse("admin:payments_payment_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    cl = response.context["cl"]
    # Paginated: a page of 100, and the pages linked.
    assert len(cl.result_list) == 100 and cl.paginator.num_pages == 2
    assert "?p=2" in html
    # Seven columns (and the checkbox), none of them a paragraph.
    assert len(cl.list_display) == 8
    descriptions = cells(html, "paid_for")
    assert len(descriptions) == 100
    whole = f"{LONG_DESCRIPTION} (paid by {LONG_INSTITUTION})"
    for cell in descriptions:
        text = re.sub(r"<[^>]+>", "", cell)
        assert len(text) <= 40 and text.endswith("…")
        assert f'title="{LONG_DESCRIPTION}' in cell
    assert f'title="{whole}"' in html  # a purchase order names who pays
    payer = made[-1].payer
    assert f'title="{payer.full_name} &lt;{payer.email}&gt;"' in html
    for cell in cells(html, "payer_name"):
        assert len(re.sub(r"<[^>]+>", "", cell)) <= 28
    assert LONG_DESCRIPTION not in re.sub(r'title="[^"]*"', "", html)
    assert "css/admin_lists.css" in html

    page_two = officer.get(reverse("admin:payments_payment_changelist"), {"p": "2"})
    assert len(page_two.context["cl"].result_list) == 30


def test_the_payments_list_sorts_by_amount_and_filters_by_method(officer):
    payments(12)
    url = reverse("admin:payments_payment_changelist")
    response = officer.get(url)
    names = [getattr(c, "__name__", c) for c in response.context["cl"].list_display]
    shown = officer.get(url, {"o": str(names.index("amount_dollars"))})
    amounts = [p.amount_cents for p in shown.context["cl"].result_list]
    assert amounts == sorted(amounts) and len(amounts) == 12
    assert "$350.00" in shown.content.decode()
    orders = officer.get(url, {"method__exact": PaymentMethod.PURCHASE_ORDER})
    rows = list(orders.context["cl"].result_list)
    assert len(rows) == 6
    assert {p.method for p in rows} == {PaymentMethod.PURCHASE_ORDER}
    assert "Purchase order" in orders.content.decode()


def evaluators(count: int, technology) -> list[Evaluator]:
    names = [f"Evaluator {n:03d} {random.choice('ABCDEFGH')}" for n in range(count)]
    random.shuffle(names)
    made = []
    for name in names:
        evaluator = Evaluator.objects.create(
            user=UserFactory(full_name=name),
            institution="Lakeside College",
            trained_on=datetime.date(2026, 3, 1),
        )
        evaluator.sets.set([technology])
        made.append(evaluator)
    return made


@pytest.fixture
def technology(db):
    from lssc.competencies.models import CompetencySet

    return CompetencySet.objects.get(slug="technology")


def test_the_evaluators_list_is_paginated_and_sorted_by_name(officer, technology):
    made = evaluators(55, technology)
    url = reverse("admin:evaluations_evaluator_changelist")
    first = officer.get(url)
    assert first.status_code == 200
    cl = first.context["cl"]
    by_name = sorted(made, key=lambda e: (e.user.full_name, e.pk))
    assert list(cl.result_list) == by_name[:50]
    second = officer.get(url, {"p": "2"}).context["cl"]
    assert list(second.result_list) == by_name[50:]
    html = first.content.decode()
    for column in ("name", "email"):
        header = re.search(rf"<th[^>]*column-{column}[^>]*>", html)[0]
        assert "sortable" in header, column
    names = [getattr(c, "__name__", c) for c in cl.list_display]
    by_email = officer.get(url, {"o": f"-{names.index('email')}"}).context["cl"]
    emails = [e.user.email for e in by_email.result_list]
    assert emails == sorted((e.user.email for e in made), reverse=True)[:50]


def test_the_evaluators_list_costs_the_same_for_5_or_35_evaluators(
    officer, technology, django_assert_max_num_queries
):
    url = reverse("admin:evaluations_evaluator_changelist")

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert officer.get(url).status_code == 200
        return len(ctx.captured_queries)

    evaluators(5, technology)
    few = queries()
    evaluators(30, technology)
    assert Evaluator.objects.count() == 35
    assert queries() == few
    with django_assert_max_num_queries(MAX_QUERIES):
        officer.get(url)


# The page as it stands: session, user, permissions, the count, one page of rows
# with their people, and the filters' choices. More means a query per row.
MAX_QUERIES = 12
