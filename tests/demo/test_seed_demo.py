from io import StringIO

import pytest
from allauth.mfa.utils import is_mfa_enabled
from django.core.management import CommandError, call_command

from courses.models import ProviderContact
from demo.management.commands.seed_demo import DEMO_PASSWORD
from evaluations.models import Evaluator
from lssc.accounts.models import User
from lssc.accounts.roles import StaffGroup, in_group

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_every_role_once(settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")
    assert User.objects.filter(email__endswith="@demo.lssc.test").count() == 8
    # Three trained evaluators for every set, from three workplaces.
    evaluators = Evaluator.objects.filter(trained_on__isnull=False, active=True)
    assert evaluators.count() == 3
    assert len({e.institution for e in evaluators}) == 3
    assert all(e.sets.count() == 10 for e in evaluators)
    # The provider contact acts for one registered provider, made once.
    contact = ProviderContact.objects.get(user__email="provider@demo.lssc.test")
    assert contact.provider.name == "Prairie State Library"
    officer = User.objects.get(email="officer@demo.lssc.test")
    assert officer.check_password(DEMO_PASSWORD)
    assert in_group(officer, StaffGroup.PROGRAM_OFFICER)
    assert is_mfa_enabled(officer)
    crc = User.objects.get(email="crc@demo.lssc.test")
    assert in_group(crc, StaffGroup.REVIEW_COMMITTEE)
    candidate = User.objects.get(email="candidate1@demo.lssc.test")
    assert not candidate.is_staff
    output = capsys.readouterr().out
    assert "officer@demo.lssc.test" in output
    assert DEMO_PASSWORD in output


def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_the_demo_history_gives_every_report_something_to_draw(settings, client):
    from django.urls import reverse

    from candidates.models import Certification
    from evaluations.models import Decision

    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    assert Certification.objects.exists()
    assert Decision.objects.filter(by_third_reviewer=True).exists()
    officer = User.objects.get(email="officer@demo.lssc.test")
    client.force_login(officer)
    from lssc.reports.base import reports_for

    slugs = [r.slug for r in reports_for(officer)]
    assert len(slugs) == 13
    for slug in slugs:
        response = client.get(reverse("reports:detail", args=[slug]))
        result = response.context["result"]
        drawn = [v for series in result.series for v in series.values if v]
        assert drawn, f"{slug} has nothing to draw"
    dashboard = client.get(reverse("staff_dashboard"))
    waiting = {
        item.queue.label: item.count
        for items in dashboard.context["groups"].values()
        for item in items
    }
    assert waiting["Overdue reviews"] >= 1
    assert waiting["Applications needing a decision"] >= 1


def test_seed_demo_without_history_makes_only_the_accounts(settings):
    from candidates.models import Candidate

    settings.DEBUG = True
    call_command("seed_demo", no_history=True, stdout=StringIO())
    assert not Candidate.objects.exists()
