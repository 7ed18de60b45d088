"""How long a decision may be appealed.

The notice of intent is given within ``APPEAL_DAYS`` of the day the appellant was
told the decision (the registry's ``decided_at``), the last day included, to the
end of that day in the program's time zone. Staff may accept a late appeal
(``LateAppeal``), which gives a new last day.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils import timezone

from lssc.core.program import rules

from .models import LateAppeal
from .registry import entry_for


def last_day_to_appeal(told_at: datetime.datetime) -> datetime.date:
    """Told on March 1, the appellant may appeal through March 31 (30 days)."""
    return timezone.localdate(told_at) + datetime.timedelta(days=rules().APPEAL_DAYS)


@dataclass(frozen=True)
class Window:
    """The days a decision may be appealed: the usual time, and any late appeal
    staff accepted. ``None`` for the usual last day when the decision's date is not
    recorded (an old record): then no limit can be said to have passed."""

    closes_on: datetime.date | None
    late_until: datetime.date | None = None

    @property
    def last_day(self) -> datetime.date | None:
        if self.closes_on is None:
            return None
        return max(self.closes_on, self.late_until or self.closes_on)

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.last_day is None or today <= self.last_day

    def refusal(self) -> str:
        """Why an appeal now is refused, with the day the time closed."""
        if self.late_until is not None and self.late_until >= self.closes_on:
            return (
                f"The time the program allowed for your late appeal closed on "
                f"{self.late_until:%B %-d, %Y}."
            )
        return (
            f"The time to appeal this decision closed on "
            f"{self.closes_on:%B %-d, %Y}: an appeal is filed within "
            f"{rules().APPEAL_DAYS} days of the decision. If something kept you from "
            "appealing in time, write to the program office: staff may accept a "
            "late appeal."
        )


def appeal_window(subject) -> Window:
    """The window of the decision on ``subject`` (a registered appealable record)."""
    entry = entry_for(subject)
    told = entry.decided_at(subject) if entry is not None else None
    if told is None:
        return Window(closes_on=None)
    late_until = LateAppeal.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    ).aggregate(last=Max("open_until"))["last"]
    return Window(closes_on=last_day_to_appeal(told), late_until=late_until)
