"""Small evidence files for the demo, written by hand: a one-page PDF, a PNG and
plain text, each of which the upload checks (``lssc.core.filetypes.identify``)
accept as what it says it is.

Nothing here needs an imaging or PDF library: the PDF is plain text objects with
a correct cross-reference table, the PNG is rows of pixels compressed with zlib.
That keeps the demo seed fast (a file takes about a millisecond) and free of
dependencies the application does not otherwise have.
"""

import random
import re
import struct
import textwrap
import unicodedata
import zlib

from lssc.core.fonts import HELVETICA_ASCII

# --- Text -------------------------------------------------------------------

# Characters the PDF's standard fonts and a plain ASCII reader both show well.
_ASCII_FOR = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2022": "-",
    "\u2026": "...",
    "\u00a0": " ",
}


def ascii_text(text: str) -> str:
    """``text`` in printable ASCII: accents dropped, typographic marks made plain,
    anything else replaced by "?"."""
    text = "".join(_ASCII_FOR.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(c if " " <= c <= "~" or c == "\n" else "?" for c in text)


def text_document(title: str, paragraphs: list[str]) -> bytes:
    """A plain-text document: the title underlined, then wrapped paragraphs."""
    lines = [title, "=" * min(len(title), 78), ""]
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, 78) or [""])
        lines.append("")
    return "\n".join(lines).encode("utf-8")


# --- PDF --------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 612, 792  # US Letter, in points
MARGIN = 72
BODY_SIZE, BODY_LEADING = 11, 15
TITLE_SIZE = 16


def _width(text: str, size: float) -> float:
    return sum(HELVETICA_ASCII[ord(c) - 32] for c in text) * size / 1000


def _wrap(text: str, size: float, width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and _width(candidate, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _pdf_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"({escaped})"


def _page_streams(title: str, paragraphs: list[str]) -> list[str]:
    """The content stream of each page: the title and a rule on the first, then
    the paragraphs, wrapped, with a blank line between them."""
    width = PAGE_WIDTH - 2 * MARGIN
    lines = []
    for paragraph in paragraphs:
        lines.extend(_wrap(ascii_text(paragraph), BODY_SIZE, width))
        lines.append("")
    top = PAGE_HEIGHT - MARGIN
    title_lines = _wrap(ascii_text(title), TITLE_SIZE, width) or [""]
    head = [f"BT /F2 {TITLE_SIZE} Tf {TITLE_SIZE + 4} TL {MARGIN} {top} Td"]
    head += [f"{_pdf_string(t)} Tj T*" for t in title_lines]
    head.append("ET")
    rule_y = top - (TITLE_SIZE + 4) * len(title_lines) + 8
    head.append(f"0.5 w 0.4 G {MARGIN} {rule_y} m {PAGE_WIDTH - MARGIN} {rule_y} l S")
    first_y = rule_y - 24
    per_page = [int((first_y - MARGIN) / BODY_LEADING) + 1]
    per_page.append(int((top - MARGIN) / BODY_LEADING) + 1)
    streams, start, page = [], 0, 0
    while start < len(lines) or page == 0:
        count = per_page[min(page, 1)]
        chunk = lines[start : start + count]
        y = first_y if page == 0 else top
        body = [f"BT /F1 {BODY_SIZE} Tf {BODY_LEADING} TL {MARGIN} {y} Td"]
        body += [f"{_pdf_string(line)} Tj T*" if line else "T*" for line in chunk]
        body.append("ET")
        streams.append("\n".join((head if page == 0 else []) + body))
        start += count
        page += 1
    return streams


def pdf_document(title: str, paragraphs: list[str]) -> bytes:
    """A small valid PDF (PDF 1.4, Helvetica, no compression) of the title and
    paragraphs, on as many Letter pages as they need (one for a short text)."""
    streams = _page_streams(title, paragraphs)
    pages = len(streams)
    # Objects: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then page and content
    # pairs.
    first_page = 6
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(pages))
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        "/Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        "/Encoding /WinAnsiEncoding >>",
        f"<< /Title {_pdf_string(ascii_text(title))} >>",
    ]
    for i, stream in enumerate(streams):
        content = first_page + 2 * i + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} "
            f"{PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            f"/Contents {content} 0 R >>"
        )
        data = stream.encode("latin-1")
        objects.append(f"<< /Length {len(data)} >>\nstream\n{stream}\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


# --- PNG --------------------------------------------------------------------

# A 5x7 bitmap font (upper case, digits, common punctuation) for the titles
# drawn into images; each glyph is seven rows of five bits.
# fmt: off
_GLYPHS = {
    "A": (14, 17, 17, 31, 17, 17, 17), "B": (30, 17, 17, 30, 17, 17, 30),
    "C": (14, 17, 16, 16, 16, 17, 14), "D": (30, 17, 17, 17, 17, 17, 30),
    "E": (31, 16, 16, 30, 16, 16, 31), "F": (31, 16, 16, 30, 16, 16, 16),
    "G": (14, 17, 16, 23, 17, 17, 15), "H": (17, 17, 17, 31, 17, 17, 17),
    "I": (14, 4, 4, 4, 4, 4, 14), "J": (7, 2, 2, 2, 2, 18, 12),
    "K": (17, 18, 20, 24, 20, 18, 17), "L": (16, 16, 16, 16, 16, 16, 31),
    "M": (17, 27, 21, 21, 17, 17, 17), "N": (17, 17, 25, 21, 19, 17, 17),
    "O": (14, 17, 17, 17, 17, 17, 14), "P": (30, 17, 17, 30, 16, 16, 16),
    "Q": (14, 17, 17, 17, 21, 18, 13), "R": (30, 17, 17, 30, 20, 18, 17),
    "S": (15, 16, 16, 14, 1, 1, 30), "T": (31, 4, 4, 4, 4, 4, 4),
    "U": (17, 17, 17, 17, 17, 17, 14), "V": (17, 17, 17, 17, 17, 10, 4),
    "W": (17, 17, 17, 21, 21, 21, 10), "X": (17, 17, 10, 4, 10, 17, 17),
    "Y": (17, 17, 10, 4, 4, 4, 4), "Z": (31, 1, 2, 4, 8, 16, 31),
    "0": (14, 17, 19, 21, 25, 17, 14), "1": (4, 12, 4, 4, 4, 4, 14),
    "2": (14, 17, 1, 2, 4, 8, 31), "3": (31, 2, 4, 2, 1, 17, 14),
    "4": (2, 6, 10, 18, 31, 2, 2), "5": (31, 16, 30, 1, 1, 17, 14),
    "6": (6, 8, 16, 30, 17, 17, 14), "7": (31, 1, 2, 4, 8, 8, 8),
    "8": (14, 17, 17, 14, 17, 17, 14), "9": (14, 17, 17, 15, 1, 2, 12),
    "-": (0, 0, 0, 31, 0, 0, 0), ":": (0, 12, 12, 0, 12, 12, 0),
    ".": (0, 0, 0, 0, 0, 12, 12), ",": (0, 0, 0, 0, 12, 4, 8),
    "'": (12, 4, 8, 0, 0, 0, 0), "&": (12, 18, 20, 8, 21, 18, 13),
    "/": (0, 1, 2, 4, 8, 16, 0), "?": (14, 17, 1, 2, 4, 0, 4),
    "!": (4, 4, 4, 4, 4, 0, 4), "(": (2, 4, 8, 8, 8, 4, 2),
    ")": (8, 4, 2, 2, 2, 4, 8),
}
# fmt: on

# Colour schemes a library's flyers and slides might use: (accent, light, dark).
_PALETTES = (
    ((31, 94, 140), (226, 238, 246), (33, 37, 41)),
    ((163, 59, 47), (248, 233, 228), (45, 32, 30)),
    ((46, 125, 76), (229, 243, 233), (28, 43, 33)),
    ((120, 72, 150), (240, 232, 246), (40, 30, 48)),
    ((196, 122, 24), (251, 240, 222), (51, 40, 22)),
)
_WHITE = (255, 255, 255)
_GREY = (200, 204, 208)


class _Canvas:
    """RGB pixels as one bytearray per row; rectangles are filled a row slice at
    a time, which keeps drawing fast in pure Python."""

    def __init__(self, width: int, height: int, background):
        self.width, self.height = width, height
        self.rows = [bytearray(bytes(background) * width) for _ in range(height)]

    def rect(self, x: int, y: int, w: int, h: int, colour) -> None:
        x0, x1 = max(0, x), min(self.width, x + w)
        if x1 <= x0:
            return
        fill = bytes(colour) * (x1 - x0)
        for row in self.rows[max(0, y) : min(self.height, y + h)]:
            row[3 * x0 : 3 * x1] = fill

    def text(self, x: int, y: int, text: str, colour, scale: int = 2) -> None:
        for char in ascii_text(text).upper():
            glyph = _GLYPHS.get(char)
            if glyph:
                for dy, bits in enumerate(glyph):
                    for dx in range(5):
                        if bits & (16 >> dx):
                            self.rect(
                                x + dx * scale, y + dy * scale, scale, scale, colour
                            )
            x += 6 * scale

    def png(self) -> bytes:
        raw = b"".join(b"\x00" + bytes(row) for row in self.rows)
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return b"".join(
            (
                b"\x89PNG\r\n\x1a\n",
                _chunk(b"IHDR", header),
                _chunk(b"IDAT", zlib.compress(raw, 6)),
                _chunk(b"IEND", b""),
            )
        )


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _title_lines(title: str, width: int, scale: int) -> list[str]:
    per_line = max(4, (width - 40) // (6 * scale))
    return textwrap.wrap(ascii_text(title), per_line)[:2] or [""]


def _flyer(canvas: _Canvas, title: str, rng: random.Random, palette) -> None:
    accent, light, dark = palette
    w, h = canvas.width, canvas.height
    canvas.rect(0, 0, w, h // 4, accent)
    for i, line in enumerate(_title_lines(title, w, 2)):
        canvas.text(20, 18 + 20 * i, line, _WHITE)
    # An image block and lines of text beside it, as a program flyer has.
    canvas.rect(20, h // 4 + 20, w // 3, h // 2 - 10, light)
    canvas.rect(30, h // 4 + 30, w // 3 - 20, h // 2 - 30, _GREY)
    x = w // 3 + 40
    y = h // 4 + 24
    while y < h - 60:
        canvas.rect(x, y, rng.randint((w - x) // 2, w - x - 20), 6, dark)
        y += 16
    canvas.rect(0, h - 36, w, 36, light)
    canvas.rect(20, h - 24, rng.randint(w // 4, w // 2), 8, accent)


def _chart(canvas: _Canvas, title: str, rng: random.Random, palette) -> None:
    accent, light, dark = palette
    w, h = canvas.width, canvas.height
    for i, line in enumerate(_title_lines(title, w, 2)):
        canvas.text(20, 14 + 20 * i, line, dark)
    left, bottom, top = 50, h - 40, 70
    canvas.rect(left, top, w - left - 20, bottom - top, light)
    for y in range(bottom, top, -(bottom - top) // 5):
        canvas.rect(left, y, w - left - 20, 1, _GREY)
    canvas.rect(left, top, 2, bottom - top, dark)
    canvas.rect(left, bottom, w - left - 20, 2, dark)
    bars = rng.randint(5, 12)
    slot = (w - left - 40) // bars
    level = rng.uniform(0.3, 0.6)
    for i in range(bars):
        level = min(0.95, max(0.1, level + rng.uniform(-0.15, 0.2)))
        bar = int((bottom - top) * level)
        canvas.rect(left + 10 + i * slot, bottom - bar, slot * 2 // 3, bar, accent)
        canvas.rect(left + 10 + i * slot, bottom + 8, slot * 2 // 3, 4, dark)


def _screenshot(canvas: _Canvas, title: str, rng: random.Random, palette) -> None:
    accent, light, dark = palette
    w, h = canvas.width, canvas.height
    canvas.rect(0, 0, w, 22, _GREY)
    for i, colour in enumerate(((230, 90, 80), (240, 190, 60), (90, 190, 90))):
        canvas.rect(10 + 14 * i, 7, 8, 8, colour)
    canvas.rect(0, 22, w, 30, accent)
    canvas.text(12, 30, _title_lines(title, w, 2)[0], _WHITE)
    canvas.rect(0, 52, w // 4, h - 52, light)
    for y in range(66, h - 20, 22):
        canvas.rect(12, y, rng.randint(w // 10, w // 5), 6, dark)
    # Result rows, as a catalog or database screen shows them.
    y = 66
    while y < h - 40:
        canvas.rect(w // 4 + 16, y, 26, 34, _GREY)
        canvas.rect(w // 4 + 52, y + 2, rng.randint(w // 4, w // 2), 7, accent)
        canvas.rect(w // 4 + 52, y + 16, rng.randint(w // 5, w // 3), 5, dark)
        canvas.rect(w // 4 + 52, y + 27, rng.randint(w // 8, w // 4), 5, _GREY)
        y += 48


_LAYOUTS = {"flyer": _flyer, "chart": _chart, "screenshot": _screenshot}


def png_image(
    title: str,
    rng: random.Random,
    width: int = 480,
    height: int = 320,
    layout: str | None = None,
) -> bytes:
    """A PNG of a simple flyer, bar chart or screen, with ``title`` drawn in it;
    the layout (random unless given) and colours come from ``rng``."""
    palette = rng.choice(_PALETTES)
    canvas = _Canvas(width, height, _WHITE)
    draw = _LAYOUTS[layout] if layout else _LAYOUTS[rng.choice(sorted(_LAYOUTS))]
    draw(canvas, title, rng, palette)
    return canvas.png()


# --- Evidence -----------------------------------------------------------------


def file_name(title: str, extension: str) -> str:
    """A tidy file name for ``title``, as a person would save it."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text(title)).strip("-").lower()
    return f"{stem[:60].rstrip('-') or 'evidence'}.{extension}"


def evidence_file(item) -> tuple[str, bytes]:
    """The file name and content of an evidence item (``demo.content.EvidenceItem``).

    An image's drawing is seeded from its title, so the same item always gives
    the same bytes.
    """
    if item.kind == "pdf":
        content = pdf_document(item.title, list(item.paragraphs))
    elif item.kind == "png":
        rng = random.Random(zlib.crc32(item.title.encode()))  # noqa: S311
        content = png_image(item.title, rng, layout=item.layout or None)
    elif item.kind == "txt":
        content = text_document(item.title, list(item.paragraphs))
    else:
        raise ValueError(f"No generator for evidence of kind {item.kind!r}")
    return file_name(item.title, item.kind), content
