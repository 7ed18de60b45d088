"""Money: revenue per month by fee, against the business plan's projection."""

from django.db.models import Sum
from django.db.models.functions import TruncMonth

from lssc.core.program import rules
from lssc.fees.models import FeeKind
from lssc.reports.base import Report, Result, Series, month_of, months, register

from .enums import PaymentStatus
from .models import Payment


def revenue(start, end) -> Result:
    """Paid (and not refunded) amounts per month and fee: one query."""
    rows = (
        Payment.objects.filter(
            status=PaymentStatus.PAID,
            paid_at__date__gte=start,
            paid_at__date__lte=end,
        )
        .annotate(month=TruncMonth("paid_at"))
        .values_list("month", "kind")
        .annotate(cents=Sum("amount_cents"))
        .order_by()
    )
    table = {}
    for month, kind, cents in rows:
        table[(month_of(month), kind)] = cents / 100
    all_months = months(start, end)
    kinds = [k for k in FeeKind if any(key[1] == k for key in table)] or [
        FeeKind.APPLICATION
    ]
    plan = rules().PLAN_REVENUE_PER_YEAR_DOLLARS / 12
    labels = [f"{m:%b %Y}" for m in all_months]
    return Result(
        categories=labels,
        series=[
            Series(k.label, [table.get((m, k), 0) for m in all_months]) for k in kinds
        ],
        line=Series(
            f"Business plan: ${rules().PLAN_REVENUE_PER_YEAR_DOLLARS:,} a year",
            [plan] * len(all_months),
        ),
        unit="$",
        columns=["Month", *[k.label for k in kinds], "Total", "Business plan"],
        rows=[
            [label, *[f"{table.get((m, k), 0):,.2f}" for k in kinds],
             f"{sum(table.get((m, k), 0) for k in kinds):,.2f}", f"{plan:,.2f}"]
            for label, m in zip(labels, all_months, strict=True)
        ],
        note="Paid amounts by the month they were received; refunds excluded.",
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
        )
    )
