"""The candidate and evaluation reports: known data gives known figures."""

import datetime

import pytest
from django.utils import timezone

from candidates.models import Application, Candidate, Certification
from evaluations.models import (
    Assignment,
    AssignmentState,
    Decision,
    Evaluator,
    Outcome,
    Review,
)
from lssc.competencies.models import CompetencySet
from portfolios.models import Submission
from portfolios.services import portfolio_open
from tests.candidates.helpers import admitted_candidate, submitted
from tests.candidates.test_certificates import certify
from tests.factories import UserFactory
from tests.staff.test_reports import officer_client, url  # noqa: F401

pytestmark = pytest.mark.django_db

D = datetime.date


def rows_of(response):
    return {row[0]: row[1:] for row in response.context["result"].rows}


def test_candidates_by_status(officer_client):  # noqa: F811
    today = timezone.localdate()
    submitted(UserFactory())  # awaiting a decision
    rejected = submitted(UserFactory())
    Application.objects.filter(pk=rejected.pk).update(
        status="rejected", decided_at=timezone.now()
    )
    admitted_candidate()  # working on sets
    late = admitted_candidate()
    Candidate.objects.filter(pk=late.pk).update(deadline=today - datetime.timedelta(1))
    certify(admitted_candidate(), today)
    in_grace = certify(admitted_candidate(), today)
    Certification.objects.filter(pk=in_grace.pk).update(expires_on=today)
    revoked = certify(admitted_candidate(), today)
    Certification.objects.filter(pk=revoked.pk).update(
        status="revoked", revoked_at=timezone.now()
    )

    rows = rows_of(officer_client.get(url("status", start=str(today), end=str(today))))
    assert rows == {
        "Applied, awaiting a decision": [1],
        "Not admitted": [1],
        "Admitted, working on sets": [1],
        "Past the deadline, not certified": [1],
        "Certified": [1],
        "Certified, in the grace period": [1],
        "Certification expired": [0],
        "Certification revoked": [1],
    }
    # Looking back to a day before anyone applied, nobody is anywhere.
    before = officer_client.get(url("status", start="2020-01-01", end="2020-01-31"))
    assert all(n == [0] for n in rows_of(before).values())


def test_candidates_by_library_type_and_state(officer_client):  # noqa: F811
    today = timezone.localdate()
    for state, kind in (("IL", "public"), ("IL", "school"), ("OH", "public")):
        candidate = admitted_candidate()
        Application.objects.filter(pk=candidate.application_id).update(
            state=state, library_type=kind
        )
    response = officer_client.get(url("library", start=str(today), end=str(today)))
    rows = rows_of(response)
    # Public, Academic, School, Special, Other, Total
    assert rows["IL"] == [1, 0, 1, 0, 0, 2]
    assert rows["OH"] == [1, 0, 0, 0, 0, 1]
    result = response.context["result"]
    assert dict(zip(result.categories, result.series[0].values, strict=True)) == {
        "Public": 2, "Academic": 0, "School": 1, "Special": 0, "Other": 0,
    }  # fmt: skip


def test_time_from_admission_to_certification(officer_client):  # noqa: F811
    today = timezone.localdate()
    for months_taken in (6, 18, 20):
        candidate = admitted_candidate()
        Candidate.objects.filter(pk=candidate.pk).update(
            admitted_on=today - datetime.timedelta(days=round(months_taken * 30.44))
        )
        certify(candidate, today)
    response = officer_client.get(
        url("time-to-certification", start=str(today), end=str(today))
    )
    rows = rows_of(response)
    assert rows["0–12 months"] == [1]
    assert rows["12–24 months"] == [2]
    assert rows["48 months or more"] == [0]
    assert "Median: 18.0 months (548 days)." in response.content.decode()


def test_candidates_near_their_deadline(officer_client):  # noqa: F811
    today = D(2026, 11, 1)
    sets = list(CompetencySet.objects.current().order_by("pk"))
    from candidates.certification import achievement_record

    for days_left, achieved in ((10, 5), (40, 0), (200, 2), (400, 5), (-3, 5)):
        candidate = admitted_candidate()
        Candidate.objects.filter(pk=candidate.pk).update(
            deadline=today + datetime.timedelta(days=days_left)
        )
        for competency_set in sets[3 : 3 + achieved]:  # electives: never certifies
            achievement_record(
                candidate=candidate, competency_set=competency_set, method="course"
            )
        Candidate.objects.filter(pk=candidate.pk).update(
            deadline=today + datetime.timedelta(days=days_left)
        )
    from candidates.models import Achievement

    Achievement.objects.update(achieved_on=today)
    response = officer_client.get(
        url("near-deadline", start=str(today), end=str(today))
    )
    rows = rows_of(response)
    # columns: 0, 1, 2, 3, 4, "5 or more" sets achieved, total
    assert rows["Within 1 month"] == [0, 0, 0, 0, 0, 1, 1]
    assert rows["1–3 months"] == [1, 0, 0, 0, 0, 0, 1]
    assert rows["6–12 months"] == [0, 0, 1, 0, 0, 0, 1]
    assert rows["3–6 months"] == [0, 0, 0, 0, 0, 0, 0]  # 400 days and past: out


# --- Evaluation ----------------------------------------------------------------------


def _submission(competency_set, number=1):
    candidate = admitted_candidate()
    portfolio = portfolio_open(
        candidate=candidate, competency_set=competency_set, by=None
    )
    return Submission.objects.create(portfolio=portfolio, number=number, snapshot={})


def _evaluator(name):
    return Evaluator.objects.create(
        user=UserFactory(full_name=name), institution="Lakeside College",
        trained_on=D(2026, 1, 1),
    )  # fmt: skip


def test_evaluators_load_and_speed(officer_client):  # noqa: F811
    technology = CompetencySet.objects.get(slug="technology")
    ann, bob = _evaluator("Ann Archer"), _evaluator("Bob Baker")
    today = timezone.localdate()
    now = timezone.now()
    for days_taken in (2, 4, 9):  # Ann's reviews: the median is 4 days
        assignment = Assignment.objects.create(
            submission=_submission(technology), evaluator=ann, due_on=today,
            state=AssignmentState.SUBMITTED,
        )  # fmt: skip
        Assignment.objects.filter(pk=assignment.pk).update(
            assigned_at=now - datetime.timedelta(days=days_taken)
        )
        Review.objects.create(assignment=assignment, verdict="met", submitted_at=now)
    Assignment.objects.create(
        submission=_submission(technology), evaluator=bob, due_on=today
    )
    Assignment.objects.create(
        submission=_submission(technology), evaluator=bob,
        due_on=today - datetime.timedelta(days=1),
    )  # fmt: skip
    response = officer_client.get(url("evaluators", start=str(today), end=str(today)))
    rows = rows_of(response)
    # open, overdue, reviews submitted, median days
    assert rows["Ann Archer"] == [0, 0, 3, 4.0]
    assert rows["Bob Baker"] == [2, 1, 0, ""]


def _decide(competency_set, outcome, *, number=1, third=False):
    return Decision.objects.create(
        submission=_submission(competency_set, number),
        outcome=outcome,
        by_third_reviewer=third,
    )


def test_agreement_rate_and_portfolio_outcomes(officer_client):  # noqa: F811
    technology = CompetencySet.objects.get(slug="technology")
    _decide(technology, Outcome.ACHIEVED)  # met first time, agreed
    _decide(technology, Outcome.ACHIEVED, third=True)  # after a third reviewer
    _decide(technology, Outcome.REVISION)  # agreed: revision
    _decide(technology, Outcome.ACHIEVED, number=2)  # after revision, agreed
    today = timezone.localdate()

    agreement = rows_of(
        officer_client.get(url("agreement", start=str(today), end=str(today)))
    )
    # decisions, first two agreed, third needed, rate
    assert agreement["Technology"] == [4, 3, 1, 75.0]
    assert agreement["Cataloging and Classification"] == [0, 0, 0, ""]

    outcomes = rows_of(
        officer_client.get(url("portfolio-outcomes", start=str(today), end=str(today)))
    )
    assert outcomes["Technology"] == [1, 1, 1, 1]


def test_the_committee_sees_the_evaluation_reports_but_not_money(client):
    from lssc.accounts.roles import StaffGroup
    from tests.factories import staff_user

    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    for slug in ("evaluators", "agreement", "portfolio-outcomes"):
        assert client.get(url(slug)).status_code == 200
    assert client.get(url("revenue")).status_code == 404
