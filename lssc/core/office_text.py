"""The words of an office document, for a preview read in the page.

Only the text, in reading order: paragraphs of a Word or OpenDocument text, each
slide's text of a presentation under "Slide N", each sheet's rows of a spreadsheet
(cells separated by tabs) under its name. No layout, pictures or formulas: the
evaluator downloads the file for those. The XML is read as a stream and reading
stops once the preview is long enough, so a large document costs no more than a
small one. Files reach here only after ``lssc.core.office`` has accepted them.
"""

import posixpath
import re
import zipfile
from dataclasses import dataclass

from defusedxml import DefusedXmlException, ElementTree

from .program import rules

PREVIEW_CHARS = 60_000
# Shared strings of a spreadsheet kept for its cells, at most.
MAX_SHARED_STRINGS = 100_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class OfficeText:
    text: str
    shortened: bool  # the document goes on past the preview


class _Enough(Exception):
    """The preview is long enough: stop reading."""


class _Lines:
    def __init__(self, limit: int):
        self.lines: list[str] = []
        self.left = limit

    def add(self, line: str) -> None:
        line = line.rstrip()
        if not line.strip():
            return
        if len(line) > self.left:
            self.lines.append(line[: self.left])
            raise _Enough
        self.lines.append(line)
        self.left -= len(line) + 1


def office_text(stream, kind: str, *, limit: int = PREVIEW_CHARS) -> OfficeText | None:
    """The text of the document of ``kind`` ("docx", "odt"…) in ``stream``, or
    None when it cannot be read (the evaluator downloads it instead)."""
    reader = _READERS.get(kind)
    if reader is None:
        return None
    out = _Lines(limit)
    try:
        with zipfile.ZipFile(stream) as archive:
            # Files kept before uploads were checked: never unpack a zip bomb here.
            unpacked = sum(part.file_size for part in archive.infolist())
            if unpacked > rules().EVIDENCE_ZIP_MAX_UNPACKED_MB * 1024 * 1024:
                return None
            reader(archive, out)
    except _Enough:
        return OfficeText("\n".join(out.lines), shortened=True)
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        ElementTree.ParseError,
        DefusedXmlException,
    ):
        return None
    return OfficeText("\n".join(out.lines), shortened=False)


def _ends(archive, name: str, *tags: str):
    """Each element with one of ``tags`` in part ``name``, complete, as it ends;
    cleared after use so a long part is not held in memory."""
    with archive.open(name) as part:
        for _, element in ElementTree.iterparse(part, forbid_dtd=True):
            if element.tag in tags:
                yield element
                element.clear()


def _relationships(archive, part: str) -> dict[str, tuple[str, str]]:
    """``{id: (type, part name)}`` of a part's internal relationships."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return {}
    with archive.open(rels) as stream:
        root = ElementTree.parse(stream, forbid_dtd=True).getroot()
    found = {}
    for rel in root:
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        found[rel.get("Id")] = (rel.get("Type") or "", path)
    return found


def _main_part(archive, default: str) -> str:
    for kind, path in _relationships(archive, "").values():
        if kind.endswith("/officeDocument"):
            return path
    return default


def _joined(element, text_tag: str, breaks: dict[str, str]) -> str:
    parts = []
    for node in element.iter():
        if node.tag == text_tag:
            parts.append(node.text or "")
        elif node.tag in breaks:
            parts.append(breaks[node.tag])
    return "".join(parts)


# Word ---------------------------------------------------------------------------------

_WORD_BREAKS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}


def _docx(archive, out: _Lines) -> None:
    document = _main_part(archive, "word/document.xml")
    # A paragraph inside another (a text box) ends first and is cleared: no repeats.
    for paragraph in _ends(archive, document, f"{_W}p"):
        out.add(_joined(paragraph, f"{_W}t", _WORD_BREAKS))


# PowerPoint ---------------------------------------------------------------------------


def _pptx(archive, out: _Lines) -> None:
    presentation = _main_part(archive, "ppt/presentation.xml")
    targets = _relationships(archive, presentation)
    with archive.open(presentation) as part:
        root = ElementTree.parse(part, forbid_dtd=True).getroot()
    slides = [
        targets[slide.get(_R_ID)][1]
        for slide in root.iter(f"{_P}sldId")
        if slide.get(_R_ID) in targets
    ]
    for number, slide in enumerate(slides, start=1):
        out.add(f"Slide {number}")
        for paragraph in _ends(archive, slide, f"{_A}p"):
            out.add(_joined(paragraph, f"{_A}t", {f"{_A}br": "\n"}))


# Excel --------------------------------------------------------------------------------


def _xlsx(archive, out: _Lines) -> None:
    workbook = _main_part(archive, "xl/workbook.xml")
    targets = _relationships(archive, workbook)
    shared = []
    for kind, path in targets.values():
        if kind.endswith("/sharedStrings"):
            shared = _shared_strings(archive, path)
    with archive.open(workbook) as part:
        root = ElementTree.parse(part, forbid_dtd=True).getroot()
    for sheet in root.iter(f"{_S}sheet"):
        if sheet.get(_R_ID) not in targets:
            continue
        out.add(f"Sheet: {sheet.get('name') or ''}")
        for row in _ends(archive, targets[sheet.get(_R_ID)][1], f"{_S}row"):
            out.add("\t".join(_cell(cell, shared) for cell in row.iter(f"{_S}c")))


def _shared_strings(archive, path: str) -> list[str]:
    strings = []
    for item in _ends(archive, path, f"{_S}si"):
        if len(strings) >= MAX_SHARED_STRINGS:
            break
        strings.append(_joined(item, f"{_S}t", {}))
    return strings


def _cell(cell, shared: list[str]) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        return _joined(cell, f"{_S}t", {})
    value = cell.findtext(f"{_S}v") or ""
    if kind == "s":
        index = int(value) if value.isdigit() else -1
        return shared[index] if 0 <= index < len(shared) else "…"
    if kind == "b":
        return "TRUE" if value == "1" else "FALSE"
    return value


# OpenDocument -------------------------------------------------------------------------

_ODF_SPECIAL = {f"{_TEXT}tab": "\t", f"{_TEXT}line-break": "\n"}


def _odf(archive, out: _Lines) -> None:
    """Paragraphs and headings in order; a table's rows with their cells joined by
    tabs; each slide or sheet under its name."""
    rows: list[list[str]] = []
    cells: list[list[str]] = []
    slides = 0
    with archive.open("mimetype") as part:
        spreadsheet = b"spreadsheet" in part.read(200)
    with archive.open("content.xml") as part:
        for event, element in ElementTree.iterparse(
            part, events=("start", "end"), forbid_dtd=True
        ):
            tag = element.tag
            if event == "start":
                if tag == f"{_TABLE}table-row":
                    rows.append([])
                elif tag == f"{_TABLE}table-cell":
                    cells.append([])
                elif tag == f"{_DRAW}page":
                    slides += 1
                    out.add(f"Slide {slides}")
                elif tag == f"{_TABLE}table" and spreadsheet:
                    out.add(f"Sheet: {element.get(f'{_TABLE}name') or ''}")
                continue
            if tag in (f"{_TEXT}p", f"{_TEXT}h"):
                text = _odf_paragraph(element)
                if cells:
                    cells[-1].append(text)
                else:
                    out.add(text)
                element.clear()
            elif tag == f"{_TABLE}table-cell" and cells:
                text = " ".join(cells.pop())
                if rows:
                    rows[-1].append(text)
            elif tag == f"{_TABLE}table-row" and rows:
                line = "\t".join(rows.pop())
                if cells:  # a table inside a cell
                    cells[-1].append(line)
                else:
                    out.add(line)
                element.clear()


def _odf_paragraph(paragraph) -> str:
    """The paragraph's text with its spans, without recursion (a deeply nested
    paragraph cannot exhaust the stack): spaces collapse as ODF says, ``text:s``
    stands for spaces, tabs and line breaks are kept."""
    parts = []
    stack = [(paragraph, True)]
    while stack:
        node, opening = stack.pop()
        if not opening:
            parts.append(_SPACES.sub(" ", node.tail or ""))
            continue
        if node is not paragraph:
            stack.append((node, False))
        if node.tag in _ODF_SPECIAL:
            parts.append(_ODF_SPECIAL[node.tag])
        elif node.tag == f"{_TEXT}s":
            count = node.get(f"{_TEXT}c") or "1"
            parts.append(" " * min(int(count) if count.isdigit() else 1, 100))
        else:
            parts.append(_SPACES.sub(" ", node.text or ""))
            stack.extend((child, True) for child in reversed(node))
    return "".join(parts)


_READERS = {
    "docx": _docx,
    "pptx": _pptx,
    "xlsx": _xlsx,
    "odt": _odf,
    "odp": _odf,
    "ods": _odf,
}
