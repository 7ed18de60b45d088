"""Queueing and sending the program's mail.

Messages are rendered from ``templates/mail/<name>.txt`` or the text staff set in
admin (``templates.render``): the first line is the subject, the rest the body. A
message is a row first and is sent by a task after the transaction commits, so a
rolled-back change never sends mail and a retried task never sends twice.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from lssc.core.storage import private_storage

from .models import MailState, OutgoingMail
from .templates import render

logger = logging.getLogger(__name__)


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
        from .tasks import mail_send

        transaction.on_commit(lambda: mail_send.delay(mail.pk))
    return mail


def mail_deliver(mail_id: int) -> bool:
    """Send one queued message; ``True`` when it went out.

    A transport failure is recorded on the row (state failed, the error) rather than
    raised, so it never breaks the request that queued it; staff resend from admin.
    """
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update()
            .filter(pk=mail_id, state__in=[MailState.QUEUED, MailState.FAILED])
            .first()
        )
        if mail is None:
            return False
        mail.attempts += 1
        try:
            message = EmailMessage(
                subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{mail.subject}",
                body=mail.body,
                to=[mail.to],
            )
            if mail.attachment:
                with private_storage.open(mail.attachment, "rb") as attached:
                    message.attach(mail.attachment_name, attached.read())
            message.send()
        except Exception as error:
            logger.warning("Mail %s to %s failed: %s", mail.pk, mail.to, error)
            mail.state = MailState.FAILED
            mail.error = str(error)[:2000]
            mail.save(update_fields=["state", "error", "attempts"])
            return False
        mail.state = MailState.SENT
        mail.sent_at = timezone.now()
        mail.error = ""
        mail.save(update_fields=["state", "sent_at", "error", "attempts"])
        return True
