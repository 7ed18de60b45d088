import datetime

from django import forms
from django.utils import timezone

from lssc.core.dates import add_months

# Reports look back to before the program began and ahead to its projections; days
# far outside would leave the calendar when a report adds months to them.
EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2099, 12, 31)


def _day_input():
    return forms.DateInput(
        attrs={"type": "date", "min": EARLIEST.isoformat(), "max": LATEST.isoformat()},
        format="%Y-%m-%d",  # what a date input reads, whatever the locale
    )


class RangeForm(forms.Form):
    start = forms.DateField(label="From", required=False, widget=_day_input())
    end = forms.DateField(label="To", required=False, widget=_day_input())

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        for name, day in (("start", start), ("end", end)):
            if day and not EARLIEST <= day <= LATEST:
                self.add_error(name, f"Choose a day from {EARLIEST:%Y} to {LATEST:%Y}.")
        if start and end and end < start:
            self.add_error("end", "The end must not be before the start.")
        return data

    def range(self) -> tuple[datetime.date, datetime.date]:
        """The dates asked for; by default the last twelve months. An unbound
        form gives the default."""
        data = getattr(self, "cleaned_data", {})
        end = data.get("end") or timezone.localdate()
        start = data.get("start") or add_months(end, -12).replace(day=1)
        return start, end

    @classmethod
    def showing(cls, start: datetime.date, end: datetime.date) -> "RangeForm":
        """A form whose fields show the range a report was drawn over, so a
        default or half-given range reads as the dates it stood for."""
        return cls(initial={"start": start, "end": end})
