from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from .models import CompetencySet
from .selectors import grouped_competencies


def set_list(request):
    sets = CompetencySet.objects.current().annotate(
        competency_count=Count("competencies")
    )
    return render(
        request,
        "competencies/set_list.html",
        {
            "required_sets": [s for s in sets if s.is_required],
            "elective_sets": [s for s in sets if not s.is_required],
        },
    )


def set_detail(request, slug):
    competency_set = get_object_or_404(
        CompetencySet.objects.prefetch_related("competencies"), slug=slug
    )
    return render(
        request,
        "competencies/set_detail.html",
        {"set": competency_set, "parts": grouped_competencies(competency_set)},
    )
