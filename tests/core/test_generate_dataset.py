"""The performance dataset generator keeps working as the models change."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from candidates.models import Application, Candidate
from lssc.accounts.models import User
from lssc.core.management.commands import generate_dataset as generator
from lssc.payments.models import Payment

pytestmark = pytest.mark.django_db


def test_generates_people_and_the_load_scripts_accounts(client):
    call_command("generate_dataset", candidates=60, seed=3, stdout=StringIO())

    assert Application.objects.count() == 61  # and the known applicant's draft
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
