from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from lssc.core.admin_actions import SavedRowsOnly
from lssc.core.admin_history import SimpleHistoryAdmin

from .content import figures, problems, render
from .models import Manual, Section


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["manual", "title", "anchor", "order", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 24, "cols": 100})}

    def clean_body(self):
        body = self.cleaned_data["body"]
        if found := problems(body):
            raise forms.ValidationError(found)
        return body


@admin.register(Section)
class SectionAdmin(SimpleHistoryAdmin):
    form = SectionForm
    list_display = ("title", "manual", "order", "shown_elsewhere", "updated_at")
    list_filter = ("manual",)
    list_select_related = ("manual",)
    search_fields = ("title", "body")
    readonly_fields = ("key", "preview", "placeholders", "on_the_site")
    fieldsets = (
        (None, {"fields": ("manual", "title", "anchor", "order", "body")}),
        ("As published", {"fields": ("on_the_site", "preview", "key")}),
        ("Placeholders", {"fields": ("placeholders",)}),
    )

    @admin.display(boolean=True, description="shown elsewhere")
    def shown_elsewhere(self, obj):
        return bool(obj.key)

    @admin.display(description="preview (as saved)")
    def preview(self, obj):
        if not obj.pk:
            return "Save to see the section as it will be published."
        return render(obj.body)  # sanitised by nh3

    @admin.display(description="link")
    def on_the_site(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())

    @admin.display(description="placeholders you may use")
    def placeholders(self, obj):
        rows = format_html_join(
            "",
            "<tr><td><code>{{{{ {} }}}}</code></td><td>{}</td><td>{}</td></tr>",
            (
                (name, label, value)
                for name, (value, label) in sorted(figures().items())
            ),
        )
        return format_html(
            "<table><thead><tr><th scope='col'>Placeholder</th>"
            "<th scope='col'>What it is</th><th scope='col'>Today</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            rows,
        )

    def has_delete_permission(self, request, obj=None):
        # A keyed section is shown elsewhere on the site: edit it, do not delete it.
        if obj is not None and obj.key:
            return False
        return super().has_delete_permission(request, obj)


class SectionLinks(admin.TabularInline):
    model = Section
    formset = SavedRowsOnly  # links only: no rows are added here
    fields = ("order", "link", "updated_at")
    readonly_fields = ("order", "link", "updated_at")
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="section")
    def link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:manuals_section_change", args=[obj.pk]),
            obj.title,
        )


@admin.register(Manual)
class ManualAdmin(SimpleHistoryAdmin):
    list_display = ("title", "slug", "order", "published", "updated_at")
    search_fields = ("title", "summary")
    list_editable = ("order", "published")
    inlines = [SectionLinks]
    readonly_fields = ("on_the_site",)

    @admin.display(description="on the site")
    def on_the_site(self, obj):
        if not obj.pk:
            return "—"
        return format_html(
            '<a href="{0}">{0}</a> · <a href="{1}">PDF</a>',
            obj.get_absolute_url(),
            reverse("manuals:pdf", args=[obj.slug]),
        )
