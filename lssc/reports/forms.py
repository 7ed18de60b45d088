import datetime

from django import forms
from django.utils import timezone

from lssc.core.dates import add_months


class RangeForm(forms.Form):
    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "The end must not be before the start.")
        return data

    def range(self) -> tuple[datetime.date, datetime.date]:
        """The dates asked for; by default the last twelve months."""
        today = timezone.localdate()
        end = self.cleaned_data.get("end") or today
        start = self.cleaned_data.get("start") or add_months(end, -12).replace(day=1)
        return start, end
