"""The candidate's pages: recording a completion, the official form, their courses
and graduation claims; and the one view that streams the documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from candidates.models import Candidate
from candidates.selectors import candidacy_of
from lssc.core.downloads import attachment

from ..achievements import (
    claim_file,
    completion_attach_form,
    completion_record,
    completion_window,
)
from ..errors import CourseError
from ..forms import ClaimForm, CompletionForm, CompletionFormUpload
from ..models import Completion, Course, RecognitionAgreement, RecognitionClaim


def _candidate(request) -> Candidate:
    """The person's latest candidacy: the one new completions and claims join."""
    candidate = candidacy_of(request.user, related=("user", "certification"))
    if candidate is None:
        raise Http404("Only candidates record courses.")
    return candidate


def _approved_once(pk) -> Course:
    return get_object_or_404(
        Course.objects.select_related("provider", "competency_set"), pk=pk
    )


@login_required
def my_courses(request):
    candidate = _candidate(request)
    completions = candidate.completions.select_related(
        "course__provider", "course__competency_set"
    )
    claims = candidate.recognition_claims.select_related("agreement")
    return render(
        request,
        "courses/my_courses.html",
        {
            "completions": completions,
            "claims": claims,
            "candidate": candidate,
            "ended": candidate.has_ended(),
        },
    )


@login_required
def completion_new(request, pk):
    candidate = _candidate(request)
    course = _approved_once(pk)
    achieved = candidate.achievements.filter(
        competency_set=course.competency_set
    ).first()
    form = CompletionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            completion_record(
                candidate=candidate,
                course=course,
                completed_on=form.cleaned_data["completed_on"],
                result=form.cleaned_data["result"],
                form=form.cleaned_data["form"],
            )
        except CourseError as error:
            form.add_error("completed_on", str(error))
        else:
            if achieved:
                messages.info(
                    request,
                    f"Completion recorded. You achieved {course.competency_set.name} "
                    "already, so it changes nothing on your record.",
                )
            else:
                messages.success(
                    request,
                    "Completion recorded. Staff verify it from the signed form, or "
                    "the provider confirms it on its roster.",
                )
            return redirect("courses:my_courses")
    first, last = completion_window(course)
    return render(
        request,
        "courses/completion_form.html",
        {
            "course": course,
            "form": form,
            "window": (first, last),
            "achieved": achieved,
        },
    )


@login_required
def completion_upload(request, pk):
    candidate = _candidate(request)
    completion = get_object_or_404(
        Completion.objects.select_related("course"), pk=pk, candidate=candidate
    )
    form = CompletionFormUpload(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            completion_attach_form(
                completion=completion, form=form.cleaned_data["form"], by=request.user
            )
        except CourseError as error:
            form.add_error("form", str(error))
        else:
            messages.success(request, "Signed form uploaded.")
            return redirect("courses:my_courses")
    return render(
        request,
        "courses/completion_upload.html",
        {"completion": completion, "form": form},
    )


@login_required
def official_form(request, pk):
    """The program's completion form, prefilled, for the provider to sign."""
    candidate = _candidate(request)
    course = _approved_once(pk)
    html = render_to_string(
        "courses/official_form.html",
        {
            "candidate": candidate,
            "course": course,
            "window": completion_window(course),
            "today": timezone.localdate(),
        },
    )
    from weasyprint import HTML  # heavy: loaded when a form is asked for

    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    name = f"LSSC-completion-form-{candidate.number}-{course.pk}.pdf"
    return attachment(pdf, filename=name, content_type="application/pdf")


@login_required
def claim(request, pk):
    candidate = _candidate(request)
    agreement = get_object_or_404(RecognitionAgreement, pk=pk)
    form = ClaimForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            claim_file(
                candidate=candidate,
                agreement=agreement,
                graduated_on=form.cleaned_data["graduated_on"],
                document=form.cleaned_data["document"],
            )
        except CourseError as error:
            form.add_error("graduated_on", str(error))
        else:
            messages.success(
                request, "Claim recorded. Staff verify it from your transcript."
            )
            return redirect("courses:my_courses")
    return render(
        request, "courses/claim_form.html", {"agreement": agreement, "form": form}
    )


# kind -> (model, file field, name field, may the user read it?)
_FILES = {
    "completion": (
        Completion,
        "form",
        "form_name",
        lambda user, obj: (
            obj.candidate.user_id == user.pk or user.has_perm("courses.view_completion")
        ),
    ),
    "claim": (
        RecognitionClaim,
        "document",
        "document_name",
        lambda user, obj: (
            obj.candidate.user_id == user.pk
            or user.has_perm("courses.view_recognitionclaim")
        ),
    ),
    "agreement": (
        RecognitionAgreement,
        "document",
        None,
        lambda user, obj: user.has_perm("courses.view_recognitionagreement"),
    ),
}


@login_required
def download(request, kind, pk):
    """Stream a private document to its owner or to staff allowed to see it."""
    if kind not in _FILES:
        raise Http404
    model, field, name_field, allowed = _FILES[kind]
    rows = model.objects.all()
    if kind != "agreement":
        rows = rows.select_related("candidate")
    obj = get_object_or_404(rows, pk=pk)
    document = getattr(obj, field)
    if not document or not allowed(request.user, obj):
        raise Http404
    name = getattr(obj, name_field) if name_field else f"agreement-{obj.pk}.pdf"
    return attachment(document.open("rb"), filename=name)
