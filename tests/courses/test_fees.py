"""What a course application costs: the provider's n-th new course takes the fee row
for item n; withdrawn-unpaid applications give their place back; renewals are apart."""

import datetime

import pytest
from django.utils import timezone

from courses.applications import (
    application_fee_cents,
    application_reject,
    application_start,
    application_withdraw,
)
from courses.models import ApplicationStatus
from lssc.fees.models import Audience, Fee, FeeKind
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payments_for
from tests.courses.conftest import (
    approved_course,
    complete_application,
    contact_of,
    in_review,
    make_provider,
    plan_offering,
    submit_and_pay,
)

pytestmark = pytest.mark.django_db


def course_fee(from_item):
    return Fee.objects.get(
        kind=FeeKind.COURSE_APPROVAL, audience=Audience.EVERYONE, from_item=from_item
    )


def test_first_twelve_new_courses_follow_the_published_tiers(provider, technology):
    payments = [
        submit_and_pay(complete_application(provider, technology, title=f"Course {n}"))
        for n in range(1, 13)
    ]

    assert [p.amount_cents for p in payments] == [10000] * 2 + [5000] * 10
    assert [p.kind for p in payments] == [FeeKind.COURSE_APPROVAL] * 12
    assert {p.status for p in payments} == {PaymentStatus.PENDING}
    assert [p.purpose.fee_position for p in payments] == list(range(1, 13))
    # Each amount was copied from its tier's row of the schedule.
    assert [p.fee.from_item for p in payments] == [1, 1] + [3] * 8 + [11, 11]
    assert payments[10].fee == payments[11].fee == course_fee(11)
    assert payments[0].fee == course_fee(1)
    assert payments[2].fee == course_fee(3)


def test_the_fee_shown_before_paying_is_the_one_charged(provider, technology):
    first, second, third = (
        complete_application(provider, technology, title=f"Course {n}")
        for n in (1, 2, 3)
    )
    charged = [submit_and_pay(a).amount_cents for a in (first, second, third)]
    for application in (first, second, third):
        application.refresh_from_db()
    shown = [application_fee_cents(a) for a in (first, second, third)]
    assert shown == charged == [10000, 10000, 5000]


def test_providers_are_counted_separately(provider, technology):
    for n in range(3):
        submit_and_pay(complete_application(provider, technology, title=f"A{n}"))
    other = make_provider("Lakeside Library School")
    payment = submit_and_pay(complete_application(other, technology))
    assert payment.purpose.fee_position == 1
    assert payment.amount_cents == 10000


def test_a_rejected_application_still_counts(provider, technology, officer):
    first = in_review(complete_application(provider, technology, title="First"))
    assert application_reject(
        application=first, by=officer, reason="The course does not teach 7 to 9."
    )
    first.refresh_from_db()
    assert first.status == ApplicationStatus.REJECTED

    second = submit_and_pay(complete_application(provider, technology, title="Two"))
    third = submit_and_pay(complete_application(provider, technology, title="Three"))
    assert (second.purpose.fee_position, second.amount_cents) == (2, 10000)
    assert (third.purpose.fee_position, third.amount_cents) == (3, 5000)


def test_a_paid_application_withdrawn_later_still_counts(provider, technology, officer):
    from courses.applications import application_request_changes

    first = in_review(complete_application(provider, technology, title="First"))
    application_request_changes(application=first, by=officer, reason="Add unit 4.")
    application_withdraw(application=first, by=contact_of(provider))
    first.refresh_from_db()
    assert first.status == ApplicationStatus.WITHDRAWN

    payment = submit_and_pay(complete_application(provider, technology))
    assert (payment.purpose.fee_position, payment.amount_cents) == (2, 10000)


def test_withdrawn_before_payment_gives_its_place_back(provider, technology):
    first = submit_and_pay(complete_application(provider, technology, title="One"))
    second = submit_and_pay(complete_application(provider, technology, title="Two"))
    withdrawn = second.purpose
    application_withdraw(application=withdrawn, by=contact_of(provider))
    second.refresh_from_db()
    assert second.status == PaymentStatus.CANCELLED

    again = submit_and_pay(complete_application(provider, technology, title="Again"))
    assert first.purpose.fee_position == 1
    assert (again.purpose.fee_position, again.amount_cents) == (2, 10000)
    after = submit_and_pay(complete_application(provider, technology, title="After"))
    assert (after.purpose.fee_position, after.amount_cents) == (3, 5000)


def test_a_place_given_back_between_others_is_taken_by_the_next_one(
    provider, technology
):
    one, two, three = (
        submit_and_pay(complete_application(provider, technology, title=f"C{n}"))
        for n in (1, 2, 3)
    )
    application_withdraw(application=two.purpose, by=contact_of(provider))

    again = submit_and_pay(complete_application(provider, technology, title="Again"))
    assert (again.purpose.fee_position, again.amount_cents) == (2, 10000)
    following = submit_and_pay(complete_application(provider, technology))
    assert following.purpose.fee_position == 4
    positions = [one.purpose.fee_position, three.purpose.fee_position]
    assert positions == [1, 3]


def test_a_draft_does_not_take_a_place(provider, technology):
    complete_application(provider, technology, title="Still a draft")
    payment = submit_and_pay(complete_application(provider, technology))
    assert payment.purpose.fee_position == 1


def test_a_renewal_takes_the_renewal_fee_and_does_not_move_the_count(
    provider, technology, officer
):
    course = approved_course(provider, technology, officer=officer)  # place 1
    renewal = application_start(
        provider=provider, by=contact_of(provider), renewal_of=course
    )
    plan_offering(renewal)
    payment = submit_and_pay(renewal)

    renewal.refresh_from_db()
    assert renewal.fee_position is None
    assert payment.kind == FeeKind.COURSE_RENEWAL
    assert payment.fee == Fee.objects.get(kind=FeeKind.COURSE_RENEWAL)
    assert payment.amount_cents == 5000
    assert list(payments_for(renewal)) == [payment]

    following = submit_and_pay(complete_application(provider, technology))
    assert (following.purpose.fee_position, following.amount_cents) == (2, 10000)


def test_a_newer_fee_row_changes_what_the_next_application_is_charged(
    provider, technology
):
    before = submit_and_pay(complete_application(provider, technology, title="One"))
    assert before.amount_cents == 10000

    newer = Fee.objects.create(
        kind=FeeKind.COURSE_APPROVAL,
        audience=Audience.EVERYONE,
        from_item=1,
        to_item=2,
        amount_cents=12500,
        effective_from=timezone.localdate() - datetime.timedelta(days=10),
        note="New schedule",
    )
    after = submit_and_pay(complete_application(provider, technology, title="Two"))
    third = submit_and_pay(complete_application(provider, technology, title="Three"))

    assert (after.amount_cents, after.fee) == (12500, newer)
    assert third.amount_cents == 5000  # items 3 on keep their row
    before.refresh_from_db()
    assert before.amount_cents == 10000  # a payment keeps the amount it was given


def test_the_tier_amounts_come_from_the_schedule(provider, technology):
    Fee.objects.filter(kind=FeeKind.COURSE_APPROVAL, from_item=3).update(
        amount_cents=7700
    )
    payments = [
        submit_and_pay(complete_application(provider, technology, title=f"C{n}"))
        for n in range(3)
    ]
    assert [p.amount_cents for p in payments] == [10000, 10000, 7700]
