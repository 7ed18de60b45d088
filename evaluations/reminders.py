"""Reminders about reviews: to evaluators before and after the due date, and to
staff when a review is overdue. Each mail has a key naming the assignment and the
day it is about, so running the sweep twice (a retry, two beat nodes) sends
nothing twice."""

import datetime

from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.core.program import rules
from lssc.notifications.services import mail_queue

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
    for assignment in assignments:
        late = (today - assignment.due_on).days
        context = {"assignment": assignment, "days_late": late}
        if late <= 0:
            mail_queue(
                key=f"review-due-soon:{assignment.pk}",
                to=assignment.evaluator.user.email,
                template="review_due_soon",
                context=context,
            )
            continue
        mail_queue(
            key=f"review-overdue:{assignment.pk}:{late}",
            to=assignment.evaluator.user.email,
            template="review_overdue",
            context=context,
        )
        for email in officers:
            mail_queue(
                key=f"review-overdue-staff:{assignment.pk}:{email}",
                to=email,
                template="staff_review_overdue",
                context=context,
            )
    return len(assignments)
