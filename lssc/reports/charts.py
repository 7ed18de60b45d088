"""Bar charts as server-rendered SVG: no script, no CDN. The table under each chart
carries the same numbers for screen readers and for copying."""

from django.utils.html import format_html, format_html_join

# Colours with at least 3:1 contrast against white, distinguishable in greyscale.
PALETTE = ["#1d4e89", "#b5451b", "#2e7d32", "#6a1b9a", "#8d6e00", "#00695c"]
WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 12, 64


def _number(value: float, unit: str) -> str:
    if unit == "$":
        return f"${value:,.0f}"
    if unit == "%":
        return f"{value:,.0f}%"
    return f"{value:,.0f}"


def bar_chart(result, title: str) -> str:
    categories = result.categories
    series = result.series
    top = max(
        [v for s in series for v in s.values]
        + (result.line.values if result.line else [])
        + [1]
    )
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(categories), 1)
    bar = slot * 0.8 / max(len(series), 1)
    parts = []
    for tick in range(5):  # horizontal grid and scale
        value = top * tick / 4
        y = TOP + plot_h - plot_h * tick / 4
        parts.append(format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ccc"/>'
            '<text x="{}" y="{}" text-anchor="end" font-size="11">{}</text>',
            LEFT, WIDTH - RIGHT, round(y, 1), round(y, 1),
            LEFT - 4, round(y + 4, 1), _number(value, result.unit),
        ))  # fmt: skip
    for i, name in enumerate(categories):
        x0 = LEFT + slot * i + slot * 0.1
        for j, s in enumerate(series):
            value = s.values[i]
            h = plot_h * value / top
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                "<title>{}: {} {}</title></rect>",
                round(x0 + bar * j, 1), round(TOP + plot_h - h, 1),
                round(max(bar - 1, 1), 1), round(h, 1), PALETTE[j % len(PALETTE)],
                s.name, name, _number(value, result.unit),
            ))  # fmt: skip
        if len(categories) <= 24:
            parts.append(format_html(
                '<text x="{}" y="{}" font-size="11" text-anchor="end" '
                'transform="rotate(-40 {} {})">{}</text>',
                round(x0 + slot * 0.4, 1), HEIGHT - BOTTOM + 14,
                round(x0 + slot * 0.4, 1), HEIGHT - BOTTOM + 14, name[:18],
            ))  # fmt: skip
    if result.line:
        points = " ".join(
            f"{round(LEFT + slot * i + slot / 2, 1)},"
            f"{round(TOP + plot_h - plot_h * v / top, 1)}"
            for i, v in enumerate(result.line.values)
        )
        parts.append(format_html(
            '<polyline points="{}" fill="none" stroke="#000" stroke-width="2" '
            'stroke-dasharray="6 4"><title>{}</title></polyline>',
            points, result.line.name,
        ))  # fmt: skip
    legend = format_html_join(
        " ",
        '<span class="me-3"><svg width="12" height="12" aria-hidden="true">'
        '<rect width="12" height="12" fill="{}"/></svg> {}</span>',
        ((PALETTE[j % len(PALETTE)], s.name) for j, s in enumerate(series)),
    )
    if result.line:
        legend += format_html(
            '<span class="me-3"><span aria-hidden="true">- - -</span> {}</span>',
            result.line.name,
        )
    svg = format_html(
        '<svg viewBox="0 0 {} {}" role="img" aria-label="{}" class="w-100 h-auto" '
        'xmlns="http://www.w3.org/2000/svg">{}</svg>',
        WIDTH, HEIGHT, f"{title}: chart; the numbers are in the table below",
        format_html_join("", "{}", ((part,) for part in parts)),
    )  # fmt: skip
    return format_html('<div class="small mb-1">{}</div>{}', legend, svg)
