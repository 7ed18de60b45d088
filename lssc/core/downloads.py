"""Private files as downloads: saved by the browser, never run or shown in a page.

Every view that hands out an uploaded or personal file answers through
``attachment``, so a file that slipped past the upload checks still cannot run
script in the site's origin: the browser is told to save it, not to guess its
type, and to sandbox it with nothing allowed should it be opened anyway.
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
