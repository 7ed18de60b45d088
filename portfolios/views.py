"""The candidate's pages: their portfolios, the builder, evidence files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_POST

from candidates.models import Candidate
from candidates.selectors import candidacy_of
from lssc.audit.models import AuditEntry
from lssc.competencies.models import CompetencySet
from lssc.competencies.selectors import grouped_competencies
from lssc.core.downloads import attachment
from lssc.core.program import rules

from .content import (
    evidence_add,
    evidence_link,
    evidence_remove,
    evidence_replace,
    evidence_unlink,
    narratives_save,
)
from .errors import NarrativesTooLong, PortfolioError
from .filetypes import BY_NAME
from .forms import EvidenceLinkForm, EvidenceUploadForm, WebLinkForm
from .models import Evidence, EvidenceLink, Portfolio
from .prereview import prereview_request
from .services import (
    narrative_length,
    portfolio_open,
    submission_fee_cents,
    submission_gaps,
    word_count,
)


def _candidate(request) -> Candidate:
    """The person's latest candidacy: the one new portfolios belong to."""
    candidate = candidacy_of(request.user, related=("certification",))
    if candidate is None:
        raise Http404("Only candidates have portfolios.")
    return candidate


def _own_portfolio(request, pk) -> Portfolio:
    return get_object_or_404(
        Portfolio.objects.select_related(
            "competency_set", "candidate", "candidate__certification"
        ),
        pk=pk,
        candidate__user=request.user,
    )


def _own_evidence(request, pk) -> Evidence:
    return get_object_or_404(
        Evidence.objects.select_related("portfolio"),
        pk=pk,
        retired_at=None,
        portfolio__candidate__user=request.user,
    )


def _attempt(request, action, success: str = "") -> None:
    """Run a change the candidate asked for; its refusal, or ``success``, is shown."""
    try:
        action()
    except PortfolioError as error:
        messages.error(request, str(error))
    else:
        if success:
            messages.success(request, success)


@login_required
def portfolio_list(request):
    candidate = _candidate(request)
    portfolios = list(candidate.portfolios.select_related("competency_set"))
    started = {p.competency_set_id for p in portfolios}
    achieved = set(candidate.achievements.values_list("competency_set_id", flat=True))
    available = [
        s
        for s in CompetencySet.objects.current()
        if s.pk not in started and s.pk not in achieved
    ]
    ended = candidate.has_ended()
    return render(
        request,
        "portfolios/list.html",
        {
            "portfolios": portfolios,
            "available": [] if ended else available,
            "candidate": candidate,
            "ended": ended,
        },
    )


@login_required
@require_POST
def portfolio_start(request, slug):
    candidate = _candidate(request)
    competency_set = get_object_or_404(CompetencySet.objects.current(), slug=slug)
    try:
        portfolio = portfolio_open(
            candidate=candidate, competency_set=competency_set, by=request.user
        )
    except PortfolioError as error:
        messages.error(request, str(error))
        return redirect("portfolios:list")
    return redirect("portfolios:builder", pk=portfolio.pk)


@login_required
def builder(request, pk):
    return _builder_page(request, _own_portfolio(request, pk))


def _builder_page(request, portfolio, *, drafts=None, errors=None, status=200):
    """The builder; ``drafts`` are refused narratives, shown with their ``errors``."""
    drafts, errors = drafts or {}, errors or {}
    competency_set = CompetencySet.objects.prefetch_related("competencies").get(
        pk=portfolio.competency_set_id
    )
    narratives = {n.competency_id: n.text for n in portfolio.narratives.all()}
    evidence = list(
        portfolio.evidence.filter(retired_at=None).prefetch_related(
            Prefetch("links", EvidenceLink.objects.select_related("competency"))
        )
    )
    evidence_by_competency = {}
    for item in evidence:
        for link in item.links.all():
            evidence_by_competency.setdefault(link.competency_id, []).append(
                (item, link)
            )
    parts = grouped_competencies(competency_set)
    for part in parts:
        for group in part.kinds:
            for competency in group.competencies:
                competency.narrative = drafts.get(
                    competency.pk, narratives.get(competency.pk, "")
                )
                competency.words = word_count(competency.narrative)
                competency.characters = narrative_length(competency.narrative)
                competency.error = errors.get(competency.pk, "")
                competency.evidence = evidence_by_competency.get(competency.pk, [])
    timeline = AuditEntry.objects.filter(
        subject_type=ContentType.objects.get_for_model(Portfolio),
        subject_id=portfolio.pk,
    ).order_by("created_at", "pk")
    pre_reviews = list(portfolio.pre_reviews.prefetch_related("comments"))
    latest = next((p for p in pre_reviews if p.completed_at), None)
    staff_comments = (
        {c.competency_id: c.comment for c in latest.comments.all()} if latest else {}
    )
    for part in parts:
        for group in part.kinds:
            for competency in group.competencies:
                competency.staff_comment = staff_comments.get(competency.pk, "")
    competencies = competency_set.competencies.all()
    return render(
        request,
        "portfolios/builder.html",
        {
            "portfolio": portfolio,
            "parts": parts,
            "evidence": [
                (item, EvidenceLinkForm(competencies=competencies, prefix=item.pk))
                for item in evidence
            ],
            "upload_form": EvidenceUploadForm(max_mb=rules().EVIDENCE_MAX_FILE_MB),
            "link_form": WebLinkForm(),
            "gaps": submission_gaps(portfolio),
            "fee_cents": submission_fee_cents(portfolio),
            "pre_review_open": any(p.completed_at is None for p in pre_reviews),
            "timeline": timeline,
            "pre_review": latest,
            "min_words": rules().PORTFOLIO_NARRATIVE_MIN_WORDS,
            "max_characters": rules().PORTFOLIO_NARRATIVE_MAX_CHARS,
        },
        status=status,
    )


@login_required
@require_POST
def narratives_save_view(request, pk):
    portfolio = _own_portfolio(request, pk)
    texts = {
        competency.pk: request.POST[f"narrative-{competency.pk}"]
        for competency in portfolio.competency_set.competencies.all()
        if f"narrative-{competency.pk}" in request.POST
    }
    try:
        narratives_save(portfolio_id=portfolio.pk, texts=texts, by=request.user)
    except NarrativesTooLong as error:
        # Shown again as typed, so that nothing the candidate wrote is lost.
        count = len(error.errors)
        messages.error(
            request,
            f"Nothing was saved: {count} narrative{pluralize(count)} "
            f"{pluralize(count, 'is,are')} too long.",
        )
        return _builder_page(
            request, portfolio, drafts=texts, errors=error.errors, status=400
        )
    except PortfolioError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Narratives saved.")
    return redirect("portfolios:builder", pk=portfolio.pk)


@login_required
@require_POST
def evidence_upload(request, pk):
    portfolio = _own_portfolio(request, pk)
    form = EvidenceUploadForm(
        request.POST, request.FILES, max_mb=rules().EVIDENCE_MAX_FILE_MB
    )
    if form.is_valid():
        try:
            evidence = evidence_add(
                portfolio_id=portfolio.pk,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                by=request.user,
            )
        except PortfolioError as error:
            form.add_error("file", str(error))
        else:
            messages.success(
                request,
                f"“{evidence.title}” added. Link it to the competencies it shows.",
            )
            return redirect("portfolios:builder", pk=portfolio.pk)
    return render(
        request,
        "portfolios/upload.html",
        {"portfolio": portfolio, "upload_form": form},
        status=400,
    )


@login_required
@require_POST
def evidence_link_view(request, pk):
    evidence = _own_evidence(request, pk)
    competencies = evidence.portfolio.competency_set.competencies.all()
    form = EvidenceLinkForm(request.POST, competencies=competencies, prefix=evidence.pk)
    if not form.is_valid():
        messages.error(request, "Choose a competency and the kind of evidence.")
    else:
        _attempt(
            request,
            lambda: evidence_link(
                evidence_id=evidence.pk,
                competency_id=form.cleaned_data["competency"],
                role=form.cleaned_data["role"],
                by=request.user,
            ),
        )
    return redirect("portfolios:builder", pk=evidence.portfolio_id)


@login_required
@require_POST
def evidence_unlink_view(request, pk, competency_id):
    evidence = _own_evidence(request, pk)
    _attempt(
        request,
        lambda: evidence_unlink(
            evidence_id=evidence.pk, competency_id=competency_id, by=request.user
        ),
    )
    return redirect("portfolios:builder", pk=evidence.portfolio_id)


@login_required
@require_POST
def evidence_replace_view(request, pk):
    evidence = _own_evidence(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Choose the new file.")
    else:
        try:
            evidence_replace(evidence_id=evidence.pk, upload=upload, by=request.user)
        except PortfolioError as error:
            messages.error(request, f"“{evidence.title}” was not replaced: {error}")
        else:
            messages.success(request, f"“{evidence.title}” replaced.")
    return redirect("portfolios:builder", pk=evidence.portfolio_id)


@login_required
@require_POST
def evidence_remove_view(request, pk):
    evidence = _own_evidence(request, pk)
    _attempt(
        request,
        lambda: evidence_remove(evidence_id=evidence.pk, by=request.user),
        f"“{evidence.title}” removed.",
    )
    return redirect("portfolios:builder", pk=evidence.portfolio_id)


@login_required
def evidence_download(request, pk):
    """The file, as an attachment, to its owner and to staff only (a link has none)."""
    evidence = get_object_or_404(
        Evidence.objects.select_related("portfolio").exclude(file=""), pk=pk
    )
    owner = evidence.portfolio.candidate.user_id == request.user.pk
    if not (owner or request.user.has_perm("portfolios.view_evidence")):
        raise Http404
    return attachment(
        evidence.file.open("rb"),
        filename=evidence.name,
        content_type=BY_NAME[evidence.kind].mime,
    )


@login_required
@require_POST
def pre_review(request, pk):
    portfolio = _own_portfolio(request, pk)
    _attempt(
        request,
        lambda: prereview_request(portfolio_id=portfolio.pk, by=request.user),
        "Asked: program staff will comment; you can keep editing.",
    )
    return redirect("portfolios:builder", pk=portfolio.pk)
