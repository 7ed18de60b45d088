"""The Candidate Achievement Record, for the candidate and through share links."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from lssc.audit.models import AuditEntry
from lssc.competencies.models import CompetencySet
from lssc.fees.models import FeeKind
from lssc.payments.models import Payment

from ..candidacy import share_link_create, share_link_record_view, share_link_revoke
from ..contact import holder_details_update
from ..forms import ContactForm, ShareLinkForm
from ..models import Candidate, ShareLink
from ..outlook import outlook_of
from ..progress import car_slots
from ..selectors import application_balance_cents, candidacy_of

HISTORY_SHOWN = 50


def _own_candidate(request) -> Candidate | None:
    """The person's latest candidacy: the one their record is about."""
    return candidacy_of(request.user)


def _record(candidate):
    sets = list(CompetencySet.objects.current())
    return {
        "candidate": candidate,
        "slots": car_slots(candidate, sets),
        "days_left": candidate.days_left(),
    }


@login_required
def car(request):
    candidate = _own_candidate(request)
    if candidate is None:
        return redirect("candidates:apply")
    payments = list(Payment.objects.filter(payer=request.user).order_by("-created_at"))
    application_payments = [
        p
        for p in payments
        if p.purpose_id == candidate.application_id and p.kind == FeeKind.APPLICATION
    ]
    history = list(
        AuditEntry.objects.filter(owner=request.user).select_related("actor")[
            :HISTORY_SHOWN
        ]
    )
    return render(
        request,
        "candidates/car.html",
        {
            **_record(candidate),
            "payments": payments,
            "balance_cents": application_balance_cents(
                candidate.application, application_payments
            ),
            "history": history,
            "outlook": outlook_of(candidate),
        },
    )


@login_required
def car_contact(request):
    candidate = _own_candidate(request)
    if candidate is None:
        raise Http404
    form = ContactForm(
        request.POST or None, instance=candidate.application, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        holder_details_update(
            candidate=candidate, form=form, full_name=form.cleaned_data["full_name"]
        )
        messages.success(request, "Your contact details were updated.")
        return redirect("candidates:car")
    return render(request, "candidates/car_contact.html", {"form": form})


@login_required
def share_links(request):
    candidate = _own_candidate(request)
    if candidate is None:
        raise Http404
    form = ShareLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        link = share_link_create(
            candidate=candidate,
            label=form.cleaned_data["label"],
            expires_on=form.cleaned_data["expires_on"],
        )
        messages.success(request, f"Share link “{link.label}” created.")
        return redirect("candidates:share_links")
    links = list(candidate.share_links.prefetch_related("views"))
    return render(
        request,
        "candidates/share_links.html",
        {"form": form, "links": links, "today": timezone.localdate()},
    )


@login_required
@require_POST
def share_link_revoke_view(request, pk):
    link = get_object_or_404(ShareLink, pk=pk, candidate__user=request.user)
    if share_link_revoke(link=link, by=request.user):
        messages.success(request, f"“{link.label}” no longer opens your record.")
    return redirect("candidates:share_links")


def shared_car(request, token):
    """The read-only record behind a share link: no payments, no contact details."""
    link = get_object_or_404(
        ShareLink.objects.select_related(
            "candidate__user", "candidate__application", "candidate__certification"
        ),
        token=token,
    )
    if not link.is_active():
        raise Http404
    share_link_record_view(link=link, user_agent=request.headers.get("User-Agent", ""))
    response = render(
        request,
        "candidates/shared_car.html",
        {**_record(link.candidate), "link": link},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
