"""The appellant's pages: a notice of intent on one of their decisions, the grounds
and documents, and where each appeal stands. Another person's decision or appeal
answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from lssc.core.confirm import is_confirmed
from lssc.core.downloads import attachment

from .deadlines import appeal_window
from .forms import GroundsForm, NoticeForm
from .models import Appeal, AppealDocument, AppealStatus
from .registry import appealable_object
from .services import (
    AppealError,
    appeal_add_documents,
    appeal_add_grounds,
    appeal_for,
    appeal_notice,
)

# The summary page's Back button: the form again, as typed.
EDIT = "edit"


@login_required
def appeal_list(request):
    appeals = Appeal.objects.filter(appellant=request.user).select_related(
        "subject_type"
    )
    return render(request, "appeals/list.html", {"appeals": appeals})


@login_required
def appeal_new(request, label, pk):
    """The notice of intent, with the grounds if the appellant has them. A valid
    form shows the summary, carrying what was typed (text only) in the page;
    its Confirm gives notice, its Back shows the form again as typed."""
    entry, subject = appealable_object(label, pk, request.user)
    if subject is None:
        raise Http404("No decision of yours to appeal here.")
    existing = appeal_for(subject)
    if existing is not None:
        messages.info(request, "This decision has been appealed already.")
        return redirect("appeals:detail", pk=existing.pk)
    decision = entry.decision(subject)
    window = appeal_window(subject)
    if request.method == "POST" and not window.is_open():
        messages.error(request, window.refusal())
        return redirect(request.path)
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and EDIT not in request.POST and form.is_valid():
        grounds = form.cleaned_data["grounds"]
        if not is_confirmed(request):
            return render(
                request,
                "appeals/new_confirm.html",
                {
                    "noun": entry.noun,
                    "decision": decision,
                    "window": window,
                    "grounds": grounds,
                    "title": f"Appeal this {entry.noun}?",
                    "confirm_label": "Confirm: give notice of appeal",
                },
            )
        try:
            appeal = appeal_notice(
                appellant=request.user,
                subject=subject,
                decision_appealed=decision,
                grounds=grounds,
            )
        except AppealError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"Appeal {appeal.reference}: "
                + (
                    "filed with the Certification Program Committee."
                    if appeal.grounds
                    else "notice received. Now file your grounds."
                ),
            )
            return redirect("appeals:detail", pk=appeal.pk)
    return render(
        request,
        "appeals/new.html",
        {
            "form": form,
            "noun": entry.noun,
            "decision": decision,
            "window": window,
            "closed": None if window.is_open() else window.refusal(),
        },
    )


@login_required
def appeal_detail(request, pk):
    """Where the appeal stands and, after the notice, filing its grounds.

    Filing is confirmed on a summary page. Uploaded files cannot travel through
    that page, so a valid form's documents are kept with the appeal at once
    (``appeal_add_documents``, allowed only before filing) and the summary lists
    them; the grounds travel in the page, and only Confirm files them.
    """
    appeal = get_object_or_404(
        Appeal.objects.prefetch_related("documents"), pk=pk, appellant=request.user
    )
    if appeal.status != AppealStatus.NOTICE and request.method == "POST":
        # A confirmation posted again (a double click, the browser's history).
        messages.info(
            request,
            f"Appeal {appeal.reference} has been filed already: nothing changed.",
        )
        return redirect("appeals:detail", pk=pk)
    form = None
    if appeal.status == AppealStatus.NOTICE:
        form = GroundsForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and EDIT not in request.POST and form.is_valid():
            if is_confirmed(request):
                response = _file_grounds(request, appeal, form)
            else:
                response = _grounds_summary(request, appeal, form)
            if response is not None:
                return response
    return render(request, "appeals/detail.html", {"appeal": appeal, "form": form})


def _grounds_summary(request, appeal, form):
    try:
        appeal = appeal_add_documents(
            appeal=appeal, by=request.user, documents=form.cleaned_data["documents"]
        )
    except AppealError as error:
        form.add_error(None, str(error))
        return None
    return render(
        request,
        "appeals/grounds_confirm.html",
        {
            "appeal": appeal,
            "grounds": form.cleaned_data["grounds"],
            "documents": appeal.documents.all(),
            "title": f"File appeal {appeal.reference}?",
            "confirm_label": "Confirm: file the appeal",
        },
    )


def _file_grounds(request, appeal, form):
    try:
        appeal_add_grounds(
            appeal=appeal, by=request.user, grounds=form.cleaned_data["grounds"]
        )
    except AppealError as error:
        form.add_error(None, str(error))
        return None
    messages.success(
        request,
        f"Appeal {appeal.reference} filed with the Certification Program Committee. "
        "We email you when it takes the appeal under review.",
    )
    return redirect("appeals:detail", pk=appeal.pk)


@login_required
def document_download(request, pk):
    document = get_object_or_404(AppealDocument.objects.select_related("appeal"), pk=pk)
    if not (
        document.appeal.appellant_id == request.user.pk
        or request.user.has_perm("appeals.view_appeal")
    ):
        raise Http404
    return attachment(document.file.open("rb"), filename=document.name)
