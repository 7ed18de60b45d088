"""Applying through HTTP requests: steps, bad input, submission, check payment."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from candidates.enums import ApplicationStatus
from candidates.models import Application, Candidate, WorkHistory
from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.payments.enums import PaymentMethod, PaymentStatus
from lssc.payments.models import Payment
from tests.factories import UserFactory, staff_user

from .helpers import complete_draft, submitted

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def work_row(**overrides):
    row = {
        "work-0-library": "Springfield Public Library",
        "work-0-position": "Circulation assistant",
        "work-0-paid": "True",
        "work-0-start_date": (TODAY - datetime.timedelta(days=2 * 365)).isoformat(),
        "work-0-end_date": "",
        "work-0-current": "on",
        "work-0-hours_per_week": "30",
    }
    row.update(overrides)
    return {
        "work-TOTAL_FORMS": "1",
        "work-INITIAL_FORMS": "0",
        "work-MIN_NUM_FORMS": "0",
        "work-MAX_NUM_FORMS": "1000",
        "education": "ged",
        **row,
    }


def test_a_new_applicant_completes_every_step_and_submits(client, commit):
    user = UserFactory(full_name="Dana Reyes")
    client.force_login(user)
    assert client.get(reverse("candidates:apply")).status_code == 200
    client.post(reverse("candidates:apply_begin"))
    application = Application.objects.get(user=user)

    step = reverse("candidates:apply_step", args=["contact"])
    response = client.post(
        step,
        {
            "full_name": "Dana M. Reyes",
            "phone": "555-0100",
            "address_line1": "1 Main St",
            "city": "Springfield",
            "state": "IL",
            "postal_code": "62701",
            "country": "United States",
        },
    )
    assert response["Location"] == reverse("candidates:apply_step", args=["library"])
    user.refresh_from_db()
    assert user.full_name == "Dana M. Reyes"

    response = client.post(
        reverse("candidates:apply_step", args=["library"]),
        {
            "library_name": "Springfield Public Library",
            "library_type": "public",
            "job_title": "Circulation assistant",
            "employer_contact_name": "Pat Director",
            "employer_contact_email": "director@springfield.example.org",
            "ala_member": "on",
            "ala_member_number": "1234567",
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("candidates:apply_step", args=["education"]), work_row()
    )
    assert response.status_code == 302

    review = client.get(reverse("candidates:apply_step", args=["review"]))
    html = review.content.decode()
    # Capped at the requirement, the rest said apart.
    assert "1,820 of 1,820 hours</strong>" in html and "more recorded" in html
    assert "in the last 5 years" in html
    assert "$325" in html  # ALA member fee

    with commit():
        response = client.post(
            reverse("candidates:apply_step", args=["review"]),
            {"how_heard": "employer", "agree": "on"},
        )
    assert response["Location"] == reverse("candidates:application_status")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_PAYMENT
    assert application.counted_hours >= 1820
    assert application.work_history.count() == 1
    assert "We received your application" in mail.outbox[-1].subject


def test_progress_is_saved_and_the_applicant_resumes_where_they_stopped(client):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("candidates:apply_begin"))
    client.post(
        reverse("candidates:apply_step", args=["contact"]),
        {
            "full_name": "A Person",
            "phone": "1",
            "address_line1": "x",
            "city": "y",
            "state": "z",
            "postal_code": "1",
            "country": "United States",
        },
    )
    response = client.get(reverse("candidates:apply"))
    assert response["Location"] == reverse("candidates:apply_step", args=["library"])
    # Steps ahead of the saved progress are not reachable yet.
    response = client.get(reverse("candidates:apply_step", args=["review"]))
    assert response["Location"] == reverse("candidates:apply_step", args=["library"])


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"work-0-start_date": (TODAY + datetime.timedelta(days=3)).isoformat()},
            "cannot be in the future",
        ),
        (
            {
                "work-0-current": "",
                "work-0-end_date": (
                    TODAY - datetime.timedelta(days=3 * 365)
                ).isoformat(),
            },
            "must be after the start date",
        ),
        (
            {
                "work-0-current": "",
                "work-0-end_date": (TODAY + datetime.timedelta(days=10)).isoformat(),
            },
            "cannot be in the future",
        ),
        ({"work-0-hours_per_week": "81"}, "between 0.5 and 80"),
        ({"work-0-hours_per_week": "-5"}, "between 0.5 and 80"),
        ({"work-0-library": ""}, "This field is required"),
        ({"work-0-start_date": "not a date"}, "Enter a valid date"),
    ],
)
def test_bad_work_rows_get_a_message_and_change_nothing(client, overrides, message):
    user = UserFactory()
    application = Application.objects.create(user=user, steps_done=2)
    client.force_login(user)
    response = client.post(
        reverse("candidates:apply_step", args=["education"]), work_row(**overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WorkHistory.objects.exists()
    application.refresh_from_db()
    assert application.steps_done == 2
    assert application.education == ""


def test_a_short_of_hours_applicant_is_told_what_is_missing_and_cannot_submit(client):
    user = UserFactory()
    application = complete_draft(user, hours_per_week="10")  # 3 years x 10 h ≈ 1,560
    client.force_login(user)
    review = client.get(reverse("candidates:apply_step", args=["review"]))
    html = review.content.decode()
    assert "1,56" in html and "of 1,820 hours" in html and "more needed" in html
    assert "hours short" in html
    response = client.post(
        reverse("candidates:apply_step", args=["review"]),
        {"how_heard": "web", "agree": "on"},
    )
    assert response.status_code == 200
    assert "hours short" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_foreign_education_goes_to_the_staff_queue(commit):
    user = UserFactory()
    with commit():
        application = submitted(user, education="outside_us")
    assert application.status == ApplicationStatus.STAFF_REVIEW
    subjects = [m.subject for m in mail.outbox]
    assert any("reviewed by program staff" in s for s in subjects)


def test_a_second_application_while_one_is_open_is_refused(client):
    user = UserFactory()
    first = submitted(user)
    client.force_login(user)
    client.post(reverse("candidates:apply_begin"))
    assert Application.objects.filter(user=user).count() == 1
    assert client.get(reverse("candidates:apply"))["Location"] == reverse(
        "candidates:application_status"
    )
    first.refresh_from_db()
    assert first.status == ApplicationStatus.AWAITING_PAYMENT


def test_a_double_click_on_submit_submits_once(client, commit):
    user = UserFactory()
    complete_draft(user)
    client.force_login(user)
    url = reverse("candidates:apply_step", args=["review"])
    with commit():
        client.post(url, {"how_heard": "web", "agree": "on"})
        response = client.post(url, {"how_heard": "web", "agree": "on"})
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="application.submitted").count() == 1
    assert (
        len([m for m in mail.outbox if "received your application" in m.subject]) == 1
    )


def test_pay_by_check_then_staff_record_it_and_the_candidate_is_admitted(
    client, commit
):
    user = UserFactory()
    application = submitted(user)
    client.force_login(user)
    response = client.post(
        reverse("candidates:application_status"), {"method": "check", "confirm": "yes"}
    )
    payment = Payment.objects.get(purpose_id=application.pk)
    assert response["Location"] == reverse(
        "payments:instructions", args=[payment.reference]
    )
    assert payment.amount_cents == 35000
    assert payment.method == PaymentMethod.CHECK
    page = client.get(response["Location"]).content.decode()
    assert payment.reference in page and "$350" in page

    # A double click reuses the pending payment.
    client.post(
        reverse("candidates:application_status"), {"method": "check", "confirm": "yes"}
    )
    assert Payment.objects.filter(purpose_id=application.pk).count() == 1

    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    client.force_login(officer)
    changelist = reverse("admin:payments_payment_changelist")
    form = {"action": "record_received", "_selected_action": [payment.pk]}
    assert client.post(changelist, form).status_code == 200  # asks for a note
    with commit():
        response = client.post(
            changelist, {**form, "apply": "1", "note": "Check #1001"}
        )
    assert response.status_code == 302

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert payment.received_by == officer
    candidate = Candidate.objects.get(user=user)
    assert candidate.admitted_on == TODAY
    assert candidate.deadline == TODAY.replace(year=TODAY.year + 4)
    assert candidate.number.startswith(f"LSSC-{TODAY:%Y}-")
    assert any("you are an LSSC candidate" in m.subject for m in mail.outbox)

    # Recording it again changes nothing.
    client.post(changelist, {**form, "apply": "1", "note": "again"})
    assert Candidate.objects.filter(user=user).count() == 1
    assert AuditEntry.objects.filter(action="payment.confirmed").count() == 1


def test_membership_not_verified_raises_the_fee_owed(client):
    user = UserFactory()
    application = submitted(user, ala_member=True)
    client.force_login(user)
    client.post(
        reverse("candidates:application_status"), {"method": "check", "confirm": "yes"}
    )
    pending = Payment.objects.get(purpose_id=application.pk)
    assert pending.amount_cents == 32500

    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    client.force_login(officer)
    client.post(
        reverse("admin:candidates_application_changelist"),
        {
            "action": "mark_membership_unverified",
            "_selected_action": [application.pk],
            "apply": "1",
            "reason": "Number not found in the member database",
        },
    )
    pending.refresh_from_db()
    assert pending.status == PaymentStatus.CANCELLED
    client.force_login(user)
    client.post(
        reverse("candidates:application_status"), {"method": "check", "confirm": "yes"}
    )
    new = Payment.objects.filter(purpose_id=application.pk).latest("created_at")
    assert new.amount_cents == 35000


def test_staff_reject_with_a_reason_that_the_applicant_receives(client, commit):
    user = UserFactory()
    application = submitted(user, education="outside_us")
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    client.force_login(officer)
    with commit():
        client.post(
            reverse("admin:candidates_application_changelist"),
            {
                "action": "reject",
                "_selected_action": [application.pk],
                "apply": "1",
                "reason": "The diploma could not be recognised as equivalent.",
            },
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    message = mail.outbox[-1]
    assert "not admitted" in message.subject
    assert "could not be recognised" in message.body
    assert "appeal" in message.body


def test_staff_admit_foreign_education_then_payment_admits(client):
    user = UserFactory()
    application = submitted(user, education="outside_us")
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    client.force_login(officer)
    client.post(
        reverse("admin:candidates_application_changelist"),
        {
            "action": "admit",
            "_selected_action": [application.pk],
            "apply": "1",
            "reason": "Equivalent to a US high-school diploma.",
        },
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_PAYMENT
    assert application.education_approved
    client.force_login(user)
    client.post(
        reverse("candidates:application_status"), {"method": "check", "confirm": "yes"}
    )
    payment = Payment.objects.get(purpose_id=application.pk)
    from lssc.payments.services import payment_confirm

    payment_confirm(payment_id=payment.pk, actor=officer)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ADMITTED


def test_staff_extend_a_deadline_with_a_reason_and_it_is_audited(client):
    user = UserFactory()
    application = submitted(user)
    from candidates.transitions import admit

    candidate = admit(application).candidate
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    client.force_login(officer)
    new_deadline = candidate.deadline + datetime.timedelta(days=180)
    url = reverse("admin:candidates_candidate_changelist")
    form = {
        "action": "extend_deadline",
        "_selected_action": [candidate.pk],
        "apply": "1",
    }
    response = client.post(url, {**form, "new_deadline": "not a date", "reason": "x"})
    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()
    client.post(
        url, {**form, "new_deadline": new_deadline.isoformat(), "reason": "Illness"}
    )
    candidate.refresh_from_db()
    assert candidate.deadline == new_deadline
    entry = AuditEntry.objects.get(action="candidate.deadline_extended")
    assert entry.actor == officer and entry.reason == "Illness"
