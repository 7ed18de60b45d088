"""Admin actions that first ask for something (a reason, a date) on a page."""

from django import forms
from django.contrib import admin
from django.shortcuts import render


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Kept in the audit trail; sent to the person where they are told.",
    )


def action_with_form(modeladmin, request, queryset, *, form_class, title, apply):
    """Show ``form_class`` for the selected rows; on a valid post call ``apply``.

    ``apply(cleaned_data)`` does the work and reports with ``message_user``; returning
    ``None`` sends the admin back to the change list.
    """
    form = None
    if "apply" in request.POST:
        form = form_class(request.POST)
        if form.is_valid():
            apply(form.cleaned_data)
            return None
    return render(
        request,
        "admin/action_with_form.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "form": form or form_class(),
            "queryset": queryset,
            "opts": modeladmin.model._meta,
            "action": request.POST.get("action", ""),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


class RecordedByTheProgram:
    """Admin mixin for rows the program's services create and keep for the record:
    staff neither add nor delete them by hand."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyRecord(RecordedByTheProgram):
    """Admin mixin for rows staff only read (an audit trail, an evaluator's review)."""

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    """Rows shown with their parent for reading: no adding, changing or deleting."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
