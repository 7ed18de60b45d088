"""A portfolio outcome may be appealed to the CPC by its candidate."""

from lssc.appeals.registry import register

from .models import Decision, Outcome


def register_appealable():
    register(
        Decision,
        noun="portfolio outcome",
        owner=lambda d: d.submission.portfolio.candidate.user_id,
        decision=lambda d: (
            f"{d.submission.portfolio.competency_set.name} portfolio not yet "
            f"sufficient: {d.revision_message or 'revision requested'}"
        ),
        appealable=lambda d: d.outcome == Outcome.REVISION,
        select_related=(
            "submission__portfolio__candidate",
            "submission__portfolio__competency_set",
        ),
    )
