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


def csv_export(filename: str, columns: list[tuple[str, object]], prepare=None):
    """An admin action exporting the selected rows as CSV.

    ``columns`` are ``(header, field path or callable)``; a path follows relations
    with "__" (``user__email``); ``prepare(queryset)`` adds the joins and counts
    the columns need, so a row costs no query. Select all rows across pages to
    export a whole filtered list; rows are streamed in chunks.
    """
    import csv

    from django.http import StreamingHttpResponse

    def value(row, how):
        if callable(how):
            return how(row)
        for part in how.split("__"):
            row = getattr(row, part, "") if row is not None else ""
        return "" if row is None else row

    class Echo:
        def write(self, text):
            return text

    def export(modeladmin, request, queryset):
        writer = csv.writer(Echo())
        if prepare is not None:
            queryset = prepare(queryset)
        rows = (
            writer.writerow([value(row, how) for _, how in columns])
            for row in queryset.iterator(chunk_size=2000)
        )
        header = (writer.writerow([name for name, _ in columns]),)
        response = StreamingHttpResponse(
            (line for part in (header, rows) for line in part),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    export.short_description = "Export the selected rows as CSV"
    export.allowed_permissions = ("view",)
    return export
