"""The evaluator's pages: their assignments and the blind review form.

An evaluator sees a submission only through their own assignment, under a code,
never the candidate's name; they see another evaluator's assessment (never the
name) only once both first reviews are in. Everything else answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_POST

from lssc.accounts.homes import not_your_home
from lssc.core.downloads import attachment
from lssc.core.program import rules
from portfolios.filetypes import BY_NAME
from portfolios.models import Evidence, Portfolio, Submission

from .forms import EvaluatorOfferForm
from .models import Assignment, AssignmentState, Evaluator, Review
from .recruitment import evaluator_apply
from .reviews import Assessment, candidate_feedback, review_save
from .rules import Rating, verdict
from .services import EvaluationError, assignment_decline

VISIBLE_STATES = (AssignmentState.ASSIGNED, AssignmentState.SUBMITTED)
ALREADY_SUBMITTED = "This review has been submitted already: it can no longer change."


def _evaluator(request) -> Evaluator:
    evaluator = Evaluator.objects.filter(user=request.user).first()
    if evaluator is None:
        raise Http404("Only evaluators have assignments.")
    return evaluator


def _assignment(request, pk) -> Assignment:
    return get_object_or_404(
        Assignment.objects.select_related(
            "submission__portfolio__competency_set", "evaluator"
        ),
        pk=pk,
        evaluator=_evaluator(request),
        state__in=VISIBLE_STATES,
    )


@login_required
def dashboard(request):
    evaluator = (
        Evaluator.objects.filter(user=request.user).prefetch_related("sets").first()
    )
    if evaluator is None:
        return not_your_home(
            request,
            "Only evaluators have reviews to do. To offer to evaluate portfolios, "
            "choose “Become an evaluator” at the foot of any page.",
        )
    assignments = list(
        evaluator.assignments.filter(state__in=VISIBLE_STATES)
        .select_related("submission__portfolio__competency_set", "review")
        .order_by("state", "due_on", "pk")
    )
    today = timezone.localdate()
    open_, done = [], []
    for assignment in assignments:
        is_open = assignment.state == AssignmentState.ASSIGNED
        assignment.overdue = is_open and assignment.due_on < today
        # A review saved but not submitted yet is the evaluator's draft.
        assignment.draft = is_open and hasattr(assignment, "review")
        (open_ if is_open else done).append(assignment)
    open_.sort(key=lambda a: (not a.overdue, a.due_on, a.pk))
    done.sort(key=lambda a: a.closed_at or a.assigned_at, reverse=True)
    return render(
        request,
        "evaluations/dashboard.html",
        {
            "evaluator": evaluator,
            "assignments": open_,
            "overdue": sum(a.overdue for a in open_),
            "drafts": sum(a.draft for a in open_),
            "completed": done,
            "today": today,
        },
    )


def _others_assessments(assignment):
    """The other first reviews, once both first reviews are submitted."""
    submission = assignment.submission
    firsts = list(
        submission.assignments.filter(
            third_reviewer=False, state=AssignmentState.SUBMITTED
        ).select_related("review")
    )
    if len(firsts) < 2:
        return []
    others = [a.review for a in firsts if a.pk != assignment.pk]
    return others if assignment.state == AssignmentState.SUBMITTED else []


@login_required
def review(request, pk):
    assignment = _assignment(request, pk)
    submission = assignment.submission
    snapshot = submission.snapshot
    competencies = list(submission.portfolio.competency_set.competencies.all())
    saved = Review.objects.filter(assignment=assignment).first()
    ratings = (
        {r.competency_id: r for r in saved.ratings.all()} if saved is not None else {}
    )
    evidence_for = {}
    for item in snapshot.get("evidence", []):
        item = {**item, "checked_on": parse_date(item.get("checked_on") or "")}
        for competency_id, role in item["links"]:
            evidence_for.setdefault(competency_id, []).append((item, role))
    rows = [
        {
            "competency": c,
            "narrative": snapshot.get("narratives", {}).get(str(c.pk), ""),
            "evidence": evidence_for.get(c.pk, []),
            "rating": ratings.get(c.pk),
        }
        for c in competencies
    ]
    preview = None
    if len(ratings) == len(competencies):
        preview = verdict(
            [r.rating for r in ratings.values()],
            pass_percent=rules().PORTFOLIO_PASS_MET_PERCENT,
        )
    others = _others_assessments(assignment)
    other_ratings = [
        {r.competency_id: r for r in other.ratings.all()} for other in others
    ]
    return render(
        request,
        "evaluations/review.html",
        {
            "assignment": assignment,
            "code": f"P-{submission.pk:05d}",
            "rows": rows,
            "review": saved,
            "choices": Rating.choices,
            "preview": preview,
            "others": list(zip(others, other_ratings, strict=True)),
            "editable": assignment.state == AssignmentState.ASSIGNED,
            "pass_percent": rules().PORTFOLIO_PASS_MET_PERCENT,
        },
    )


@login_required
@require_POST
def review_post(request, pk):
    assignment = _assignment(request, pk)
    if assignment.state != AssignmentState.ASSIGNED:
        # A second click, or the form posted again from the browser's history.
        messages.error(request, ALREADY_SUBMITTED)
        return redirect("evaluations:review", pk=assignment.pk)
    competencies = assignment.submission.portfolio.competency_set.competencies.all()
    assessment = Assessment(
        ratings={
            c.pk: (
                request.POST.get(f"rating-{c.pk}", ""),
                request.POST.get(f"comment-{c.pk}", ""),
            )
            for c in competencies
        },
        comments_for_candidate=request.POST.get("comments_for_candidate", ""),
        comments_for_committee=request.POST.get("comments_for_committee", ""),
    )
    try:
        # Submitting saves the draft first: the summary page shows what was
        # saved, and only its Confirm submits it (``submit_views``).
        review_save(
            evaluator=assignment.evaluator,
            assignment_id=assignment.pk,
            assessment=assessment,
        )
    except Assignment.DoesNotExist:
        # Submitted by a request that arrived at the same moment, or taken away.
        if Assignment.objects.filter(
            pk=assignment.pk, state=AssignmentState.SUBMITTED
        ).exists():
            messages.error(request, ALREADY_SUBMITTED)
            return redirect("evaluations:review", pk=assignment.pk)
        raise Http404 from None
    except EvaluationError as error:
        messages.error(request, str(error))
    else:
        if "submit" in request.POST:
            return redirect("evaluations:review_confirm", pk=assignment.pk)
        messages.success(request, "Draft saved.")
    return redirect("evaluations:review", pk=assignment.pk)


@login_required
@require_POST
def decline(request, pk):
    assignment = _assignment(request, pk)
    try:
        assignment_decline(
            assignment_id=assignment.pk,
            by=request.user,
            reason=request.POST.get("reason", ""),
        )
    except EvaluationError as error:
        messages.error(request, str(error))
        return redirect("evaluations:review", pk=assignment.pk)
    messages.success(request, "Declined: the program will assign someone else.")
    return redirect("evaluations:dashboard")


@login_required
def evidence(request, pk, evidence_id):
    """A file of the submission under review, to its assigned evaluator only."""
    assignment = _assignment(request, pk)
    names = {item["id"] for item in assignment.submission.snapshot.get("evidence", [])}
    if evidence_id not in names:
        raise Http404
    item = get_object_or_404(Evidence.objects.exclude(file=""), pk=evidence_id)
    return attachment(
        item.file.open("rb"),
        filename=item.name,
        content_type=BY_NAME[item.kind].mime,
    )


@login_required
def feedback(request, portfolio_pk):
    """The candidate's view of the evaluations of their portfolio: no names."""
    portfolio = get_object_or_404(
        Portfolio.objects.select_related("competency_set"),
        pk=portfolio_pk,
        candidate__user=request.user,
    )
    decided = list(
        Submission.objects.filter(portfolio=portfolio, decision__isnull=False)
        .select_related("decision__recommended_course__provider")
        .order_by("-number")
    )
    competencies = list(portfolio.competency_set.competencies.all())
    rounds = []
    for submission in decided:
        found = candidate_feedback(submission)
        rounds.append(
            {
                "submission": submission,
                "decision": submission.decision,
                "rows": [(c, found["ratings"].get(c.pk)) for c in competencies],
                "comments": found["comments"],
            }
        )
    return render(
        request,
        "evaluations/feedback.html",
        {"portfolio": portfolio, "rounds": rounds},
    )


def join(request):
    """Become an evaluator: what it involves, and the offer form for signed-in
    librarians and library educators."""
    form = None
    if request.user.is_authenticated:
        form = EvaluatorOfferForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = dict(form.cleaned_data)
            sets = data.pop("sets")
            try:
                evaluator_apply(user=request.user, sets=sets, **data)
            except EvaluationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    "Thank you: your offer is with the Certification Review "
                    "Committee, which will write to you.",
                )
                return redirect("evaluations:join")
    return render(request, "evaluations/join.html", {"form": form})
