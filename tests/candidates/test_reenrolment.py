"""Applying again after a candidacy ended: a new application and fee, eligibility
checked afresh, a new candidacy; sets achieved within the carry-over years count in
it, the CAR says which and from where, and ``check_data`` still finds nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from candidates.applications import application_start, application_submit
from candidates.enums import AchievementMethod
from candidates.errors import ApplicationError
from candidates.models import Achievement, Application, Candidate
from courses.achievements import claim_file, claim_verify
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.core.dates import add_years
from lssc.notifications.models import OutgoingMail
from lssc.payments.services import payment_confirm
from tests.core.test_check_data import check_data
from tests.courses.conftest import lakeside_agreement
from tests.factories import staff_user
from tests.portfolios import files

from .helpers import admitted_candidate, moment

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
TODAY = timezone.localdate()
# Sets achieved on admission (YOUTH, ACCESS) and three years later (TECHNOLOGY); the
# candidacy ends, and its candidate applies again eighteen months after the deadline:
# only Technology, two and a half years old, is within the five carry-over years.
YOUTH, ACCESS, TECHNOLOGY = "youth-services", "access-services", "technology"


def _pdf(name):
    return SimpleUploadedFile(name, files.PDF, content_type="application/pdf")


def _recognised(candidate, slugs, officer, college):
    agreement = lakeside_agreement(college=college, document=_pdf("agreement.pdf"))
    agreement.competency_sets.set(CompetencySet.objects.filter(slug__in=slugs))
    claim = claim_file(
        candidate=candidate,
        agreement=agreement,
        graduated_on=datetime.date(2024, 5, 15),
        document=_pdf("transcript.pdf"),
    )
    claim_verify(claim=claim, by=officer)


@pytest.fixture
def first(client):
    """The first candidacy, ended: three sets achieved, the last three years in."""
    candidate = admitted_candidate(client)
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    _recognised(candidate, [YOUTH, ACCESS], officer, "Lakeside Community College")
    with moment(add_years(TODAY, 3)):
        _recognised(candidate, [TECHNOLOGY], officer, "Riverside Technical College")
    return candidate


def reapply(client, user, day):
    """Apply again on ``day`` through the pages, pay by check, staff record it."""
    with moment(day, client=client, user=user):
        # "My certification" still opens the record, which offers to apply again.
        mine = client.get(reverse("candidates:apply"))
        assert mine["Location"] == reverse("candidates:car")
        start = client.get(reverse("candidates:apply") + "?again=1").content.decode()
        response = client.post(reverse("candidates:apply_begin"))
        assert response.status_code == 302
        application = Application.objects.get(user=user, status="draft")
        # Steps checked by the applicant; eligibility is assessed on submission.
        Application.objects.filter(pk=application.pk).update(
            steps_done=3, agreed_to_policies_at=timezone.now()
        )
        application_submit(application_id=application.pk, by=user)
        client.post(
            reverse("candidates:application_status"),
            {"method": "check", "confirm": "yes"},
        )
        payment = user.payments.filter(purpose_id=application.pk).get()
        payment_confirm(
            payment_id=payment.pk, actor=staff_user(StaffGroup.PROGRAM_ASSISTANT)
        )
        client.force_login(user)
        car = client.get(reverse("candidates:car")).content.decode()
    return start, application, car


def test_reenrolment_carries_over_the_recent_sets_and_the_car_shows_them(client, first):
    again = first.deadline + 540 * DAY
    with moment(again, client=client, user=first.user):
        car = client.get(reverse("candidates:car")).content.decode()
    assert "Your candidacy has ended" in car and "3 of 6" in car
    assert "1 set you achieved since" in car and "Technology" in car

    start, application, car = reapply(client, first.user, again)
    assert "Apply again" in start and first.number in start
    assert "Technology" in start and "Youth Services" not in start.split("carry")[1]
    # The new draft started from the last application's details, checked again.
    assert application.library_name == first.application.library_name
    assert application.work_history.count() == 1

    second = Candidate.objects.filter(user=first.user).exclude(pk=first.pk).get()
    assert second.admitted_on == again
    assert second.deadline == add_years(again, 4)
    assert second.number != first.number
    [carried] = second.achievements.all()
    assert carried.method == AchievementMethod.CARRIED_OVER
    assert carried.competency_set.slug == TECHNOLOGY
    assert carried.achieved_on == again
    assert carried.carried_from.candidate == first
    assert carried.carried_from.method == AchievementMethod.RECOGNITION
    # The earlier candidacy is as it was.
    assert first.achievements.count() == 3

    assert "1 of 6 achieved" in car
    assert f"carried over from candidacy {first.number}" in car
    assert "Your candidacy has ended" not in car
    welcome = OutgoingMail.objects.filter(template="admitted").latest("pk")
    assert "these sets carry over and count already: Technology" in welcome.body
    with moment(again):
        assert check_data() == ([], "")


def test_with_no_carry_over_nothing_counts_again(client, first, settings):
    settings.LSSC_RULES = {"CARRY_OVER_YEARS": 0}
    again = first.deadline + 30 * DAY
    start, _, car = reapply(client, first.user, again)
    assert "do not carry over" in start
    second = Candidate.objects.exclude(pk=first.pk).get(user=first.user)
    assert not second.achievements.exists()
    assert "0 of 6 achieved" in car


def test_no_second_application_while_a_candidacy_is_in_force(client, first):
    with moment(first.deadline, client=client, user=first.user):
        response = client.get(reverse("candidates:apply"))
        assert response["Location"] == reverse("candidates:car")
        client.post(reverse("candidates:apply_begin"))
        with pytest.raises(ApplicationError, match="already a candidate"):
            application_start(user=first.user)
    assert not Application.objects.filter(user=first.user, status="draft").exists()


def test_a_carried_set_out_of_its_limits_is_reported(client, first):
    again = first.deadline + 540 * DAY
    reapply(client, first.user, again)
    carried = Achievement.objects.get(method=AchievementMethod.CARRIED_OVER)
    youth = first.achievements.get(competency_set__slug=YOUTH)
    Achievement.objects.filter(pk=carried.pk).update(
        carried_from=youth, competency_set=youth.competency_set
    )
    with moment(again):
        lines, failure = check_data()
    assert failure
    assert len(lines) == 1
    assert lines[0].startswith(f"candidates.Achievement {carried.pk}:")
    assert "before the carry-over limit" in lines[0]
