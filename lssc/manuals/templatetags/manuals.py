from django import template
from django.urls import reverse

from ..content import render
from ..models import Section

register = template.Library()


@register.inclusion_tag("manuals/includes/guidelines.html")
def evaluation_guidelines(open=False):
    """The evaluation guidelines from the manual: the same text for candidates
    and evaluators, edited in one place."""
    section = (
        Section.objects.filter(key="evaluation-guidelines")
        .select_related("manual")
        .first()
    )
    return {
        "html": render(section.body) if section else "",
        "link": section.get_absolute_url() if section else reverse("manuals:index"),
        "open": open,
    }
