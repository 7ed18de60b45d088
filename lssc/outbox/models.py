"""Background work recorded in the same transaction as the change that needs it.

A task is a row before it is a message on the broker: if the broker cannot be reached
when the transaction commits, the row stays pending and the sweep sends it later, so
work is never lost and the request that asked for it never fails for it.
"""

from django.db import models


class PendingTask(models.Model):
    name = models.CharField(max_length=200, help_text="The Celery task's name.")
    args = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    dispatched_at = models.DateTimeField(
        null=True, blank=True, help_text="When the broker accepted it."
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(dispatched_at__isnull=True),
                name="pendingtask_waiting",
            ),
        ]
        verbose_name = "background task"

    def __str__(self):
        return f"{self.name}{tuple(self.args)}"
