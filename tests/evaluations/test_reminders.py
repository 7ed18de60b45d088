"""Review reminders: before the due date, on the first overdue days, never twice."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from evaluations.models import AssignmentState
from evaluations.reminders import send_review_reminders
from evaluations.services import assign_reviewers
from evaluations.tasks import review_reminders
from lssc.accounts.roles import StaffGroup
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def assignment(submission, make_evaluator):
    make_evaluator("Ann Reviewer")
    return assign_reviewers(submission_id=submission.pk)[0]


def subjects(to):
    return [m.subject for m in mail.outbox if to in m.to]


def test_reminded_five_days_before_then_on_three_overdue_days(assignment, commit):
    officer = staff_user(StaffGroup.PROGRAM_OFFICER)
    evaluator = assignment.evaluator.user.email
    due = assignment.due_on
    with commit():
        for day in range(-8, 6):  # from eight days before to five days after
            send_review_reminders(today=due + day * DAY)
            send_review_reminders(today=due + day * DAY)  # a second run: nothing new
    sent = subjects(evaluator)
    assert sum("Reminder:" in s for s in sent) == 1
    assert sum("Overdue:" in s for s in sent) == 3
    assert sum("Overdue review" in s for s in subjects(officer.email)) == 1


def test_no_reminders_for_a_finished_review(assignment, commit):
    assignment.state = AssignmentState.SUBMITTED
    assignment.save()
    with commit():
        send_review_reminders(today=assignment.due_on + DAY)
    sent = subjects(assignment.evaluator.user.email)
    assert not [s for s in sent if "Overdue" in s or "Reminder" in s]
    # The same sweep does send for an open assignment (the test can fail).
    assignment.state = AssignmentState.ASSIGNED
    assignment.save()
    with commit():
        send_review_reminders(today=assignment.due_on + DAY)
    assert any("Overdue" in s for s in subjects(assignment.evaluator.user.email))


def test_the_periodic_task_runs_the_sweep(assignment):
    assert review_reminders.delay().get(timeout=5) == 0  # due in 21 days: not yet
    assert assignment.due_on > timezone.localdate()
