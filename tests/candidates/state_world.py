"""Applications and certifications in every state, for the generic transition
tests."""

import datetime

from django.utils import timezone

from candidates.applications import application_submit
from candidates.enums import ApplicationStatus, CertificationStatus, ExtensionStatus
from candidates.models import Application, Candidate, Certification, ExtensionRequest
from candidates.transitions import admit, revoke
from lssc.accounts.roles import StaffGroup
from tests.factories import UserFactory, staff_user
from tests.transitions.worlds import World, world

from .helpers import admitted_candidate, complete_draft


@world("candidates.Application.status")
class ApplicationWorld(World):
    def make(self, state):
        user = UserFactory()
        # Education from outside the US: a draft that submits to staff review.
        application = complete_draft(user, education="outside_us")
        if state == ApplicationStatus.DRAFT:
            return application
        application, _ = application_submit(application_id=application.pk, by=user)
        if state == ApplicationStatus.ADMITTED:
            return admit(application)  # with its candidate, as admitted for real
        Application.objects.filter(pk=application.pk).update(status=state)
        application.refresh_from_db()
        return application

    def kwargs(self, transition, obj):
        if transition.name == "submit":
            return {"by": obj.user, "counted_hours": 1820}
        if transition.name == "admit":
            return {"by": None}  # the payment's confirmation admits
        return {
            "by": staff_user(StaffGroup.PROGRAM_OFFICER),
            "reason": "Equivalent to a US high-school diploma.",
        }


@world("candidates.Certification.status")
class CertificationWorld(World):
    def make(self, state):
        today = timezone.localdate()
        certification = Certification.objects.create(
            candidate=admitted_candidate(),
            certified_on=today,
            period_starts_on=today,
            expires_on=today + datetime.timedelta(days=3 * 365),
        )
        if state == CertificationStatus.REVOKED:
            return revoke(certification, **self.kwargs(revoke, certification))
        return certification

    def kwargs(self, transition, obj):
        return {
            "by": staff_user(StaffGroup.PROGRAM_OFFICER),
            "reason": "Evidence found to be falsified.",
        }


@world("candidates.ExtensionRequest.status")
class ExtensionRequestWorld(World):
    """Requests for more time from candidates whose deadline passed ten days ago."""

    def make(self, state):
        today = timezone.localdate()
        candidate = admitted_candidate()
        deadline = today - datetime.timedelta(days=10)
        Candidate.objects.filter(pk=candidate.pk).update(deadline=deadline)
        request = ExtensionRequest.objects.create(
            candidate=candidate,
            reason="A long illness.",
            deadline_then=deadline,
            asked_until=today + datetime.timedelta(days=90),
        )
        if state != ExtensionStatus.REQUESTED:
            ExtensionRequest.objects.filter(pk=request.pk).update(status=state)
            request.refresh_from_db()
        return request

    def kwargs(self, transition, obj):
        officer = staff_user(StaffGroup.PROGRAM_OFFICER)
        if transition.name == "grant_extension":
            return {"by": officer, "until": obj.asked_until}
        return {"by": officer, "reason": "The window for extensions has closed."}
