"""Portfolios in every state, for the generic transition tests."""

from evaluations.models import Decision, Outcome
from lssc.accounts.roles import StaffGroup
from lssc.competencies.models import CompetencySet
from portfolios.models import Portfolio, Submission
from portfolios.services import portfolio_open
from tests.candidates.helpers import admitted_candidate
from tests.factories import staff_user
from tests.transitions.worlds import World, world


def _decision(portfolio, outcome) -> Decision:
    """The evaluators' outcome on a (new) submission of ``portfolio``."""
    submission = Submission.objects.create(
        portfolio=portfolio, number=portfolio.submissions.count() + 1, snapshot={}
    )
    return Decision.objects.create(
        submission=submission, outcome=outcome, revision_message="Show the lesson."
    )


@world("portfolios.Portfolio.status")
class PortfolioWorld(World):
    def make(self, state):
        portfolio = portfolio_open(
            candidate=admitted_candidate(),
            competency_set=CompetencySet.objects.get(slug="technology"),
            by=None,
        )
        Portfolio.objects.filter(pk=portfolio.pk).update(status=state)
        portfolio.refresh_from_db()
        return portfolio

    def kwargs(self, transition, obj):
        if transition.name == "achieve":
            # The evaluators' agreement decides: the system acts.
            return {"by": None, "decision": _decision(obj, Outcome.ACHIEVED)}
        if transition.name == "request_revision":
            return {
                "by": staff_user(StaffGroup.REVIEW_COMMITTEE),
                "reason": "Show the lesson.",
                "decision": _decision(obj, Outcome.REVISION),
                "feedback": {"ratings": {}, "comments": ["Clear narratives."]},
            }
        return {"by": obj.candidate.user}
