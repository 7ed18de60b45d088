"""The provider's pages: registration, the dashboard, the application form, paying,
roster confirmations and appeals. Another provider's objects answer 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from lssc.appeals.services import AppealError, appeal_file, appeal_for
from lssc.core.confirm import is_confirmed
from lssc.core.imports import import_page
from lssc.core.program import rules
from lssc.fees.services import course_approval_schedule
from lssc.payments.confirm import payment_confirmed
from lssc.payments.forms import PaymentChoiceForm
from lssc.payments.services import payments_for

from ..achievements import roster_confirm
from ..applications import (
    application_create,
    application_fee_cents,
    application_gaps,
    application_pay,
    application_save_draft,
    application_start,
    application_submit,
    application_withdraw,
)
from ..errors import CourseError
from ..forms import (
    AppealForm,
    ApplicationForm,
    ContactForm,
    CoverageForm,
    InstructorFormSet,
    OfferingFormSet,
    ProviderForm,
)
from ..imports import RosterImport
from ..models import (
    ApplicationStatus,
    Completion,
    Course,
    CourseApplication,
    ReviewState,
)
from ..providers import provider_add_contact, provider_of, provider_register
from ..selectors import courses_by_state


def _provider(request):
    provider = provider_of(request.user)
    if provider is None:
        raise Http404("You do not act for a course provider.")
    return provider


def _own_application(request, pk) -> CourseApplication:
    return get_object_or_404(
        CourseApplication.objects.select_related("provider", "competency_set"),
        pk=pk,
        provider__contacts__user=request.user,
    )


@login_required
def register(request):
    if provider_of(request.user) is not None:
        return redirect("courses:provider_dashboard")
    form = ProviderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        provider_register(user=request.user, **form.cleaned_data)
        messages.success(request, "Your organisation is registered.")
        return redirect("courses:provider_dashboard")
    return render(request, "courses/provider_register.html", {"form": form})


@login_required
def dashboard(request):
    provider = provider_of(request.user)
    if provider is None:
        return redirect("courses:provider_register")
    applications = list(
        provider.applications.select_related("competency_set", "course").exclude(
            status=ApplicationStatus.WITHDRAWN
        )
    )
    courses = list(provider.courses.select_related("competency_set"))
    renewing = {a.renewal_of_id for a in applications if a.is_editable}
    groups = courses_by_state(courses, applications)
    roster = list(
        Completion.objects.filter(course__provider=provider, state=ReviewState.PENDING)
        .select_related("candidate__user", "course")
        .order_by("created_at")
    )
    return render(
        request,
        "courses/provider_dashboard.html",
        {
            "provider": provider,
            "applications": applications,
            "courses": courses,
            "renewing": renewing,
            "groups": groups,
            "fees_due": [a for a in applications if a.awaits_payment],
            "lapsing_days": max(rules().COURSE_LAPSE_REMINDER_DAYS),
            "roster": roster,
            "contacts": provider.contacts.select_related("user"),
            "contact_form": ContactForm(),
            "fee_schedule": course_approval_schedule(),
        },
    )


@login_required
@require_POST
def contact_add(request):
    provider = _provider(request)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            contact = provider_add_contact(
                provider=provider, email=form.cleaned_data["email"], by=request.user
            )
        except CourseError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{contact.user.email} can now act for you.")
    else:
        messages.error(request, "Enter a valid email address.")
    return redirect("courses:provider_dashboard")


@login_required
def application_new(request):
    """The blank form for a new course: the draft is made when first saved."""
    provider = _provider(request)
    return _edit(request, CourseApplication(provider=provider, created_by=request.user))


@login_required
@require_POST
def renew(request, pk):
    provider = _provider(request)
    course = get_object_or_404(Course, pk=pk, provider=provider)
    application = application_start(
        provider=provider, by=request.user, renewal_of=course
    )
    return redirect("courses:application", pk=application.pk)


@login_required
def application(request, pk):
    """The standard form: saved as a draft as often as needed, then submitted."""
    application = _own_application(request, pk)
    if not application.is_editable:
        return render(
            request,
            "courses/application_status.html",
            _status_context(application),
        )
    return _edit(request, application)


def _edit(request, application):
    """The form of a draft, or of a new application (not saved yet: no pk)."""
    new = application.pk is None
    data = request.POST if request.method == "POST" else None
    form = ApplicationForm(data, instance=application, renewal=application.is_renewal)
    instructors = InstructorFormSet(data, instance=application, prefix="instructors")
    offerings = OfferingFormSet(data, instance=application, prefix="offerings")
    # The saved set, read before validation: a valid ModelForm copies the posted
    # set onto ``application``, so comparing with it afterwards never sees a change.
    saved_set = competency_set = application.competency_set
    if data is not None and form.is_valid():
        competency_set = form.cleaned_data["competency_set"] or competency_set
    written = (
        {}
        if new
        else {c.competency_id: c.where_taught for c in application.coverage.all()}
    )
    coverage = CoverageForm(
        data if competency_set == saved_set else None,
        competencies=competency_set.competencies.all() if competency_set else [],
        written=written,
        prefix="coverage",
    )
    if data is not None:
        valid = all(
            [form.is_valid(), instructors.is_valid(), offerings.is_valid()]
        ) and (not coverage.is_bound or coverage.is_valid())
        if valid:
            forms = [form, instructors, offerings]
            written = coverage.coverage() if coverage.is_bound else {}
            if new:
                application = application_create(
                    provider=application.provider,
                    by=request.user,
                    forms=forms,
                    coverage=written,
                )
            else:
                try:
                    application_save_draft(
                        application=application, forms=forms, coverage=written
                    )
                except CourseError as error:
                    messages.error(request, str(error))
                    return redirect("courses:application", pk=application.pk)
            if "submit" in request.POST:
                return _submit(request, application)
            messages.success(
                request,
                "Draft saved."
                + (
                    " The competencies of the set you chose are now on the form."
                    if not coverage.is_bound and competency_set
                    else ""
                ),
            )
            return redirect("courses:application", pk=application.pk)
        messages.error(request, "Please correct the fields marked below.")
    return render(
        request,
        "courses/application_form.html",
        {
            "application": application,
            "form": form,
            "coverage": coverage,
            "instructors": instructors,
            "offerings": offerings,
            "gaps": [] if new else application_gaps(application),
        },
    )


def _submit(request, application):
    try:
        application = application_submit(application=application, by=request.user)
    except CourseError as error:
        messages.error(request, str(error))
        return redirect("courses:application", pk=application.pk)
    if application.status == ApplicationStatus.AWAITING_PAYMENT:
        messages.success(request, "Application submitted. Now pay the approval fee.")
        return redirect("courses:application_pay", pk=application.pk)
    messages.success(request, "Your changes went back to the reviewers.")
    return redirect("courses:application", pk=application.pk)


def _status_context(application):
    return {
        "application": application,
        "coverage": application.coverage.select_related("competency"),
        "payments": payments_for(application).order_by("-created_at"),
        "appeal": appeal_for(application),
    }


@login_required
def pay(request, pk):
    application = _own_application(request, pk)
    if application.status != ApplicationStatus.AWAITING_PAYMENT:
        if request.method == "POST":  # a confirmation posted again once paid
            messages.info(request, f"Nothing is due on {application.reference} now.")
        return redirect("courses:application", pk=pk)
    form = PaymentChoiceForm(request.POST or None)
    response = payment_confirmed(
        request,
        form,
        lambda **kwargs: application_pay(
            application=application, payer=request.user, **kwargs
        ),
        CourseError,
        summary={
            "title": "Confirm your payment",
            "what": f"The approval fee for {application.reference} "
            f"{application.title or ''}".strip(),
            "amount_cents": application_fee_cents(application),
            "after": "Program staff review the application once the fee is paid.",
            "back_url": reverse("courses:application_pay", args=[pk]),
        },
    )
    if response:
        return response
    return render(
        request,
        "courses/application_pay.html",
        {
            "application": application,
            "form": form,
            "amount_cents": application_fee_cents(application),
        },
    )


@login_required
@require_POST
def withdraw(request, pk):
    application = _own_application(request, pk)
    try:
        application_withdraw(application=application, by=request.user)
    except CourseError as error:
        messages.error(request, str(error))
        return redirect("courses:application", pk=pk)
    messages.success(request, f"{application.reference} withdrawn.")
    return redirect("courses:provider_dashboard")


@login_required
def appeal(request, pk):
    application = _own_application(request, pk)
    if application.status != ApplicationStatus.REJECTED:
        raise Http404("Only a decision not to approve can be appealed.")
    if appeal_for(application) is not None:
        messages.info(request, "This decision has been appealed already.")
        return redirect("courses:application", pk=pk)
    form = AppealForm(request.POST or None)
    if request.method == "POST" and "edit" not in request.POST and form.is_valid():
        if not is_confirmed(request):
            # The summary first: the grounds travel in the page, Back shows them
            # in the form again.
            return render(
                request,
                "courses/appeal_confirm.html",
                {
                    "application": application,
                    "grounds": form.cleaned_data["grounds"],
                    "title": "File this appeal?",
                    "confirm_label": "Confirm: file the appeal",
                },
            )
        try:
            filed = appeal_file(
                appellant=request.user,
                subject=application,
                decision_appealed=f"{application} not approved: "
                f"{application.decision_reason}",
                grounds=form.cleaned_data["grounds"],
            )
        except AppealError as error:
            form.add_error("grounds", str(error))
        else:
            messages.success(
                request,
                f"Appeal {filed.reference} filed with the Certification Program "
                "Committee.",
            )
            return redirect("courses:application", pk=pk)
    return render(
        request, "courses/appeal.html", {"application": application, "form": form}
    )


@login_required
@require_POST
def roster(request, pk):
    provider = _provider(request)
    completion = get_object_or_404(
        Completion.objects.select_related("course", "candidate__user"),
        pk=pk,
        course__provider=provider,
    )
    try:
        confirmed = roster_confirm(
            completion=completion, provider=provider, by=request.user
        )
    except CourseError as error:
        messages.error(request, str(error))
    else:
        if confirmed:
            messages.success(
                request,
                f"{completion.candidate.user.full_name}'s completion of "
                f"{completion.course.title} is confirmed.",
            )
    return redirect("courses:provider_dashboard")


@login_required
def roster_import(request, pk):
    """A roster of one of the provider's approved courses, from a CSV file."""
    provider = _provider(request)
    course = get_object_or_404(
        # Distinct: a renewed course has one row per approval in the join.
        Course.objects.select_related("competency_set")
        .filter(approvals__isnull=False)
        .distinct(),
        pk=pk,
        provider=provider,
    )
    return import_page(
        request,
        RosterImport(course),
        template="courses/roster_import.html",
        context={"course": course, "salt": course.pk},
        done_url=reverse("courses:provider_dashboard"),
        by=request.user,
    )
