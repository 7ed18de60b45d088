"""CSV exports of candidates, certifications and evaluators from the admin."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidates.models import Candidate
from evaluations.models import Evaluator
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from tests.candidates.helpers import admitted_candidate
from tests.candidates.test_certificates import certify
from tests.factories import UserFactory, staff_user

pytestmark = pytest.mark.django_db


def export(client, changelist, pks):
    response = client.post(
        reverse(changelist), {"action": "export_csv", "_selected_action": pks}
    )
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def officer(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


def test_candidates(officer):
    candidate = admitted_candidate()
    rows = export(officer, "admin:candidates_candidate_changelist", [candidate.pk])
    assert rows[0][:3] == ["Candidate number", "Name", "Email"]
    assert rows[1][:3] == [candidate.number, candidate.user.full_name,
                           candidate.user.email]  # fmt: skip
    assert rows[1][-1] == "0"


def test_certifications(officer):
    certification = certify(admitted_candidate())
    rows = export(
        officer, "admin:candidates_certification_changelist", [certification.pk]
    )
    assert rows[1][0] == certification.number
    # Certified on, then the last valid day ("valid through"), as every page says.
    assert rows[0][3:5] == ["Certified on", "Valid through"]
    assert rows[1][3:5] == ["2026-06-15", "2030-06-14"]


def test_evaluators(officer):
    evaluator = Evaluator.objects.create(
        user=UserFactory(full_name="Eva Evaluator"), institution="Lakeside College"
    )
    evaluator.sets.set(CompetencySet.objects.filter(slug="technology"))
    rows = export(officer, "admin:evaluations_evaluator_changelist", [evaluator.pk])
    assert rows[1][:4] == ["Eva Evaluator", evaluator.user.email, "Lakeside College",
                           "Technology"]  # fmt: skip


def test_an_export_costs_the_same_for_2_or_20_rows(officer):
    for _ in range(2):
        admitted_candidate()

    def queries():
        pks = list(Candidate.objects.values_list("pk", flat=True))
        with CaptureQueriesContext(connection) as ctx:
            export(officer, "admin:candidates_candidate_changelist", pks)
        return len(ctx.captured_queries)

    few = queries()
    for _ in range(18):
        admitted_candidate()
    assert queries() == few


def test_staff_without_the_view_permission_cannot_export(client):
    evaluator = Evaluator.objects.create(user=UserFactory(), institution="X")
    client.force_login(staff_user(StaffGroup.PROGRAM_COMMITTEE))  # no evaluator rights
    response = client.post(
        reverse("admin:evaluations_evaluator_changelist"),
        {"action": "export_csv", "_selected_action": [evaluator.pk]},
    )
    assert response.status_code == 403
