from django import forms

from .models import EvidenceRole


class EvidenceUploadForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text="PDF, Word (.docx), OpenDocument text, plain text, JPEG, PNG, MP3 or "
        "MP4; at most {max_mb} MB.",
    )
    title = forms.CharField(label="Title", max_length=200)
    description = forms.CharField(
        label="Short description",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, max_mb: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.fields["file"].help_text.format(
            max_mb=max_mb
        )


class EvidenceLinkForm(forms.Form):
    competency = forms.TypedChoiceField(label="Competency", coerce=int)
    role = forms.ChoiceField(
        label="Evidence of what kind",
        choices=EvidenceRole.choices,
        widget=forms.RadioSelect,
        initial=EvidenceRole.PRIMARY,
    )

    def __init__(self, *args, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].choices = [
            (c.pk, f"{c.number}. {c.text[:80]}") for c in competencies
        ]
