"""Award notices to state library agencies: once a month, a digest per state of
the holders there who agreed, each announced once; staff keep the agencies,
preview the next digest and send a past one again."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.certification import certification_revoke
from candidates.models import (
    Certification,
    StateLibraryAgency,
    StateLibraryDigest,
    StateLibraryNotice,
)
from candidates.state_libraries import state_code, state_library_digests_send
from candidates.tasks import state_library_digests_monthly
from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.notifications.models import OutgoingMail
from tests.factories import staff_user

from .helpers import admitted_candidate
from .test_certificates import certify

pytestmark = pytest.mark.django_db

D = datetime.date
JULY_1 = D(2026, 7, 1)  # the run after the holders were certified (June 15)
AGENCIES = reverse("admin:candidates_statelibraryagency_changelist")
DIGESTS = reverse("admin:candidates_statelibrarydigest_changelist")
PUBLICITY = reverse("candidates:publicity")


def holder(name, state, *, agreed=True, city="Springfield", library="Main Library"):
    candidate = admitted_candidate()
    candidate.user.full_name = name
    candidate.user.save()
    application = candidate.application
    application.state, application.city, application.library_name = (
        state,
        city,
        library,
    )
    application.save()
    certification = certify(candidate)
    if agreed:
        Certification.objects.filter(pk=certification.pk).update(
            announce_to_state_library=True
        )
    return certification


def agency(state, name, email, active=True):
    return StateLibraryAgency.objects.create(
        state=state, name=name, email=email, active=active
    )


def digest_mails():
    return OutgoingMail.objects.filter(template="state_library_digest").order_by("pk")


@pytest.fixture
def officer(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


def test_state_names_and_codes_are_read_as_postal_codes():
    read = [state_code(s) for s in ("IL", "illinois", " Ill. ", "Illinoiss", "ON")]
    assert read == ["IL", "IL", "IL", None, None]
    assert state_code("Ontario") is None and state_code("") is None


def test_each_state_hears_of_its_own_consenting_holders(officer):
    holder("Ada Byron", "IL", city="Springfield", library="Lincoln Library")
    holder("Grace Hopper", "Illinois", city="Peoria", library="Peoria Public")
    holder("Quiet Person", "IL", agreed=False)
    holder("Wisconsin Holder", "WI", city="Madison")
    holder("Ohio Holder", "OH")  # no agency for Ohio
    illinois = agency("IL", "Illinois State Library", "isl@example.gov")
    agency("WI", "Wisconsin DPI", "dpi@example.gov")

    made = state_library_digests_send(today=JULY_1)

    assert sorted(d.state for d in made) == ["IL", "WI"]
    wi_mail, il_mail = sorted(digest_mails(), key=lambda m: m.to)
    assert il_mail.to == "isl@example.gov" and wi_mail.to == "dpi@example.gov"
    assert il_mail.subject == (
        "Newly certified library support staff in Illinois: June 2026"
    )
    assert "Hello Illinois State Library," in il_mail.body
    assert "- Ada Byron, Lincoln Library, Springfield: certified on June 15, 2026" in (
        il_mail.body
    )
    assert "- Grace Hopper, Peoria Public, Peoria" in il_mail.body
    assert "Quiet Person" not in il_mail.body  # did not agree
    assert "Wisconsin Holder" not in il_mail.body
    assert "Wisconsin Holder" in wi_mail.body and "Ada Byron" not in wi_mail.body
    ada = Certification.objects.get(candidate__user__full_name="Ada Byron")
    assert ada.get_absolute_url() in il_mail.body  # its verification page
    # Each holder's own history says they were announced.
    assert AuditEntry.objects.filter(
        action="candidate.state_library_notice", owner=ada.candidate.user
    ).exists()
    # Ohio has no agency: nothing is made or sent, and its holder still waits.
    assert not StateLibraryDigest.objects.filter(state="OH").exists()
    assert not StateLibraryNotice.objects.filter(
        certification__candidate__user__full_name="Ohio Holder"
    ).exists()
    assert illinois.digests.get().notices.count() == 2


def test_a_holder_is_announced_once_and_a_rerun_sends_nothing_twice():
    holder("Ada Byron", "IL")
    agency("IL", "Illinois State Library", "isl@example.gov")
    state_library_digests_monthly()  # the task, as beat runs it (today's month)
    assert digest_mails().count() == 1

    # Run again the same day (a retry) or the same month: nothing more.
    assert state_library_digests_monthly() == 0
    holder("Late Consent", "IL")  # agrees after this month's digest went
    assert state_library_digests_send() == []
    assert digest_mails().count() == 1

    # Next month: only the one not announced yet.
    this_month = timezone.localdate().replace(day=1)
    next_month = (this_month + datetime.timedelta(days=32)).replace(day=1)
    [digest] = state_library_digests_send(today=next_month)
    mail = digest_mails().last()
    assert "Late Consent" in mail.body and "Ada Byron" not in mail.body
    assert digest.notices.count() == 1
    assert StateLibraryNotice.objects.count() == 2


def test_no_agency_or_an_inactive_one_gets_nothing():
    holder("Ada Byron", "IL")
    assert state_library_digests_send(today=JULY_1) == []
    agency("IL", "Old address", "old@example.gov", active=False)
    assert state_library_digests_send(today=JULY_1) == []
    assert not digest_mails().exists() and not StateLibraryNotice.objects.exists()


def test_a_revoked_or_expired_certification_is_not_announced():
    revoked = holder("Revoked Holder", "IL")
    certification_revoke(
        certification=revoked,
        by=staff_user(StaffGroup.PROGRAM_OFFICER),
        reason="Falsified evidence.",
    )
    holder("Valid Holder", "IL")
    agency("IL", "Illinois State Library", "isl@example.gov")
    state_library_digests_send(today=JULY_1)
    assert "Revoked Holder" not in digest_mails().get().body
    expired = revoked.expires_on + datetime.timedelta(days=1)
    holder("Too Late", "IL")
    assert state_library_digests_send(today=expired) == []


def test_the_holder_chooses_to_be_announced_on_their_publicity_page(client):
    certification = holder("Ada Byron", "IL", agreed=False)
    client.force_login(certification.candidate.user)
    page = client.get(PUBLICITY).content.decode()
    assert "Announce my certification to my state&#x27;s library agency" in page
    client.post(PUBLICITY, {"announce": "on"})
    certification.refresh_from_db()
    assert certification.announce_to_state_library
    assert not certification.listed_publicly  # each choice on its own
    assert AuditEntry.objects.filter(action="candidate.state_library_consent").count()
    client.post(PUBLICITY, {"notify_email": ""})  # every box left unticked
    certification.refresh_from_db()
    assert not certification.announce_to_state_library


# --- Staff, in admin -----------------------------------------------------------------


def test_staff_keep_one_active_agency_per_state(officer):
    add = reverse("admin:candidates_statelibraryagency_add")
    data = {"name": "Illinois State Library", "state": "IL",
            "email": "isl@example.gov", "active": "on"}  # fmt: skip
    assert officer.post(add, data).status_code == 302
    again = officer.post(add, {**data, "email": "other@example.gov"})
    assert again.status_code == 200
    assert "This state has an active agency already" in again.content.decode()
    assert StateLibraryAgency.objects.count() == 1
    bad = officer.post(add, {**data, "state": "ZZ", "email": "not an address"})
    assert bad.status_code == 200 and StateLibraryAgency.objects.count() == 1


def test_staff_preview_the_next_digest_without_sending_it(officer):
    holder("Ada Byron", "IL")
    illinois = agency("IL", "Illinois State Library", "isl@example.gov")
    wisconsin = agency("WI", "Wisconsin DPI", "dpi@example.gov")
    response = officer.post(
        AGENCIES,
        {"action": "preview_next_digest",
         "_selected_action": [illinois.pk, wisconsin.pk]},
    )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert "Newly certified library support staff in Illinois" in html
    assert "Ada Byron" in html
    assert "No one in WI is waiting to be announced." in html
    assert not StateLibraryDigest.objects.exists() and not digest_mails().exists()


def test_staff_resend_a_past_digest_to_the_agency_s_current_address(officer):
    holder("Ada Byron", "IL")
    illinois = agency("IL", "Illinois State Library", "isl@example.gov")
    [digest] = state_library_digests_send(today=JULY_1)
    illinois.email = "certification@isl.example.gov"  # corrected by staff
    illinois.save()

    for _ in range(2):
        response = officer.post(
            DIGESTS, {"action": "resend", "_selected_action": [digest.pk]}
        )
        assert response.status_code == 302
    first, *resent = digest_mails()
    assert first.to == "isl@example.gov"
    assert [m.to for m in resent] == ["certification@isl.example.gov"] * 2
    assert all("Ada Byron" in m.body for m in resent)
    assert StateLibraryDigest.objects.count() == 1  # a resend makes no new digest

    page = officer.get(reverse("admin:candidates_statelibrarydigest_change",
                               args=[digest.pk])).content.decode()  # fmt: skip
    assert str(digest.notices.get().certification) in page  # who it announced


def test_only_staff_allowed_resend(client):
    holder("Ada Byron", "IL")
    agency("IL", "Illinois State Library", "isl@example.gov")
    [digest] = state_library_digests_send(today=JULY_1)
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    assert client.get(DIGESTS).status_code == 200  # may look
    client.post(DIGESTS, {"action": "resend", "_selected_action": [digest.pk]})
    assert digest_mails().count() == 1  # the action is not theirs
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    assert client.get(DIGESTS).status_code == 403
