"""Reminders about reviews: to evaluators before and after the due date, and to
staff when a review is overdue, through the reminder log, so running the sweep
twice (a retry, two beat nodes) sends nothing twice."""

import datetime

from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.core.program import rules
from lssc.notifications.reminders import Due, remind_each

from .models import Assignment, AssignmentState


def send_review_reminders(today: datetime.date | None = None) -> int:
    """Queue the reminders due today; returns how many assignments were looked at."""
    today = today or timezone.localdate()
    program = rules()
    soon = today + datetime.timedelta(days=program.REVIEW_REMINDER_DAYS_BEFORE)
    oldest = today - datetime.timedelta(days=program.REVIEW_OVERDUE_REMINDERS)
    assignments = list(
        Assignment.objects.filter(
            state=AssignmentState.ASSIGNED, due_on__gte=oldest, due_on__lte=soon
        ).select_related("evaluator__user", "submission__portfolio__competency_set")
    )
    officers = staff_emails(StaffGroup.PROGRAM_OFFICER)
    due = []
    for assignment in assignments:
        late = (today - assignment.due_on).days
        context = {"assignment": assignment, "days_late": late}
        evaluator = assignment.evaluator.user.email
        if late <= 0:
            due.append(Due(assignment, "review_due_soon", assignment.due_on,
                           evaluator, "review_due_soon", context))  # fmt: skip
            continue
        # One reminder on each of the first overdue days, about that day.
        due.append(Due(assignment, "review_overdue", today, evaluator,
                       "review_overdue", context))  # fmt: skip
        due.extend(
            Due(assignment, "review_overdue_staff", assignment.due_on, email,
                "staff_review_overdue", context)
            for email in officers
        )  # fmt: skip
    remind_each(due)
    return len(assignments)
