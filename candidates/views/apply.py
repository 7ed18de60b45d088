"""The application: a few saved steps, a review with the hours counted, then payment."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from lssc.payments.confirm import payment_confirmed
from lssc.payments.forms import PaymentChoiceForm
from lssc.payments.services import payments_for

from ..applications import (
    application_pay,
    application_save_step,
    application_start,
    application_submit,
)
from ..enums import ApplicationStatus
from ..errors import ApplicationError
from ..forms import (
    ContactForm,
    EducationForm,
    LibraryForm,
    ReviewForm,
    WorkHistoryFormSet,
)
from ..outlook import outlook_of
from ..selectors import (
    application_balance_cents,
    application_fee_cents,
    candidacy_of,
    eligibility_of,
    open_application,
)

STEPS = [
    ("contact", "Contact details"),
    ("library", "Your library"),
    ("education", "Education and library work"),
    ("review", "Review and submit"),
]
STEP_SLUGS = [slug for slug, _ in STEPS]


def _draft(request):
    application = open_application(request.user)
    if application is None or application.status != ApplicationStatus.DRAFT:
        return None
    return application


def _in_force(request) -> bool:
    """A candidacy in force (or certified): no new application, their record."""
    candidate = candidacy_of(request.user, related=("certification",))
    return candidate is not None and not candidate.has_ended()


@login_required
def apply(request):
    """Send the person to wherever their application stands."""
    if _in_force(request):
        return redirect("candidates:car")
    application = open_application(request.user)
    if application is None:
        earlier = candidacy_of(request.user)
        if earlier is not None and "again" not in request.GET:
            # An ended candidacy: the record says what happened and what can be
            # done; its "Apply again" comes back here with ``?again``.
            return redirect("candidates:car")
        return render(
            request,
            "candidates/apply_start.html",
            {"earlier": earlier, "outlook": earlier and outlook_of(earlier)},
        )
    if application.status != ApplicationStatus.DRAFT:
        return redirect("candidates:application_status")
    step = STEP_SLUGS[min(application.steps_done, len(STEPS) - 1)]
    return redirect("candidates:apply_step", step=step)


@login_required
@require_POST
def apply_begin(request):
    if _in_force(request):
        return redirect("candidates:car")
    try:
        application_start(user=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
    return redirect("candidates:apply")


@login_required
def apply_step(request, step):
    if step not in STEP_SLUGS:
        raise Http404
    application = _draft(request)
    if application is None:
        return redirect("candidates:apply")
    index = STEP_SLUGS.index(step)
    if index > application.steps_done:
        return redirect(
            "candidates:apply_step", step=STEP_SLUGS[application.steps_done]
        )
    if step == "review":
        return _review(request, application)

    data = request.POST if request.method == "POST" else None
    formset = None
    if step == "contact":
        form = ContactForm(data, instance=application, user=request.user)
    elif step == "library":
        form = LibraryForm(data, instance=application)
    else:
        form = EducationForm(data, instance=application)
        formset = WorkHistoryFormSet(data, instance=application, prefix="work")

    if (
        request.method == "POST"
        and form.is_valid()
        and (formset is None or formset.is_valid())
    ):
        try:
            application_save_step(
                application=application,
                forms=[form] if formset is None else [form, formset],
                steps_done=index + 1,
                full_name=form.cleaned_data.get("full_name"),
            )
        except ApplicationError as error:
            messages.error(request, str(error))
            return redirect("candidates:apply")
        if "add_row" in request.POST:
            messages.info(request, "Saved. Add the next period of library work below.")
            return redirect("candidates:apply_step", step=step)
        messages.success(request, "Saved.")
        return redirect("candidates:apply_step", step=STEP_SLUGS[index + 1])
    return render(
        request,
        "candidates/apply_step.html",
        {
            "application": application,
            "steps": STEPS,
            "step": step,
            "step_index": index,
            "step_title": STEPS[index][1],
            "form": form,
            "formset": formset,
        },
    )


def _review(request, application):
    form = ReviewForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        try:
            application_save_step(application=application, forms=[form])
            application_submit(application_id=application.pk, by=request.user)
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Your application was submitted.")
            return redirect("candidates:application_status")
    work = list(application.work_history.all())
    eligibility = eligibility_of(application, work=work)
    return render(
        request,
        "candidates/apply_review.html",
        {
            "application": application,
            "steps": STEPS,
            "step": "review",
            "step_index": len(STEPS) - 1,
            "step_title": STEPS[-1][1],
            "form": form,
            "work": work,
            "eligibility": eligibility,
            "fee_cents": application_fee_cents(application),
        },
    )


@login_required
def application_status(request):
    application = (
        request.user.applications.exclude(status=ApplicationStatus.DRAFT)
        .order_by("-submitted_at")
        .first()
    )
    if application is None:
        return redirect("candidates:apply")
    payments = list(payments_for(application).order_by("-created_at"))
    balance = application_balance_cents(application, payments)
    can_pay = balance > 0 and application.status != ApplicationStatus.REJECTED
    form = PaymentChoiceForm(request.POST or None)
    if can_pay:
        response = payment_confirmed(
            request,
            form,
            partial(application_pay, application=application),
            ApplicationError,
            summary={
                "title": "Confirm your payment",
                "what": "The application fee for Library Support Staff Certification",
                "amount_cents": balance,
                "after": "You are admitted as a candidate, unless program staff "
                "still have your education to review.",
                "back_url": reverse("candidates:application_status"),
            },
        )
        if response is not None:
            return response
    elif request.method == "POST":
        # A confirmation posted again after the fee was paid: nothing to do.
        messages.info(request, "Nothing is due on your application now.")
        return redirect("candidates:application_status")
    return render(
        request,
        "candidates/application_status.html",
        {
            "application": application,
            "payments": payments,
            "balance_cents": balance,
            "can_pay": can_pay,
            "form": form,
        },
    )
