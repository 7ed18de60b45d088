from django import forms

from lssc.competencies.models import CompetencySet
from lssc.core.documents import DocumentRefused, document_name

from .models import Activity


class ActivityForm(forms.ModelForm):
    evidence = forms.FileField(
        label="Evidence (certificate of attendance, transcript: PDF, JPEG or PNG)",
        required=False,
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "provider",
            "completed_on",
            "amount",
            "unit",
            "technology",
            "competency_sets",
        ]
        labels = {
            "title": "Title of the activity",
            "completed_on": "Date (the last day, for a course)",
            "amount": "Amount",
            "unit": "Counted in",
        }
        help_texts = {
            "unit": "Credits and conference days convert to contact hours at the "
            "program's rates.",
        }
        widgets = {
            "completed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "unit": forms.RadioSelect,
            "competency_sets": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, certification, **kwargs):
        super().__init__(*args, **kwargs)
        self.certification = certification
        self.fields["competency_sets"].queryset = CompetencySet.objects.current()
        self.fields["unit"].choices = [
            c for c in self.fields["unit"].choices if c[0] != ""
        ]
        self.fields["amount"].min_value = None  # our own message below

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload:
            try:
                self.evidence_name = document_name(upload)
            except DocumentRefused as error:
                raise forms.ValidationError(str(error)) from error
        return upload

    def clean(self):
        from .services import activity_problems

        data = super().clean()
        if {"completed_on", "amount", "unit"} <= set(data):
            for field, problem in activity_problems(
                self.certification,
                completed_on=data["completed_on"],
                amount=data["amount"],
                unit=data["unit"],
                technology=data.get("technology", False),
            ).items():
                self.add_error(field, problem)
        return data
