"""Asking for more time, through HTTP: the candidate asks, staff grant or refuse in
the admin, the candidate is mailed and carries on; requests outside the window or
the limits are refused with a clear message and save nothing."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from candidates.enums import ExtensionStatus
from candidates.models import Candidate, ExtensionRequest
from candidates.reminders import deadline_reminders
from candidates.worklist import recently_ended
from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.core.dates import add_months
from lssc.notifications.models import OutgoingMail, Reminder
from portfolios.models import Portfolio
from tests.core.test_check_data import check_data
from tests.factories import UserFactory, staff_user
from tests.portfolios import files

from .helpers import admitted_candidate, moment

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
ASK = reverse("candidates:extension_request")
REQUESTS = reverse("admin:candidates_extensionrequest_changelist")


def long_date(day: datetime.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@pytest.fixture
def candidate(client):
    return admitted_candidate(client)


@pytest.fixture
def past(candidate):
    """Ten days after the candidate's real deadline (no date rewritten)."""
    return candidate.deadline + 10 * DAY


def ask(client, until, reason="My library closed for a year.", document=None):
    data = {"asked_until": until.isoformat(), "reason": reason}
    if document is not None:
        data["document"] = document
    return client.post(ASK, data)


def test_asked_after_the_deadline_granted_in_admin_and_the_candidate_carries_on(
    client, candidate, past, commit
):
    until = add_months(candidate.deadline, 6)
    with moment(past, client=client, user=candidate.user):
        car = client.get(reverse("candidates:car")).content.decode()
        assert "Your candidacy has ended" in car
        form = client.get(ASK).content.decode()
        assert "Send the request" in form
        letter = SimpleUploadedFile("letter.pdf", files.PDF)
        response = ask(client, until, document=letter)
        assert response.status_code == 302
        request = ExtensionRequest.objects.get()
        assert request.status == ExtensionStatus.REQUESTED
        assert request.deadline_then == candidate.deadline
        assert request.document_name == "letter.pdf"
        car = client.get(reverse("candidates:car")).content.decode()
        assert "You asked for more time" in car
        # Staff see it waiting, and grant the date asked for.
        officer = staff_user(StaffGroup.PROGRAM_OFFICER)
        client.force_login(officer)
        listed = client.get(REQUESTS + "?queue=extensions")
        assert listed.context["cl"].result_count == 1
        document = reverse("candidates:extension_document", args=[request.pk])
        change = client.get(
            reverse("admin:candidates_extensionrequest_change", args=[request.pk])
        )
        assert document in change.content.decode()
        assert client.get(document).status_code == 200
        form = {"action": "grant", "_selected_action": [request.pk]}
        assert client.post(REQUESTS, form).status_code == 200  # asks for the date
        with commit():
            response = client.post(
                REQUESTS,
                {**form, "apply": "1", "until": "", "reason": "Granted once."},
            )
        assert response.status_code == 302

        request.refresh_from_db()
        candidate.refresh_from_db()
        assert request.status == ExtensionStatus.GRANTED
        assert request.granted_until == until == candidate.deadline
        assert request.decided_by == officer
        mail = OutgoingMail.objects.get(template="extension_granted")
        assert mail.to == candidate.user.email
        assert long_date(until) in mail.subject and "Granted once." in mail.body
        assert AuditEntry.objects.filter(
            subject_type=ContentType.objects.get_for_model(Candidate),
            subject_id=candidate.pk,
            action="candidate.deadline_extended",
            to_state=until.isoformat(),
        ).exists()

        # The candidate carries on: the record is in force, a portfolio opens.
        client.force_login(candidate.user)
        car = client.get(reverse("candidates:car")).content.decode()
        assert "Your candidacy has ended" not in car
        assert long_date(until) in car
        client.post(reverse("portfolios:start", args=["youth-services"]))
        assert Portfolio.objects.filter(candidate=candidate).exists()
        # The extension is the audited kind the deadline invariant accepts.
        assert check_data() == ([], "")


def test_a_granted_extension_moves_the_reminders(candidate, past):
    until = past + 20 * DAY
    with moment(past):
        ExtensionRequest.objects.create(
            candidate=candidate,
            reason="Illness",
            deadline_then=candidate.deadline,
            asked_until=until,
        )
        from candidates.extensions import extension_grant

        officer = staff_user(StaffGroup.PROGRAM_OFFICER)
        assert extension_grant(
            request=ExtensionRequest.objects.get(), until=until, by=officer
        )
        deadline_reminders(past)
    reminder = Reminder.objects.get()
    assert reminder.kind == "candidacy_deadline_1m"
    assert reminder.due_on == until
    mail = OutgoingMail.objects.get(template="candidacy_deadline")
    assert long_date(until) in mail.subject
    assert ASK in mail.body


def test_staff_refuse_with_a_reason_the_candidate_reads(
    client, candidate, past, commit
):
    with moment(past, client=client, user=candidate.user):
        ask(client, past + 60 * DAY)
        request = ExtensionRequest.objects.get()
        client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
        with commit():
            client.post(
                REQUESTS,
                {
                    "action": "refuse",
                    "_selected_action": [request.pk],
                    "apply": "1",
                    "reason": "No reason was given that we can accept.",
                },
            )
        request.refresh_from_db()
        assert request.status == ExtensionStatus.REFUSED
        mail = OutgoingMail.objects.get(template="extension_refused")
        assert "No reason was given that we can accept." in mail.body
        client.force_login(candidate.user)
        car = client.get(reverse("candidates:car")).content.decode()
        assert "was refused" in car and "No reason was given" in car
        # Another request may follow a refusal, within the window.
        assert "Send the request" in client.get(ASK).content.decode()


@pytest.mark.parametrize(
    "until, document, field, message",
    [
        (1, None, "asked_until", "after the current deadline"),
        (400, None, "asked_until", "12 months at most"),
        (60, ("note.txt", b"just words"), "document", "Upload a PDF"),
        (60, ("empty.pdf", b""), "document", "empty"),
    ],
    ids=["a-date-already-past", "too-long", "not-a-document", "an-empty-file"],
)
def test_bad_requests_are_explained_and_save_nothing(
    client, candidate, past, until, document, field, message
):
    upload = SimpleUploadedFile(*document) if document else None
    with moment(past, client=client, user=candidate.user):
        day = candidate.deadline + until * DAY if until != 1 else past - DAY
        response = ask(client, day, document=upload)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors, response.context["form"].errors
    assert message in response.content.decode()
    assert not ExtensionRequest.objects.exists()


def test_a_request_without_a_reason_is_refused(client, candidate, past):
    with moment(past, client=client, user=candidate.user):
        response = ask(client, past + 30 * DAY, reason="   ")
    assert response.context["form"].errors["reason"]
    assert not ExtensionRequest.objects.exists()


def test_after_the_window_no_request_is_taken(client, candidate):
    closes = candidate.deadline + 90 * DAY
    with moment(closes, client=client, user=candidate.user):
        assert "Send the request" in client.get(ASK).content.decode()
    with moment(closes + DAY, client=client, user=candidate.user):
        page = client.get(ASK).content.decode()
        assert f"closed on {long_date(closes)}" in page
        response = ask(client, closes + 30 * DAY)
        car = client.get(reverse("candidates:car")).content.decode()
    assert response.status_code == 200
    assert not ExtensionRequest.objects.exists()
    assert "Apply again" in car and "closed on" in car


def test_a_second_waiting_request_and_one_beyond_the_limit_are_refused(
    client, candidate, past
):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    from candidates.extensions import extension_grant

    with moment(past, client=client, user=candidate.user):
        ask(client, past + 30 * DAY)
        response = ask(client, past + 40 * DAY)
        assert "waiting for a decision" in response.content.decode()
        assert ExtensionRequest.objects.count() == 1
        extension_grant(
            request=ExtensionRequest.objects.get(), until=past + 30 * DAY, by=officer
        )
    later = past + 31 * DAY
    with moment(later, client=client, user=candidate.user):
        ask(client, later + 30 * DAY)
        extension_grant(
            request=ExtensionRequest.objects.get(status="requested"),
            until=later + 30 * DAY,
            by=officer,
        )
    last = later + 31 * DAY
    with moment(last, client=client, user=candidate.user):
        response = ask(client, last + 30 * DAY)
        assert "has had 2 extensions, the most the program grants" in (
            response.content.decode()
        )
    assert ExtensionRequest.objects.count() == 2


def test_the_document_is_for_its_candidate_and_staff_only(client, candidate, past):
    with moment(past, client=client, user=candidate.user):
        ask(client, past + 30 * DAY, document=SimpleUploadedFile("l.pdf", files.PDF))
        url = reverse(
            "candidates:extension_document", args=[ExtensionRequest.objects.get().pk]
        )
        assert client.get(url).status_code == 200
        client.force_login(UserFactory())
        assert client.get(url).status_code == 404
        assert client.get(ASK).status_code == 404  # not a candidate


def test_the_staff_queue_of_ended_candidacies(client, candidate, past):
    with moment(past, client=client, user=candidate.user):
        assert list(recently_ended()) == [candidate]
        ask(client, past + 30 * DAY)
        assert list(recently_ended()) == []  # now in the requests' queue
    with moment(candidate.deadline):
        assert list(recently_ended()) == []  # the deadline's day is still in time
    with moment(candidate.deadline + 91 * DAY):
        ExtensionRequest.objects.update(status="refused")
        assert list(recently_ended()) == []  # past the window: out of the queue
        officer = staff_user(StaffGroup.PROGRAM_OFFICER)
        client.force_login(officer)
        ended = reverse("admin:candidates_candidate_changelist") + "?candidacy=ended"
        assert client.get(ended).context["cl"].result_count == 1
