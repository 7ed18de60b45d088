"""The performance dataset generator keeps working as the models change, and its
rows obey the rules ``check_data`` checks."""

import io
from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from candidates.certificates import render_certificate
from candidates.eligibility import WorkPeriod, count_hours
from candidates.enums import AchievementMethod, ApplicationStatus, Education
from candidates.models import Achievement, Application, Candidate, Certification
from demo.management.commands import generate_dataset as generator
from lssc.accounts.models import User
from lssc.core.program import rules
from lssc.payments.models import Payment
from portfolios.models import Portfolio, PortfolioStatus

pytestmark = pytest.mark.django_db


def test_generates_people_and_the_load_scripts_accounts(client):
    call_command("generate_dataset", candidates=80, seed=3, stdout=StringIO())

    assert Candidate.objects.count() == 80
    # One application in five is not (yet) admitted; plus the known applicant's.
    assert Application.objects.count() == 100 + 1
    assert Candidate.objects.filter(number__regex=r"^LSSC-\d{4}-\d{5,}$").exists()
    assert not Candidate.objects.filter(number__startswith="pending-").exists()
    assert Payment.objects.filter(amount_cents__gt=0).exists()

    pages = [
        (generator.CANDIDATE_EMAIL, reverse("candidates:car")),
        (generator.APPLICANT_EMAIL, reverse("candidates:apply_step", args=["contact"])),
        (generator.OFFICER_EMAIL, reverse("admin:candidates_application_changelist")),
    ]
    for email, url in pages:
        client.force_login(User.objects.get(email=email))
        assert client.get(url).status_code == 200, url


def test_refuses_a_database_that_already_has_a_dataset():
    call_command("generate_dataset", candidates=5, stdout=StringIO())
    with pytest.raises(CommandError, match="already holds"):
        call_command("generate_dataset", candidates=5, stdout=StringIO())


def test_the_data_follows_the_programs_rules():
    call_command("generate_dataset", candidates=80, seed=5, stdout=StringIO())
    rules_ = rules()
    submitted = Application.objects.exclude(submitted_at=None).prefetch_related(
        "work_history"
    )
    for application in submitted:
        on = timezone.localtime(application.submitted_at).date()
        hours = count_hours(
            [
                WorkPeriod(w.start_date, w.end_date, w.hours_per_week)
                for w in application.work_history.all()
            ],
            on=on,
            required=rules_.ELIGIBILITY_HOURS,
            window_years=rules_.ELIGIBILITY_WINDOW_YEARS,
            weekly_cap=rules_.MAX_HOURS_PER_WEEK,
        )
        assert application.counted_hours == hours.counted
        assert hours.enough
        assert application.created_at <= application.submitted_at

    assert not Application.objects.filter(
        status=ApplicationStatus.STAFF_REVIEW, education=Education.HIGH_SCHOOL
    ).exists()
    assert not Achievement.objects.filter(achieved_on__gt=timezone.localdate()).exists()
    # Dates spread over the years, not the minute the command ran.
    assert Application.objects.dates("created_at", "year").count() > 1


@pytest.fixture
def small_program():
    call_command("generate_dataset", candidates=200, seed=7, stdout=StringIO())


def test_a_generated_program_breaks_no_rule(small_program):
    out = StringIO()
    call_command("check_data", stdout=out)  # raises CommandError on a violation
    assert "0 violations" in out.getvalue().splitlines()[-1]


def test_each_set_is_achieved_by_every_route(small_program):
    methods = set(Achievement.objects.values_list("method", flat=True))
    routes = {AchievementMethod.PORTFOLIO, AchievementMethod.COURSE,
              AchievementMethod.RECOGNITION}  # fmt: skip
    assert routes <= methods
    # Candidates are caught at every stage of a portfolio.
    statuses = set(Portfolio.objects.values_list("status", flat=True))
    assert {PortfolioStatus.DRAFT, PortfolioStatus.UNDER_REVIEW,
            PortfolioStatus.ACHIEVED} <= statuses  # fmt: skip


def test_holders_have_the_six_sets_with_the_three_required(small_program):
    program = rules()
    holders = Certification.objects.values_list("candidate", flat=True)
    assert holders.count() >= 20
    sets = Counter()
    required = Counter()
    for candidate, is_required in Achievement.objects.filter(
        candidate__in=holders
    ).values_list("candidate", "competency_set__is_required"):
        sets[candidate] += 1
        required[candidate] += is_required
    six = program.REQUIRED_SETS + program.ELECTIVE_SETS
    assert set(sets.values()) == {six}
    assert set(required.values()) == {program.REQUIRED_SETS}
    # Whoever has the six sets is certified.
    achieved = Achievement.objects.values("candidate").distinct()
    for candidate in Candidate.objects.filter(pk__in=achieved).exclude(pk__in=holders):
        assert candidate.achievements.count() < six


def test_each_holder_has_their_own_certificate(small_program):
    for certification in Certification.objects.select_related("candidate__user")[:3]:
        assert certification.certificate_is_current()
        stored = PdfReader(certification.certificate.open("rb"))
        made = PdfReader(io.BytesIO(render_certificate(certification)))
        assert len(stored.pages) == 1
        assert stored.pages[0].extract_text() == made.pages[0].extract_text()
        assert stored.metadata.title == made.metadata.title
