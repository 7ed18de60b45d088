"""Reading the manuals: what a visitor may see, and the PDF of it."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.template.loader import render_to_string

from .content import figures, render
from .models import Manual


def visible_manuals(user):
    manuals = Manual.objects.all()
    # Drafts are for the staff who edit them.
    if user.has_perm("manuals.view_manual"):
        return manuals
    return manuals.filter(published=True)


def with_sections(manuals):
    """The manuals with their sections' HTML (``section.html``): two queries and
    one for the figures, whatever the number of sections."""
    manuals = list(manuals.prefetch_related(Prefetch("sections")))
    values = {name: value for name, (value, _) in figures().items()}
    for manual in manuals:
        manual.last_updated = manual.updated_at
        for section in manual.sections.all():
            section.html = render(section.body, values)
            manual.last_updated = max(manual.last_updated, section.updated_at)
    return manuals


def pdf(manuals) -> bytes:
    """The manuals as one PDF, made once per version of their HTML: any change of
    text, figure, section added or removed makes a new one."""
    html = render_to_string("manuals/pdf.html", {"manuals": with_sections(manuals)})
    key = f"manuals-pdf:{hashlib.sha256(html.encode()).hexdigest()}"
    data = cache.get(key)
    if data is None:
        from weasyprint import HTML  # heavy: loaded only when a PDF is made

        # Links written as /courses/ resolve against the site's address.
        data = HTML(string=html, base_url=settings.SITE_URL).write_pdf()
        cache.set(key, data, timeout=60 * 60 * 24 * 7)
    return data
