"""Queueing and sending the program's mail.

Messages are rendered from ``templates/mail/<name>.txt`` or the text staff set in
admin (``templates.render``): the first line is the subject, the rest the body. The
row keeps that text only; the branded HTML part is made from it when the message is
sent (``lssc.core.mail_message``), so a retry after a change of the program's address
or layout sends the current one, and the table does not hold every message twice. A
message is a row first and is sent by a task after the transaction commits, so a
rolled-back change never sends mail and a retried task never sends twice.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lssc.core.mail_message import program_mail
from lssc.core.storage import private_storage
from lssc.outbox.services import enqueue

from . import transitions
from .models import MailState, OutgoingMail
from .templates import render

logger = logging.getLogger(__name__)

# The task that sends one message (``tasks.mail_send``), named rather than imported.
SEND_TASK = "notifications.mail_send"


def mail_queue(
    *, key: str, to: str, template: str, context: dict, attachment=("", "")
) -> OutgoingMail:
    """Queue ``template`` for ``to`` once per ``key``; repeats return the first row.

    ``attachment`` is ``(name in the private storage, name shown)``; the file is
    read when the message is sent.
    """
    context = {"site_url": settings.SITE_URL, **context}
    subject, body = render(template, context)
    mail, created = OutgoingMail.objects.get_or_create(
        key=key,
        defaults={
            "to": to,
            "template": template,
            "subject": subject,
            "body": body,
            "attachment": attachment[0],
            "attachment_name": attachment[1],
        },
    )
    if created:
        enqueue(SEND_TASK, mail.pk)
    return mail


def mail_deliver(mail_id: int) -> bool:
    """Send one queued message; ``True`` when it went out.

    A transport failure is recorded on the row (state failed, the error, when to try
    again) rather than raised, so it never breaks the request that queued it;
    ``mail_retry_due`` tries it again with growing pauses, and staff can resend it
    from admin at any time.
    """
    with transaction.atomic():
        # Locked while it is sent: a second task for it waits, then finds it sent.
        mail = (
            OutgoingMail.objects.select_for_update()
            .filter(pk=mail_id, state__in=[MailState.QUEUED, MailState.FAILED])
            .first()
        )
        if mail is None:
            return False
        try:
            message = program_mail(
                subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{mail.subject}",
                title=mail.subject,
                body=mail.body,
                to=[mail.to],
            )
            if mail.attachment:
                with private_storage.open(mail.attachment, "rb") as attached:
                    message.attach(mail.attachment_name, attached.read())
            message.send()
        except Exception as error:
            logger.warning("Mail %s to %s failed: %s", mail.pk, mail.to, error)
            transitions.mark_failed(
                mail, error=str(error), next_attempt_at=next_attempt(mail.attempts + 1)
            )
            return False
        transitions.mark_sent(mail)
        return True


def next_attempt(attempts: int):
    """When to try a message again after ``attempts`` failures; ``None`` to give up.

    The pauses grow (``MAIL_RETRY_MINUTES``): a mail server that is down for a few
    minutes or a few hours loses no message, and one that refuses a message for good
    is not asked every minute.
    """
    pauses = settings.MAIL_RETRY_MINUTES
    if attempts > len(pauses):
        return None
    return timezone.now() + datetime.timedelta(minutes=pauses[attempts - 1])


def mail_retry_due() -> int:
    """Queue every failed message whose next attempt is due; returns how many."""
    with transaction.atomic():
        due = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(state=MailState.FAILED, next_attempt_at__lte=timezone.now())
            .values_list("pk", flat=True)[:1000]
        )
        # Queued once: the next failure sets a new time.
        OutgoingMail.objects.filter(pk__in=due).update(next_attempt_at=None)
        for pk in due:
            enqueue(SEND_TASK, pk)
    return len(due)
