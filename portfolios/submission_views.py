"""The candidate's steps that cannot be undone: submitting a portfolio, paying its
fee and taking a submission back. Each shows a summary first (``lssc.core.confirm``);
only its Confirm button calls the service, and confirming again changes nothing:
the page then says where the portfolio stands."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from lssc.core.confirm import is_confirmed
from lssc.payments.confirm import payment_confirmed
from lssc.payments.enums import PaymentStatus
from lssc.payments.forms import PaymentChoiceForm
from lssc.payments.services import payments_for

from .errors import PortfolioError
from .models import PortfolioStatus
from .services import (
    portfolio_pay,
    portfolio_submit,
    portfolio_withdraw,
    submission_fee_cents,
    submission_refusal,
)
from .views import _own_portfolio

WHERE_IT_STANDS = {
    PortfolioStatus.AWAITING_PAYMENT: (
        "This portfolio is submitted; it goes to the evaluators once the fee is paid."
    ),
    PortfolioStatus.UNDER_REVIEW: (
        "This portfolio is submitted and the evaluators are reviewing it."
    ),
    PortfolioStatus.ACHIEVED: "This portfolio was reviewed: the set is achieved.",
    PortfolioStatus.DRAFT: "This portfolio is a draft you can edit.",
    PortfolioStatus.REVISION_REQUESTED: (
        "This portfolio is back with you to revise and submit again."
    ),
}


def _stands(request, portfolio):
    """Nothing to do here any more: say where the portfolio stands, show it."""
    messages.info(request, WHERE_IT_STANDS[portfolio.status])
    if portfolio.status == PortfolioStatus.AWAITING_PAYMENT:
        return redirect("portfolios:pay", pk=portfolio.pk)
    return redirect("portfolios:builder", pk=portfolio.pk)


@login_required
@require_http_methods(["GET", "POST"])
def submit(request, pk):
    portfolio = _own_portfolio(request, pk)
    if not portfolio.is_editable:  # submitted already: a second click, or history
        return _stands(request, portfolio)
    if problem := submission_refusal(portfolio):
        messages.error(request, problem)
        return redirect("portfolios:builder", pk=portfolio.pk)
    fee_cents = submission_fee_cents(portfolio)
    if not is_confirmed(request):
        return render(
            request,
            "portfolios/submit_confirm.html",
            {
                "portfolio": portfolio,
                "fee_cents": fee_cents,
                "resubmission": portfolio.status == PortfolioStatus.REVISION_REQUESTED,
                "title": f"Submit your {portfolio.competency_set.name} portfolio?",
                "confirm_label": "Confirm: submit for evaluation",
                "back_url": reverse("portfolios:builder", args=[portfolio.pk]),
                "back_label": "Back to the portfolio",
            },
        )
    try:
        portfolio = portfolio_submit(portfolio_id=portfolio.pk, by=request.user)
    except PortfolioError as error:
        messages.error(request, str(error))
        return redirect("portfolios:builder", pk=portfolio.pk)
    if portfolio.status == PortfolioStatus.UNDER_REVIEW:  # no fee to pay
        messages.success(request, "Submitted: the evaluators will now review it.")
        return redirect("portfolios:builder", pk=portfolio.pk)
    messages.success(
        request, "Submitted. Pay the fee to send the portfolio to the evaluators."
    )
    return redirect("portfolios:pay", pk=portfolio.pk)


@login_required
@require_http_methods(["GET", "POST"])
def pay(request, pk):
    portfolio = _own_portfolio(request, pk)
    if portfolio.status != PortfolioStatus.AWAITING_PAYMENT:
        return _stands(request, portfolio)
    fee_cents = submission_fee_cents(portfolio)
    form = PaymentChoiceForm(request.POST or None)
    response = payment_confirmed(
        request,
        form,
        partial(portfolio_pay, portfolio=portfolio),
        PortfolioError,
        summary={
            "title": "Confirm your payment",
            "what": f"The submission fee for your {portfolio.competency_set.name} "
            "portfolio",
            "amount_cents": fee_cents,
            "after": "The portfolio goes to the evaluators and can no longer be "
            "taken back to edit.",
            "back_url": reverse("portfolios:pay", args=[portfolio.pk]),
        },
    )
    if response is not None:
        return response
    return render(
        request,
        "portfolios/pay.html",
        {
            "portfolio": portfolio,
            "form": form,
            "fee_cents": fee_cents,
            "payments": payments_for(portfolio).order_by("-created_at"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    portfolio = _own_portfolio(request, pk)
    if portfolio.status != PortfolioStatus.AWAITING_PAYMENT:  # taken back already
        return _stands(request, portfolio)
    if not is_confirmed(request):
        return render(
            request,
            "portfolios/withdraw_confirm.html",
            {
                "portfolio": portfolio,
                "pending": payments_for(portfolio)
                .filter(status=PaymentStatus.PENDING)
                .exists(),
                "title": f"Take back your {portfolio.competency_set.name} portfolio?",
                "confirm_label": "Confirm: take it back to edit",
                "back_url": reverse("portfolios:pay", args=[portfolio.pk]),
                "back_label": "Back to paying",
            },
        )
    try:
        portfolio_withdraw(portfolio_id=portfolio.pk, by=request.user)
    except PortfolioError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Taken back: you can edit the portfolio again.")
    return redirect("portfolios:builder", pk=portfolio.pk)
