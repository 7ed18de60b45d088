"""Portfolios: opening one, what stops it being submitted, submitting and paying.

The state changes themselves are the named transitions in ``transitions.py``;
these services check the candidate's request first (the portfolio complete, the
state right, the candidacy's deadline not passed) and refuse with a
``PortfolioError`` they can act on, changing nothing. Editing narratives and
evidence is in ``content.py``; staff pre-reviews in ``prereview.py``.
"""

from django.db import transaction
from django.template.defaultfilters import pluralize

from candidates.candidacy import past_deadline_refusal
from lssc.audit.services import audit_log
from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.fees.services import fee_for
from lssc.payments.checkout import pay_for

from . import transitions
from .errors import PortfolioError
from .models import EvidenceLink, Portfolio, PortfolioStatus

# Reading ------------------------------------------------------------------------------


def word_count(text: str) -> int:
    return len(text.split())


def narrative_length(text: str) -> int:
    """Characters as the candidate's browser counts them: a line break is one."""
    return len(text.replace("\r\n", "\n").strip())


def narrative_length_problem(text: str) -> str | None:
    """Why the narrative is too long to save, or None."""
    limit = rules().PORTFOLIO_NARRATIVE_MAX_CHARS
    length = narrative_length(text)
    if length <= limit:
        return None
    return (
        f"The narrative has {length:,} characters; at most {limit:,} are allowed. "
        f"Shorten it by {length - limit:,}."
    )


def submission_gaps(portfolio: Portfolio) -> list[str]:
    """What stops the portfolio from being submitted, one line per gap."""
    needed = rules().PORTFOLIO_NARRATIVE_MIN_WORDS
    narratives = {n.competency_id: n.text for n in portfolio.narratives.all()}
    evidenced = set(
        EvidenceLink.objects.filter(
            evidence__portfolio=portfolio, evidence__retired_at=None
        ).values_list("competency_id", flat=True)
    )
    gaps = []
    for competency in portfolio.competency_set.competencies.all():
        words = word_count(narratives.get(competency.pk, ""))
        if words < needed:
            gaps.append(
                f"Competency {competency.number}: the narrative has {words} of the "
                f"{needed} words needed."
            )
        if competency.pk not in evidenced:
            gaps.append(
                f"Competency {competency.number}: link at least one evidence file."
            )
    return gaps


# Opening ------------------------------------------------------------------------------


def portfolio_open(*, candidate, competency_set, by) -> Portfolio:
    """The candidate's portfolio for the set, opened now if it does not exist."""
    if candidate.achievements.filter(competency_set=competency_set).exists():
        raise PortfolioError(f"You have already achieved {competency_set.name}.")
    if competency_set.retired_on is not None:
        raise PortfolioError(f"{competency_set.name} is no longer offered.")
    with transaction.atomic():
        exists = Portfolio.objects.filter(
            candidate=candidate, competency_set=competency_set
        ).exists()
        if not exists and (
            problem := past_deadline_refusal(
                candidate, "no new portfolio can be started"
            )
        ):
            raise PortfolioError(problem)
        portfolio, created = Portfolio.objects.get_or_create(
            candidate=candidate, competency_set=competency_set
        )
        if created:
            audit_log(
                subject=portfolio,
                action="portfolio.opened",
                summary=f"Portfolio for {competency_set.name} started",
                actor=by,
                owner=candidate.user,
                to_state=PortfolioStatus.DRAFT,
            )
    return portfolio


def editable_portfolio(portfolio_id) -> Portfolio:
    """The portfolio, locked for this transaction, if it may still be changed."""
    portfolio = (
        Portfolio.objects.select_for_update()
        .select_related("competency_set", "candidate__user")
        .get(pk=portfolio_id)
    )
    if not portfolio.is_editable:
        raise PortfolioError(
            "This portfolio has been submitted and can no longer be changed."
        )
    return portfolio


# Submission ---------------------------------------------------------------------------


def _fee_kind(portfolio: Portfolio) -> str:
    if portfolio.submissions.exists():
        return FeeKind.PORTFOLIO_RESUBMISSION
    return FeeKind.PORTFOLIO


def submission_fee_cents(portfolio: Portfolio) -> int:
    """What submitting costs now: the fee schedule's portfolio or resubmission fee."""
    fee = fee_for(
        _fee_kind(portfolio),
        ala_member=portfolio.candidate.application.pays_member_fee,
    )
    return fee.amount_cents


def submission_refusal(portfolio: Portfolio) -> str:
    """Why ``portfolio`` cannot be submitted now, ``""`` if it can: the one rule
    for the summary page before submitting and for the submission itself."""
    if not portfolio.is_editable:
        return "This portfolio has been submitted and can no longer be changed."
    if problem := past_deadline_refusal(
        portfolio.candidate, "no portfolio can be submitted"
    ):
        return problem
    if gaps := submission_gaps(portfolio):
        return (
            f"The portfolio is not ready to submit: {len(gaps)} "
            f"thing{pluralize(len(gaps))} missing."
        )
    return ""


def portfolio_submit(*, portfolio_id, by) -> Portfolio:
    """Ask to submit: content is locked until paid (or the request withdrawn); a
    submission that costs nothing goes for review at once."""
    with transaction.atomic():
        portfolio = editable_portfolio(portfolio_id)
        if problem := submission_refusal(portfolio):
            raise PortfolioError(problem)
        transitions.submit(portfolio, by=by)
        if submission_fee_cents(portfolio) == 0:
            transitions.mark_paid(portfolio, by=by)
    return portfolio


def portfolio_withdraw(*, portfolio_id, by) -> Portfolio:
    """Take back a submission that is not paid yet, to edit again."""
    with transaction.atomic():
        portfolio = Portfolio.objects.select_for_update().get(pk=portfolio_id)
        if portfolio.status != PortfolioStatus.AWAITING_PAYMENT:
            raise PortfolioError(
                "Only a submission waiting for payment can be taken back."
            )
        back_to = (
            PortfolioStatus.REVISION_REQUESTED
            if portfolio.submissions.exists()
            else PortfolioStatus.DRAFT
        )
        return transitions.withdraw(portfolio, by=by, to=back_to)


def portfolio_pay(
    *, portfolio: Portfolio, method: str, institution="", return_url=None
):
    """Start paying the submission fee; returns ``(payment, redirect_url)``.

    As for the application fee: a second click reuses the pending payment of the
    same method, another method cancels it, and a card payment goes to Stripe.
    """
    with transaction.atomic():
        portfolio = (
            Portfolio.objects.select_for_update()
            .select_related("candidate__application", "candidate__user")
            .get(pk=portfolio.pk)
        )
        if portfolio.status != PortfolioStatus.AWAITING_PAYMENT:
            raise PortfolioError("This portfolio is not waiting for a payment.")
        if problem := past_deadline_refusal(
            portfolio.candidate, "no portfolio fee can be paid"
        ):
            raise PortfolioError(problem)
        return pay_for(
            purpose=portfolio,
            payer=portfolio.candidate.user,
            method=method,
            kind=_fee_kind(portfolio),
            description=f"Portfolio: {portfolio.competency_set.name}",
            ala_member=portfolio.candidate.application.pays_member_fee,
            institution=institution,
            return_url=return_url,
        )
