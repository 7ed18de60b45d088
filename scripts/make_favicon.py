"""Draw the 32 px PNG favicon, the fallback for browsers without SVG favicons.

The shapes are the mark of static/img/favicon.svg and logo.svg (a 64-unit square):
an open book on the program's navy, with a gold bar beneath; the ruled lines are
left out, too fine at 32 px. Drawn large and scaled down so the curves are smooth.
Run from the repository root after changing the mark: ``python
scripts/make_favicon.py``.
"""

from pathlib import Path

from PIL import Image, ImageDraw

NAVY = "#1f3a5f"
PAPER = "#fdfaf2"
GOLD = "#c8962e"
SCALE = 16  # drawing units per SVG unit
OUT = Path(__file__).resolve().parents[1] / "static" / "img" / "favicon-32.png"


def quad(p0, p1, p2, steps=24):
    """Points along a quadratic Bézier curve, as the SVG's ``q`` draws it."""
    return [
        (
            (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t**2 * p2[0],
            (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t**2 * p2[1],
        )
        for t in (i / steps for i in range(steps + 1))
    ]


def page(outer_x, spine_x):
    """One page: a curved top edge from the outer corner to the spine, down the
    spine, and a curved bottom edge back (M9 17 q11-5 22 1 v29 q-11-5-22-1 z)."""
    mid = (outer_x + spine_x) / 2
    top = quad((outer_x, 17), (mid, 12), (spine_x, 18))
    bottom = quad((spine_x, 47), (mid, 42), (outer_x, 46))
    return top + bottom


def scaled(points):
    return [(x * SCALE, y * SCALE) for x, y in points]


def main():
    size = 64 * SCALE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=12 * SCALE, fill=NAVY)
    draw.polygon(scaled(page(9, 31)), fill=PAPER)
    draw.polygon(scaled(page(55, 33)), fill=PAPER)
    draw.rounded_rectangle(
        (9 * SCALE, 50 * SCALE, 55 * SCALE, 55 * SCALE), radius=SCALE, fill=GOLD
    )
    image.resize((32, 32), Image.Resampling.LANCZOS).save(OUT, optimize=True)


if __name__ == "__main__":
    main()
