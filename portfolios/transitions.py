"""The states of a portfolio and the named transitions between them.

A draft is submitted (awaiting payment), then either withdrawn to edit again or
marked paid, which freezes a submission for the evaluators (under review). Their
outcome either achieves the set or, through the committee, requests a revision,
after which the portfolio is edited and submitted like a draft.

Services check what the candidate asked for and call these; evaluations decide an
outcome and call ``achieve`` or ``request_revision``, never writing a portfolio's
fields themselves. ``manage.py state_diagrams`` draws the machine.
"""

from candidates.certification import achievement_record
from candidates.enums import AchievementMethod
from lssc.appeals.deadlines import last_day_to_appeal
from lssc.audit.transitions import StateMachine
from lssc.notifications.services import mail_queue
from lssc.payments.enums import PaymentStatus
from lssc.payments.services import payment_cancel, payments_for

from .errors import PortfolioError
from .models import EDITABLE_STATES, Portfolio, PortfolioStatus, Submission
from .signals import portfolio_submitted

machine = StateMachine(
    Portfolio,
    "status",
    owner=lambda portfolio: portfolio.candidate.user,
    error=PortfolioError,
    select_related=("candidate__user", "competency_set"),
)


@machine.transition(
    source=EDITABLE_STATES,
    target=PortfolioStatus.AWAITING_PAYMENT,
    action="portfolio.submitted",
    summary="Portfolio submitted",
    verb="submitted",
)
def submit(change):
    """Content is locked from now on, until paid (or the request withdrawn)."""


@machine.transition(
    source=PortfolioStatus.AWAITING_PAYMENT,
    target=[PortfolioStatus.DRAFT, PortfolioStatus.REVISION_REQUESTED],
    action="portfolio.withdrawn",
    summary="Submission taken back to edit",
    verb="taken back",
)
def withdraw(change):
    """Back to editing (``to=`` revision requested once a submission exists); the
    payment started for it is cancelled."""
    pending = payments_for(change.obj).filter(status=PaymentStatus.PENDING)
    for payment in pending:
        payment_cancel(payment=payment, actor=change.by, reason="Submission taken back")


@machine.transition(
    source=PortfolioStatus.AWAITING_PAYMENT,
    target=PortfolioStatus.UNDER_REVIEW,
    action="portfolio.under_review",
    summary=lambda portfolio: (
        f"Portfolio submission {portfolio.submissions.count() + 1} paid and sent "
        "for review"
    ),
    verb="sent for review",
)
def mark_paid(change):
    """The fee arrived (or there was none): freeze the submission for the evaluators.

    Payments call ``mark_paid.if_allowed``: a confirmation repeated finds the
    portfolio under review already and freezes nothing twice.
    """
    portfolio = change.obj
    submission = Submission.objects.create(
        portfolio=portfolio,
        number=portfolio.submissions.count() + 1,
        snapshot=_snapshot(portfolio),
    )
    mail_queue(
        key=f"portfolio-submitted:{submission.pk}",
        to=portfolio.candidate.user.email,
        template="portfolio_submitted",
        context={"portfolio": portfolio, "submission": submission},
    )
    change.on_commit(
        lambda: portfolio_submitted.send(sender=Submission, submission=submission)
    )


@machine.transition(
    source=PortfolioStatus.UNDER_REVIEW,
    target=PortfolioStatus.REVISION_REQUESTED,
    action="portfolio.revision_requested",
    summary="Revision requested by the committee",
    verb="sent back for revision",
)
def request_revision(change, *, decision, feedback):
    """The committee's request (``reason``) goes to the candidate with the
    evaluators' combined ``feedback``; they may edit and resubmit."""
    portfolio = change.obj
    mail_queue(
        key=f"revision-request:{decision.pk}",
        to=portfolio.candidate.user.email,
        template="portfolio_revision_request",
        context={
            "portfolio": portfolio,
            "decision": decision,
            "feedback": feedback,
            "appeal_last_day": last_day_to_appeal(decision.revision_sent_at),
        },
    )


@machine.transition(
    source=PortfolioStatus.UNDER_REVIEW,
    target=PortfolioStatus.ACHIEVED,
    action="portfolio.achieved",
    summary=lambda portfolio: f"{portfolio.competency_set.name} achieved by portfolio",
    verb="marked achieved",
)
def achieve(change, *, decision):
    """The evaluators' ``decision`` says met: the set is achieved, which may
    complete the certification."""
    portfolio = change.obj
    achievement_record(
        candidate=portfolio.candidate,
        competency_set=portfolio.competency_set,
        method=AchievementMethod.PORTFOLIO,
        actor=change.by,
    )
    mail_queue(
        key=f"portfolio-decided:{decision.pk}",
        to=portfolio.candidate.user.email,
        template="portfolio_achieved",
        context={"portfolio": portfolio, "decision": decision},
    )


def _snapshot(portfolio: Portfolio) -> dict:
    evidence = portfolio.evidence.filter(retired_at=None).prefetch_related("links")
    return {
        "narratives": {
            str(n.competency_id): n.text for n in portfolio.narratives.all()
        },
        "evidence": [
            {
                "id": item.pk,
                "title": item.title,
                "description": item.description,
                "name": item.name,
                "kind": item.kind,
                "size": item.size,
                "sha256": item.sha256,
                # A web page instead of a file: its address and the day it was seen.
                "url": item.url,
                "checked_on": item.checked_on.isoformat() if item.checked_on else "",
                "links": [[link.competency_id, link.role] for link in item.links.all()],
            }
            for item in evidence
        ],
    }
