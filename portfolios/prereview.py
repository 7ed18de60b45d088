"""Staff pre-review: a candidate asks program staff to look at a draft (no fee).

The portfolio stays editable meanwhile; staff write their comments in the admin
and send them from there.
"""

from django.db import transaction
from django.utils import timezone

from lssc.accounts.roles import StaffGroup, staff_emails
from lssc.audit.services import audit_log
from lssc.notifications.services import mail_queue

from .errors import PortfolioError
from .models import PreReview
from .services import editable_portfolio


def prereview_request(*, portfolio_id, by) -> PreReview:
    """Ask program staff to look at the draft; it stays editable meanwhile."""
    with transaction.atomic():
        portfolio = editable_portfolio(portfolio_id)
        if portfolio.pre_reviews.filter(completed_at=None).exists():
            raise PortfolioError("You have already asked; staff will reply soon.")
        request = PreReview.objects.create(portfolio=portfolio)
        audit_log(
            subject=portfolio,
            action="portfolio.pre_review_requested",
            summary="Staff pre-review requested",
            actor=by,
            owner=portfolio.candidate.user,
        )
        staff = staff_emails(StaffGroup.PROGRAM_ASSISTANT, StaffGroup.PROGRAM_OFFICER)
        for email in staff:
            mail_queue(
                key=f"pre-review-requested:{request.pk}:{email}",
                to=email,
                template="staff_pre_review_requested",
                context={"pre_review": request},
            )
    return request


def prereview_complete(*, pre_review_id, by) -> PreReview:
    """Send staff's comments to the candidate (written in the admin)."""
    with transaction.atomic():
        pre_review = (
            PreReview.objects.select_for_update()
            .select_related("portfolio__candidate__user", "portfolio__competency_set")
            .get(pk=pre_review_id)
        )
        if pre_review.completed_at is not None:
            raise PortfolioError("These comments have already been sent.")
        if not (pre_review.general_comment.strip() or pre_review.comments.exists()):
            raise PortfolioError("Write a comment before sending.")
        pre_review.completed_at = timezone.now()
        pre_review.completed_by = by
        pre_review.save(update_fields=["completed_at", "completed_by"])
        portfolio = pre_review.portfolio
        audit_log(
            subject=portfolio,
            action="portfolio.pre_review_completed",
            summary="Staff pre-review comments sent",
            actor=by,
            owner=portfolio.candidate.user,
        )
        mail_queue(
            key=f"pre-review-completed:{pre_review.pk}",
            to=portfolio.candidate.user.email,
            template="pre_review_completed",
            context={"pre_review": pre_review, "portfolio": portfolio},
        )
    return pre_review
