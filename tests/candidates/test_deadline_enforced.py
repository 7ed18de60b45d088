"""The four-year deadline enforced, through HTTP: the day before and the deadline's
day itself (to its last minute, in the program's time zone) still count; from the
next day no portfolio is opened, submitted or paid for, and no completion or claim
is recorded. What was started stays, and the pages say why and what can be done."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from candidates.models import Candidate
from courses.imports import RosterImport
from courses.models import Completion, RecognitionClaim
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.payments.models import Payment
from portfolios.models import Portfolio, PortfolioStatus
from portfolios.services import portfolio_open, portfolio_submit
from tests.courses.conftest import approved_course, lakeside_agreement, make_provider
from tests.factories import staff_user
from tests.portfolios import files
from tests.portfolios.test_submission import complete

from .helpers import admitted_candidate, moment

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
# (when, counted?): the day before at noon, the deadline's last minute, the next
# day's first minute.
BOUNDARY = [
    pytest.param(-1, 12, 0, True, id="the-day-before"),
    pytest.param(0, 23, 59, True, id="the-day-itself"),
    pytest.param(1, 0, 1, False, id="the-day-after"),
]


@pytest.fixture
def deadline():
    return timezone.localdate() + 30 * DAY


@pytest.fixture
def candidate(client, deadline):
    candidate = admitted_candidate(client)  # signed in, the fee paid by check
    Candidate.objects.filter(pk=candidate.pk).update(deadline=deadline)
    candidate.refresh_from_db()
    return candidate


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.mark.parametrize("offset, hour, minute, counted", BOUNDARY)
def test_opening_a_portfolio(
    client, candidate, deadline, offset, hour, minute, counted
):
    with moment(deadline + offset * DAY, hour, minute, client, candidate.user):
        response = client.post(
            reverse("portfolios:start", args=["youth-services"]), follow=True
        )
    opened = Portfolio.objects.filter(candidate=candidate).exists()
    assert opened == counted
    if not counted:
        [message] = messages_of(response)
        assert "no new portfolio can be started" in message
        assert f"{deadline:%B} {deadline.day}, {deadline.year}" in message


@pytest.mark.parametrize("offset, hour, minute, counted", BOUNDARY)
def test_submitting_a_portfolio(
    client, candidate, deadline, offset, hour, minute, counted
):
    technology = CompetencySet.objects.get(slug="technology")
    portfolio = portfolio_open(candidate=candidate, competency_set=technology, by=None)
    complete(portfolio)
    with moment(deadline + offset * DAY, hour, minute, client, candidate.user):
        response = client.post(
            reverse("portfolios:submit", args=[portfolio.pk]),
            {"confirm": "yes"},
            follow=True,
        )
    portfolio.refresh_from_db()
    expected = PortfolioStatus.AWAITING_PAYMENT if counted else PortfolioStatus.DRAFT
    assert portfolio.status == expected
    if not counted:
        assert "no portfolio can be submitted" in " ".join(messages_of(response))
        # The work is kept: the narratives and the evidence are all still there.
        assert portfolio.narratives.count() == technology.competencies.count()
        assert portfolio.evidence.filter(retired_at=None).count() == 1


@pytest.mark.parametrize("offset, hour, minute, counted", BOUNDARY)
def test_paying_for_a_portfolio(
    client, candidate, deadline, offset, hour, minute, counted
):
    technology = CompetencySet.objects.get(slug="technology")
    portfolio = portfolio_open(candidate=candidate, competency_set=technology, by=None)
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=candidate.user)
    before = Payment.objects.count()
    with moment(deadline + offset * DAY, hour, minute, client, candidate.user):
        response = client.post(
            reverse("portfolios:pay", args=[portfolio.pk]),
            {"method": "check", "confirm": "yes"},
        )
    assert (Payment.objects.count() == before + 1) == counted
    if not counted:
        assert response.status_code == 200
        assert "no portfolio fee can be paid" in response.content.decode()


@pytest.fixture
def course():
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    cataloging = CompetencySet.objects.get(slug="cataloging-and-classification")
    return approved_course(make_provider(), cataloging, officer=officer)


@pytest.mark.parametrize("offset, hour, minute, counted", BOUNDARY)
def test_recording_a_course_completion(
    client, candidate, deadline, course, offset, hour, minute, counted
):
    day = deadline + offset * DAY
    with moment(day, hour, minute, client, candidate.user):
        response = client.post(
            reverse("courses:complete", args=[course.pk]),
            {"completed_on": (day - DAY).isoformat(), "result": "Pass"},
        )
    assert Completion.objects.filter(candidate=candidate).exists() == counted
    if not counted:
        assert response.status_code == 200
        [error] = response.context["form"].errors["completed_on"]
        assert "no new course completion can be recorded" in error


@pytest.mark.parametrize("offset, hour, minute, counted", BOUNDARY)
def test_filing_a_recognition_claim(
    client, candidate, deadline, offset, hour, minute, counted
):
    agreement = lakeside_agreement(
        document=SimpleUploadedFile("agreement.pdf", files.PDF)
    )
    with moment(deadline + offset * DAY, hour, minute, client, candidate.user):
        response = client.post(
            reverse("courses:claim", args=[agreement.pk]),
            {
                "graduated_on": "2024-05-15",
                "document": SimpleUploadedFile("transcript.pdf", files.PDF),
            },
        )
    assert RecognitionClaim.objects.filter(candidate=candidate).exists() == counted
    if not counted:
        [error] = response.context["form"].errors["graduated_on"]
        assert "no new graduation claim can be filed" in error


def test_a_roster_row_for_an_ended_candidacy_is_refused(candidate, deadline, course):
    importer = RosterImport(course)
    row = {
        "candidate_number": candidate.number,
        "name": candidate.user.full_name,
        "completed_on": (deadline - DAY).isoformat(),
        "result": "Pass",
    }
    with moment(deadline + DAY, 9, 0):
        importer.prepare([row])
        importer.line = 2
        checked = importer.check_row(row, {})
    assert checked.errors
    assert "no longer counts" in checked.errors[0]


def test_the_pages_say_the_candidacy_ended_and_what_to_do(client, candidate, deadline):
    technology = CompetencySet.objects.get(slug="technology")
    portfolio = portfolio_open(candidate=candidate, competency_set=technology, by=None)
    with moment(deadline + DAY, 9, 0, client, candidate.user):
        car = client.get(reverse("candidates:car")).content.decode()
        portfolios = client.get(reverse("portfolios:list")).content.decode()
        builder = client.get(reverse("portfolios:builder", args=[portfolio.pk]))
        courses = client.get(reverse("courses:my_courses")).content.decode()
    assert "Your candidacy has ended" in car
    assert "0 of 6" in car
    assert "Ask for more time" in car and "Apply again" in car
    assert reverse("candidates:extension_request") in car
    assert "In progress" in car  # the portfolio started is kept, and shown
    for page in (portfolios, builder.content.decode(), courses):
        assert "Your candidacy has ended" in page
    assert "Start a portfolio" not in portfolios
    assert builder.status_code == 200


def test_on_the_deadline_the_car_says_it_is_the_last_day(client, candidate, deadline):
    with moment(deadline, 8, 0, client, candidate.user):
        car = client.get(reverse("candidates:car")).content.decode()
    assert "today is the last day" in car
    assert "Your candidacy has ended" not in car
    assert "Ask for an extension" in car
