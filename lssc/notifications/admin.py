from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import pluralize
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from lssc.core.admin_actions import ReadOnlyRecord, RecordedByTheProgram
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.mail_html import html_body
from lssc.outbox.services import enqueue

from .admin_preview import framed, html_frame, html_response
from .models import MailState, MailTemplate, OutgoingMail, Reminder
from .sandbox import filters_help, tags_help
from .tasks import mail_send
from .templates import check, default_text, names, placeholders, preview


@admin.register(OutgoingMail)
class OutgoingMailAdmin(RecordedByTheProgram, admin.ModelAdmin):
    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False
    list_display = (
        "created_at",
        "to",
        "subject",
        "template",
        "state",
        "attempts",
        "next_attempt_at",
        "sent_at",
    )
    list_filter = ("state", "template", "created_at")
    search_fields = ("to", "subject", "key")
    # No date_hierarchy: its year list scans the whole table; the filter does not.
    readonly_fields = [*(f.name for f in OutgoingMail._meta.fields), "html_part"]
    actions = ["retry"]

    def get_urls(self):
        view = self.admin_site.admin_view(framed(self.html_view))
        return [
            path("<int:pk>/html/", view, name="notifications_outgoingmail_html"),
            *super().get_urls(),
        ]

    def html_view(self, request, pk):
        # As the admin's own pages: 403 without the permission, then 404.
        if not self.has_view_permission(request):
            raise PermissionDenied
        mail = get_object_or_404(OutgoingMail, pk=pk)
        return html_response(html_body(subject=mail.subject, body=mail.body))

    @admin.display(description="as HTML")
    def html_part(self, obj):
        # Made from the text when sent, as here (``services.mail_deliver``).
        return html_frame(
            reverse("admin:notifications_outgoingmail_html", args=[obj.pk])
        )

    @admin.action(description="Send failed messages again")
    def retry(self, request, queryset):
        failed = list(
            queryset.filter(state=MailState.FAILED).values_list("pk", flat=True)
        )
        for pk in failed:
            enqueue(mail_send, pk)
        self.message_user(
            request,
            f"{len(failed)} message{pluralize(len(failed))} queued again.",
            messages.INFO,
        )


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyRecord, admin.ModelAdmin):
    """The reminder log: who was reminded of what, for which date, and when."""

    # Large table: no COUNT(*) of every row under a filtered list.
    show_full_result_count = False

    list_display = ("sent_at", "kind", "due_on", "to", "subject_type", "subject_id")
    list_filter = ("kind", "subject_type")
    list_select_related = ("subject_type",)
    search_fields = ("to",)


class MailTemplateForm(forms.ModelForm):
    name = forms.ChoiceField(label="Message")

    class Meta:
        model = MailTemplate
        fields = ["name", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 18, "cols": 100})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = (
            "The subject on the first line, the message below. Placeholders such as "
            "{{ candidate.user.full_name }} are filled in when it is sent. "
            f"Tags a message may use: {tags_help()}. Filters: {filters_help()}. "
            "Any other tag or filter ({% include %}, {% load %}, {% debug %}…) and "
            "any placeholder the default wording does not use are refused."
        )
        self.fields["name"].choices = [(n, n.replace("_", " ")) for n in names()]
        if self.instance.pk:
            self.fields["name"].disabled = True

    def clean(self):
        data = super().clean()
        name, text = data.get("name"), data.get("text")
        if name and text:
            for problem in check(name, text):
                self.add_error("text", problem)
        return data


@admin.register(MailTemplate)
class MailTemplateAdmin(SimpleHistoryAdmin):
    """Staff's wording of the program's messages, checked and previewed."""

    form = MailTemplateForm
    list_display = ("name", "updated_at")
    search_fields = ("name", "text")
    readonly_fields = ("placeholders_allowed", "preview_message", "default_wording")

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["name", "text"]
        return ["name", "text", "placeholders_allowed", "preview_message",
                "default_wording"]  # fmt: skip

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        name = request.GET.get("name")
        if name in names():
            initial["text"] = default_text(name)
        return initial

    @admin.display(description="placeholders this message may use")
    def placeholders_allowed(self, obj):
        return format_html_join(
            ", ", "<code>{{{{ {} }}}}</code>", ((p,) for p in placeholders(obj.name))
        )

    @admin.display(description="preview with sample data")
    def preview_message(self, obj):
        if problems := check(obj.name, obj.text):
            return "This wording is not used; the default is sent instead: " + (
                " ".join(problems)
            )
        try:
            subject, body = preview(obj.name, obj.text)
        except Exception as error:
            return f"The preview failed: {error}"
        return format_html(
            "<strong>{}</strong><pre>{}</pre>{}",
            subject,
            body,
            html_frame(reverse("admin:notifications_mailtemplate_html", args=[obj.pk])),
        )

    def get_urls(self):
        view = self.admin_site.admin_view(framed(self.html_view))
        return [
            path("<int:pk>/html/", view, name="notifications_mailtemplate_html"),
            *super().get_urls(),
        ]

    def html_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        template = get_object_or_404(MailTemplate, pk=pk)
        # A wording that breaks the rules is not sent: the default is, so it shows.
        text = None if check(template.name, template.text) else template.text
        subject, body = preview(template.name, text)
        return html_response(html_body(subject=subject, body=body))

    @admin.display(description="the program's default wording")
    def default_wording(self, obj):
        return format_html("<pre>{}</pre>", default_text(obj.name))
