"""Approved courses, their approval periods, and importing a course's roster."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from lssc.core.admin_actions import RecordedByTheProgram
from lssc.core.admin_history import SimpleHistoryAdmin
from lssc.core.imports import import_page

from ..imports import RosterImport
from ..models import Course, CourseApproval
from .common import PartOfTheParent


class ApprovalInline(PartOfTheParent):
    model = CourseApproval
    fields = ("starts_on", "expires_on", "application", "approved_by", "approved_at")
    # Not editable (auto_now_add): no form may hold it, so it is shown read-only.
    readonly_fields = ("approved_at",)


@admin.register(Course)
class CourseAdmin(RecordedByTheProgram, SimpleHistoryAdmin):
    list_display = (
        "title",
        "provider",
        "competency_set",
        "approved_on",
        "expires_on",
        "in_catalog",
    )
    list_filter = ("competency_set", "delivery", "pacing", "provider__type")
    list_select_related = ("provider", "competency_set")
    search_fields = ("title", "provider__name")
    inlines = [ApprovalInline]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Course._meta.fields]

    def get_urls(self):
        return [
            path(
                "<int:pk>/roster/",
                self.admin_site.admin_view(self.roster_view),
                name="courses_course_roster",
            ),
            *super().get_urls(),
        ]

    def roster_view(self, request, pk):
        """A roster the provider sent, imported by staff who verify completions."""
        if not request.user.has_perm("courses.change_completion"):
            raise PermissionDenied
        course = get_object_or_404(Course.objects.select_related("provider"), pk=pk)
        return import_page(
            request,
            RosterImport(course),
            template="admin/import.html",
            context={
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": course,
                "title": "Import a roster",
                "intro": f"The candidates who completed {course.title} "
                f"({course.provider.name}). Each row counts as the provider's "
                "confirmation: the completion is verified and the set achieved.",
                "salt": course.pk,
            },
            done_url=reverse("admin:courses_course_change", args=[course.pk]),
            by=request.user,
        )

    @admin.display(boolean=True, description="in the catalog")
    def in_catalog(self, obj):
        return obj.is_approved()
