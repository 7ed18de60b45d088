"""An appeal is given notice of within APPEAL_DAYS of the decision, the last day
included (program time); a late one is refused with the day the time closed and
nothing is saved, unless staff accept it with a reason. The decision mails say the
last day."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from candidates.applications import application_reject
from lssc.accounts.roles import StaffGroup
from lssc.appeals.deadlines import appeal_window, last_day_to_appeal
from lssc.appeals.errors import AppealError
from lssc.appeals.models import Appeal, LateAppeal
from lssc.appeals.services import appeal_accept_late
from lssc.audit.models import AuditEntry
from lssc.notifications.models import OutgoingMail
from lssc.notifications.templates import default_text, names, placeholders
from tests.candidates.helpers import submitted
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db

D = datetime.date
DECIDED_ON = D(2027, 3, 1)
LAST_DAY = D(2027, 3, 31)  # 30 days later
LATE_ADD = reverse("admin:appeals_lateappeal_add")


def at(day: datetime.date, hour: int, minute: int = 0):
    """That moment in the program's time zone, with the clock stopped."""
    moment = datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=timezone.get_default_timezone()
    )
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def rejected(db):
    application = submitted(UserFactory(full_name="Ada Byron"))
    with at(DECIDED_ON, 16):
        application_reject(
            application=application,
            by=staff_user(StaffGroup.PROGRAM_OFFICER),
            reason="Fewer than 1,820 hours in the last five years.",
        )
    application.refresh_from_db()
    return application


def new_url(application):
    return reverse("appeals:new", args=["candidates.application", application.pk])


def give_notice(client, application):
    client.force_login(application.user)
    return client.post(
        new_url(application), {"intent": "on", "confirm": "yes"}, follow=True
    )


def test_the_last_day_is_thirty_days_after_the_day_of_the_decision():
    chicago = timezone.get_default_timezone()
    # Late in the evening in Chicago is already the next day in UTC: the program's
    # own day counts.
    told = datetime.datetime(2027, 3, 1, 23, 30, tzinfo=chicago)
    assert last_day_to_appeal(told) == LAST_DAY


@pytest.mark.parametrize(
    ("day", "hour", "minute"),
    [(DECIDED_ON, 17, 0), (LAST_DAY, 12, 0), (LAST_DAY, 23, 59)],
    ids=["the-day-of-the-decision", "the-last-day", "the-last-minute"],
)
def test_notice_within_the_time_is_received(client, rejected, day, hour, minute):
    with at(day, hour, minute):
        client.force_login(rejected.user)
        page = client.get(new_url(rejected)).content.decode()
        assert "Give notice by March 31, 2027" in page
        response = give_notice(client, rejected)
    appeal = Appeal.objects.get()
    assert response.redirect_chain[-1][0] == reverse("appeals:detail", args=[appeal.pk])


@pytest.mark.parametrize(
    ("day", "hour"),
    [(LAST_DAY + datetime.timedelta(days=1), 0), (D(2027, 6, 1), 12)],
    ids=["the-day-after", "months-after"],
)
def test_notice_after_the_time_is_refused_and_nothing_is_saved(
    client, rejected, day, hour
):
    mails = OutgoingMail.objects.count()
    with at(day, hour):
        client.force_login(rejected.user)
        page = client.get(new_url(rejected)).content.decode()
        response = give_notice(client, rejected)
    assert "closed on March 31, 2027" in page
    assert "Give notice of appeal</button>" not in page  # no form to fill in
    assert response.status_code == 200
    html = response.content.decode()
    assert "The time to appeal this decision closed on March 31, 2027" in html
    assert "staff may accept a late appeal" in html
    assert not Appeal.objects.exists()
    assert OutgoingMail.objects.count() == mails


def test_the_refused_applicant_sees_the_last_day_on_their_page(client, rejected):
    status = reverse("candidates:application_status")
    with at(LAST_DAY, 12):
        client.force_login(rejected.user)  # sessions expire: signed in that day
        html = client.get(status).content.decode()
    offer = "to the Certification Program Committee until March 31, 2027."
    assert offer in html and new_url(rejected) in html
    with at(LAST_DAY + datetime.timedelta(days=1), 12):
        client.force_login(rejected.user)
        html = client.get(status).content.decode()
    assert "The time to appeal this decision closed on March 31, 2027." in html
    assert new_url(rejected) not in html


def test_the_decision_mail_states_the_last_day(rejected):
    mail = OutgoingMail.objects.get(key=f"application-rejected:{rejected.pk}")
    assert "Certification Program Committee until March 31, 2027:" in mail.body
    assert new_url(rejected) in mail.body


# Mails that tell of a decision one may appeal, and must say until when.
DECISION_MAILS = {
    "application_rejected",
    "certification_revoked",
    "course_application_rejected",
    "completion_rejected",
    "portfolio_revision_request",
    "renewal_returned",
}


@pytest.mark.parametrize("name", sorted(DECISION_MAILS))
def test_every_decision_mail_offering_an_appeal_gives_its_last_day(name):
    text = default_text(name)
    assert "appeal" in text
    assert "appeal_last_day" in placeholders(name)
    assert 'until {{ appeal_last_day|date:"F j, Y" }}' in text


def test_no_other_mail_offers_an_appeal_without_its_last_day():
    offering = {
        name
        for name in names()
        if "appeals:new" in default_text(name) or "may appeal" in default_text(name)
    }
    assert offering - {"appeal_late_accepted"} == DECISION_MAILS


# --- Staff accept a late appeal ---------------------------------------------------


def officer_client(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


def test_staff_accept_a_late_appeal_with_a_reason_and_it_is_audited(client, rejected):
    appellant = rejected.user
    with at(D(2027, 4, 10), 10):
        officer_client(client)
        # Whose appeal: found by email, then their decisions whose time closed.
        found = client.post(LATE_ADD, {"person": appellant.email.upper()})
        step = f"{LATE_ADD}?appellant={appellant.pk}"
        assert found["Location"] == step
        page = client.get(step).content.decode()
        assert "Application decision of March 1, 2027" in page
        assert "time to appeal closed March 31, 2027" in page
        choice = f"candidates.application:{rejected.pk}"

        # A reason is required; the last day cannot be past: nothing is saved.
        for bad, message in (
            ({"reason": "  ", "open_until": "2027-04-30"}, "This field is required"),
            ({"reason": "In hospital.", "open_until": "2027-04-09"}, "in the past"),
        ):
            response = client.post(step, {"decision": choice, **bad})
            assert response.status_code == 200
            assert message in response.content.decode()
        assert not LateAppeal.objects.exists()

        response = client.post(
            step,
            {
                "decision": choice,
                "open_until": "2027-04-30",
                "reason": "In hospital from March 20 to April 8.",
            },
        )
    assert response["Location"] == reverse("admin:appeals_lateappeal_changelist")
    late = LateAppeal.objects.get()
    assert (late.subject, late.appellant, late.closed_on, late.open_until) == (
        rejected,
        appellant,
        LAST_DAY,
        D(2027, 4, 30),
    )
    entry = AuditEntry.objects.get(action="appeal.late_accepted")
    assert entry.reason == "In hospital from March 20 to April 8."
    assert entry.owner == appellant and entry.actor == late.accepted_by
    mail = OutgoingMail.objects.get(key=f"appeal-late-accepted:{late.pk}")
    assert mail.to == appellant.email
    assert "until April 30, 2027" in mail.body and new_url(rejected) in mail.body

    # The appellant may now appeal, through the new last day and not after it.
    with at(D(2027, 4, 30), 20):
        assert appeal_window(rejected).last_day == D(2027, 4, 30)
        client.force_login(appellant)
        assert (
            "Give notice by April 30, 2027"
            in client.get(new_url(rejected)).content.decode()
        )
    with at(D(2027, 5, 1), 9):
        refused = give_notice(client, rejected)  # signs in that day
    assert "late appeal closed on April 30, 2027" in refused.content.decode()
    assert not Appeal.objects.exists()
    with at(D(2027, 4, 30), 20):
        give_notice(client, rejected)
    assert Appeal.objects.count() == 1


def test_a_late_appeal_is_not_accepted_while_the_time_is_open(rejected):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    with at(LAST_DAY, 12), pytest.raises(AppealError, match="has not closed"):
        appeal_accept_late(
            subject=rejected, by=officer, reason="x", open_until=D(2027, 4, 30)
        )
    assert not LateAppeal.objects.exists()


def test_a_person_without_late_decisions_is_told_so(client, rejected):
    with at(LAST_DAY, 12):
        officer_client(client)
        page = client.get(f"{LATE_ADD}?appellant={rejected.user.pk}")
        unknown = client.post(LATE_ADD, {"person": "nobody@example.org"})
    assert "has no decision whose time to appeal has closed" in page.content.decode()
    assert "No one with that email" in unknown.content.decode()


def test_only_staff_allowed_accept_late_appeals(client, rejected):
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    assert client.get(LATE_ADD).status_code == 403
    client.force_login(rejected.user)
    assert client.get(LATE_ADD).status_code == 302  # to the admin's sign-in
