"""seed_demo's guards and options, without building the history."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from demo.story.accounts import STAFF
from demo.story.reset import reset
from lssc.accounts.models import User
from lssc.competencies.models import CompetencySet
from lssc.fees.models import Fee
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()


def test_without_history_only_the_staff_accounts_are_made(settings):
    settings.DEBUG = True
    call_command("seed_demo", no_history=True, stdout=StringIO())
    assert set(User.objects.values_list("email", flat=True)) == {
        email for email, *_ in STAFF
    }


def test_reset_keeps_what_staff_configure():
    catalog = CompetencySet.objects.count()
    fees = Fee.objects.count()
    groups = {g.name: g.permissions.count() for g in Group.objects.all()}
    UserFactory.create_batch(3)
    reset()
    assert not User.objects.exists()
    assert CompetencySet.objects.count() == catalog == 10
    assert Fee.objects.count() == fees > 0
    assert {g.name: g.permissions.count() for g in Group.objects.all()} == groups
    assert all(groups.values())
