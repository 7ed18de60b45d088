"""Outgoing mail in every state, for the generic transition tests."""

import itertools

from lssc.notifications.models import OutgoingMail
from tests.transitions.worlds import World, world

_numbers = itertools.count()


@world("notifications.OutgoingMail.state")
class OutgoingMailWorld(World):
    def make(self, state):
        return OutgoingMail.objects.create(
            key=f"state-world:{next(_numbers)}",
            to="pat@example.org",
            template="payment_received",
            subject="Payment received",
            body="Thank you.",
            state=state,
        )

    def kwargs(self, transition, obj):
        if transition.name == "mark_failed":
            return {"error": "Connection unexpectedly closed", "next_attempt_at": None}
        return {}
