"""The performance dataset generator keeps working as the models change."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from candidates.eligibility import WorkPeriod, count_hours
from candidates.enums import ApplicationStatus, Education
from candidates.models import Achievement, Application, Candidate
from demo.management.commands import generate_dataset as generator
from lssc.accounts.models import User
from lssc.core.program import rules
from lssc.payments.models import Payment

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
