"""An appeal's states and the named transitions between them.

A notice of intent, then the grounds (filed), the CPC's review, and its decision:
upheld or denied. The appellant is emailed at each step; an upheld appeal lets the
app whose decision it was reopen it (``registry.appeal_upheld``).
"""

from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.audit.services import audit_log
from lssc.audit.transitions import StateMachine
from lssc.notifications.services import mail_queue

from .errors import AppealError
from .models import Appeal, AppealDocument, AppealStatus
from .registry import appeal_upheld

NOTICE = AppealStatus.NOTICE
FILED = AppealStatus.FILED
UNDER_REVIEW = AppealStatus.UNDER_REVIEW
UPHELD = AppealStatus.UPHELD
DENIED = AppealStatus.DENIED

machine = StateMachine(
    Appeal,
    "status",
    owner=lambda a: a.appellant,
    error=AppealError,
    select_related=("appellant",),
)


def open_appeal(
    *, appellant, subject, decision_appealed: str, grounds="", documents=()
) -> Appeal:
    """The notice of intent: the appeal is made in its first state, and filed at
    once when the grounds come with it."""
    appeal = Appeal.objects.create(
        appellant=appellant, subject=subject, decision_appealed=decision_appealed
    )
    audit_log(
        subject=appeal,
        action="appeal.notice",
        summary=f"{appeal.reference}: Notice of intent to appeal received",
        actor=appellant,
        owner=appellant,
        to_state=appeal.status,
    )
    if grounds.strip():
        return file_grounds(appeal, by=appellant, grounds=grounds, documents=documents)
    _tell(appeal, "appeal_notice", staff=True)
    return appeal


def attach_documents(appeal: Appeal, documents=()) -> None:
    """Store ``documents`` (upload, name) pairs as the appeal's."""
    for upload, name in documents:
        document = AppealDocument(appeal=appeal, name=name)
        document.file.save(name, upload, save=False)
        document.save()


@machine.transition(
    source=NOTICE,
    target=FILED,
    action="appeal.filed",
    summary=lambda a: f"{a.reference}: Appeal filed with its grounds",
    verb="filed",
)
def file_grounds(change, *, grounds: str, documents=()):
    appeal = change.obj
    attach_documents(appeal, documents)
    appeal.grounds = grounds.strip()
    appeal.grounds_at = timezone.now()
    _tell(appeal, "appeal_filed", staff=True)


@machine.transition(
    source=FILED,
    target=UNDER_REVIEW,
    action="appeal.under_review",
    summary=lambda a: f"{a.reference}: The CPC started its review",
    verb="taken under review",
)
def start_review(change):
    change.obj.review_started_at = timezone.now()
    _tell(change.obj, "appeal_under_review")


def _decided(status):
    return lambda a: f"{a.reference}: Appeal {a.reference} {status.label.lower()}"


@machine.transition(
    source=[FILED, UNDER_REVIEW],
    target=UPHELD,
    action="appeal.upheld",
    summary=_decided(UPHELD),
    verb="decided",
)
def uphold(change):
    """The CPC changes the decision (``reason``: its decision in words); the app
    that made it reopens it in this same transaction."""
    _decide(change)
    appeal_upheld(change.obj, by=change.by)


@machine.transition(
    source=[FILED, UNDER_REVIEW],
    target=DENIED,
    action="appeal.denied",
    summary=_decided(DENIED),
    verb="decided",
)
def deny(change):
    """The decision stands (``reason``: the CPC's decision in words)."""
    _decide(change)


def _decide(change):
    change.obj.record_decision(change.by, change.reason)
    _tell(change.obj, "appeal_decided")


def _tell(appeal, template, staff=False):
    """The appellant hears of every step; the CPC and the Program Officer of new
    notices and filings."""
    context = {"appeal": appeal, "subject": appeal.subject}
    mail_queue(
        key=f"{template}:{appeal.pk}",
        to=appeal.appellant.email,
        template=template,
        context=context,
    )
    if staff:
        for email in staff_emails(
            StaffGroup.PROGRAM_COMMITTEE, StaffGroup.PROGRAM_OFFICER
        ):
            mail_queue(
                key=f"{template}-staff:{appeal.pk}:{email}",
                to=email,
                template="appeal_filed_staff",
                context=context,
            )
