"""The appellant's pages: a notice of intent on one of their decisions, the grounds
and documents, and where each appeal stands. Another person's decision or appeal
answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from lssc.core.downloads import attachment

from .deadlines import appeal_window
from .forms import GroundsForm, NoticeForm
from .models import Appeal, AppealDocument
from .registry import appealable_object
from .services import AppealError, appeal_add_grounds, appeal_for, appeal_notice


@login_required
def appeal_list(request):
    appeals = Appeal.objects.filter(appellant=request.user).select_related(
        "subject_type"
    )
    return render(request, "appeals/list.html", {"appeals": appeals})


@login_required
def appeal_new(request, label, pk):
    entry, subject = appealable_object(label, pk, request.user)
    if subject is None:
        raise Http404("No decision of yours to appeal here.")
    existing = appeal_for(subject)
    if existing is not None:
        messages.info(request, "This decision has been appealed already.")
        return redirect("appeals:detail", pk=existing.pk)
    decision = entry.decision(subject)
    window = appeal_window(subject)
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            appeal = appeal_notice(
                appellant=request.user,
                subject=subject,
                decision_appealed=decision,
                grounds=form.cleaned_data["grounds"],
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
    appeal = get_object_or_404(
        Appeal.objects.prefetch_related("documents"), pk=pk, appellant=request.user
    )
    form = None
    if appeal.status == "notice":
        form = GroundsForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                appeal_add_grounds(
                    appeal=appeal,
                    by=request.user,
                    grounds=form.cleaned_data["grounds"],
                    documents=form.cleaned_data["documents"],
                )
            except AppealError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    f"Appeal {appeal.reference} filed with the Certification Program "
                    "Committee.",
                )
                return redirect("appeals:detail", pk=pk)
    return render(request, "appeals/detail.html", {"appeal": appeal, "form": form})


@login_required
def document_download(request, pk):
    document = get_object_or_404(AppealDocument.objects.select_related("appeal"), pk=pk)
    if not (
        document.appeal.appellant_id == request.user.pk
        or request.user.has_perm("appeals.view_appeal")
    ):
        raise Http404
    return attachment(document.file.open("rb"), filename=document.name)
