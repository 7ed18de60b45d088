"""The holder's renewal page: progress, the activity log, applying and paying."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from candidates.models import Certification
from lssc.core.downloads import attachment
from lssc.payments.confirm import payment_confirmed
from lssc.payments.forms import PaymentChoiceForm
from lssc.payments.services import payments_for

from ..forms import ActivityForm
from ..models import Activity, Renewal, RenewalStatus
from ..rules import hours_text
from ..services import (
    RenewalError,
    activity_log,
    activity_remove,
    period_activities,
    period_progress,
    renewal_fee_cents,
    renewal_pay,
    renewal_submit,
)


def _certification(request) -> Certification:
    certification = (
        Certification.objects.select_related("candidate__user")
        .filter(candidate__user=request.user)
        .first()
    )
    if certification is None:
        raise Http404("Only certified holders renew.")
    return certification


@login_required
def home(request):
    certification = _certification(request)
    form = ActivityForm(
        request.POST or None, request.FILES or None, certification=certification
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "evidence"}
        sets = data.pop("competency_sets")
        try:
            activity = activity_log(
                certification=certification,
                by=request.user,
                sets=sets,
                evidence=form.cleaned_data.get("evidence"),
                evidence_name=getattr(form, "evidence_name", ""),
                **data,
            )
        except RenewalError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                f"“{activity.title}” logged: {hours_text(activity.hours)} contact "
                "hours.",
            )
            return redirect("renewals:home")
    today = timezone.localdate()
    renewal = Renewal.objects.filter(
        certification=certification, period_expires_on=certification.expires_on
    ).first()
    return render(
        request,
        "renewals/home.html",
        {
            "certification": certification,
            "form": form,
            "activities": period_activities(certification).prefetch_related(
                "competency_sets"
            ),
            "progress": period_progress(certification),
            "window_open": certification.in_renewal_window(today),
            "renewal": renewal,
            "fee_cents": renewal_fee_cents(),
        },
    )


@login_required
@require_POST
def remove(request, pk):
    activity = get_object_or_404(
        Activity, pk=pk, certification__candidate__user=request.user
    )
    try:
        activity_remove(activity=activity, by=request.user)
    except RenewalError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Activity removed.")
    return redirect("renewals:home")


@login_required
def evidence(request, pk):
    activity = get_object_or_404(
        Activity.objects.select_related("certification__candidate"), pk=pk
    )
    allowed = activity.certification.candidate.user_id == request.user.pk or (
        request.user.has_perm("renewals.view_activity")
    )
    if not activity.evidence or not allowed:
        raise Http404
    return attachment(activity.evidence.open("rb"), filename=activity.evidence_name)


@login_required
@require_POST
def submit(request):
    certification = _certification(request)
    try:
        renewal = renewal_submit(certification=certification, by=request.user)
    except RenewalError as error:
        messages.error(request, str(error))
        return redirect("renewals:home")
    if renewal.status == RenewalStatus.AWAITING_PAYMENT:
        return redirect("renewals:pay")
    messages.success(request, "Renewal submitted: staff will review it.")
    return redirect("renewals:home")


@login_required
def pay(request):
    certification = _certification(request)
    renewal = Renewal.objects.filter(
        certification=certification,
        period_expires_on=certification.expires_on,
        status=RenewalStatus.AWAITING_PAYMENT,
    ).first()
    if renewal is None:
        if request.method == "POST":  # a confirmation posted again once paid
            messages.info(request, "Nothing is due on your renewal now.")
        return redirect("renewals:home")
    form = PaymentChoiceForm(request.POST or None)
    response = payment_confirmed(
        request,
        form,
        lambda **kwargs: renewal_pay(renewal=renewal, payer=request.user, **kwargs),
        RenewalError,
        summary={
            "title": "Confirm your payment",
            "what": "The renewal fee for your certification",
            "amount_cents": renewal_fee_cents(),
            "after": "Program staff review your renewal.",
            "back_url": reverse("renewals:pay"),
        },
    )
    if response is not None:
        return response
    return render(
        request,
        "renewals/pay.html",
        {
            "renewal": renewal,
            "form": form,
            "fee_cents": renewal_fee_cents(),
            "payments": payments_for(renewal).order_by("-created_at"),
        },
    )
