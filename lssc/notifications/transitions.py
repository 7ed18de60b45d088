"""An outgoing message's delivery: queued, then sent or failed (and tried again).

Delivery bookkeeping, not a decision: the row itself keeps the attempts and the
error, so these transitions write no audit entry.
"""

from django.utils import timezone

from lssc.audit.transitions import StateMachine

from .models import MailState, OutgoingMail

QUEUED = MailState.QUEUED
SENT = MailState.SENT
FAILED = MailState.FAILED

machine = StateMachine(OutgoingMail, "state", audit=False, noun="message")


@machine.transition(
    source=[QUEUED, FAILED],
    target=SENT,
    action="mail.sent",
    summary="Mail sent",
    verb="sent",
)
def mark_sent(change):
    mail = change.obj
    mail.attempts += 1
    mail.sent_at = timezone.now()
    mail.error = ""
    mail.next_attempt_at = None


@machine.transition(
    source=[QUEUED, FAILED],
    target=FAILED,
    action="mail.failed",
    summary="Mail not sent",
    verb="marked failed",
)
def mark_failed(change, *, error: str, next_attempt_at):
    """The transport refused it: kept with the error, and when to try again
    (``None``: the program gives up; staff may still send it again)."""
    mail = change.obj
    mail.attempts += 1
    mail.error = error[:2000]
    mail.next_attempt_at = next_attempt_at
