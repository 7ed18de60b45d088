"""The manuals on the site: free to read, and as a PDF. Unpublished ones are seen
by staff only (others get 404)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from .selectors import pdf, visible_manuals, with_sections


def index(request):
    return render(
        request, "manuals/index.html", {"manuals": visible_manuals(request.user)}
    )


def detail(request, slug):
    manuals = with_sections(visible_manuals(request.user).filter(slug=slug))
    if not manuals:
        raise Http404("No such manual.")
    return render(request, "manuals/detail.html", {"manual": manuals[0]})


def detail_pdf(request, slug):
    manuals = visible_manuals(request.user).filter(slug=slug)
    if not manuals.exists():
        raise Http404("No such manual.")
    return _pdf_response(pdf(manuals), f"{slug}.pdf")


def all_pdf(request):
    return _pdf_response(pdf(visible_manuals(request.user)), "lssc-manuals.pdf")


def _pdf_response(data: bytes, name: str) -> HttpResponse:
    # Shown in the browser, unlike uploaded files (``lssc.core.downloads``): the
    # site makes this PDF from published manuals, and browsers' PDF viewers do
    # not open a document under a sandboxing policy.
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
