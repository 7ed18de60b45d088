from .services import assign_reviewers


def on_portfolio_submitted(sender, *, submission, **kwargs):
    assign_reviewers(submission_id=submission.pk)
