"""The admin answers tampered addresses and posts with 404 or a message, never an
error page, and its history pages only show past versions."""

import datetime

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from candidates.certification import certification_revoke
from candidates.models import Certification
from evaluations.models import Evaluator
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.fees.models import Fee
from portfolios.models import Evidence
from portfolios.services import portfolio_open
from tests.candidates.helpers import admitted_candidate
from tests.candidates.test_certificates import certify
from tests.factories import UserFactory, staff_user
from tests.portfolios.test_submission import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


@pytest.fixture
def fee(db):
    return Fee.objects.order_by("pk").first()


@pytest.mark.parametrize(
    "tail", ["abc/history/", "1.0/history/", "{pk}/history/abc/", "x/history/1/"]
)
def test_history_pages_of_a_record_that_cannot_exist_answer_404(officer, fee, tail):
    url = reverse("admin:fees_fee_changelist") + tail.format(pk=fee.pk)
    assert officer.get(url).status_code == 404


@pytest.fixture
def revoked(db):
    certification = certify(admitted_candidate())
    certification_revoke(
        certification=certification,
        by=staff_user(StaffGroup.PROGRAM_OFFICER),
        reason="Forged transcript.",
    )
    certification.refresh_from_db()
    return certification


def test_history_pages_still_show_a_record_and_its_past_versions(officer, revoked):
    version = revoked.history.order_by("history_id").first()
    history = officer.get(
        reverse("admin:candidates_certification_history", args=[revoked.pk])
    )
    assert history.status_code == 200
    page = officer.get(
        reverse(
            "admin:candidates_certification_simple_history",
            args=[revoked.pk, version.history_id],
        )
    )
    assert page.status_code == 200
    assert "Revert" not in page.content.decode()


@pytest.mark.parametrize(
    "group", [StaffGroup.PROGRAM_ASSISTANT, StaffGroup.PROGRAM_OFFICER]
)
def test_a_past_version_cannot_be_posted_back(client, revoked, group):
    """Posting a version's page once saved that version, every field: a revoked
    certification came back valid, for anyone who could merely view it."""
    client.force_login(staff_user(group))
    before = model_to_dict(revoked)
    unrevoked = revoked.history.order_by("history_id").first()
    assert unrevoked.revoked_at is None
    url = reverse(
        "admin:candidates_certification_simple_history",
        args=[revoked.pk, unrevoked.history_id],
    )
    data = {
        k: "" if v is None else v
        for k, v in model_to_dict(unrevoked.instance).items()
        if k != "id"
    }
    response = client.post(url, data)
    assert response.status_code == 405
    revoked.refresh_from_db()
    assert revoked.revoked_at is not None
    assert model_to_dict(revoked) == before
    assert Certification.history.filter(id=revoked.pk).count() == 2


@pytest.fixture
def evaluator(db):
    evaluator = Evaluator.objects.create(
        user=UserFactory(), institution="Lakeside College"
    )
    evaluator.sets.set(CompetencySet.objects.filter(slug="technology"))
    return evaluator


@pytest.mark.parametrize("rows", [["abc"], ["1.0", "x"], [" "]])
def test_an_action_on_rows_that_cannot_exist_is_refused_with_a_message(
    officer, evaluator, rows
):
    changelist = reverse("admin:evaluations_evaluator_changelist")
    response = officer.post(
        changelist,
        {
            "action": "record_training",
            "_selected_action": rows,
            "apply": "1",
            "trained_on": "2026-03-01",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "The rows chosen are not in this list" in response.content.decode()
    evaluator.refresh_from_db()
    assert evaluator.trained_on is None


def test_an_action_on_real_rows_still_runs(officer, evaluator):
    officer.post(
        reverse("admin:evaluations_evaluator_changelist"),
        {
            "action": "record_training",
            "_selected_action": [evaluator.pk],
            "apply": "1",
            "trained_on": "2026-03-01",
        },
    )
    evaluator.refresh_from_db()
    assert evaluator.trained_on == datetime.date(2026, 3, 1)


@pytest.mark.parametrize("user", ["abc", "1.5", "99999999999999999999"])
def test_an_autocomplete_field_naming_no_row_is_a_form_error(officer, user):
    response = officer.post(
        reverse("admin:evaluations_evaluator_add"),
        {
            "user": user,
            "institution": "Lakeside College",
            "max_assignments": "3",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["user"]
    assert not Evaluator.objects.exists()


def test_a_portfolio_posted_with_an_evidence_id_that_names_none(officer):
    reference = CompetencySet.objects.get(slug="reference-and-information-services")
    portfolio = portfolio_open(
        candidate=admitted_candidate(), competency_set=reference, by=None
    )
    evidence = complete(portfolio)
    url = reverse("admin:portfolios_portfolio_change", args=[portfolio.pk])
    page = officer.get(url)
    assert page.status_code == 200
    data = {
        "narrative_set-TOTAL_FORMS": "0",
        "narrative_set-INITIAL_FORMS": "0",
        "evidence_set-TOTAL_FORMS": "1",
        "evidence_set-INITIAL_FORMS": "1",
        "evidence_set-0-id": "abc",
        "evidence_set-0-portfolio": str(portfolio.pk),
    }
    response = officer.post(url, data)
    assert response.status_code in (200, 302)
    assert Evidence.objects.get(pk=evidence.pk).portfolio == portfolio
