"""Appeals in every state, for the generic transition tests."""

from lssc.accounts.roles import StaffGroup
from lssc.appeals.models import Appeal
from tests.factories import UserFactory, staff_user
from tests.transitions.worlds import World, world


@world("appeals.Appeal.status")
class AppealWorld(World):
    def make(self, state):
        appellant = UserFactory()
        # What is appealed matters to the registry only when upheld; a record no
        # app registered reopens nothing, so the appeal's own steps are tried alone.
        return Appeal.objects.create(
            appellant=appellant,
            subject=appellant,
            decision_appealed="Not admitted: fewer than 1,820 hours.",
            status=state,
        )

    def kwargs(self, transition, obj):
        if transition.name == "file_grounds":
            return {"by": obj.appellant, "grounds": "My volunteer hours count."}
        kwargs = {"by": staff_user(StaffGroup.PROGRAM_COMMITTEE)}
        if transition.name in ("uphold", "deny"):
            kwargs["reason"] = "The log shows 1,200 hours."
        return kwargs
