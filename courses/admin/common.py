"""What the courses' admin pages share: file links and inline rows that read as part
of their parent."""

from django.contrib.auth import get_permission_codename
from django.urls import reverse
from django.utils.html import format_html

from lssc.core.admin_actions import ReadOnlyInline


def file_link(kind, obj, field):
    # An unsaved row (the add form shown again with errors) has no URL yet.
    if obj.pk is None or not getattr(obj, field):
        return "—"
    url = reverse("courses:file", kwargs={"kind": kind, "pk": obj.pk})
    return format_html('<a href="{}">Download</a>', url)


class PartOfTheParent(ReadOnlyInline):
    """Rows read as part of their parent: whoever may view the parent sees them
    (no staff group holds a permission on these models of their own)."""

    def has_view_permission(self, request, obj=None):
        opts = self.parent_model._meta
        return any(
            request.user.has_perm(
                f"{opts.app_label}.{get_permission_codename(action, opts)}"
            )
            for action in ("view", "change")
        )
