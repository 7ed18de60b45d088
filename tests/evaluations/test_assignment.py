"""Who reviews a submission: qualified, trained, active, free, without conflict."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from evaluations.models import Assignment, AssignmentState, Evaluator
from evaluations.services import (
    EvaluationError,
    assign_reviewers,
    assignment_decline,
    needs_evaluator,
)
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from lssc.payments.enums import PaymentMethod
from lssc.payments.services import payment_confirm
from portfolios.models import Submission
from portfolios.services import portfolio_open, portfolio_pay, portfolio_submit
from tests.candidates.helpers import admitted_candidate
from tests.factories import staff_user
from tests.portfolios.test_submission import complete

pytestmark = pytest.mark.django_db


def assigned(submission):
    return {
        a.evaluator.user.full_name
        for a in submission.assignments.filter(state=AssignmentState.ASSIGNED)
    }


def test_two_qualified_evaluators_are_assigned_with_a_due_date(
    submission, make_evaluator, commit
):
    make_evaluator("Ann")
    make_evaluator("Bob")
    with commit():
        created = assign_reviewers(submission_id=submission.pk)
    assert {a.evaluator.user.full_name for a in created} == {"Ann", "Bob"}
    assert created[0].due_on == timezone.localdate() + datetime.timedelta(days=21)
    subjects = [m.subject for m in mail.outbox]
    assert subjects.count("[LSSC] A Technology portfolio to evaluate") == 2
    # The mail names neither the candidate nor the other evaluator.
    body = mail.outbox[0].body
    assert submission.portfolio.candidate.user.full_name not in body


def test_only_trained_active_evaluators_of_the_set(submission, make_evaluator):
    youth = CompetencySet.objects.get(slug="youth-services")
    make_evaluator("Untrained", trained_on=None)
    make_evaluator("Inactive", active=False)
    make_evaluator("Other set", sets=[youth])
    make_evaluator("Qualified")
    assign_reviewers(submission_id=submission.pk)
    assert assigned(submission) == {"Qualified"}


def test_no_self_review_and_no_colleague_of_the_candidate(submission, make_evaluator):
    candidate_user = submission.portfolio.candidate.user
    make_evaluator("Themself", user=candidate_user)
    # The candidate works at Springfield Public Library (any capitalisation).
    make_evaluator("Colleague", institution="springfield public library ")
    make_evaluator("Stranger")
    assign_reviewers(submission_id=submission.pk)
    assert assigned(submission) == {"Stranger"}


def test_load_limits_and_fewest_open_assignments_first(
    submission, make_evaluator, technology
):
    busy = make_evaluator("Busy", max_assignments=1)
    make_evaluator("Full", max_assignments=0)
    make_evaluator("Free")
    make_evaluator("Also free")
    # Busy already has one open assignment elsewhere.
    other = Assignment.objects.create(
        submission=_another_submission(technology),
        evaluator=busy,
        due_on=timezone.localdate(),
    )
    assert other.state == AssignmentState.ASSIGNED
    assign_reviewers(submission_id=submission.pk)
    assert assigned(submission) == {"Free", "Also free"}


def test_ties_go_to_whoever_was_assigned_least_recently(
    submission, make_evaluator, technology
):
    recent = make_evaluator("Recent")
    make_evaluator("Never")
    make_evaluator("Long ago")
    for evaluator, days in [(recent, 1), (_find("Long ago"), 300)]:
        done = Assignment.objects.create(
            submission=_another_submission(technology),
            evaluator=evaluator,
            due_on=timezone.localdate(),
            state=AssignmentState.SUBMITTED,
        )
        Assignment.objects.filter(pk=done.pk).update(
            assigned_at=timezone.now() - datetime.timedelta(days=days)
        )
    assign_reviewers(submission_id=submission.pk)
    assert assigned(submission) == {"Never", "Long ago"}


def test_a_decline_brings_in_someone_new(submission, make_evaluator):
    make_evaluator("Ann")
    make_evaluator("Bob")
    make_evaluator("Cy")
    first = assign_reviewers(submission_id=submission.pk)
    decliner = first[0]
    with pytest.raises(EvaluationError, match="Give the reason"):
        assignment_decline(assignment_id=decliner.pk, by=None, reason=" ")
    assignment_decline(assignment_id=decliner.pk, by=None, reason="I know them.")
    now = assigned(submission)
    assert len(now) == 2
    assert decliner.evaluator.user.full_name not in now
    with pytest.raises(EvaluationError, match="no longer open"):
        assignment_decline(assignment_id=decliner.pk, by=None, reason="again")


def test_without_free_evaluators_the_submission_waits_and_staff_are_told(
    submission, make_evaluator, commit
):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    make_evaluator("Only one")
    with commit():
        assign_reviewers(submission_id=submission.pk)
        assign_reviewers(submission_id=submission.pk)  # a retry tells no one twice
    assert list(needs_evaluator()) == [submission]
    to_officer = [m for m in mail.outbox if officer.email in m.to]
    assert [m.subject for m in to_officer] == ["[LSSC] A portfolio needs an evaluator"]

    make_evaluator("Second")
    assign_reviewers(submission_id=submission.pk)
    assert list(needs_evaluator()) == []
    assert len(assigned(submission)) == 2


def _find(name):
    return Evaluator.objects.get(user__full_name=name)


def _another_submission(technology):
    portfolio = portfolio_open(
        candidate=admitted_candidate(), competency_set=technology, by=None
    )
    return Submission.objects.create(portfolio=portfolio, number=1, snapshot={})


def test_a_paid_submission_gets_its_reviewers(technology, make_evaluator, commit):
    make_evaluator("Ann")
    make_evaluator("Bob")
    portfolio = portfolio_open(
        candidate=admitted_candidate(), competency_set=technology, by=None
    )
    complete(portfolio)
    portfolio_submit(portfolio_id=portfolio.pk, by=None)
    payment, _ = portfolio_pay(portfolio=portfolio, method=PaymentMethod.CHECK)
    with commit():
        payment_confirm(payment_id=payment.pk)
    assert assigned(Submission.objects.get(portfolio=portfolio)) == {"Ann", "Bob"}


def test_staff_withdraw_an_assignment_in_the_admin(client, submission, make_evaluator):
    make_evaluator("Ann")
    make_evaluator("Bob")
    make_evaluator("Cy")
    ann = assign_reviewers(submission_id=submission.pk)[0]
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))
    response = client.post(
        "/admin/evaluations/assignment/",
        {
            "action": "withdraw",
            "_selected_action": [ann.pk],
            "apply": "1",
            "reason": "Overdue by a month.",
        },
    )
    assert response.status_code == 302
    ann.refresh_from_db()
    assert ann.state == AssignmentState.WITHDRAWN
    assert len(assigned(submission)) == 2
    assert ann.evaluator.user.full_name not in assigned(submission)


def test_the_committee_chooses_the_third_evaluator(client, submission, make_evaluator):
    for name in ("Ann", "Bob", "Cy"):
        make_evaluator(name)
    colleague = make_evaluator("Colleague", institution="Springfield Public Library")
    dee = make_evaluator("Dee")
    first, _ = assign_reviewers(submission_id=submission.pk)
    third = assign_reviewers(submission_id=submission.pk, third=True)[0]
    client.force_login(staff_user(StaffGroup.REVIEW_COMMITTEE))

    def hand_over(evaluator):
        return client.post(
            "/admin/evaluations/assignment/",
            {
                "action": "hand_over",
                "_selected_action": [third.pk],
                "apply": "1",
                "reason": "The committee prefers a youth services specialist.",
                "evaluator": evaluator.pk,
            },
            follow=True,
        )

    # Not someone with a conflict, nor one of the first two.
    for refused in (colleague, first.evaluator):
        assert "cannot take it" in hand_over(refused).content.decode()
        third.refresh_from_db()
        assert third.state == AssignmentState.ASSIGNED
    hand_over(dee)
    third.refresh_from_db()
    assert third.state == AssignmentState.WITHDRAWN
    chosen = submission.assignments.get(third_reviewer=True, state="assigned")
    assert chosen.evaluator == dee


def test_staff_see_the_needs_evaluator_queue_in_the_admin(client, submission):
    client.force_login(staff_user(StaffGroup.PROGRAM_ASSISTANT))
    assign_reviewers(submission_id=submission.pk)  # nobody is qualified
    url = "/admin/portfolios/submission/?queue=needs_evaluator"
    page = client.get(url).content.decode()
    assert str(submission) in page
    detail = client.get(f"/admin/portfolios/submission/{submission.pk}/change/")
    assert detail.status_code == 200
