"""The candidate's pages for web pages as evidence: adding a link, and saying the
page was checked again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .errors import PortfolioError
from .forms import LinkCheckedForm, WebLinkForm
from .links import LinkRefused, web_link_add, web_link_checked
from .models import Evidence, EvidenceKind
from .views import _own_portfolio


@login_required
@require_POST
def link_add(request, pk):
    portfolio = _own_portfolio(request, pk)
    form = WebLinkForm(request.POST)
    if form.is_valid():
        try:
            evidence = web_link_add(
                portfolio_id=portfolio.pk,
                url=form.cleaned_data["url"],
                title=form.cleaned_data["title"],
                checked_on=form.cleaned_data["checked_on"],
                description=form.cleaned_data["description"],
                by=request.user,
            )
        except LinkRefused as error:
            form.add_error(error.field, str(error))
        except PortfolioError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"“{evidence.title}” added. Link it to the competencies it shows.",
            )
            return redirect("portfolios:builder", pk=portfolio.pk)
    return render(
        request,
        "portfolios/link.html",
        {"portfolio": portfolio, "link_form": form},
        status=400,
    )


@login_required
@require_POST
def link_checked(request, pk):
    evidence = get_object_or_404(
        Evidence,
        pk=pk,
        kind=EvidenceKind.LINK,
        retired_at=None,
        portfolio__candidate__user=request.user,
    )
    form = LinkCheckedForm(request.POST, prefix=f"checked-{evidence.pk}")
    if not form.is_valid():
        messages.error(request, "Give the day you checked the page, as a date.")
    else:
        try:
            web_link_checked(
                evidence_id=evidence.pk,
                checked_on=form.cleaned_data["checked_on"],
                by=request.user,
            )
        except PortfolioError as error:
            messages.error(request, f"“{evidence.title}”: {error}")
        else:
            messages.success(request, f"“{evidence.title}”: checked date saved.")
    return redirect("portfolios:builder", pk=evidence.portfolio_id)
