"""Staff accept a late appeal: find the person, pick their decision whose time to
appeal has closed, give the reason and the new last day. The person's admin page
links here (``apps.py``); the list shows every late appeal accepted."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from lssc.audit.admin_history import AuditTrailHistory
from lssc.core.admin_search import people_matching
from lssc.core.program import rules

from .deadlines import appeal_window
from .errors import AppealError
from .models import LateAppeal
from .registry import decisions_of
from .services import appeal_accept_late, appeal_for


class PersonForm(forms.Form):
    person = forms.CharField(
        label="The appellant",
        max_length=200,
        help_text="Their email address, name or candidate number.",
    )

    def clean_person(self):
        term = self.cleaned_data["person"].strip()
        exact = get_user_model().objects.filter(email__iexact=term).first()
        if exact is not None:
            return exact
        found = people_matching(term) if len(term) >= 3 else []
        if not found:
            raise forms.ValidationError("No one with that email, name or number.")
        if len(found) > 1:
            raise forms.ValidationError(
                f"{len(found)} people match: give their full email address."
            )
        return get_user_model().objects.get(pk=found[0])


class LateAppealForm(forms.Form):
    decision = forms.ChoiceField(label="The decision", widget=forms.RadioSelect)
    open_until = forms.DateField(
        label="May give notice until",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The last day, included.",
    )
    reason = forms.CharField(
        label="Why the late appeal is accepted",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Kept in the audit trail.",
    )

    def __init__(self, *args, closed, **kwargs):
        super().__init__(*args, **kwargs)
        self.closed = {choice_key(entry, obj): obj for entry, obj, _ in closed}
        self.fields["decision"].choices = [
            (choice_key(entry, obj), describe(entry, obj, window))
            for entry, obj, window in closed
        ]


def choice_key(entry, obj) -> str:
    return f"{entry.label}:{obj.pk}"


def describe(entry, obj, window) -> str:
    told = entry.decided_at(obj)
    return (
        f"{entry.noun.capitalize()} of {told:%B %-d, %Y} (time to appeal closed "
        f"{window.last_day:%B %-d, %Y}): {Truncator(entry.decision(obj)).words(30)}"
    )


def closed_decisions(user) -> list:
    """``(entry, decision, window)`` for the person's decisions not appealed whose
    time to appeal has closed."""
    closed = []
    for entry, obj in decisions_of(user):
        window = appeal_window(obj)
        if not window.is_open() and appeal_for(obj) is None:
            closed.append((entry, obj, window))
    return closed


@admin.register(LateAppeal)
class LateAppealAdmin(AuditTrailHistory, admin.ModelAdmin):
    list_display = (
        "appellant",
        "subject_type",
        "closed_on",
        "open_until",
        "accepted_by",
        "accepted_at",
    )
    list_select_related = ("appellant", "subject_type", "accepted_by")
    search_fields = ("appellant__email", "appellant__full_name")
    readonly_fields = (
        "appellant",
        "decision",
        "closed_on",
        "open_until",
        "reason",
        "accepted_by",
        "accepted_at",
    )
    exclude = ("subject_type", "subject_id")

    def history_subjects(self, obj):
        # Accepting it is recorded on the decision appealed.
        return [(obj, None), (obj.subject, ("appeal.late_accepted",))]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="decision")
    def decision(self, obj):
        return str(obj.subject) if obj.subject is not None else "—"

    def add_view(self, request, form_url="", extra_context=None):
        """Two steps: whose appeal, then which decision, until when and why."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        appellant = _appellant(request.GET.get("appellant"))
        if appellant is None:
            form = PersonForm(request.POST or None)
            if request.method == "POST" and form.is_valid():
                url = reverse("admin:appeals_lateappeal_add")
                return redirect(f"{url}?appellant={form.cleaned_data['person'].pk}")
            return self._page(request, form, title="Accept a late appeal: whose?")
        closed = closed_decisions(appellant)
        form = LateAppealForm(
            request.POST or None,
            closed=closed,
            initial={
                "open_until": timezone.localdate()
                + datetime.timedelta(days=rules().APPEAL_DAYS)
            },
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                late = appeal_accept_late(
                    subject=form.closed[data["decision"]],
                    by=request.user,
                    reason=data["reason"],
                    open_until=data["open_until"],
                )
            except AppealError as error:
                form.add_error(None, str(error))
            else:
                self.message_user(
                    request,
                    f"Late appeal accepted: {appellant} may give notice until "
                    f"{late.open_until:%B %-d, %Y}, and has been emailed the link.",
                    messages.SUCCESS,
                )
                return redirect("admin:appeals_lateappeal_changelist")
        return self._page(
            request,
            form,
            title=f"Accept a late appeal from {appellant}",
            appellant=appellant,
            nothing_closed=not closed,
        )

    def _page(self, request, form, **context):
        return render(
            request,
            "admin/appeals/lateappeal/accept.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "form": form,
                "appeal_days": rules().APPEAL_DAYS,
                **context,
            },
        )


def _appellant(value):
    if not (value or "").isdigit():
        return None
    return get_user_model().objects.filter(pk=int(value)).first()
