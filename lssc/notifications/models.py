"""Outgoing mail as rows, so a message is sent once and a failure stays visible."""

from django.db import models
from simple_history.models import HistoricalRecords


class MailState(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class OutgoingMail(models.Model):
    key = models.CharField(
        max_length=200,
        unique=True,
        help_text="What the message is about; the same key is never sent twice.",
    )
    to = models.EmailField(db_index=True)
    template = models.CharField(max_length=60, blank=True, db_index=True)
    subject = models.CharField(max_length=250)
    body = models.TextField()
    state = models.CharField(
        max_length=10, choices=MailState.choices, default=MailState.QUEUED
    )
    error = models.TextField(blank=True)
    # A private file sent with the message (a certificate): its name in the
    # private storage, and the name the recipient sees.
    attachment = models.CharField(max_length=200, blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When a failed message is tried again; empty once the program "
        "has given up (staff can still send it again).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["state", "created_at"]),
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(state="failed"),
                name="mail_retry_due",
            ),
        ]
        verbose_name = "outgoing mail"
        verbose_name_plural = "outgoing mail"

    def __str__(self):
        return f"{self.subject} → {self.to}"


class Reminder(models.Model):
    """A reminder sent: about what (``subject``), of which kind, for which due date.

    One row per (subject, kind, due date, person): a sweep that runs twice, or a retried
    task, finds the row and sends nothing. A new due date (an extended deadline, a
    renewed period) is a new reminder.
    """

    subject_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=60)
    due_on = models.DateField(help_text="The deadline or date the reminder is about.")
    to = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "kind", "due_on", "to"],
                name="reminder_once",
            )
        ]
        indexes = [models.Index(fields=["kind", "due_on"])]

    def __str__(self):
        return f"{self.kind} for {self.due_on} to {self.to}"


class MailTemplate(models.Model):
    """Staff's wording of one of the program's messages, replacing the default."""

    name = models.CharField(max_length=60, unique=True)
    text = models.TextField(
        help_text="The subject on the first line, the message below. Placeholders "
        "such as {{ candidate.user.full_name }} are filled in when it is sent."
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "mail template"

    def __str__(self):
        return self.name
