"""How much room a chart's text takes, without a browser.

Charts name Arial and its metric twins (Helvetica, Liberation Sans, Nimbus Sans),
so Helvetica's published glyph widths give each label's width; a margin covers a
wider fallback font. The chart sizes its margins and view box from these boxes.
"""

import math
import unicodedata

from lssc.core.fonts import HELVETICA_ASCII

FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', 'Nimbus Sans', sans-serif"

_OTHER = {"–": 556, "—": 1000, "‘": 222, "’": 222, "“": 333, "”": 333, "…": 1000}
# Fallback fonts (DejaVu Sans is the widest common one) run up to this much wider.
SAFETY = 1.12
ASCENT, DESCENT = 0.8, 0.25  # of the font size, above and below the baseline


def _char_width(char: str) -> int:
    code = ord(char)
    if 32 <= code <= 126:
        return HELVETICA_ASCII[code - 32]
    if char in _OTHER:
        return _OTHER[char]
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1000
    return 667  # accented letters and other symbols: the width of a capital


def text_width(text: str, size: float) -> float:
    """The estimated width, in user units, of ``text`` at ``size``."""
    return sum(_char_width(c) for c in str(text)) * size / 1000 * SAFETY


def text_box(
    text: str,
    *,
    x: float,
    y: float,
    size: float,
    anchor: str = "start",
    angle: float = 0,
) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) that ``<text x y text-anchor
    transform="rotate(angle x y)">`` covers, ``y`` being the baseline."""
    width = text_width(text, size)
    start = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    corners = [
        (cx, cy)
        for cx in (start, start + width)
        for cy in (y - ASCENT * size, y + DESCENT * size)
    ]
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    turned = [
        (x + (cx - x) * cos - (cy - y) * sin, y + (cx - x) * sin + (cy - y) * cos)
        for cx, cy in corners
    ]
    xs, ys = [p[0] for p in turned], [p[1] for p in turned]
    return min(xs), min(ys), max(xs), max(ys)
