"""The public pages: the approved-course catalog, a course, the recognition
agreements."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from ..achievements import completion_window
from ..filters import CatalogFilter
from ..models import Course, CourseApproval, Offering, RecognitionAgreement
from ..selectors import approved_courses

PAGE_SIZE = 25


def catalog(request):
    courses = approved_courses().select_related("provider", "competency_set")
    filters = CatalogFilter(request.GET or None, queryset=courses)
    results = filters.qs if filters.is_bound and filters.is_valid() else courses
    if filters.is_bound and not filters.is_valid():
        results = courses.none()
    page = Paginator(results.order_by("title", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "courses/catalog.html",
        {"filter": filters, "page": page, "query": query.urlencode()},
    )


def course_detail(request, pk):
    """Any course ever approved has a page: a lapsed one says so, for those who
    completed it while it was approved."""
    course = get_object_or_404(
        Course.objects.select_related("provider", "competency_set").prefetch_related(
            Prefetch(
                "approvals",
                CourseApproval.objects.select_related("application").prefetch_related(
                    "application__instructors",
                    Prefetch(
                        "application__offerings",
                        Offering.objects.filter(ends_on__gte=timezone.localdate()),
                        to_attr="upcoming",
                    ),
                ),
            )
        ),
        pk=pk,
    )
    latest = list(course.approvals.all())[-1].application
    coverage = latest.coverage.select_related("competency")
    first, last = completion_window(course)
    return render(
        request,
        "courses/detail.html",
        {
            "course": course,
            "application": latest,
            "coverage": coverage,
            "window": (first, last),
            "approved": course.is_approved(),
        },
    )


def agreements(request):
    today = timezone.localdate()
    rows = RecognitionAgreement.objects.prefetch_related("competency_sets")
    return render(
        request,
        "courses/agreements.html",
        {"agreements": rows, "today": today},
    )
