"""Course applications, completions and recognition claims in every state, for the
generic transition tests."""

import datetime

from django.utils import timezone

from courses.models import (
    Completion,
    Course,
    CourseApplication,
    RecognitionClaim,
)
from lssc.accounts.roles import StaffGroup
from lssc.appeals.models import Appeal, AppealStatus
from lssc.competencies.models import CompetencySet
from tests.candidates.helpers import admitted_candidate
from tests.courses.conftest import (
    complete_application,
    contact_of,
    lakeside_agreement,
    make_provider,
    pdf,
)
from tests.factories import staff_user
from tests.transitions.worlds import World, world


def _technology():
    return CompetencySet.objects.get(slug="technology")


@world("courses.CourseApplication.status")
class CourseApplicationWorld(World):
    def make(self, state):
        provider = make_provider(contacts=1)
        application = complete_application(provider, _technology())
        CourseApplication.objects.filter(pk=application.pk).update(status=state)
        application.refresh_from_db()
        return application

    def kwargs(self, transition, obj):
        provider_contact = contact_of(obj.provider)
        if transition.name in ("submit", "resubmit", "withdraw"):
            return {"by": provider_contact}
        if transition.name == "mark_paid":
            return {"by": None}  # a payment webhook
        committee = staff_user(StaffGroup.PROGRAM_COMMITTEE)
        if transition.name == "reopen":
            appeal = Appeal.objects.create(
                appellant=provider_contact,
                subject=obj,
                decision_appealed=f"{obj} not approved: no offering.",
                status=AppealStatus.UPHELD,
                decision_reason="An offering is planned; review again.",
            )
            return {"by": committee, "reason": appeal.decision_reason, "appeal": appeal}
        return {
            "by": staff_user(StaffGroup.PROGRAM_OFFICER),
            "reason": "Covers every competency.",
        }


def _course() -> Course:
    today = timezone.localdate()
    return Course.objects.create(
        provider=make_provider(contacts=1),
        competency_set=_technology(),
        title="Tech basics",
        description="Six weeks.",
        format="course",
        delivery="online",
        pacing="asynchronous",
        length=6,
        length_unit="weeks",
        first_approved_on=today,
        approved_on=today,
        expires_on=today + datetime.timedelta(days=3 * 365),
    )


def _verdict(transition) -> dict:
    kwargs = {"by": staff_user(StaffGroup.PROGRAM_ASSISTANT)}
    if transition.name.startswith("reject"):
        kwargs["reason"] = "The form is not signed."
    return kwargs


@world("courses.Completion.state")
class CompletionWorld(World):
    def make(self, state):
        completion = Completion.objects.create(
            candidate=admitted_candidate(),
            course=_course(),
            completed_on=timezone.localdate(),
            result="Pass",
            state=state,
        )
        completion.form.save("completion-form.pdf", pdf(), save=True)
        return completion

    def kwargs(self, transition, obj):
        return _verdict(transition)


@world("courses.RecognitionClaim.state")
class RecognitionClaimWorld(World):
    def make(self, state):
        agreement = lakeside_agreement()
        agreement.competency_sets.set(CompetencySet.objects.required())
        return RecognitionClaim.objects.create(
            candidate=admitted_candidate(),
            agreement=agreement,
            graduated_on=datetime.date(2022, 5, 20),
            document_name="diploma.pdf",
            state=state,
        )

    def kwargs(self, transition, obj):
        return _verdict(transition)
