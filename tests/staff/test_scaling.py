"""The dashboard and every report cost the same number of queries for 10 or 1,000
candidates: the figures come from aggregates, not from rows read one by one."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lssc.accounts.roles import StaffGroup
from lssc.reports.base import reports_for
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


def test_queries_do_not_grow_with_the_program(client):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    client.force_login(officer)
    pages = [reverse("staff_dashboard")] + [
        reverse("reports:detail", args=[r.slug]) + "?start=2020-01-01&end=2030-12-31"
        for r in reports_for(officer)
    ]
    assert len(pages) >= 14  # the dashboard and all thirteen reports

    def queries():
        counts = {}
        for page in pages:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(page).status_code == 200
            counts[page] = len(ctx.captured_queries)
        return counts

    call_command("generate_dataset", candidates=10, seed=1, stdout=StringIO())
    few = queries()
    call_command(
        "generate_dataset", candidates=990, seed=2, more=True, stdout=StringIO()
    )
    assert queries() == few
