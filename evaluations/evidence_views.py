"""An evidence item of the submission under review, as its evaluator sees it.

A preview where one is cheap: pictures in the page, PDFs in the browser's own
viewer, the words of office documents and plain text; a link to the web page a
candidate gave; otherwise (recordings, videos) the download. What is shown is what
the submission's snapshot names: the evaluator of another submission, or anyone
else, gets 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.dateparse import parse_date

from lssc.core.downloads import inline
from lssc.core.office_text import office_text
from portfolios.filetypes import BY_NAME
from portfolios.models import Evidence, EvidenceKind

from .views import _assignment

SHOWN_INLINE = {"jpg": "image", "png": "image", "pdf": "pdf"}
OFFICE_KINDS = {"docx", "pptx", "xlsx", "odt", "odp", "ods"}
TEXT_PREVIEW_BYTES = 60_000


def _evidence(request, pk, evidence_id):
    """The assignment, the snapshot's item and its stored row, or 404."""
    assignment = _assignment(request, pk)
    item = next(
        (
            entry
            for entry in assignment.submission.snapshot.get("evidence", [])
            if entry["id"] == evidence_id
        ),
        None,
    )
    if item is None:
        raise Http404
    item = {**item, "checked_on": parse_date(item.get("checked_on") or "")}
    return assignment, item, get_object_or_404(Evidence, pk=evidence_id)


@login_required
def evidence_page(request, pk, evidence_id):
    assignment, item, evidence = _evidence(request, pk, evidence_id)
    kind = item["kind"]
    preview, text = "", None
    if kind == EvidenceKind.LINK:
        preview = "link"
    elif kind in SHOWN_INLINE:
        preview = SHOWN_INLINE[kind]
    elif kind in OFFICE_KINDS or kind == "txt":
        text = _text(evidence, kind)
        preview = "text" if text is not None else ""
    competencies = {
        c.pk: c
        for c in assignment.submission.portfolio.competency_set.competencies.all()
    }
    linked = [
        (competencies[competency_id], role)
        for competency_id, role in item["links"]
        if competency_id in competencies
    ]
    return render(
        request,
        "evaluations/evidence.html",
        {
            "assignment": assignment,
            "code": f"P-{assignment.submission.pk:05d}",
            "item": item,
            "kind_label": EvidenceKind(kind).label,
            "preview": preview,
            "text": text,
            "linked": linked,
        },
    )


def _text(evidence, kind: str):
    """``(text, shortened)`` for the preview, or None when none can be made."""
    with evidence.file.open("rb") as stream:
        if kind == "txt":
            head = stream.read(TEXT_PREVIEW_BYTES + 1)
            shortened = len(head) > TEXT_PREVIEW_BYTES
            return head[:TEXT_PREVIEW_BYTES].decode("utf-8", "ignore"), shortened
        found = office_text(stream, kind)
    return (found.text, found.shortened) if found is not None else None


@login_required
def evidence_inline(request, pk, evidence_id):
    """A picture or PDF of the submission, shown in the evaluator's browser."""
    _, item, evidence = _evidence(request, pk, evidence_id)
    if item["kind"] not in SHOWN_INLINE or not evidence.file:
        raise Http404
    return inline(
        evidence.file.open("rb"),
        filename=item["name"],
        content_type=BY_NAME[item["kind"]].mime,
    )
