"""A portfolio outcome may be appealed to the CPC by its candidate."""

from lssc.appeals.registry import register

from .models import Decision, Outcome


def register_appealable():
    register(
        Decision,
        noun="portfolio outcome",
        owner=lambda d: d.submission.portfolio.candidate.user_id,
        owner_lookup="submission__portfolio__candidate__user",
        decision=lambda d: (
            f"{d.submission.portfolio.competency_set.name} portfolio not yet "
            f"sufficient: {d.revision_message or 'revision requested'}"
        ),
        appealable=lambda d: d.outcome == Outcome.REVISION,
        # The time runs from the committee's request, which gives the reasons.
        decided_at=lambda d: d.revision_sent_at or d.decided_at,
        select_related=(
            "submission__portfolio__candidate",
            "submission__portfolio__competency_set",
        ),
    )
