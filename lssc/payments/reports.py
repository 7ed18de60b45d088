"""Money: revenue per month by fee, against the business plan's projection."""

from django.db.models import Sum
from django.db.models.functions import TruncMonth

from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.reports.base import Report, Result, Series, month_of, months, register

from .enums import PaymentMethod, PaymentStatus
from .models import Payment


def revenue(start, end) -> Result:
    """Paid (and not refunded) amounts per month, by fee and by payment method,
    against the business plan: one query."""
    rows = (
        Payment.objects.filter(
            status=PaymentStatus.PAID,
            paid_at__date__gte=start,
            paid_at__date__lte=end,
        )
        .annotate(month=TruncMonth("paid_at"))
        .values_list("month", "kind", "method")
        .annotate(cents=Sum("amount_cents"))
        .order_by()
    )
    by_kind, by_method = {}, {}
    for month, kind, method, cents in rows:
        key = month_of(month)
        by_kind[(key, kind)] = by_kind.get((key, kind), 0) + cents / 100
        by_method[(key, method)] = by_method.get((key, method), 0) + cents / 100
    all_months = months(start, end)
    kinds = [k for k in FeeKind if any(key[1] == k for key in by_kind)] or [
        FeeKind.APPLICATION
    ]
    methods = [m for m in PaymentMethod if any(key[1] == m for key in by_method)]
    plan = rules().PLAN_REVENUE_PER_YEAR_DOLLARS / 12
    labels = [f"{m:%b %Y}" for m in all_months]
    return Result(
        categories=labels,
        series=[
            Series(k.label, [by_kind.get((m, k), 0) for m in all_months])
            for k in kinds
        ],
        line=Series(
            f"Business plan: ${rules().PLAN_REVENUE_PER_YEAR_DOLLARS:,} a year",
            [plan] * len(all_months),
        ),
        unit="$",
        stacked=True,  # the fees add up to the month's revenue, set against the plan
        period="month",
        columns=["Month", *[k.label for k in kinds],
                 *[f"By {m.label.lower()}" for m in methods], "Total",
                 "Business plan"],
        rows=[
            [label, *[f"{by_kind.get((m, k), 0):,.2f}" for k in kinds],
             *[f"{by_method.get((m, p), 0):,.2f}" for p in methods],
             f"{sum(by_kind.get((m, k), 0) for k in kinds):,.2f}", f"{plan:,.2f}"]
            for label, m in zip(labels, all_months, strict=True)
        ],
        note="Paid amounts by the month they were received, by fee (the bars) and "
        "by payment method (the table); refunds excluded.",
    )  # fmt: skip


def register_reports():
    register(
        Report(
            "revenue",
            "Revenue",
            "Fees received per month, by fee, against the business plan.",
            revenue,
            "payments.view_payment",
            "Money",
            empty="No payments received",
        )
    )
