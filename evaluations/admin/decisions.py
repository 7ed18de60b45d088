"""Decisions on submissions and the committee's revision requests."""

from functools import partial

from django import forms
from django.contrib import admin, messages

from courses.models import Course
from courses.selectors import approved_courses
from lssc.core.admin_actions import RecordedByTheProgram, action_with_form
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.worklist import QueueFilter

from ..errors import EvaluationError
from ..models import Decision
from ..reviews import revision_request


class RevisionRequestForm(forms.Form):
    message = forms.CharField(
        label="What the candidate should revise",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Sent to the candidate with the evaluators' comments (no names).",
    )
    recommended_course = forms.ModelChoiceField(
        label="Recommended approved course (optional)",
        queryset=Course.objects.none(),
        required=False,
        empty_label="No recommendation",
        help_text="Courses approved today for the portfolio's set.",
    )

    def __init__(self, *args, set_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommended_course"].queryset = (
            approved_courses()
            .filter(competency_set__in=set_ids)
            .select_related("provider", "competency_set")
            .order_by("competency_set__position", "title")
        )
        self.fields["recommended_course"].label_from_instance = lambda course: (
            f"{course.competency_set.name}: {course.title} ({course.provider.name})"
        )


@admin.register(Decision)
class DecisionAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    list_display = (
        "submission",
        "outcome",
        "by_third_reviewer",
        "decided_at",
        "revision_sent_at",
    )
    search_fields = ("submission__portfolio__candidate__number",)
    list_filter = (QueueFilter, "outcome", "by_third_reviewer")
    list_select_related = (
        "submission__portfolio__competency_set",
        "submission__portfolio__candidate__user",
    )
    readonly_fields = [f.name for f in Decision._meta.fields]
    actions = ["send_revision_request"]

    @admin.action(description="Send the revision request", permissions=["change"])
    def send_revision_request(self, request, queryset):
        def apply(data):
            for decision in queryset:
                try:
                    revision_request(
                        decision_id=decision.pk,
                        by=request.user,
                        message=data["message"],
                        recommended_course=data["recommended_course"],
                    )
                except EvaluationError as error:
                    self.message_user(request, f"{decision}: {error}", messages.WARNING)
                else:
                    self.message_user(request, f"{decision}: revision request sent.")

        return action_with_form(
            self,
            request,
            queryset,
            form_class=partial(
                RevisionRequestForm,
                set_ids=list(
                    queryset.values_list(
                        "submission__portfolio__competency_set", flat=True
                    )
                ),
            ),
            title="Send the revision request",
            apply=apply,
        )
