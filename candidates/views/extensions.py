"""Asking for more time: the candidate's request, and its supporting document for
the candidate and staff."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lssc.core.downloads import attachment
from lssc.core.program import rules

from ..enums import ExtensionStatus
from ..errors import ApplicationError, ExtensionDateRefused
from ..extensions import extension_limits, extension_refusal, extension_request
from ..forms import ExtensionRequestForm
from ..models import ExtensionRequest
from ..selectors import candidacy_of


@login_required
def extension_request_view(request):
    candidate = candidacy_of(request.user)
    if candidate is None:
        raise Http404
    requests = list(candidate.extension_requests.all())
    refusal = extension_refusal(candidate)
    granted = sum(r.status == ExtensionStatus.GRANTED for r in requests)
    limits = extension_limits(candidate, granted=granted)
    form = ExtensionRequestForm(
        request.POST or None,
        request.FILES or None,
        earliest=max(candidate.deadline, timezone.localdate()) + datetime.timedelta(1),
        latest=limits.latest_deadline,
    )
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            made = extension_request(
                candidate=candidate,
                reason=form.cleaned_data["reason"],
                asked_until=form.cleaned_data["asked_until"],
                document=form.cleaned_data["document"],
            )
        except ExtensionDateRefused as error:
            form.add_error("asked_until", str(error))
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Your request for more time, until {made.asked_until:%B %-d, %Y}, "
                "was sent. Program staff will email you their decision.",
            )
            return redirect("candidates:car")
    return render(
        request,
        "candidates/extension_request.html",
        {
            "candidate": candidate,
            "requests": requests,
            "refusal": refusal,
            "limits": limits,
            "max_months": rules().EXTENSION_MAX_MONTHS,
            "ended": candidate.has_ended(),
            "form": form,
        },
    )


@login_required
def extension_document(request, pk):
    """The supporting document, for the candidate who sent it and for staff who may
    see the requests; anyone else gets a 404."""
    extension = get_object_or_404(
        ExtensionRequest.objects.select_related("candidate"), pk=pk
    )
    own = extension.candidate.user_id == request.user.pk
    if not extension.document or not (
        own or request.user.has_perm("candidates.view_extensionrequest")
    ):
        raise Http404
    return attachment(extension.document.open("rb"), filename=extension.document_name)
