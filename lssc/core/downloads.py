"""Private files as downloads: saved by the browser, never run or shown in a page.

Every view that hands out an uploaded or personal file answers through
``attachment``, so a file that slipped past the upload checks still cannot run
script in the site's origin: the browser is told to save it, not to guess its
type, and to sandbox it with nothing allowed should it be opened anyway.
The one exception is ``inline``, for evaluators' previews: only pictures and PDFs
the upload checks vouched for, never a kind a browser would run.
"""

import mimetypes

from django.http import FileResponse, HttpResponse
from django.utils.http import content_disposition_header

SANDBOX_POLICY = "sandbox; default-src 'none'"


def attachment(content, *, filename: str, content_type: str | None = None):
    """The response for ``content`` (an open file, or bytes made for this request)."""
    if isinstance(content, bytes):
        guessed = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        response = HttpResponse(content, content_type=content_type or guessed)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=filename
        )
    else:
        response = FileResponse(
            content, as_attachment=True, filename=filename, content_type=content_type
        )
    response["X-Content-Type-Options"] = "nosniff"
    # Set here, so the site's page policy is not added in its place.
    response["Content-Security-Policy"] = SANDBOX_POLICY
    return response


# What may be shown in a page rather than saved: pictures the upload checks wrote
# again from their pixels, and PDFs they found without scripts or launch actions.
INLINE_TYPES = ("image/jpeg", "image/png", "application/pdf")
# Chromium will not start its PDF viewer in a sandboxed document, and with
# ``default-src 'none'`` its viewer page cannot style or embed itself; so a PDF
# is only kept to frames of the site's own pages. The viewer renders the PDF apart
# from the site's pages, and uploads that carry scripts were refused.
PDF_POLICY = "frame-ancestors 'self'"


def inline(content, *, filename: str, content_type: str):
    """The response showing ``content`` in the browser: an image in a page, or a
    PDF in the browser's own viewer (in a frame of one of the site's pages)."""
    if content_type not in INLINE_TYPES:
        raise ValueError(f"{content_type} is not shown inline; use attachment().")
    response = FileResponse(
        content, as_attachment=False, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    if content_type == "application/pdf":
        response["Content-Security-Policy"] = PDF_POLICY
        response["X-Frame-Options"] = "SAMEORIGIN"
    else:
        response["Content-Security-Policy"] = SANDBOX_POLICY
    return response
