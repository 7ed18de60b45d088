"""Publicity by consent: the holder's choices, and the public registry."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from ..certification import publicity_choose
from ..errors import CertificationError
from ..forms import PublicityForm
from ..models import Certification

PAGE_SIZE = 50


@login_required
def publicity(request):
    certification = (
        Certification.objects.select_related(
            "candidate__user", "candidate__application"
        )
        .filter(candidate__user=request.user)
        .first()
    )
    if certification is None:
        raise Http404("Only certified holders choose their publicity.")
    application = certification.candidate.application
    form = PublicityForm(
        request.POST or None,
        initial={
            "listed": certification.listed_publicly,
            "announce": certification.announce_to_state_library,
            "notify_email": certification.award_notice_to
            or application.employer_contact_email,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sent = publicity_choose(
                certification=certification,
                listed=data["listed"],
                notify=data["notify_email"] if data["notify"] else "",
                announce=data["announce"],
                by=request.user,
            )
        except CertificationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                "Your choices are saved."
                + (
                    f" The award notice went to {data['notify_email']}." if sent else ""
                ),
            )
            return redirect("candidates:car")
    return render(
        request,
        "candidates/publicity.html",
        {"form": form, "certification": certification},
    )


def registry(request):
    """Holders who agreed to be listed, while their certification is valid or in
    its grace period."""
    today = timezone.localdate()
    holders = (
        Certification.objects.current_on(today)
        .filter(listed_publicly=True)
        .select_related("candidate__user", "candidate__application")
        .order_by("candidate__user__full_name", "pk")
    )
    query = request.GET.get("q", "").strip()[:100]
    if query:
        holders = holders.filter(candidate__user__full_name__icontains=query)
    page = Paginator(holders, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "candidates/registry.html",
        {"page": page, "q": query, "query": f"q={query}" if query else ""},
    )
