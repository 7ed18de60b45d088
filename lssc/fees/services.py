"""Fee look-ups used by payments and by the public fee table."""

import datetime

from django.utils import timezone

from .models import Fee, FeeKind
from .rules import FeeNotSet, select_fee


def fee_for(
    kind: str,
    *,
    ala_member: bool = False,
    item: int = 1,
    on: datetime.date | None = None,
) -> Fee:
    """The fee row that applies today (or ``on``); raises ``FeeNotSet`` if none."""
    on = on or timezone.localdate()
    rows = Fee.objects.filter(kind=kind, effective_from__lte=on)
    return select_fee(rows, kind=kind, ala_member=ala_member, on=on, item=item)


def public_fee_table(on: datetime.date | None = None) -> dict:
    """Every fee a visitor is shown, in cents (``None`` when unset), in one query."""
    on = on or timezone.localdate()
    rows = list(Fee.objects.filter(effective_from__lte=on))

    def amount(kind, ala_member=False):
        try:
            return select_fee(
                rows, kind=kind, ala_member=ala_member, on=on
            ).amount_cents
        except FeeNotSet:
            return None

    return {
        "application": amount(FeeKind.APPLICATION),
        "application_member": amount(FeeKind.APPLICATION, ala_member=True),
        "portfolio": amount(FeeKind.PORTFOLIO),
        "portfolio_member": amount(FeeKind.PORTFOLIO, ala_member=True),
        "renewal": amount(FeeKind.RENEWAL),
        "course_approval": course_approval_schedule(on, rows=rows),
    }


def course_approval_schedule(
    on: datetime.date | None = None, *, rows: list[Fee] | None = None
) -> list[tuple[int, int | None, int]]:
    """The course-approval fee by a provider's course count, as merged ranges.

    Returns ``(first, last, amount_cents)`` triples, ``last`` being ``None`` for the
    open-ended final range, e.g. ``[(1, 2, 10000), (3, None, 5000)]``.
    """
    on = on or timezone.localdate()
    if rows is None:
        rows = list(Fee.objects.filter(effective_from__lte=on))
    rows = [row for row in rows if row.kind == FeeKind.COURSE_APPROVAL]
    if not rows:
        return []
    boundaries = {row.from_item for row in rows} | {
        row.to_item + 1 for row in rows if row.to_item is not None
    }
    schedule: list[list] = []
    for item in range(1, max(boundaries) + 1):
        try:
            amount = select_fee(
                rows, kind=FeeKind.COURSE_APPROVAL, ala_member=False, on=on, item=item
            ).amount_cents
        except FeeNotSet:
            amount = None
        if schedule and schedule[-1][2] == amount:
            schedule[-1][1] = item
        else:
            schedule.append([item, item, amount])
    schedule[-1][1] = None
    return [
        (first, last, amount) for first, last, amount in schedule if amount is not None
    ]
