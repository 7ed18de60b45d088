"""The navigation's "Your pages": the signed-in person's homes, the current one
marked, and a way to apply for those who have not (staff aside)."""

from typing import NamedTuple

from django import template
from django.urls import reverse

from ..homes import homes_of

register = template.Library()


class Entry(NamedTuple):
    label: str
    url: str
    current: bool


@register.simple_tag(takes_context=True)
def your_pages(context) -> list[Entry]:
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    homes = homes_of(request.user)
    entries = [Entry(h.label, h.url, h.url == request.path) for h in homes]
    if all(h.role not in ("candidate", "staff") for h in homes):
        # Applying is where certification starts; to someone with no role yet it
        # is their certification page. (Staff do not certify through their desk.)
        url = reverse("candidates:apply")
        label = "Apply for certification" if homes else "My certification"
        entries.append(Entry(label, url, url == request.path))
    return entries
