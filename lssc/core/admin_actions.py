"""Admin building blocks: actions that first ask for something (a reason, a date)
on a page, inlines bounded or read-only, and the CSV export action."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import render

from .csv_export import streamed_csv_response


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


class BoundedInline(admin.TabularInline):
    """An editable inline that takes at most ``max_num`` rows in a post.

    Django otherwise builds up to a thousand forms beyond ``max_num`` for a post
    whose TOTAL_FORMS asks for them; here more than ``max_num`` is a form error
    and no more forms than that are built.
    """

    def get_formset(self, request, obj=None, **kwargs):
        most = self.get_max_num(request, obj, **kwargs)
        if most is None:
            raise ImproperlyConfigured(f"{type(self).__name__} needs a max_num.")
        kwargs.setdefault("absolute_max", most)
        kwargs.setdefault("validate_max", True)
        return super().get_formset(request, obj, **kwargs)


class SavedRowsOnly(forms.BaseInlineFormSet):
    """One form per saved row, whatever the post's TOTAL_FORMS and INITIAL_FORMS
    claim: nothing is added through a read-only inline, so a post asking for
    thousands of forms builds none of them."""

    def initial_form_count(self):
        return len(self.get_queryset())

    def total_form_count(self):
        return self.initial_form_count()


class ReadOnlyInline(admin.TabularInline):
    """Rows shown with their parent for reading: no adding, changing or deleting."""

    formset = SavedRowsOnly
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
    export a whole filtered list; rows are streamed in chunks, through the writer
    that keeps cells from running as spreadsheet formulas.
    """

    def value(row, how):
        if callable(how):
            return how(row)
        for part in how.split("__"):
            row = getattr(row, part, "") if row is not None else ""
        return "" if row is None else row

    def export(modeladmin, request, queryset):
        if prepare is not None:
            queryset = prepare(queryset)
        rows = (
            [value(row, how) for _, how in columns]
            for row in queryset.iterator(chunk_size=2000)
        )
        return streamed_csv_response(filename, [name for name, _ in columns], rows)

    export.short_description = "Export the selected rows as CSV"
    export.allowed_permissions = ("view",)
    return export
