"""The program's admin site: the staff's tools, open only to staff with two-factor."""

from allauth.account.decorators import secure_admin_login
from django.contrib.admin import AdminSite, ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path

from lssc.core.admin_selection import ValidSelection

from .two_factor import staff_powers


class ProgramAdminSite(AdminSite):
    site_header = "LSSC program administration"
    site_title = "LSSC admin"
    index_title = "Program administration"

    def has_permission(self, request):
        return staff_powers(request.user)

    def login(self, request, extra_context=None):
        # Staff sign in through the same login as everyone (rate limits, two-factor).
        return secure_admin_login(super().login)(request, extra_context)

    def get_urls(self):
        # Django's "view on site" redirect opens for any staff member, whatever the
        # object: it would hand a share link's token, or a payment's reference, to
        # staff who may not see the row. This one asks the model admin first.
        urls = super().get_urls()
        for index, url in enumerate(urls):
            if getattr(url, "name", None) == "view_on_site":
                view = self.admin_view(self.view_on_site)
                urls[index] = path(str(url.pattern), view, name="view_on_site")
        return urls

    def view_on_site(self, request, content_type_id, object_id):
        """The object's page on the site, for staff who may see it in the admin."""
        from django.contrib.contenttypes.models import ContentType
        from django.contrib.contenttypes.views import shortcut

        try:
            model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        except (ContentType.DoesNotExist, ValueError):
            raise Http404 from None
        model_admin = self._registry.get(model)
        if model_admin is None or not model_admin.view_on_site:
            raise Http404
        if not model_admin.has_view_or_change_permission(request):
            raise PermissionDenied
        return shortcut(request, content_type_id, object_id)

    def register(self, model_or_iterable, admin_class=None, **options):
        # Every model admin, the libraries' too, refuses a tampered row selection.
        base = admin_class or ModelAdmin
        checked = type(base.__name__, (ValidSelection, base), {})
        checked.__module__, checked.__qualname__ = base.__module__, base.__qualname__
        super().register(model_or_iterable, checked, **options)
