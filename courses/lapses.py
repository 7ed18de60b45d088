"""The end of course approvals: recording a lapse once, reminding providers before
it, and reminding staff of applications waiting in review. Run daily
(``courses.tasks``); each is safe to run twice."""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.audit.services import audit_log
from lssc.core.program import rules
from lssc.notifications.reminders import Due, remind_each, stage
from lssc.notifications.services import mail_queue

from .models import Course, CourseApproval
from .providers import mail_provider, provider_emails
from .selectors import applications_waiting_too_long


def approvals_lapse(today=None) -> int:
    """Record, once each, the courses whose approval ended; the catalog already
    hides them by date, so this only audits and tells the provider."""
    today = today or timezone.localdate()
    lapsed = 0
    due = Course.objects.filter(expires_on__lte=today, lapse_recorded_at=None)
    for course_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            course = (
                Course.objects.select_for_update(of=("self",))
                .select_related("provider")
                .get(pk=course_id)
            )
            if course.lapse_recorded_at is not None or course.expires_on > today:
                continue
            course.lapse_recorded_at = timezone.now()
            course.save(update_fields=["lapse_recorded_at"])
            audit_log(
                subject=course,
                action="course.lapsed",
                summary=f"Approval of {course.title} lapsed on "
                f"{course.expires_on:%B %-d, %Y}",
                from_state="approved",
                to_state="lapsed",
            )
            mail_provider(
                course.provider,
                f"course-lapsed:{course.pk}:{course.expires_on}",
                "course_lapsed",
                {"course": course},
            )
            lapsed += 1
    return lapsed


def approval_reminders(today=None) -> int:
    """Tell providers COURSE_LAPSE_REMINDER_DAYS before an approval lapses, once per
    approval and lead time; an approval already renewed is not the course's latest
    and is passed over. Returns how many approvals were reminded."""
    today = today or timezone.localdate()
    days = sorted(rules().COURSE_LAPSE_REMINDER_DAYS, reverse=True)
    approvals = CourseApproval.objects.filter(
        expires_on__gt=today,
        expires_on__lte=today + datetime.timedelta(days=days[0]),
        course__expires_on=F("expires_on"),
    ).select_related("course__provider")
    due = []
    for approval in approvals:
        kind = stage(
            today,
            [
                (approval.expires_on - datetime.timedelta(days=d), f"course_lapse_{d}d")
                for d in days
            ],
        )
        course = approval.course
        due.extend(
            Due(approval, kind, approval.expires_on, email, "course_lapse_reminder",
                {"course": course, "provider": course.provider,
                 "days": (approval.expires_on - today).days})
            for email in provider_emails(course.provider)
        )  # fmt: skip
    return len({item.subject.pk for item in remind_each(due)})


def waiting_applications_reminder(today=None) -> int:
    """Tell the Program Officer and the CRC, once a day, of the applications in review
    for more than COURSE_REVIEW_WAITING_DAYS."""
    today = today or timezone.localdate()
    waiting = list(
        applications_waiting_too_long(today)
        .select_related("provider")
        .order_by("in_review_since")
    )
    if not waiting:
        return 0
    for email in staff_emails(StaffGroup.PROGRAM_OFFICER, StaffGroup.REVIEW_COMMITTEE):
        mail_queue(
            key=f"course-applications-waiting:{today}:{email}",
            to=email,
            template="course_applications_waiting",
            context={
                "applications": waiting,
                "days": rules().COURSE_REVIEW_WAITING_DAYS,
            },
        )
    return len(waiting)
