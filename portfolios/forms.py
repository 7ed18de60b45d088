from django import forms
from django.utils import timezone

from lssc.core.program import rules

from .models import EvidenceRole

# What the file picker offers first; the content decides what is accepted.
ACCEPT = (
    ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.jpg,.jpeg,.png,.heic,"
    ".mp3,.m4a,.mp4,.mov"
)


class EvidenceUploadForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text="A document (PDF; Word, Excel or PowerPoint: .docx, .xlsx, .pptx; "
        "OpenDocument: .odt, .ods, .odp; plain text), a photo or scan (JPEG, PNG, "
        "HEIC) of at most {max_mb} MB, or a recording or video (MP3, M4A, MP4, "
        "MOV) of at most {media_mb} MB. Documents with macros are not accepted; "
        "where and by whom a photo was taken is removed from it.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
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
            max_mb=max_mb, media_mb=rules().EVIDENCE_MAX_MEDIA_MB
        )


class WebLinkForm(forms.Form):
    """A web page as evidence. The address is judged by ``links.checked_url``,
    whose messages say more than a form field's would. Prefixed: the upload form
    on the same page has a title and description too."""

    prefix = "link"

    url = forms.CharField(
        label="Web address",
        max_length=2000,
        help_text="Copy it from your browser's address bar: it starts with "
        "https:// or http://.",
        widget=forms.URLInput(attrs={"autocomplete": "url", "inputmode": "url"}),
    )
    # Labels unlike the upload form's: both forms are on the builder page.
    title = forms.CharField(label="Page title", max_length=200)
    checked_on = forms.DateField(
        label="Day you last checked the page",
        help_text="Evaluators will see that the page was there on this day.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    description = forms.CharField(
        label="What the page shows",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["checked_on"].initial = today
        self.fields["checked_on"].widget.attrs["max"] = today.isoformat()


class LinkCheckedForm(forms.Form):
    checked_on = forms.DateField(
        label="Checked again on",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
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
