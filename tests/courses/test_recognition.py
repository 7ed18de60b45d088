"""Recognition agreements: a covered graduate achieves every set of the agreement at
once, and one covering the three required sets and three electives certifies."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from candidates.enums import AchievementMethod
from candidates.models import Achievement, Certification
from candidates.progress import SetStatus, car_slots, progress_for
from courses.achievements import claim_file, claim_reject, claim_verify
from courses.errors import CourseError
from courses.models import RecognitionAgreement, RecognitionClaim, ReviewState
from courses.rules import covers_certification
from lssc.competencies.models import CompetencySet
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import mails_to, on
from tests.portfolios import files

pytestmark = pytest.mark.django_db

FROM = datetime.date(2020, 9, 1)
UNTIL = datetime.date(2025, 8, 31)
TODAY = datetime.date(2026, 6, 1)


def transcript():
    return SimpleUploadedFile("transcript.pdf", files.PDF)


@pytest.fixture
def six_sets(db):
    required = list(CompetencySet.objects.required())
    electives = list(CompetencySet.objects.electives())[:3]
    assert (len(required), len(electives)) == (3, 3)
    return required + electives


@pytest.fixture
def agreement(six_sets):
    agreement = RecognitionAgreement(
        college="Lakeside Community College",
        program_name="Library Technical Assistant AAS",
        state="WI",
        effective_from=FROM,
        effective_until=UNTIL,
        signed_on=datetime.date(2020, 6, 1),
    )
    agreement.document.save("agreement.pdf", ContentFile(files.PDF), save=False)
    agreement.save()
    agreement.competency_sets.set(six_sets)
    return agreement


def file_claim(candidate, agreement, graduated_on):
    with on(TODAY):
        return claim_file(
            candidate=candidate,
            agreement=agreement,
            graduated_on=graduated_on,
            document=transcript(),
        )


# --- Filing ----------------------------------------------------------------------


@pytest.mark.parametrize("graduated_on", [FROM, UNTIL], ids=["first", "last"])
def test_graduates_within_the_agreement_may_claim(candidate, agreement, graduated_on):
    claim = file_claim(candidate, agreement, graduated_on)
    assert claim.state == ReviewState.PENDING
    assert claim.document_name == "transcript.pdf"


@pytest.mark.parametrize(
    "graduated_on",
    [FROM - datetime.timedelta(days=1), UNTIL + datetime.timedelta(days=1)],
    ids=["before", "after"],
)
def test_graduates_outside_the_agreement_are_refused(
    candidate, agreement, graduated_on
):
    with pytest.raises(CourseError) as refused:
        file_claim(candidate, agreement, graduated_on)
    message = str(refused.value)
    assert "September 1, 2020 to August 31, 2025" in message
    assert f"{graduated_on:%B %-d, %Y} is not covered" in message
    assert not RecognitionClaim.objects.exists()


def test_an_open_ended_agreement_covers_later_graduates(candidate, agreement):
    agreement.effective_until = None
    agreement.save()
    assert file_claim(candidate, agreement, datetime.date(2026, 5, 15)).pk


def test_a_future_graduation_is_refused(candidate, agreement):
    agreement.effective_until = None
    agreement.save()
    with pytest.raises(CourseError, match="future"):
        file_claim(candidate, agreement, TODAY + datetime.timedelta(days=1))
    assert not RecognitionClaim.objects.exists()


def test_one_open_claim_per_agreement(candidate, agreement, officer):
    claim = file_claim(candidate, agreement, datetime.date(2024, 5, 20))
    with pytest.raises(CourseError, match="claimed this program already"):
        file_claim(candidate, agreement, datetime.date(2024, 5, 20))
    assert RecognitionClaim.objects.count() == 1
    # Once that claim is rejected the graduate may claim again.
    claim_reject(claim=claim, by=officer, reason="The transcript is unreadable.")
    assert file_claim(candidate, agreement, datetime.date(2024, 5, 20)).pk
    assert RecognitionClaim.objects.count() == 2


def test_a_document_that_is_not_a_pdf_or_image_is_refused(candidate, agreement):
    upload = SimpleUploadedFile("transcript.pdf", files.HTML)
    with on(TODAY), pytest.raises(CourseError, match="PDF"):
        claim_file(
            candidate=candidate,
            agreement=agreement,
            graduated_on=datetime.date(2024, 5, 20),
            document=upload,
        )
    assert not RecognitionClaim.objects.exists()


# --- Verification ----------------------------------------------------------------


def test_a_verified_claim_achieves_all_six_sets_and_certifies(
    candidate, agreement, six_sets, officer
):
    sets = list(CompetencySet.objects.current())
    claim = file_claim(candidate, agreement, datetime.date(2024, 5, 20))
    waiting = progress_for([candidate])
    for covered in six_sets:  # every covered set, in the one query for both kinds
        pending = waiting[(candidate.pk, covered.pk)]
        assert pending.status == SetStatus.SUBMITTED
        assert pending.detail == "Program graduation waiting for verification"
    assert car_slots(candidate, sets)["achieved_count"] == 0

    achieved = claim_verify(claim=claim, by=officer)

    assert {s.pk for s in achieved} == {s.pk for s in six_sets}
    achievements = Achievement.objects.filter(candidate=candidate)
    assert achievements.count() == 6
    assert {a.method for a in achievements} == {AchievementMethod.RECOGNITION}
    slots = car_slots(candidate, sets)
    assert slots["achieved_count"] == 6 == slots["needed_count"]
    # ... which certifies the candidate.
    assert Certification.objects.get(candidate=candidate).certified_on == (
        timezone.localdate()
    )
    assert all(s.progress.method == "Recognition agreement" for s in slots["required"])
    assert [s.competency_set.pk for s in slots["electives"]] == [
        s.pk for s in six_sets[3:]
    ]
    claim.refresh_from_db()
    assert (claim.state, claim.decided_by) == (ReviewState.VERIFIED, officer)

    assert claim_verify(claim=claim, by=officer) is None
    assert Achievement.objects.filter(candidate=candidate).count() == 6
    assert len(mails_to(candidate.user.email, "is verified")) == 1


def test_sets_achieved_already_are_left_as_they_were(agreement, six_sets, officer):
    candidate = admitted_candidate()
    technology = CompetencySet.objects.get(slug="technology")
    Achievement.objects.create(
        candidate=candidate,
        competency_set=technology,
        method=AchievementMethod.COURSE,
        achieved_on=datetime.date(2025, 1, 10),
    )
    claim = file_claim(candidate, agreement, datetime.date(2024, 5, 20))
    achieved = claim_verify(claim=claim, by=officer)
    assert technology.pk not in {s.pk for s in achieved}
    assert len(achieved) == 5
    assert Achievement.objects.get(competency_set=technology).method == "course"
    assert Achievement.objects.filter(candidate=candidate).count() == 6


def test_rejecting_a_claim_needs_a_reason(candidate, agreement, officer):
    claim = file_claim(candidate, agreement, datetime.date(2024, 5, 20))
    with pytest.raises(CourseError, match="reason"):
        claim_reject(claim=claim, by=officer, reason="")
    assert claim_reject(claim=claim, by=officer, reason="Not a graduate.")
    assert not claim_reject(claim=claim, by=officer, reason="Twice.")
    assert claim_verify(claim=claim, by=officer) is None
    assert not Achievement.objects.exists()
    [mail] = mails_to(candidate.user.email, "was not accepted")
    assert "Not a graduate." in mail.body


# --- covers_certification --------------------------------------------------------

REQUIRED = {1, 2, 3}
ELECTIVES = {4, 5, 6, 7, 8, 9, 10}


@pytest.mark.parametrize(
    ("set_ids", "expected"),
    [
        ({1, 2, 3, 4, 5, 6}, True),
        ({1, 2, 3, 4, 5, 6, 7}, True),
        ({1, 2, 3, 4, 5}, False),  # two electives
        ({1, 2, 4, 5, 6, 7}, False),  # a required set missing
        ({4, 5, 6, 7, 8, 9, 10}, False),
        (set(), False),
    ],
)
def test_covers_certification(set_ids, expected):
    assert covers_certification(set_ids, REQUIRED, ELECTIVES, 3) is expected


def test_covers_certification_with_fewer_electives_required():
    assert covers_certification({1, 2, 3, 4}, REQUIRED, ELECTIVES, 1)
    assert covers_certification(REQUIRED, REQUIRED, ELECTIVES, 0)
    # Required sets do not stand in for electives.
    assert not covers_certification({1, 2, 3, 4}, REQUIRED, ELECTIVES, 2)
