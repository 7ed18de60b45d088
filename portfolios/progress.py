"""The CAR's view of portfolios: where each set stands while a portfolio is open."""

from candidates.progress import SetProgress, SetStatus

from .models import Portfolio, PortfolioStatus

# An achieved set is reported by its Achievement, not here.
_STATUS = {
    PortfolioStatus.DRAFT: SetStatus.IN_PROGRESS,
    PortfolioStatus.AWAITING_PAYMENT: SetStatus.SUBMITTED,
    PortfolioStatus.UNDER_REVIEW: SetStatus.UNDER_REVIEW,
    PortfolioStatus.REVISION_REQUESTED: SetStatus.REVISION_REQUESTED,
}


def portfolio_progress(candidates) -> dict:
    rows = Portfolio.objects.filter(
        candidate__in=candidates, status__in=list(_STATUS)
    ).values_list("candidate_id", "competency_set_id", "status", "updated_at")
    return {
        (candidate_id, set_id): SetProgress(
            status=_STATUS[status], on=updated_at.date(), detail="Portfolio"
        )
        for candidate_id, set_id, status, updated_at in rows
    }
