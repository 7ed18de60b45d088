"""The fee schedule as effective-dated rows, in integer cents.

A fee change is a new row with a later ``effective_from``; rows already in effect are
never edited, so what someone was charged can always be explained. Payments copy the
amount when they are created.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class FeeKind(models.TextChoices):
    APPLICATION = "application", "Application"
    PORTFOLIO = "portfolio", "Portfolio submission"
    PORTFOLIO_RESUBMISSION = "portfolio_resubmission", "Portfolio resubmission"
    COURSE_APPROVAL = "course_approval", "Course approval"
    COURSE_RENEWAL = "course_renewal", "Course approval renewal"
    RENEWAL = "renewal", "Renewal"


class Audience(models.TextChoices):
    EVERYONE = "everyone", "Everyone"
    ALA_MEMBER = "ala_member", "ALA members"
    NON_MEMBER = "non_member", "Non-members"


class Fee(models.Model):
    kind = models.CharField(max_length=32, choices=FeeKind.choices)
    audience = models.CharField(
        max_length=16, choices=Audience.choices, default=Audience.EVERYONE
    )
    from_item = models.PositiveSmallIntegerField(
        default=1,
        help_text="For fees that depend on a count (a provider's courses): the first "
        "item this row applies to.",
    )
    to_item = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The last item this row applies to; empty for no upper limit.",
    )
    amount_cents = models.PositiveIntegerField(
        "amount (cents)", help_text="In US cents: $350.00 is 35000."
    )
    effective_from = models.DateField(
        help_text="The first day this amount applies. Rows already in effect cannot "
        "be edited: add a new row with a later date instead."
    )
    note = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "audience", "from_item", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "audience", "from_item", "effective_from"],
                name="fee_unique_row",
            ),
            models.CheckConstraint(
                condition=Q(to_item__isnull=True)
                | Q(to_item__gte=models.F("from_item")),
                name="fee_item_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(from_item__gte=1), name="fee_from_item_1"
            ),
        ]
        indexes = [models.Index(fields=["kind", "effective_from"])]

    def __str__(self):
        items = ""
        if self.from_item != 1 or self.to_item is not None:
            end = self.to_item if self.to_item is not None else "…"
            items = f", items {self.from_item}–{end}"
        return (
            f"{self.get_kind_display()} ({self.get_audience_display()}{items}): "
            f"${self.amount_cents / 100:,.2f} from {self.effective_from:%Y-%m-%d}"
        )

    def clean(self):
        if self.to_item is not None and self.to_item < self.from_item:
            raise ValidationError(
                {"to_item": "The last item must not be before the first."}
            )
        same_version = Fee.objects.filter(
            kind=self.kind, audience=self.audience, effective_from=self.effective_from
        ).exclude(pk=self.pk)
        for other in same_version:
            if _ranges_overlap(
                self.from_item, self.to_item, other.from_item, other.to_item
            ):
                raise ValidationError(
                    f"This row's items overlap another row from the same date: {other}."
                )

    def applies_to(self, item: int) -> bool:
        return self.from_item <= item and (self.to_item is None or item <= self.to_item)


def _ranges_overlap(a_from, a_to, b_from, b_to) -> bool:
    a_end = a_to if a_to is not None else float("inf")
    b_end = b_to if b_to is not None else float("inf")
    return a_from <= b_end and b_from <= a_end
