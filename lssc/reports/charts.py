"""Bar charts as server-rendered SVG: no script, no CDN. The table under each chart
carries the same numbers for screen readers and for copying.

The plot keeps a readable size and the margins and the view box grow to fit the
text: tick labels and category labels are measured (``text.py``), long category
labels turn 45°, and many categories widen the chart (its container scrolls) or,
for periods, are drawn several to a bar.
"""

import math
from dataclasses import replace

from django.utils.html import format_html, format_html_join

from .base import Series
from .scale import COMPACT_FROM, tick_label, ticks, value_label
from .text import FONT_FAMILY, text_box, text_width

# Bars: at least 3:1 against white, distinguishable in greyscale.
PALETTE = ["#1d4e89", "#b5451b", "#2e7d32", "#6a1b9a", "#8d6e00", "#00695c"]
INK = "#212529"  # text and the reference line: 15:1 on white
MUTED = "#495057"  # tick labels: 7.9:1 on white
GRID = "#ced4da"
FONT = 12
PAD = 8  # clear space inside the view box's edge
PLOT_WIDTH, PLOT_HEIGHT = 640, 240  # the plot area when the categories fit
MIN_BAR = 10  # no bar narrower: each stays visible and can be pointed at
MAX_BAR = 56  # nor wider, when there are few categories
GAP = 0.25  # of each category's slot, left between neighbouring categories
ANGLE = -45  # long category labels slant up to their bar
LABEL_SPACING = 16  # between slanted labels, or only every n-th is written
MAX_CATEGORIES = 60  # periods beyond this many are drawn several to a bar
GROUP_SIZES = (2, 3, 4, 6, 12, 24, 36, 60, 120)


def _r(value: float) -> float:
    return round(value, 1)


def _grouped(result):
    """``result`` with its periods in groups when there are too many to draw one
    by one, and how many periods each bar adds up."""
    count = len(result.categories)
    if not result.period or count <= MAX_CATEGORIES:
        return result, 1
    size = next(
        (g for g in GROUP_SIZES if math.ceil(count / g) <= MAX_CATEGORIES),
        math.ceil(count / MAX_CATEGORIES),
    )

    def chunks(values):
        return [values[i : i + size] for i in range(0, count, size)]

    def merged(values):
        if result.unit == "%":  # shares average; counts and money add up
            return [sum(c) / len(c) for c in chunks(values)]
        return [sum(c) for c in chunks(values)]

    labels = [
        c[0] if len(c) == 1 else f"{c[0]} – {c[-1]}" for c in chunks(result.categories)
    ]
    line = result.line and Series(result.line.name, merged(result.line.values))
    return replace(
        result,
        categories=labels,
        series=[Series(s.name, merged(s.values)) for s in result.series],
        line=line,
    ), size


class _Layout:
    """Where everything goes: the plot's position and size and the view box."""

    def __init__(self, result):
        self.result = result
        series = result.series
        self.count = max(len(result.categories), 1)
        bars = 1 if result.stacked else max(len(series), 1)
        self.slot = max(PLOT_WIDTH / self.count, MIN_BAR * bars / (1 - GAP))
        self.bar = min(self.slot * (1 - GAP) / bars, MAX_BAR)
        self.group = self.bar * bars
        self.plot_w = self.slot * self.count
        self.plot_h = PLOT_HEIGHT
        if result.stacked:
            heights = [
                sum(column) for column in zip(*(s.values for s in series), strict=True)
            ]
        else:
            heights = [v for s in series for v in s.values]
        line = result.line.values if result.line else []
        integers = all(float(v).is_integer() for s in series for v in s.values)
        self.ticks = ticks(max([*heights, *line, 0]), integers=integers)
        compact = self.ticks[-1] >= COMPACT_FROM
        self.tick_texts = [
            tick_label(v, result.unit, compact=compact) for v in self.ticks
        ]
        self._place_labels()
        self._place_margins()

    def _place_labels(self):
        """Category labels: level when each fits its slot, else slanted, and
        only every n-th when the slots are too narrow for a line each."""
        categories = self.result.categories
        widest = max((text_width(c, FONT) for c in categories), default=0)
        self.angle = 0 if widest <= self.slot - 4 else ANGLE
        self.every = 1
        if self.angle:  # neighbouring slanted labels lie this far apart
            across = self.slot * abs(math.sin(math.radians(self.angle)))
            self.every = math.ceil(LABEL_SPACING / across)
        # Each label relative to the plot's bottom left corner.
        self.labels = []
        for i, name in enumerate(categories):
            if i % self.every:
                continue
            centre = self.slot * (i + 0.5)
            if self.angle:
                x, y, anchor = centre + FONT * 0.3, 10, "end"
            else:
                x, y, anchor = centre, 6 + FONT * 0.8, "middle"
            box = text_box(name, x=x, y=y, size=FONT, anchor=anchor, angle=self.angle)
            self.labels.append((name, x, y, anchor, box))

    def _place_margins(self):
        tick_w = max(text_width(t, FONT) for t in self.tick_texts)
        boxes = [label[4] for label in self.labels]
        self.top = PAD + FONT
        if self.result.line:  # room for its name above it at the top of the scale
            self.top = PAD + FONT * 2
            width = text_width(self.result.line.name, FONT)
            # Right-aligned at the plot's right end, above the line's last value.
            boxes.append((self.plot_w - width, -self.plot_h, self.plot_w, 0))
        self.left = max([PAD + tick_w + 6] + [PAD - box[0] for box in boxes])
        self.right = max([PAD] + [box[2] - self.plot_w + PAD for box in boxes])
        self.bottom = max([PAD + FONT] + [box[3] + PAD for box in boxes])
        self.width = self.left + self.plot_w + self.right
        self.height = self.top + self.plot_h + self.bottom
        self.axis_y = self.top + self.plot_h

    def y(self, value: float) -> float:
        return self.axis_y - self.plot_h * value / self.ticks[-1]

    def x(self, index: int) -> float:
        """The left edge of a category's bars, centred in its slot."""
        return self.left + self.slot * index + (self.slot - self.group) / 2


def _scale(layout) -> list:
    parts = []
    for value, text in zip(layout.ticks, layout.tick_texts, strict=True):
        y = _r(layout.y(value))
        parts.append(format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
            '<text class="tick" x="{}" y="{}" text-anchor="end" font-size="{}" '
            'fill="{}">{}</text>',
            _r(layout.left), _r(layout.left + layout.plot_w), y, y, GRID,
            _r(layout.left - 6), _r(y + FONT * 0.35), FONT, MUTED, text,
        ))  # fmt: skip
    return parts


def _bars(layout) -> list:
    result = layout.result
    parts = []
    for i, name in enumerate(result.categories):
        base = 0.0
        for j, series in enumerate(result.series):
            value = series.values[i]
            x = layout.x(i) + (0 if result.stacked else layout.bar * j)
            low = base if result.stacked else 0.0
            if result.stacked:
                base += value
            if not value:
                continue  # nothing to see, nothing to point at
            top, bottom = layout.y(low + value), layout.y(low)
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                "<title>{}, {}: {}</title></rect>",
                _r(x), _r(top), _r(max(layout.bar - 1, 1)), _r(bottom - top),
                PALETTE[j % len(PALETTE)], name, series.name,
                value_label(value, result.unit),
            ))  # fmt: skip
    return parts


def _category_labels(layout) -> list:
    parts = []
    for name, x, y, anchor, _ in layout.labels:
        x, y = _r(layout.left + x), _r(layout.axis_y + y)
        turn = format_html(' transform="rotate({} {} {})"', layout.angle, x, y)
        parts.append(format_html(
            '<text class="category" x="{}" y="{}" text-anchor="{}" font-size="{}" '
            'fill="{}"{}>{}</text>',
            x, y, anchor, FONT, INK, turn if layout.angle else "", name,
        ))  # fmt: skip
    return parts


def _reference_line(layout) -> list:
    """The projection as a dashed step line across each category's slot, named
    in the chart above its last value."""
    line = layout.result.line
    if not line or not line.values:
        return []
    path = []
    for i, value in enumerate(line.values):
        x0, y = layout.left + layout.slot * i, _r(layout.y(value))
        path.append(f"{'M' if not i else 'L'}{_r(x0)} {y}H{_r(x0 + layout.slot)}")
    last = layout.y(line.values[-1])
    return [
        format_html(
            '<path d="{}" fill="none" stroke="{}" stroke-width="2" '
            'stroke-dasharray="6 4"><title>{}</title></path>',
            "".join(path), INK, line.name,
        ),
        # A white outline keeps the name legible where it crosses a bar.
        format_html(
            '<text class="reference" x="{}" y="{}" text-anchor="end" font-size="{}" '
            'fill="{}" stroke="#fff" stroke-width="3" paint-order="stroke">{}</text>',
            _r(layout.left + layout.plot_w), _r(last - 5), FONT, INK, line.name,
        ),
    ]  # fmt: skip


def _legend(result, per_bar: int):
    items = [
        format_html(
            '<li class="list-inline-item me-3"><svg width="12" height="12" '
            'aria-hidden="true"><rect width="12" height="12" fill="{}"/></svg> {}</li>',
            PALETTE[j % len(PALETTE)], s.name,
        )
        for j, s in enumerate(result.series)
    ]  # fmt: skip
    if result.line:
        items.append(format_html(
            '<li class="list-inline-item me-3"><svg width="28" height="12" '
            'aria-hidden="true"><line x1="0" x2="28" y1="6" y2="6" stroke="{}" '
            'stroke-width="2" stroke-dasharray="6 4"/></svg> {}</li>',
            INK, result.line.name,
        ))  # fmt: skip
    legend = format_html(
        '<ul class="list-inline small mb-1">{}</ul>',
        format_html_join("", "{}", ((item,) for item in items)),
    )
    if per_bar > 1:
        legend += format_html(
            '<p class="small mb-1">Each bar adds up {} {}s; the table has each {}.</p>',
            per_bar,
            result.period,
            result.period,
        )
    return legend


def _description(layout, per_bar: int) -> str:
    result = layout.result
    kind = "Stacked bar chart" if result.stacked else "Bar chart"
    names = ", ".join(s.name for s in result.series)
    text = f"{kind} of {names}"
    if result.categories:
        text += f", {result.categories[0]} to {result.categories[-1]}"
    if per_bar > 1:
        text += f", {per_bar} {result.period}s to a bar"
    text += f"; the scale runs from {layout.tick_texts[0]} to {layout.tick_texts[-1]}."
    if result.line:
        text += f" A dashed line shows {result.line.name}."
    return text + " The numbers are in the table below."


def bar_chart(result, title: str, *, chart_id: str = "chart") -> str:
    """The legend and the SVG chart of ``result``, in a container that scrolls
    sideways when the chart is wider than the page."""
    result, per_bar = _grouped(result)
    layout = _Layout(result)
    parts = (
        _scale(layout)
        + _bars(layout)
        + [
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>',
                _r(layout.left), _r(layout.left + layout.plot_w),
                _r(layout.axis_y), _r(layout.axis_y), INK,
            )
        ]
        + _category_labels(layout)
        + _reference_line(layout)
    )  # fmt: skip
    width, height = math.ceil(layout.width), math.ceil(layout.height)
    svg = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" '
        'height="{}" role="img" aria-labelledby="{}-title" aria-describedby="{}-desc" '
        'font-family="{}">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        width, height, width, height, chart_id, chart_id, FONT_FAMILY,
        chart_id, title, chart_id, _description(layout, per_bar),
        format_html_join("", "{}", ((part,) for part in parts)),
    )  # fmt: skip
    return format_html(
        '{}<div class="overflow-auto mb-2" role="region" tabindex="0" '
        'aria-label="{}: chart">{}</div>',
        _legend(result, per_bar),
        title,
        svg,
    )
