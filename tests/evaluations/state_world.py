"""Assignments and offers to evaluate in every state, for the generic transition
tests."""

import datetime

from django.utils import timezone

from evaluations.models import Assignment, Evaluator, EvaluatorApplication
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from portfolios.models import Portfolio, PortfolioStatus, Submission
from portfolios.services import portfolio_open
from tests.candidates.helpers import admitted_candidate
from tests.factories import UserFactory, staff_user
from tests.transitions.worlds import World, world


def _evaluator(technology, name) -> Evaluator:
    evaluator = Evaluator.objects.create(
        user=UserFactory(full_name=name),
        institution="Lakeside College",
        trained_on=datetime.date(2026, 3, 1),
    )
    evaluator.sets.set([technology])
    return evaluator


@world("evaluations.Assignment.state")
class AssignmentWorld(World):
    def make(self, state):
        technology = CompetencySet.objects.get(slug="technology")
        portfolio = portfolio_open(
            candidate=admitted_candidate(), competency_set=technology, by=None
        )
        Portfolio.objects.filter(pk=portfolio.pk).update(
            status=PortfolioStatus.UNDER_REVIEW
        )
        submission = Submission.objects.create(
            portfolio=portfolio, number=1, snapshot={}
        )
        return Assignment.objects.create(
            submission=submission,
            evaluator=_evaluator(technology, "Ann Reviewer"),
            state=state,
            due_on=timezone.localdate() + datetime.timedelta(days=30),
        )

    def kwargs(self, transition, obj):
        if transition.name == "submit_review":
            return {"by": obj.evaluator.user, "at": timezone.now()}
        if transition.name == "decline":
            return {"by": obj.evaluator.user, "reason": "I know the candidate."}
        kwargs = {
            "by": staff_user(StaffGroup.PROGRAM_OFFICER),
            "reason": "Overdue by a month.",
        }
        if transition.name == "hand_over":
            technology = obj.submission.portfolio.competency_set
            kwargs["successor"] = _evaluator(technology, "Bo Successor")
        return kwargs


@world("evaluations.EvaluatorApplication.state")
class OfferWorld(World):
    def make(self, state):
        application = EvaluatorApplication.objects.create(
            user=UserFactory(),
            institution="Lakeside College",
            role="librarian",
            portfolios_per_year=4,
            statement="Twenty years of reference work.",
            state=state,
        )
        application.sets.set([CompetencySet.objects.get(slug="technology")])
        return application

    def kwargs(self, transition, obj):
        kwargs = {"by": staff_user(StaffGroup.REVIEW_COMMITTEE)}
        if transition.name == "decline_offer":
            kwargs["reason"] = "We have enough evaluators for Technology."
        return kwargs
