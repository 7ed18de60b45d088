"""Renewal (FAQ 19): 32 contact hours with 4 on technology, logged in the period;
the window opens 12 months before expiry and closes 2 months after; the next period
starts at the previous expiry."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.certificates import Status, certification_status
from candidates.models import Certification
from lssc.competencies.models import CompetencySet
from lssc.core.program import rules
from lssc.fees.models import Audience, Fee, FeeKind
from lssc.notifications.models import OutgoingMail
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payment_confirm, payments_for
from renewals.models import Activity, Renewal, RenewalStatus, Unit
from renewals.rules import contact_hours
from renewals.services import (
    RenewalError,
    activity_log,
    renewal_approve,
    renewal_return,
    renewal_submit,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date
CERTIFIED = D(2026, 6, 15)
EXPIRES = D(2030, 6, 15)
WINDOW_OPENS = D(2029, 6, 15)
GRACE_ENDS = D(2030, 8, 15)  # the first day renewal is closed


def on(day):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(12)))


MARCH_1 = D(2028, 3, 1)
LOGGED_ON = D(2028, 6, 1)  # "today" when activities are logged


def log(certification, *, hours=8, day=MARCH_1, technology=False,
        unit=Unit.CONTACT_HOURS, title="Workshop"):  # fmt: skip
    with on(LOGGED_ON):
        return activity_log(
            certification=certification,
            by=certification.candidate.user,
            sets=[CompetencySet.objects.get(slug="technology")],
            title=title,
            provider="State library",
            completed_on=day,
            amount=Decimal(hours),
            unit=unit,
            technology=technology,
        )


def enough(certification):
    """32 hours, 4 of them on technology, over four days."""
    for n, (hours, tech) in enumerate([(8, True), (8, False), (8, False), (8, False)]):
        log(certification, hours=hours, technology=tech, day=D(2028, 3, 1 + n))


# --- Rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "hours"),
    [
        ("3", Unit.SEMESTER_CREDITS, "45"),
        ("2", Unit.QUARTER_CREDITS, "20"),
        ("1.5", Unit.CONFERENCE_DAYS, "9"),
        ("2.5", Unit.CONTACT_HOURS, "2.5"),
    ],
)
def test_credit_and_conference_days_convert_at_the_published_rates(amount, unit, hours):
    assert contact_hours(Decimal(amount), unit, rules()) == Decimal(hours)


def test_the_rates_are_settings(settings):
    settings.LSSC_RULES = {"CE_HOURS_PER_SEMESTER_CREDIT": 16}
    assert contact_hours(Decimal(1), Unit.SEMESTER_CREDITS, rules()) == 16


# --- Logging activities: bad input changes nothing -----------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"hours": -2}, "positive"),
        ({"hours": 0, "technology": True}, "positive"),
        ({"hours": Decimal("0.5")}, "from 1 contact hour"),
        ({"hours": 25}, "No more than 24"),
        ({"day": D(2026, 6, 14)}, "current certification period"),
        ({"day": D(2028, 7, 1)}, "future"),
    ],
)
def test_bad_activities_are_refused(certification, fields, message):
    with pytest.raises(RenewalError, match=message):
        log(certification, **fields)
    assert not Activity.objects.exists()


def test_no_more_than_24_contact_hours_in_one_day(certification):
    log(certification, hours=20)
    with pytest.raises(RenewalError, match="20 already logged"):
        log(certification, hours=5)
    log(certification, hours=2, unit=Unit.CONFERENCE_DAYS)  # 12 hours, other unit
    assert Activity.objects.count() == 2


# --- The window ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "opens"),
    [
        (D(2029, 6, 14), False),
        (WINDOW_OPENS, True),
        (EXPIRES, True),  # in grace
        (GRACE_ENDS - datetime.timedelta(days=1), True),  # the last day of grace
        (GRACE_ENDS, False),
    ],
)
def test_the_renewal_window_to_the_day(certification, day, opens):
    enough(certification)
    with on(day):
        if opens:
            assert renewal_submit(certification=certification, by=None)
        else:
            with pytest.raises(RenewalError, match="Renewal is open from"):
                renewal_submit(certification=certification, by=None)
            assert not Renewal.objects.exists()


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        ([(8, False)] * 4, "4 more hours on technology"),
        ([(8, True), (8, False), (8, False)], "8 more contact hours"),
        ([(3, True)], "29 more contact hours and 1 more on technology"),
    ],
)
def test_the_32_and_4_hour_rule(certification, plan, message):
    for n, (hours, tech) in enumerate(plan):
        log(certification, hours=hours, technology=tech, day=D(2028, 3, 1 + n))
    with on(WINDOW_OPENS), pytest.raises(RenewalError, match=message):
        renewal_submit(certification=certification, by=None)
    assert not Renewal.objects.exists()


# --- Submitting, paying, deciding --------------------------------------------


def test_free_renewal_goes_to_review_and_approval_starts_the_next_period_at_expiry(
    certification, officer, commit
):
    enough(certification)
    with on(D(2029, 9, 1)):
        renewal = renewal_submit(certification=certification, by=None)
    assert renewal.status == RenewalStatus.IN_REVIEW  # the default fee is $0
    assert renewal.hours == 32 and renewal.technology_hours == 8
    assert renewal.activities.count() == 4
    with on(D(2029, 9, 1)), pytest.raises(RenewalError, match="submitted already"):
        renewal_submit(certification=certification, by=None)

    with on(D(2029, 10, 1)), commit():
        assert renewal_approve(renewal=renewal, by=officer)
        assert not renewal_approve(renewal=renewal, by=officer)  # a second click
    certification.refresh_from_db()
    assert certification.period_starts_on == EXPIRES  # not the approval date
    assert certification.expires_on == D(2034, 6, 15)
    assert certification.certificate_expires_on == D(2034, 6, 15)  # new certificate
    assert OutgoingMail.objects.filter(key=f"renewal-approved:{renewal.pk}").exists()
    # The new period counts only its own activities.
    with on(D(2034, 1, 1)):
        assert certification_status(certification) == Status.VALID


def test_a_renewal_fee_is_paid_before_review(certification, officer):
    Fee.objects.create(
        kind=FeeKind.RENEWAL,
        audience=Audience.EVERYONE,
        amount_cents=7500,
        effective_from=D(2027, 1, 1),
    )
    enough(certification)
    with on(WINDOW_OPENS):
        renewal = renewal_submit(certification=certification, by=None)
        assert renewal.status == RenewalStatus.AWAITING_PAYMENT
        from renewals.services import renewal_pay

        payment, _ = renewal_pay(
            renewal=renewal, payer=certification.candidate.user, method="check"
        )
    assert payment.amount_cents == 7500
    payment_confirm(payment_id=payment.pk, actor=officer)
    payment_confirm(payment_id=payment.pk, actor=officer)
    renewal.refresh_from_db()
    assert renewal.status == RenewalStatus.IN_REVIEW
    assert payments_for(renewal).get().status == PaymentStatus.PAID


def test_a_returned_renewal_is_fixed_and_submitted_again_without_paying_twice(
    certification, officer
):
    enough(certification)
    with on(WINDOW_OPENS):
        renewal = renewal_submit(certification=certification, by=None)
        with pytest.raises(RenewalError, match="reason"):
            renewal_return(renewal=renewal, by=officer, reason=" ")
        assert renewal_return(
            renewal=renewal, by=officer, reason="The March workshop was not CE."
        )
        renewal.refresh_from_db()
        assert renewal.status == RenewalStatus.RETURNED
        again = renewal_submit(certification=certification, by=None)
    assert again.pk == renewal.pk and again.status == RenewalStatus.IN_REVIEW


def test_without_an_approved_renewal_the_certification_lapses_after_grace(
    certification, client
):
    url = reverse("candidates:verify", args=[certification.number])
    with on(GRACE_ENDS - datetime.timedelta(days=1)):
        assert "In its grace period." in client.get(url).content.decode()
    with on(GRACE_ENDS):
        assert "Expired." in client.get(url).content.decode()
        assert certification_status(certification) == Status.EXPIRED


# --- The holder's page ---------------------------------------------------------------


def test_the_renewal_page_logs_activities_and_shows_progress(certification, client):
    url = reverse("renewals:home")
    with on(D(2028, 3, 10)):
        client.force_login(certification.candidate.user)  # a session of that day
        response = client.post(
            url,
            {
                "title": "Cataloging webinar",
                "provider": "ALCTS",
                "completed_on": "2028-03-02",
                "amount": "2",
                "unit": "conference_days",
                "technology": "on",
                "competency_sets": [CompetencySet.objects.get(slug="technology").pk],
            },
        )
        assert response["Location"] == url
        html = client.get(url).content.decode()
    assert "12 of 32" in html and "12 of 4" in html
    assert "Cataloging webinar" in html

    with on(D(2028, 3, 10)):
        client.force_login(certification.candidate.user)
        bad = client.post(
            url,
            {"title": "x", "provider": "y", "completed_on": "2028-03-03",
             "amount": "-1", "unit": "contact_hours"},
        )  # fmt: skip
    assert bad.status_code == 200
    assert "Give a positive number." in bad.content.decode()
    assert Activity.objects.count() == 1


def test_only_the_holder_sees_and_changes_their_log(certification, client):
    activity = log(certification)
    client.force_login(UserFactory())
    assert client.get(reverse("renewals:home")).status_code == 404
    assert (
        client.post(reverse("renewals:remove", args=[activity.pk])).status_code == 404
    )
    assert Activity.objects.filter(pk=activity.pk).exists()
    client.force_login(certification.candidate.user)
    client.post(reverse("renewals:remove", args=[activity.pk]))
    assert not Activity.objects.filter(pk=activity.pk).exists()


def test_staff_approve_in_the_admin(certification, client, officer):
    enough(certification)
    with on(WINDOW_OPENS):
        renewal = renewal_submit(certification=certification, by=None)
    client.force_login(officer)
    response = client.post(
        reverse("admin:renewals_renewal_changelist"),
        {"action": "approve", "_selected_action": [renewal.pk]},
    )
    assert response.status_code == 302
    renewal.refresh_from_db()
    assert renewal.status == RenewalStatus.APPROVED
    assert Certification.objects.get().expires_on == D(2034, 6, 15)


def test_the_renewal_page_costs_the_same_with_more_activities(certification, client):
    log(certification, day=D(2028, 3, 1))

    def page_queries():
        with on(D(2028, 6, 2)):
            client.force_login(certification.candidate.user)
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(reverse("renewals:home")).status_code == 200
            return len(ctx.captured_queries)

    few = page_queries()
    for n in range(2, 8):
        log(certification, day=D(2028, 3, n))
    assert page_queries() == few
    # Session, user, the roles the navigation lists, certification, activities
    # with their sets (2), the hours, the renewal, the fee.
    assert few <= 10
