"""Reading the manuals: what a visitor may see, and the PDF of it."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Prefetch
from django.template.loader import render_to_string

from .content import figures, render
from .models import Manual, Section


def visible_manuals(user):
    manuals = Manual.objects.all()
    return manuals if user.is_staff else manuals.filter(published=True)


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


def section_html(section: Section) -> str:
    """A section's HTML on its own (the evaluation guidelines beside a portfolio)."""
    return render(section.body)


def pdf(manuals) -> bytes:
    """The manuals as one PDF, made once per version of their text and figures."""
    manuals = with_sections(manuals)
    version = hashlib.sha256()
    stamps = Section.objects.filter(manual__in=manuals).aggregate(
        last=Max("updated_at")
    )
    version.update(repr(sorted((m.pk, m.updated_at) for m in manuals)).encode())
    version.update(repr(stamps["last"]).encode())
    version.update(repr(sorted(figures().items())).encode())
    key = f"manuals-pdf:{version.hexdigest()}"
    data = cache.get(key)
    if data is None:
        from weasyprint import HTML  # heavy: loaded only when a PDF is made

        html = render_to_string("manuals/pdf.html", {"manuals": manuals})
        # Links written as /courses/ resolve against the site's address.
        data = HTML(string=html, base_url=settings.SITE_URL).write_pdf()
        cache.set(key, data, timeout=60 * 60 * 24 * 7)
    return data
