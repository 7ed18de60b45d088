from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory

from lssc.competencies.models import CompetencySet

from .documents import DocumentRefused, document_name
from .models import CourseApplication, Instructor, Offering, Provider


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DocumentField(forms.FileField):
    """A PDF, JPEG or PNG, judged by its content."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and hasattr(upload, "read"):
            try:
                document_name(upload)
            except DocumentRefused as error:
                raise forms.ValidationError(str(error)) from error
        return upload


class ProviderForm(forms.ModelForm):
    class Meta:
        model = Provider
        fields = ["name", "type", "state", "website"]
        labels = {
            "name": "Name of the organisation (or your name, for a consultant)",
            "type": "Type of provider",
        }


class ContactForm(forms.Form):
    email = forms.EmailField(
        label="Email address of the person to add",
        help_text="They need an account on this site first.",
    )


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = CourseApplication
        fields = [
            "title",
            "description",
            "competency_set",
            "format",
            "delivery",
            "pacing",
            "length",
            "length_unit",
            "assessment",
            "completion_certification",
        ]
        labels = {
            "title": "Course title",
            "description": "Description",
            "competency_set": "The competency set the course teaches",
            "format": "Format",
            "delivery": "Delivery",
            "pacing": "Synchronous or asynchronous",
            "length": "Length",
            "length_unit": "Length in",
            "assessment": "How is learning assessed?",
            "completion_certification": "How will you certify that a learner "
            "completed the course?",
        }
        help_texts = {
            "competency_set": "An approved course teaches one entire set: every "
            "competency in it.",
        }
        widgets = {
            "competency_set": forms.RadioSelect,
            "format": forms.RadioSelect,
            "delivery": forms.RadioSelect,
            "pacing": forms.RadioSelect,
            "length_unit": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5}),
            "assessment": forms.Textarea(attrs={"rows": 4}),
            "completion_certification": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, renewal=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["competency_set"]
        field.queryset = CompetencySet.objects.current()
        field.empty_label = None
        if renewal:
            # A renewal is for the same course, so for the same set.
            field.disabled = True
        for field in self.fields.values():
            # Drafts are saved incomplete; submission checks completeness.
            field.required = False
        for name in ("format", "delivery", "pacing", "length_unit"):
            self.fields[name].choices = [
                c for c in self.fields[name].choices if c[0] != ""
            ]

    def clean_competency_set(self):
        chosen = self.data.getlist(self.add_prefix("competency_set"))
        if len(set(chosen)) > 1:
            raise forms.ValidationError(
                "A course is approved for one competency set: choose only one."
            )
        # A set once chosen can be changed but not emptied (a browser always sends
        # the checked option; only a hand-made request leaves it out).
        return self.cleaned_data["competency_set"] or self.instance.competency_set


class CoverageForm(forms.Form):
    """One text box per competency of the chosen set."""

    def __init__(self, *args, competencies, written, **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = list(competencies)
        for competency in self.competencies:
            self.fields[f"c{competency.pk}"] = forms.CharField(
                label=f"{competency.number}. {competency.text}",
                required=False,
                max_length=4000,
                initial=written.get(competency.pk, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="Where in the course this is taught (unit, week, session).",
            )

    def coverage(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.competencies}

    def rows(self):
        return [(c, self[f"c{c.pk}"]) for c in self.competencies]


# A course is taught by a few people; twenty covers a team-taught course with
# guest instructors, and bounds the forms a post can make the server build.
MAX_INSTRUCTORS = 20
# Offerings planned over an approval's three years: a new cohort every month is
# 36; fifty leaves room, and bounds the forms a post can make the server build.
MAX_OFFERINGS = 50


class InstructorFormSetBase(BaseInlineFormSet):
    default_error_messages = {"too_many_forms": "Name at most %(num)d instructors."}


class OfferingFormSetBase(BaseInlineFormSet):
    default_error_messages = {
        "too_many_forms": "List at most %(num)d planned offerings."
    }


InstructorFormSet = inlineformset_factory(
    CourseApplication,
    Instructor,
    formset=InstructorFormSetBase,
    fields=["name", "qualifications"],
    labels={"name": "Instructor's name", "qualifications": "Qualifications"},
    widgets={"qualifications": forms.Textarea(attrs={"rows": 2})},
    extra=1,
    can_delete=True,
    max_num=MAX_INSTRUCTORS,
    absolute_max=MAX_INSTRUCTORS,
    validate_max=True,
)


class OfferingForm(forms.ModelForm):
    class Meta:
        model = Offering
        fields = ["starts_on", "ends_on", "location"]
        labels = {"starts_on": "Starts on", "ends_on": "Ends on"}
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def clean(self):
        data = super().clean()
        if (
            data.get("starts_on")
            and data.get("ends_on")
            and data["ends_on"] < data["starts_on"]
        ):
            self.add_error("ends_on", "The end must not be before the start.")
        return data


OfferingFormSet = inlineformset_factory(
    CourseApplication,
    Offering,
    form=OfferingForm,
    formset=OfferingFormSetBase,
    extra=1,
    can_delete=True,
    max_num=MAX_OFFERINGS,
    absolute_max=MAX_OFFERINGS,
    validate_max=True,
)


class CompletionForm(forms.Form):
    completed_on = forms.DateField(
        label="Date you completed the course", widget=DateInput()
    )
    result = forms.CharField(
        label="Grade or result", max_length=40, help_text='Your grade, or "Pass".'
    )
    form = DocumentField(
        label="Signed completion form (PDF, JPEG or PNG)",
        required=False,
        help_text="Print the official form, have the provider sign it, and upload a "
        "scan. Or leave this empty and ask the provider to confirm you on its roster.",
    )


class CompletionFormUpload(forms.Form):
    form = DocumentField(label="Signed completion form (PDF, JPEG or PNG)")


class ClaimForm(forms.Form):
    graduated_on = forms.DateField(label="Date you graduated", widget=DateInput())
    document = DocumentField(
        label="Transcript or diploma (PDF, JPEG or PNG)",
    )


class AppealForm(forms.Form):
    grounds = forms.CharField(
        label="Why the decision should be changed",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=8000,
    )
