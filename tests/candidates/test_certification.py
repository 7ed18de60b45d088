"""The award: certified at the sixth qualifying set, once, within the deadline."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from candidates.candidacy import candidate_extend_deadline, share_link_create
from candidates.certification import achievement_record, qualifying_date
from candidates.enums import AchievementMethod
from candidates.models import Achievement, Certification
from lssc.accounts.roles import StaffGroup
from lssc.audit.models import AuditEntry
from lssc.competencies.models import CompetencySet
from lssc.notifications.models import OutgoingMail
from tests.factories import staff_user

from .helpers import admitted_candidate

pytestmark = pytest.mark.django_db

D = datetime.date


def on(day):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(12)))


def achieve(candidate, slug, method=AchievementMethod.PORTFOLIO):
    return achievement_record(
        candidate=candidate,
        competency_set=CompetencySet.objects.get(slug=slug),
        method=method,
    )


REQUIRED = [
    "communication-and-teamwork",
    "foundations-of-library-service",
    "technology",
]
ELECTIVES = [
    "youth-services",
    "access-services",
    "cataloging-and-classification",
    "collection-management",
    "reference-and-information-services",
    "supervision-and-management",
    "adult-readers-advisory",
]


# --- The rule, as a pure function -------------------------------------------------


@pytest.mark.parametrize(
    ("achieved", "expected"),
    [
        ([(True, D(2026, 1, d)) for d in (1, 2, 3)] + [(False, D(2026, 2, 1))] * 3,
         D(2026, 2, 1)),
        ([(True, D(2026, 1, d)) for d in (1, 2, 3)] + [(False, D(2026, 2, 1))] * 2,
         None),  # five sets
        ([(True, D(2026, 1, d)) for d in (1, 2)] + [(False, D(2026, 2, 1))] * 6,
         None),  # six electives, two required
        ([(True, D(2026, 5, 1)), (True, D(2026, 1, 2)), (True, D(2026, 1, 3))]
         + [(False, D(2026, 2, d)) for d in (9, 1, 5, 7)],
         D(2026, 5, 1)),  # the last required set completes it
        ([(True, D(2026, 1, d)) for d in (1, 2, 3)]
         + [(False, D(2026, 2, d)) for d in (9, 1, 5, 7)],
         D(2026, 2, 7)),  # the third elective (in date order) completes it
    ],
)  # fmt: skip
def test_the_day_the_requirement_is_met(achieved, expected):
    assert qualifying_date(achieved, required=3, electives=3) == expected


# --- The award ---------------------------------------------------------------------


def test_certified_at_the_sixth_set_not_the_fifth():
    candidate = admitted_candidate()
    with on(D(2026, 3, 1)):
        for slug in REQUIRED:
            achieve(candidate, slug)
        achieve(candidate, "youth-services", AchievementMethod.COURSE)
        achieve(candidate, "access-services", AchievementMethod.RECOGNITION)
    assert not Certification.objects.exists()

    with on(D(2026, 6, 15)):
        achieve(candidate, "cataloging-and-classification")
    certification = Certification.objects.get()
    assert certification.candidate == candidate
    assert certification.certified_on == D(2026, 6, 15)
    assert certification.expires_on == D(2030, 6, 15)  # exactly four years
    assert re.fullmatch(r"LSSC-[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){2}",
                        certification.number)  # fmt: skip
    assert AuditEntry.objects.filter(action="candidate.certified").count() == 1
    [mail] = OutgoingMail.objects.filter(key=f"certified:{certification.pk}")
    assert certification.number in mail.body and mail.to == candidate.user.email

    # A seventh set changes nothing: certified once.
    with on(D(2026, 9, 1)):
        achieve(candidate, "collection-management")
    assert Certification.objects.count() == 1
    assert Certification.objects.get().certified_on == D(2026, 6, 15)


def test_six_electives_and_two_required_sets_do_not_certify():
    candidate = admitted_candidate()
    for slug in REQUIRED[:2] + ELECTIVES[:6]:
        achieve(candidate, slug)
    assert Achievement.objects.filter(candidate=candidate).count() == 8
    assert not Certification.objects.exists()
    achieve(candidate, REQUIRED[2])
    assert Certification.objects.count() == 1


def test_a_set_achieved_twice_is_recorded_once():
    candidate = admitted_candidate()
    assert achieve(candidate, "technology") is not None
    assert achieve(candidate, "technology", AchievementMethod.COURSE) is None
    assert Achievement.objects.get().method == AchievementMethod.PORTFOLIO


def test_a_leap_day_certification_lasts_four_full_years():
    candidate = admitted_candidate()
    with on(D(2028, 2, 29)):
        candidate.deadline = D(2030, 1, 1)
        candidate.save()
        for slug in REQUIRED + ELECTIVES[:3]:
            achieve(candidate, slug)
    assert Certification.objects.get().expires_on == D(2032, 2, 29)


def test_finished_after_the_deadline_is_not_certified_until_staff_extend_it():
    candidate = admitted_candidate()
    candidate.deadline = D(2026, 6, 30)
    candidate.save()
    with on(D(2026, 6, 1)):
        for slug in REQUIRED + ELECTIVES[:2]:
            achieve(candidate, slug)
    with on(D(2026, 7, 10)):
        achieve(candidate, ELECTIVES[2])
    assert not Certification.objects.exists()
    assert AuditEntry.objects.filter(action="candidate.requirement_met_late").exists()

    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    with on(D(2026, 7, 20)):
        candidate_extend_deadline(
            candidate=candidate,
            new_deadline=D(2026, 12, 31),
            by=officer,
            reason="Illness in the family; documented.",
        )
    certification = Certification.objects.get()
    assert certification.certified_on == D(2026, 7, 10)
    assert certification.expires_on == D(2030, 7, 10)


def test_the_car_and_a_share_link_show_the_certification(client):
    candidate = admitted_candidate(client)
    for slug in REQUIRED + ELECTIVES[:3]:
        achieve(candidate, slug)
    number = Certification.objects.get().number

    html = client.get(reverse("candidates:car")).content.decode()
    assert "You hold the Library Support Staff Certification" in html
    assert number in html
    assert "Complete your six sets by" not in html

    link = share_link_create(
        candidate=candidate,
        label="Hiring committee",
        expires_on=D.today() + datetime.timedelta(days=30),
    )
    client.logout()
    shared = client.get(link.get_absolute_url()).content.decode()
    assert f"{candidate.user.full_name} holds the Library Support" in shared
    assert number in shared


def certified():
    candidate = admitted_candidate()
    for slug in REQUIRED + ELECTIVES[:3]:
        achieve(candidate, slug)
    return Certification.objects.get(candidate=candidate)


def revoke(client, certification, reason):
    return client.post(
        reverse("admin:candidates_certification_changelist"),
        {
            "action": "revoke",
            "_selected_action": [str(certification.pk)],
            "apply": "1",
            "reason": reason,
        },
    )


def test_the_program_officer_finds_and_revokes_a_certification(client):
    certification = certified()
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    changelist = reverse("admin:candidates_certification_changelist")
    found = client.get(changelist, {"q": certification.number}).content.decode()
    assert certification.candidate.user.full_name in found

    # A reason is required: the form comes back and nothing changes.
    assert revoke(client, certification, "").status_code == 200
    certification.refresh_from_db()
    assert certification.revoked_at is None

    revoke(client, certification, "Evidence found to be falsified.")
    revoke(client, certification, "Twice.")  # a second click changes nothing
    certification.refresh_from_db()
    assert certification.revoked_at is not None
    assert certification.revoke_reason == "Evidence found to be falsified."
    entry = AuditEntry.objects.get(action="candidate.certification_revoked")
    assert entry.reason == "Evidence found to be falsified."
    assert OutgoingMail.objects.filter(
        key=f"certification-revoked:{certification.pk}"
    ).exists()


def test_only_the_program_officer_may_revoke(client):
    certification = certified()
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    assert revoke(client, certification, "No.").status_code in (200, 302)
    certification.refresh_from_db()
    assert certification.revoked_at is None
