"""Renewals in every state, for the generic transition tests."""

from lssc.accounts.roles import StaffGroup
from renewals.models import Renewal
from tests.candidates.helpers import admitted_candidate
from tests.candidates.test_certificates import certify
from tests.factories import staff_user
from tests.transitions.worlds import World, world


@world("renewals.Renewal.status")
class RenewalWorld(World):
    def make(self, state):
        certification = certify(admitted_candidate())
        # Made in the period it renews, so approving it starts the next one.
        return Renewal.objects.create(
            certification=certification,
            period_expires_on=certification.expires_on,
            status=state,
            hours=32,
            technology_hours=4,
        )

    def kwargs(self, transition, obj):
        kwargs = {"by": staff_user(StaffGroup.PROGRAM_OFFICER)}
        if transition.name == "resubmit":
            kwargs.update(hours=33, technology_hours=5, activities=[])
        if transition.name == "return_to_holder":
            kwargs["reason"] = "The March workshop was not continuing education."
        return kwargs
