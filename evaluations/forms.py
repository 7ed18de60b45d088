from django import forms

from lssc.competencies.models import CompetencySet

from .models import EvaluatorApplication


class EvaluatorOfferForm(forms.ModelForm):
    class Meta:
        model = EvaluatorApplication
        fields = ["institution", "role", "sets", "portfolios_per_year", "statement"]
        labels = {
            "institution": "Where you work",
            "role": "Your role",
            "sets": "Competency sets you have expertise in",
            "portfolios_per_year": "How many portfolios a year you can evaluate",
            "statement": "A short statement: your experience and why you offer",
        }
        widgets = {
            "role": forms.RadioSelect,
            "sets": forms.CheckboxSelectMultiple,
            "statement": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sets"].queryset = CompetencySet.objects.current()
        self.fields["portfolios_per_year"].min_value = 1
        self.fields["portfolios_per_year"].max_value = 50
        self.fields["portfolios_per_year"].widget.attrs.update(min=1, max=50)
        self.fields["role"].choices = [
            c for c in self.fields["role"].choices if c[0] != ""
        ]

    def clean_portfolios_per_year(self):
        value = self.cleaned_data["portfolios_per_year"]
        if not 1 <= value <= 50:
            raise forms.ValidationError("Give a number from 1 to 50.")
        return value
