"""Appeals waiting for the CPC, by status."""

from lssc.core.worklist import Queue, register

from .models import Appeal, AppealStatus


def register_queues():
    for status, label in (
        (AppealStatus.NOTICE, "Appeals: notices awaiting grounds"),
        (AppealStatus.FILED, "Appeals filed, review not started"),
        (AppealStatus.UNDER_REVIEW, "Appeals under review"),
    ):
        register(
            Queue(
                label,
                lambda status=status: Appeal.objects.filter(status=status),
                "filed_at",
                f"appeals_{status}",
                "appeals.view_appeal",
                "Appeals",
            )
        )
