"""The words and documents of the benchmark dataset, from ``demo.content``.

The demo's narratives read as real work, and cost about half a millisecond each;
a 100,000-candidate dataset has over two million. So each narrative is written
once per competency, library and position (two versions of each) and reused by
the candidates who share them, and each set's evidence files are made once and
stored again for every portfolio that uses them. Documents that name their
holder (completion forms, transcripts) are written for each, as small PDFs.
"""

import hashlib
import random
from dataclasses import dataclass
from functools import cached_property

from demo import content, files
from lssc.competencies.models import Competency

# Versions of each narrative, and evidence items made per set.
VERSIONS = 2
EVIDENCE_PER_SET = 12
RATING_COMMENTS = (
    "Describe a specific example from your own work.",
    "The evidence linked here does not show this competency.",
    "Explain your own part in the work rather than the department's.",
)


@dataclass(frozen=True)
class Document:
    """A file as uploaded: its name, kind, bytes, and for evidence the
    competencies (ids) it is direct evidence of."""

    title: str
    description: str
    name: str
    kind: str
    data: bytes
    competencies: tuple[int, ...] = ()

    @property
    def size(self) -> int:
        return len(self.data)

    @cached_property  # an evidence document is stored again and again
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class Writing:
    """Narratives and evidence, made on first use and reused."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.competencies = {
            c.pk: c for c in Competency.objects.select_related("competency_set")
        }
        self.narratives = {}
        self.evidence = {}

    def narrative(self, competency_id: int, library, position: str) -> str:
        key = (competency_id, library, position, self.rng.randrange(VERSIONS))
        if key not in self.narratives:
            self.narratives[key] = content.narrative(
                self.competencies[competency_id], library=library,
                position=position, rng=self.rng,
            )  # fmt: skip
        return self.narratives[key]

    def evidence_for(self, set_pk: int, slug: str) -> list[Document]:
        """The set's evidence documents, each linked to the competencies it
        shows (none for general evidence such as a supervisor's letter)."""
        if slug not in self.evidence:
            by_number = {
                c.number: c.pk
                for c in self.competencies.values()
                if c.competency_set_id == set_pk
            }
            documents = []
            for item in content.evidence_items(slug, self.rng, EVIDENCE_PER_SET):
                name, data = files.evidence_file(item)
                shown = tuple(by_number[n] for n in item.competencies if n in by_number)
                documents.append(Document(item.title, item.description, name,
                                          item.kind, data, shown))  # fmt: skip
            self.evidence[slug] = documents
        return self.evidence[slug]


def _pdf(title: str, lines: list[str]) -> bytes:
    """A small valid one-page PDF (Helvetica, no compression) of ``lines``:
    ``demo.files`` lays out whole documents, at a millisecond a file."""

    def escaped(text: str) -> str:
        text = files.ascii_text(text)
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    body = ["BT /F1 16 Tf 72 720 Td", f"({escaped(title)}) Tj", "/F1 11 Tf 0 -30 Td"]
    for line in lines:
        body += [f"({escaped(line)}) Tj", "0 -15 Td"]
    stream = "\n".join([*body, "ET"])
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        "/Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def signed_form(course_title: str, holder: str, completed_on) -> Document:
    title = "LSSC course completion form"
    lines = [
        course_title,
        f"Completed by {holder} on {completed_on:%B %-d, %Y}",
        "Signed by the instructor",
    ]
    return Document(title, "", "completion-form.pdf", "pdf", _pdf(title, lines))


def transcript(college: str, holder: str, graduated_on) -> Document:
    title = "Official transcript"
    lines = [college, holder, f"Graduated {graduated_on:%B %-d, %Y}"]
    return Document(title, "", "transcript.pdf", "pdf", _pdf(title, lines))


def agreement_document(college: str, program: str, signed_on) -> Document:
    title = "Recognition agreement"
    paragraphs = [
        f"Agreement between the LSSC program and {college} recognising the "
        f"{program}: its graduates achieve the competency sets its required "
        "courses cover.",
        f"Signed {signed_on:%B %-d, %Y}.",
    ]
    data = files.pdf_document(title, paragraphs)
    return Document(title, "", "agreement.pdf", "pdf", data)
