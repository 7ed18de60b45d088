from django import forms
from django.utils import timezone

from lssc.core.documents import DocumentRefused, document_name
from lssc.core.program import rules

from .enums import HowHeard
from .models import Application, ShareLink, WorkHistory


class ContactForm(forms.ModelForm):
    """The application's contact fields and the person's name, which the services
    save on the account (``candidates.contact.name_save``)."""

    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        help_text="As it should appear on letters and on your certificate.",
    )

    class Meta:
        model = Application
        fields = [
            "phone",
            "address_line1",
            "address_line2",
            "city",
            "state",
            "postal_code",
            "country",
        ]
        widgets = {"phone": forms.TextInput(attrs={"autocomplete": "tel"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].initial = user.full_name
        self.order_fields(["full_name", *self.Meta.fields])
        for name in ("phone", "address_line1", "city", "state", "postal_code"):
            self.fields[name].required = True
        autocomplete = {
            "full_name": "name",
            "address_line1": "address-line1",
            "address_line2": "address-line2",
            "city": "address-level2",
            "state": "address-level1",
            "postal_code": "postal-code",
            "country": "country-name",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value


class LibraryForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = [
            "library_name",
            "library_type",
            "job_title",
            "employer_contact_name",
            "employer_contact_email",
            "ala_member",
            "ala_member_number",
        ]
        labels = {"library_name": "Library where you work now"}
        help_texts = {
            "employer_contact_email": "Used only if you later ask us to tell your "
            "employer about your certification.",
            "ala_member": "ALA members pay the member fee.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("library_name", "library_type", "job_title"):
            self.fields[name].required = True

    def clean(self):
        data = super().clean()
        if data.get("ala_member") and not data.get("ala_member_number", "").strip():
            self.add_error(
                "ala_member_number",
                "Enter your ALA member number to pay the member fee.",
            )
        return data


class EducationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["education"]
        widgets = {"education": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["education"].required = True
        self.fields["education"].choices = [
            c for c in self.fields["education"].choices if c[0]
        ]


class WorkHistoryForm(forms.ModelForm):
    current = forms.BooleanField(label="I still work here", required=False)

    class Meta:
        model = WorkHistory
        fields = [
            "library",
            "position",
            "paid",
            "start_date",
            "end_date",
            "current",
            "hours_per_week",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "paid": forms.Select,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["current"].initial = self.instance.end_date is None
        self.fields["hours_per_week"].widget.attrs.update({"min": "0.5", "step": "0.5"})
        self.fields[
            "hours_per_week"
        ].help_text = f"At most {rules().MAX_HOURS_PER_WEEK} hours a week."

    def clean_hours_per_week(self):
        hours = self.cleaned_data["hours_per_week"]
        cap = rules().MAX_HOURS_PER_WEEK
        if hours is not None and (hours <= 0 or hours > cap):
            raise forms.ValidationError(f"Enter between 0.5 and {cap} hours a week.")
        return hours

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        start, end = data.get("start_date"), data.get("end_date")
        if data.get("current"):
            data["end_date"] = end = None
        elif start and not end:
            self.add_error(
                "end_date", "Enter the end date, or tick “I still work here”."
            )
        if start and start > today:
            self.add_error("start_date", "The start date cannot be in the future.")
        if end and end > today:
            self.add_error("end_date", "The end date cannot be in the future.")
        if start and end and end < start:
            self.add_error("end_date", "The end date must be after the start date.")
        return data


# Five years of library work is a handful of jobs for nearly everyone; twenty
# leaves room for many short or overlapping ones, and bounds the forms a post
# can make the server build whatever its TOTAL_FORMS says.
MAX_WORK_PERIODS = 20


class BaseWorkHistoryFormSet(forms.BaseInlineFormSet):
    default_error_messages = {
        "too_many_forms": "List at most %(num)d periods of library work."
    }

    def clean(self):
        super().clean()
        rows = [
            f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if not rows and not any(f.errors for f in self.forms):
            raise forms.ValidationError("Add at least one period of library work.")


WorkHistoryFormSet = forms.inlineformset_factory(
    Application,
    WorkHistory,
    form=WorkHistoryForm,
    formset=BaseWorkHistoryFormSet,
    extra=1,
    can_delete=True,
    max_num=MAX_WORK_PERIODS,
    absolute_max=MAX_WORK_PERIODS,
    validate_max=True,
)


class ReviewForm(forms.ModelForm):
    agree = forms.BooleanField(
        label="I have read the program's policies and agree to them, and the "
        "information I gave is true.",
        required=True,
    )

    class Meta:
        model = Application
        fields = ["how_heard", "how_heard_other"]
        labels = {"how_heard_other": "If other, where?"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["how_heard"].required = True
        self.fields["agree"].initial = self.instance.agreed_to_policies_at is not None

    def clean(self):
        data = super().clean()
        if (
            data.get("how_heard") == HowHeard.OTHER
            and not data.get("how_heard_other", "").strip()
        ):
            self.add_error("how_heard_other", "Tell us where you heard about us.")
        return data

    def save(self, commit=True):
        if self.instance.agreed_to_policies_at is None:
            self.instance.agreed_to_policies_at = timezone.now()
        return super().save(commit)


class ShareLinkForm(forms.ModelForm):
    class Meta:
        model = ShareLink
        fields = ["label", "expires_on"]
        labels = {"label": "Who is it for?", "expires_on": "Valid through"}
        widgets = {"expires_on": forms.DateInput(attrs={"type": "date"})}

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError("Choose a date from today on.")
        if (day - today).days > 366 * 2:
            raise forms.ValidationError("A link can be valid for two years at most.")
        return day


class PublicityForm(forms.Form):
    listed = forms.BooleanField(
        label="List my name, library, state and year in the public registry of "
        "certified staff",
        required=False,
    )
    notify = forms.BooleanField(
        label="Send an award notice to my employer", required=False
    )
    notify_email = forms.EmailField(
        label="Employer contact's email", required=False, max_length=254
    )
    announce = forms.BooleanField(
        label="Announce my certification to my state's library agency",
        help_text="Once, in the program's monthly list to the agency of the state "
        "on your record: your name, library, city, certification date and "
        "certificate number.",
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("notify") and not data.get("notify_email"):
            self.add_error("notify_email", "Give the address the notice goes to.")
        return data


class ExtensionRequestForm(forms.Form):
    asked_until = forms.DateField(
        label="New deadline you ask for",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reason = forms.CharField(
        label="Why you need more time",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        help_text="What kept you from finishing, and what you still plan to do.",
    )
    document = forms.FileField(
        label="Supporting document (optional)",
        required=False,
        help_text="A letter from your employer or a doctor, for example: a PDF, or "
        "a scan or photo as JPEG or PNG.",
    )

    def __init__(self, *args, earliest=None, latest=None, **kwargs):
        """``earliest`` and ``latest`` bound the date picker; the service checks."""
        super().__init__(*args, **kwargs)
        attrs = self.fields["asked_until"].widget.attrs
        if earliest:
            attrs["min"] = earliest.isoformat()
        if latest:
            attrs["max"] = latest.isoformat()

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload:
            try:
                document_name(upload)
            except DocumentRefused as error:
                raise forms.ValidationError(str(error)) from error
        return upload
