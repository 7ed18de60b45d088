from django import forms

from lssc.core.documents import DocumentRefused, document_name


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class DocumentsField(forms.FileField):
    """Any number of PDF, JPEG or PNG documents, each checked by its content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = []
        for upload in uploads:
            upload = super().clean(upload, initial)
            try:
                cleaned.append((upload, document_name(upload)))
            except DocumentRefused as error:
                raise forms.ValidationError(f"{upload.name}: {error}") from error
        return cleaned


class GroundsForm(forms.Form):
    grounds = forms.CharField(
        label="Your grounds: why the decision should be changed",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=8000,
    )
    documents = DocumentsField(
        label="Supporting documents (PDF, JPEG or PNG; optional)", required=False
    )


class NoticeForm(forms.Form):
    intent = forms.BooleanField(
        label="I intend to appeal this decision to the Certification Program Committee"
    )
    grounds = forms.CharField(
        label="Your grounds (you may also file them later)",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=8000,
        required=False,
    )
