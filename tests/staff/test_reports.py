"""Reports: known data gives known figures; CSV; date range; staff only; queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.certification import achievement_record
from candidates.enums import AchievementMethod, HowHeard
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.payments.models import Payment
from lssc.payments.services import payment_confirm, payment_create
from tests.candidates.helpers import admitted_candidate, submitted
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db

D = datetime.date


def url(slug, **query):
    from urllib.parse import urlencode

    return reverse("reports:detail", args=[slug]) + "?" + urlencode(query)


def applied_on(day, how_heard=HowHeard.COLLEAGUE):
    application = submitted(UserFactory())
    application.how_heard = how_heard
    application.submitted_at = timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(12))
    )
    application.save()
    return application


@pytest.fixture
def officer_client(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


def test_applications_per_month_and_how_heard(officer_client):
    applied_on(D(2026, 3, 5))
    applied_on(D(2026, 3, 20), HowHeard.WEB)
    applied_on(D(2026, 5, 1))
    response = officer_client.get(
        url("admissions", start="2026-03-01", end="2026-05-31")
    )
    rows = response.context["result"].rows
    assert [r[:2] for r in rows] == [["Mar 2026", 2], ["Apr 2026", 0], ["May 2026", 1]]
    assert rows[0][3] == 25.0  # the business plan: 300 candidates a year
    assert response.context["result"].line.name == (
        "Business plan: 300 candidates a year"
    )
    html = response.content.decode()
    assert 'role="img" aria-labelledby="chart-admissions-title"' in html
    assert "<rect x=" in html and "&lt;rect" not in html  # bars drawn, not escaped

    heard = officer_client.get(url("how-heard", start="2026-03-01", end="2026-05-31"))
    result = heard.context["result"]
    totals = dict(zip(result.categories, result.series[0].values, strict=True))
    assert totals["A colleague or friend"] == 2
    assert totals["A web search or website"] == 1


def test_sets_achieved_by_method(officer_client):
    candidate = admitted_candidate()
    technology = CompetencySet.objects.get(slug="technology")
    achievement_record(
        candidate=candidate, competency_set=technology, method=AchievementMethod.COURSE
    )
    today = timezone.localdate()
    response = officer_client.get(url("achievements", start=str(today), end=str(today)))
    row = next(r for r in response.context["result"].rows if r[0] == "Technology")
    assert row == ["Technology", 1, 0, 0, 1]  # course, portfolio, agreement, total


def test_revenue_against_the_business_plan_and_as_csv(officer_client):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    payer = UserFactory()
    for kind in ("application", "portfolio"):
        payment = payment_create(
            payer=payer, purpose=payer, kind=kind, description=kind, method="check"
        )
        payment_confirm(payment_id=payment.pk, actor=officer)
    paid = Payment.objects.get(kind="application").paid_at.date()
    first = paid.replace(day=1)
    response = officer_client.get(url("revenue", start=str(first), end=str(paid)))
    result = response.context["result"]
    # Application, Portfolio, by check, total, the plan's month
    assert result.rows[0][1:] == ["350.00", "60.00", "410.00", "410.00", "8,916.67"]
    assert result.line.name == "Business plan: $107,000 a year"
    assert "Business plan" in response.content.decode()

    csv = officer_client.get(
        url("revenue", start=str(first), end=str(paid), format="csv")
    )
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode().splitlines()
    assert lines[0] == (
        "Month,Application,Portfolio submission,By check,Total,Business plan"
    )
    assert lines[1].endswith('350.00,60.00,410.00,410.00,"8,916.67"')


def test_an_end_before_the_start_is_refused(officer_client):
    response = officer_client.get(
        url("admissions", start="2026-05-01", end="2026-03-01")
    )
    assert response.status_code == 200
    assert "The end must not be before the start." in response.content.decode()
    assert response.context["result"] is None


def test_staff_only(client):
    for path in (reverse("reports:list"), url("revenue")):
        assert client.get(path).status_code == 302
        client.force_login(UserFactory())
        assert client.get(path).status_code == 302
        client.logout()
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    assert client.get(url("revenue")).status_code == 404  # not their report


def test_approved_courses_by_set_and_provider_type(officer_client):
    from tests.courses.conftest import approved_course, make_provider

    technology = CompetencySet.objects.get(slug="technology")
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    approved_course(make_provider(), technology, officer=officer, day=D(2024, 1, 10))
    today = D(2026, 12, 1)  # the approval ends on 2027-01-10: within 90 days
    response = officer_client.get(url("courses", start="2026-01-01", end=str(today)))
    row = next(r for r in response.context["result"].rows if r[0] == "Technology")
    assert row[1:] == [1, 1]  # one cooperative's course, ending within 90 days


def test_the_renewal_cycle(officer_client):
    from candidates.models import Certification
    from tests.candidates.test_certificates import certify

    on_day = D(2030, 7, 1)
    expiries = {
        "valid": D(2032, 1, 1),
        "window": D(2031, 1, 1),
        "grace": D(2030, 6, 15),
        "lapsed": D(2030, 1, 1),
    }
    for expires_on in expiries.values():
        certification = certify(admitted_candidate(), D(2026, 6, 15))
        Certification.objects.filter(pk=certification.pk).update(expires_on=expires_on)
    response = officer_client.get(url("renewals", start="2030-01-01", end=str(on_day)))
    values = dict(response.context["result"].rows)
    assert values["Valid, renewal not yet open"] == 1
    assert values["In their renewal window"] == 1
    assert values["In the grace period"] == 1
    assert values["Lapsed"] == 1
