"""The summary before an evaluator submits a review: the saved draft's ratings,
the verdict they give and the comments, then Confirm. Only the confirmed POST
submits, and it submits the draft exactly as shown; confirming again changes
nothing and says the review is in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from lssc.core.confirm import is_confirmed
from lssc.core.program import rules

from .models import Assignment, AssignmentState, Review
from .reviews import review_submit, saved_assessment, unrated_refusal
from .rules import verdict
from .services import EvaluationError
from .views import ALREADY_SUBMITTED, _assignment


def _submitted(request, assignment):
    messages.info(request, ALREADY_SUBMITTED)
    return redirect("evaluations:review", pk=assignment.pk)


@login_required
@require_http_methods(["GET", "POST"])
def review_confirm(request, pk):
    assignment = _assignment(request, pk)
    if assignment.state != AssignmentState.ASSIGNED:
        return _submitted(request, assignment)
    review = (
        Review.objects.filter(assignment=assignment).prefetch_related("ratings").first()
    )
    competencies = list(
        assignment.submission.portfolio.competency_set.competencies.all()
    )
    ratings = {r.competency_id: r for r in review.ratings.all()} if review else {}
    given = {pk: r.rating for pk, r in ratings.items()}
    if problem := unrated_refusal(competencies, given):
        messages.error(request, problem)
        return redirect("evaluations:review", pk=assignment.pk)
    if not is_confirmed(request):
        code = f"P-{assignment.submission_id:05d}"
        return render(
            request,
            "evaluations/review_confirm.html",
            {
                "assignment": assignment,
                "code": code,
                "review": review,
                "rows": [(c, ratings[c.pk]) for c in competencies],
                "verdict": verdict(
                    given.values(), pass_percent=rules().PORTFOLIO_PASS_MET_PERCENT
                ),
                "title": f"Submit your review of portfolio {code}?",
                "confirm_label": "Confirm: submit the review",
                "back_url": reverse("evaluations:review", args=[assignment.pk]),
                "back_label": "Back to the review to change it",
            },
        )
    try:
        review_submit(
            evaluator=assignment.evaluator,
            assignment_id=assignment.pk,
            assessment=saved_assessment(review),
        )
    except Assignment.DoesNotExist:
        # Submitted by a request that arrived at the same moment, or taken away.
        if Assignment.objects.filter(
            pk=assignment.pk, state=AssignmentState.SUBMITTED
        ).exists():
            return _submitted(request, assignment)
        raise Http404 from None
    except EvaluationError as error:
        messages.error(request, str(error))
        return redirect("evaluations:review", pk=assignment.pk)
    messages.success(
        request, "Review submitted: your ratings went to the program. Thank you."
    )
    return redirect("evaluations:review", pk=assignment.pk)
