"""Every holder's own certificate PDF, as ``candidates.certificates`` makes it.

Printing one certificate costs WeasyPrint about a tenth of a second, most of it
set-up that does not depend on the page (styles, fonts). So each certificate's
HTML (``certificate_html``, the page ``render_certificate`` prints) is printed
with a few dozen others as one document, and the pages are split into one PDF
per certificate with pypdf, each with its own title. Where the pages and the
certificates do not pair up, the chunk is printed one certificate at a time.

``Printer`` prints in one process per core while the main process writes the
next batch of rows, so the two share the machine.
"""

import html
import io
import logging
import os
import re

from pypdf import PdfReader, PdfWriter

from candidates.certificates import certificate_html, render_certificate
from candidates.models import Certification

from .program import write_file

PAGES = 40  # certificates printed together: past ~50 layout costs grow again
PAGE_BREAK = "<style>body > section { break-after: page; }</style>"


class Printer:
    def __init__(self, workers: int | None = None):
        self.workers = workers or os.cpu_count() or 1
        self.pool = None
        self.pending = []
        self.printed = 0

    def start(self, context) -> None:
        """Start the printing processes (forked with no database connection open:
        each opens its own)."""
        if self.workers > 1:
            self.pool = context.Pool(self.workers)

    def add(self, ids: list[int]) -> None:
        """Print the certificates of these certifications (committed already)."""
        chunks = [ids[i : i + PAGES] for i in range(0, len(ids), PAGES)]
        if self.pool is None:
            self.printed += sum(_print(chunk) for chunk in chunks)
        else:
            self.pending.append(self.pool.map_async(_print, chunks))

    def finish(self) -> int:
        """Wait for every certificate; how many were printed."""
        if self.pool is not None:
            self.printed += sum(sum(result.get()) for result in self.pending)
            self.pool.close()
            self.pool.join()
            self.pool, self.pending = None, []
        return self.printed


def _print(ids: list[int]) -> int:
    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # no page-by-page log
    certifications = list(
        Certification.objects.filter(pk__in=ids)
        .select_related("candidate__user")
        .order_by("pk")
    )
    pages = _together([certificate_html(c) for c in certifications])
    if pages is None:
        pages = [render_certificate(c) for c in certifications]
    field = Certification._meta.get_field("certificate")
    for c, pdf in zip(certifications, pages, strict=True):
        c.certificate = write_file(field.generate_filename(c, f"{c.number}.pdf"), pdf)
        c.certificate_expires_on = c.expires_on
        c.certificate_name = c.candidate.user.full_name
    Certification.objects.bulk_update(
        certifications, ["certificate", "certificate_expires_on", "certificate_name"]
    )
    return len(certifications)


def _together(documents: list[str]) -> list[bytes] | None:
    """One PDF per HTML document, printed as one; ``None`` if a document did not
    make exactly one page."""
    from weasyprint import HTML

    head = documents[0].split("<body>", 1)[0].replace("</head>", PAGE_BREAK + "</head>")
    bodies = [d.split("<body>", 1)[1].rsplit("</body>", 1)[0] for d in documents]
    combined = head + "<body>" + "".join(f"<section>{b}</section>" for b in bodies)
    reader = PdfReader(io.BytesIO(HTML(string=combined + "</body></html>").write_pdf()))
    if len(reader.pages) != len(documents):
        return None
    info = dict(reader.metadata or {})
    pages = []
    for page, document in zip(reader.pages, documents, strict=True):
        writer = PdfWriter()
        writer.add_page(page)
        writer.add_metadata({**info, "/Title": _title(document)})
        out = io.BytesIO()
        writer.write(out)
        pages.append(out.getvalue())
    return pages


def _title(document: str) -> str:
    found = re.search(r"<title>(.*?)</title>", document, re.S)
    return html.unescape(found.group(1)) if found else ""
