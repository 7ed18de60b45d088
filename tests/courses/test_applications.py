"""A course application from draft to review: what a complete one is, submitting,
paying and the fee's arrival."""

import pytest

from courses.applications import (
    application_approve,
    application_gaps,
    application_start,
    application_submit,
    application_withdraw,
)
from courses.errors import CourseError
from courses.models import ApplicationStatus, Coverage
from lssc.audit.models import AuditEntry
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payment_confirm, payments_for
from tests.courses.conftest import (
    complete_application,
    contact_of,
    mails_to,
    submit_and_pay,
)

pytestmark = pytest.mark.django_db


def assert_refused_unchanged(application, *, says):
    before = type(application).objects.get(pk=application.pk)
    with pytest.raises(CourseError, match=says):
        application_submit(application=application, by=contact_of(application.provider))
    after = type(application).objects.get(pk=application.pk)
    assert after.status == ApplicationStatus.DRAFT
    assert after.fee_position is None
    assert after.submitted_at is None
    assert after.updated_at == before.updated_at
    assert not payments_for(application).exists()


# --- What a complete application is -----------------------------------------------


def test_a_complete_application_has_no_gaps_and_is_submitted(provider, technology):
    application = complete_application(provider, technology)
    assert application.coverage.count() == technology.competencies.count() == 13
    assert application_gaps(application) == []

    submitted = application_submit(application=application, by=contact_of(provider))

    assert submitted.status == ApplicationStatus.AWAITING_PAYMENT
    assert submitted.fee_position == 1
    assert submitted.submitted_at is not None
    assert AuditEntry.objects.filter(action="course_application.submitted").count() == 1


def test_an_empty_draft_lists_every_gap(provider):
    draft = application_start(provider=provider, by=contact_of(provider))
    gaps = application_gaps(draft)
    assert "Give the course title." in gaps
    assert "Give the competency set it teaches." in gaps
    assert "Give how learning is assessed." in gaps
    assert "Name at least one instructor and their qualifications." in gaps
    assert "Plan at least one offering." in gaps
    assert len(gaps) == 12  # ten fields, an instructor, an offering
    assert_refused_unchanged(draft, says="not complete")


def test_refused_when_one_competency_is_not_covered(provider, technology):
    application = complete_application(provider, technology)
    seventh = technology.competencies.get(number=7)
    application.coverage.filter(competency=seventh).delete()

    assert application_gaps(application) == [
        "Say where the course teaches competency 7."
    ]
    assert_refused_unchanged(application, says="competency 7")


def test_blank_coverage_text_is_not_coverage(provider, technology):
    application = complete_application(provider, technology)
    application.coverage.filter(competency__number=2).update(where_taught="   ")
    assert application_gaps(application) == [
        "Say where the course teaches competency 2."
    ]
    assert_refused_unchanged(application, says="competency 2")


def test_another_sets_competency_does_not_cover_one_of_the_chosen_set(
    provider, technology, cataloging
):
    application = complete_application(provider, technology)
    application.coverage.filter(competency__number=1).delete()
    Coverage.objects.create(
        application=application,
        competency=cataloging.competencies.get(number=1),
        where_taught="Week 1",
    )
    assert application_gaps(application) == [
        "Say where the course teaches competency 1."
    ]
    assert_refused_unchanged(application, says="competency 1")


def test_refused_without_an_instructor(provider, technology):
    application = complete_application(provider, technology)
    application.instructors.all().delete()
    assert application_gaps(application) == [
        "Name at least one instructor and their qualifications."
    ]
    assert_refused_unchanged(application, says="instructor")


def test_refused_without_an_offering(provider, technology):
    application = complete_application(provider, technology)
    application.offerings.all().delete()
    assert application_gaps(application) == ["Plan at least one offering."]
    assert_refused_unchanged(application, says="offering")


def test_refused_without_a_field_of_the_form(provider, technology):
    application = complete_application(provider, technology)
    application.completion_certification = ""
    application.save()
    assert application_gaps(application) == ["Give how you certify completion."]
    assert_refused_unchanged(application, says="certify completion")


def test_submitting_twice_is_refused(provider, technology):
    application = complete_application(provider, technology)
    application_submit(application=application, by=contact_of(provider))
    first = type(application).objects.get(pk=application.pk)

    with pytest.raises(CourseError, match="submitted already"):
        application_submit(application=application, by=contact_of(provider))

    again = type(application).objects.get(pk=application.pk)
    assert again.status == ApplicationStatus.AWAITING_PAYMENT
    assert (again.fee_position, again.submitted_at) == (1, first.submitted_at)


# --- Paying ----------------------------------------------------------------------


def test_choosing_check_twice_makes_one_payment(provider, technology):
    application = complete_application(provider, technology)
    first = submit_and_pay(application)
    from courses.applications import application_pay

    again, _ = application_pay(
        application=application, payer=contact_of(provider), method="check"
    )
    assert again == first
    assert payments_for(application).count() == 1


def test_a_draft_cannot_be_paid_for(provider, technology):
    from courses.applications import application_pay

    application = complete_application(provider, technology)
    with pytest.raises(CourseError, match="not waiting for a payment"):
        application_pay(
            application=application, payer=contact_of(provider), method="check"
        )
    assert not payments_for(application).exists()


def test_the_check_recorded_sends_the_application_to_review_once(
    provider, technology, clerk
):
    application = complete_application(provider, technology)
    payment = submit_and_pay(application)

    assert payment_confirm(payment_id=payment.pk, actor=clerk, note="Check 1001")
    assert not payment_confirm(payment_id=payment.pk, actor=clerk, note="again")

    application.refresh_from_db()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert application.status == ApplicationStatus.IN_REVIEW
    assert application.paid_at is not None
    assert application.in_review_since == application.paid_at
    entries = AuditEntry.objects.filter(action="course_application.in_review")
    assert [(e.actor, e.to_state) for e in entries] == [(clerk, "in_review")]
    emails = sorted(provider.contacts.values_list("user__email", flat=True))
    assert len(emails) == 2
    for email in emails:
        received = mails_to(email, "received for review")
        assert len(received) == 1
        assert application.reference in received[0].subject


def test_an_application_awaiting_payment_is_not_decided(provider, technology, officer):
    application = complete_application(provider, technology)
    submit_and_pay(application)
    assert (
        application_approve(application=application, by=officer, reason="Fine.") is None
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_PAYMENT
    assert application.course is None


# --- Withdrawing -----------------------------------------------------------------


def test_withdrawing_cancels_the_pending_payment(provider, technology):
    application = complete_application(provider, technology)
    payment = submit_and_pay(application)
    application_withdraw(application=application, by=contact_of(provider))
    application.refresh_from_db()
    payment.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert payment.status == PaymentStatus.CANCELLED


def test_an_application_in_review_cannot_be_withdrawn(provider, technology, clerk):
    application = complete_application(provider, technology)
    payment_confirm(payment_id=submit_and_pay(application).pk, actor=clerk)
    with pytest.raises(CourseError, match="in review"):
        application_withdraw(application=application, by=contact_of(provider))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW


def test_a_check_arriving_after_withdrawal_does_not_reopen_it(
    provider, technology, clerk
):
    application = complete_application(provider, technology)
    payment = submit_and_pay(application)
    application_withdraw(application=application, by=contact_of(provider))

    # The money arrived after all: it is recorded, staff refund it.
    assert payment_confirm(payment_id=payment.pk, actor=clerk)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert application.paid_at is None
    assert not mails_to(contact_of(provider).email, "received for review")
