"""The reports' charts: every label inside the view box, ticks at round numbers,
bars wide enough to see, the business plan named, the date filters showing the
range drawn, an empty state, and the table under every chart."""

import datetime
import math
import re
from urllib.parse import urlencode

import pytest
from defusedxml import ElementTree
from django.urls import reverse
from django.utils import timezone

from candidates.enums import HowHeard
from lssc.accounts.roles import StaffGroup
from lssc.core.dates import add_months
from lssc.payments.services import payment_confirm, payment_create
from lssc.reports.base import Result, Series
from lssc.reports.charts import MIN_BAR, bar_chart
from lssc.reports.text import text_width
from tests.candidates.helpers import admitted_candidate
from tests.factories import UserFactory, staff_user
from tests.staff.test_reports import applied_on

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
]  # fmt: skip
PLAN = Series("Business plan: $107,000 a year", [])


def months(count, first_year=2026):
    return [f"{MONTHS[i % 12]} {first_year + i // 12}" for i in range(count)]


def monthly(count, values, **extra):
    labels = months(count)
    return Result(labels, values(labels), [], [], **extra)


def plan(count, per_month=107_000 / 12):
    return Series(PLAN.name, [per_month] * count)


EDGES = {
    "one point": Result(
        ["Mar 2026"],
        [Series("Applications", [3]), Series("Admissions", [1])],
        [], [], line=Series("Business plan: 300 candidates a year", [25.0]),
    ),
    "all zero": Result(
        ["Public", "Academic", "School"], [Series("Candidates", [0, 0, 0])], [], []
    ),
    "twelve-digit money": monthly(
        3,
        lambda m: [Series("Application", [999_999_999_999.99, 0, 123_456_789_012.5]),
                   Series("Renewal", [1, 2, 3])],
        line=plan(3, 250_000_000_000), unit="$", stacked=True, period="month",
    ),
    "forty categories": Result(
        [f"Evaluator {i}" for i in range(40)],
        [Series("Open", list(range(40))),
         Series("Overdue", [i % 3 for i in range(40)])],
        [], [],
    ),
    "labels of sixty characters": Result(
        ["A" * 60, "W" * 60, ("Certified, in the grace period, " * 2)[:60]],
        [Series("People", [5, 12, 7])], [], [],
    ),
    "a century of months": monthly(
        1200, lambda m: [Series("Application", [350.0 * (i % 7) for i in range(1200)])],
        line=plan(1200), unit="$", stacked=True, period="month",
    ),
    "a share": Result(
        ["Technology", "Youth Services"], [Series("Agreement rate", [75.0, 33.3])],
        [], [], unit="%",
    ),
    "no categories": Result([], [Series("Open", []), Series("Overdue", [])], [], []),
}  # fmt: skip


# --- Reading the SVG back ---------------------------------------------------------


def svg_in(html: str):
    """The chart's ``<svg>`` element, parsed."""
    found = re.search(r'<svg xmlns="http://www.w3.org/2000/svg".*?</svg>', html, re.S)
    assert found, "no chart on the page"
    return ElementTree.fromstring(found.group(0))


def box(text) -> tuple[float, float, float, float]:
    """The box a ``<text>`` covers: its measured width from its anchor, the font's
    ascent and descent about the baseline, turned by its ``rotate()``."""
    x, y = float(text.get("x")), float(text.get("y"))
    size = float(text.get("font-size"))
    width = text_width("".join(text.itertext()), size)
    start = {"start": x, "middle": x - width / 2, "end": x - width}[
        text.get("text-anchor", "start")
    ]
    corners = [(cx, cy) for cx in (start, start + width)
               for cy in (y - 0.8 * size, y + 0.25 * size)]  # fmt: skip
    turn = re.fullmatch(r"rotate\((\S+) (\S+) (\S+)\)", text.get("transform", ""))
    if turn:
        angle, ox, oy = (float(v) for v in turn.groups())
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        corners = [
            (ox + (cx - ox) * cos - (cy - oy) * sin,
             oy + (cx - ox) * sin + (cy - oy) * cos)
            for cx, cy in corners
        ]  # fmt: skip
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


def assert_text_inside(svg):
    _, _, width, height = (float(v) for v in svg.get("viewBox").split())
    assert (svg.get("width"), svg.get("height")) == (f"{width:g}", f"{height:g}")
    texts = svg.findall(f".//{SVG}text")
    assert texts
    for text in texts:
        left, top, right, bottom = box(text)
        label = "".join(text.itertext())
        assert left >= 0 and top >= 0, f"{label!r} leaves the view box"
        assert right <= width and bottom <= height, f"{label!r} leaves the view box"


def tick_value(label: str) -> float:
    number = label.lstrip("$").rstrip("%").replace(",", "")
    scale = {"k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}.get(number[-1:], 1)
    return float(number.rstrip("kMBT")) * scale


def assert_round_ticks(svg, data_max: float):
    values = [tick_value(t.text) for t in svg.findall(f".//{SVG}text[@class='tick']")]
    assert values[0] == 0 and len(values) >= 2
    step = values[1]
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 9) in (1, 2, 2.5, 5), values
    for i, value in enumerate(values):
        assert math.isclose(value, i * step, rel_tol=1e-9), values
    assert values[-1] >= data_max  # the axis ends on a tick at or above the data
    assert values[-2] < data_max or data_max == 0


def tallest(result) -> float:
    if result.stacked:
        bars = [sum(c) for c in zip(*(s.values for s in result.series), strict=True)]
    else:
        bars = [v for s in result.series for v in s.values]
    line = result.line.values if result.line else []
    return max([*bars, *line, 0])


@pytest.mark.parametrize("edge", sorted(EDGES))
def test_each_edge_case_draws_inside_its_view_box_with_round_ticks(edge):
    result = EDGES[edge]
    html = str(bar_chart(result, "Edge case", chart_id="edge"))
    assert "style=" not in html  # the content security policy refuses inline styles
    svg = svg_in(html)
    assert_text_inside(svg)
    per_bar = 24 if edge == "a century of months" else 1
    assert_round_ticks(svg, tallest(result) * per_bar)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "edge-title"
    assert svg.get("aria-describedby") == "edge-desc"
    assert svg.find(f"{SVG}title").text == "Edge case"
    assert "table below" in svg.find(f"{SVG}desc").text
    for rect in svg.findall(f".//{SVG}rect"):
        assert float(rect.get("width")) >= MIN_BAR - 1


def test_every_category_label_is_whole_however_long():
    result = EDGES["labels of sixty characters"]
    svg = svg_in(str(bar_chart(result, "Long labels")))
    drawn = [t.text for t in svg.findall(f".//{SVG}text[@class='category']")]
    assert drawn == result.categories  # not cut to fit
    assert all(
        t.get("transform", "").startswith("rotate(-45")
        for t in svg.findall(f".//{SVG}text[@class='category']")
    )


def test_forty_categories_widen_the_chart_rather_than_thin_the_bars():
    svg = svg_in(str(bar_chart(EDGES["forty categories"], "Forty")))
    assert float(svg.get("width")) > 40 * 2 * MIN_BAR
    assert len(svg.findall(f".//{SVG}rect")) == 39 + 26  # the non-zero bars


def test_a_century_of_months_is_drawn_two_years_to_a_bar():
    html = str(bar_chart(EDGES["a century of months"], "Revenue"))
    assert "Each bar adds up 24 months; the table has each month." in html
    labels = [t.text for t in svg_in(html).findall(f".//{SVG}text[@class='category']")]
    # 50 bars; a label on every other one, each bar named in its tooltip.
    assert labels[0] == "Jan 2026 – Dec 2027" and len(labels) == 25
    assert len(svg_in(html).findall(f".//{SVG}rect/{SVG}title")) == 50


def test_money_ticks_are_written_short_and_consistently():
    svg = svg_in(str(bar_chart(EDGES["twelve-digit money"], "Money")))
    ticks = [t.text for t in svg.findall(f".//{SVG}text[@class='tick']")]
    # The tallest bar is $1T and 99 cents: the axis goes one tick further.
    assert ticks == ["$0", "$200B", "$400B", "$600B", "$800B", "$1T", "$1.2T"]
    small = monthly(2, lambda m: [Series("Application", [350, 60])], unit="$")
    ticks = [
        t.text
        for t in svg_in(str(bar_chart(small, "Money"))).findall(
            f".//{SVG}text[@class='tick']"
        )
    ]
    assert ticks == ["$0", "$100", "$200", "$300", "$400"]


def test_counts_tick_by_whole_numbers():
    svg = svg_in(str(bar_chart(EDGES["one point"], "Counts")))
    ticks = [t.text for t in svg.findall(f".//{SVG}text[@class='tick']")]
    assert ticks == ["0", "5", "10", "15", "20", "25"]
    zero = svg_in(str(bar_chart(EDGES["all zero"], "Nothing")))
    assert [t.text for t in zero.findall(f".//{SVG}text[@class='tick']")] == ["0", "1"]


def test_the_business_plan_line_is_named_in_the_chart_and_the_legend():
    html = str(bar_chart(EDGES["one point"], "Admissions"))
    name = "Business plan: 300 candidates a year"
    reference = svg_in(html).find(f".//{SVG}text[@class='reference']")
    assert reference.text == name
    legend = html.split("<svg xmlns")[0]
    assert name in legend and "stroke-dasharray" in legend


# --- The report pages ---------------------------------------------------------------


def url(slug, **query):
    return reverse("reports:detail", args=[slug]) + "?" + urlencode(query)


@pytest.fixture
def officer(client):
    client.force_login(staff_user(StaffGroup.PROGRAM_OFFICER))
    return client


def pay(kind="application"):
    payer = UserFactory()
    payment = payment_create(
        payer=payer, purpose=payer, kind=kind, description=kind, method="check"
    )
    payment_confirm(payment_id=payment.pk, actor=staff_user(StaffGroup.PROGRAM_OFFICER))


def test_the_date_filters_show_the_range_drawn(officer):
    today = timezone.localdate()
    default_start = add_months(today, -12).replace(day=1)
    applied_on(today)
    html = officer.get(url("admissions")).content.decode()
    assert f'name="start" value="{default_start:%Y-%m-%d}"' in html
    assert f'name="end" value="{today:%Y-%m-%d}"' in html
    assert f"{default_start:%B %-d, %Y} to {today:%B %-d, %Y}" in html
    assert f"start={default_start:%Y-%m-%d}&amp;end={today:%Y-%m-%d}" in html  # CSV

    # Only a start: the end shown is the day the report ran to.
    html = officer.get(url("admissions", start="2026-03-01")).content.decode()
    assert 'name="start" value="2026-03-01"' in html
    assert f'name="end" value="{today:%Y-%m-%d}"' in html


def test_a_range_with_nothing_in_it_says_so_instead_of_an_empty_chart(officer):
    response = officer.get(url("admissions", start="2001-01-01", end="2001-03-31"))
    html = response.content.decode()
    assert (
        "No applications or admissions between January 1, 2001 and March 31, 2001: "
        "widen the dates." in html
    )
    assert 'role="img"' not in html
    assert '<th scope="row">Jan 2001</th>' in html  # the table stays

    applied_on(datetime.date(2001, 2, 10))
    html = officer.get(url("admissions", start="2001-01-01", end="2001-03-31"))
    assert "widen the dates" not in html.content.decode()
    assert_text_inside(svg_in(html.content.decode()))


def test_revenue_bars_stack_under_the_named_business_plan(officer, settings):
    pay("application")
    pay("portfolio")
    today = timezone.localdate()
    html = officer.get(url("revenue", start=str(today), end=str(today)))
    svg = svg_in(html.content.decode())
    rects = svg.findall(f".//{SVG}rect")
    assert len(rects) == 2 and rects[0].get("x") == rects[1].get("x")  # one stack
    assert float(rects[0].get("width")) >= 40  # a month's bar is wide, not squashed
    reference = svg.find(f".//{SVG}text[@class='reference']")
    assert reference.text == "Business plan: $107,000 a year"
    assert_round_ticks(svg, 107_000 / 12)
    assert_text_inside(svg)

    # A twelve-digit projection still fits its labels in.
    settings.LSSC_RULES = {"PLAN_REVENUE_PER_YEAR_DOLLARS": 999_999_999_996}
    html = officer.get(url("revenue", start=str(today), end=str(today)))
    svg = svg_in(html.content.decode())
    assert svg.find(f".//{SVG}text[@class='reference']").text == (
        "Business plan: $999,999,999,996 a year"
    )
    assert_round_ticks(svg, 999_999_999_996 / 12)
    assert_text_inside(svg)


REPORTS = [
    "admissions", "how-heard", "achievements", "status", "library",
    "time-to-certification", "near-deadline", "revenue", "courses", "evaluators",
    "agreement", "portfolio-outcomes", "renewals",
]  # fmt: skip


def test_every_report_page_keeps_its_table_and_an_accessible_chart(officer):
    today = timezone.localdate()
    applied_on(today, HowHeard.WEB)
    admitted_candidate()
    pay()
    seen = set()
    for slug in REPORTS:
        response = officer.get(url(slug, start=str(add_months(today, -1)), end=today))
        assert response.status_code == 200, slug
        html = response.content.decode()
        assert re.search(r"<caption[^>]*>[^<]+</caption>", html), slug
        assert '<th scope="col">' in html, slug
        result = response.context["result"]
        if result.is_empty():
            assert "widen the dates" in html, slug
            continue
        seen.add(slug)
        svg = svg_in(html)
        assert svg.get("aria-labelledby") == f"chart-{slug}-title"
        assert svg.find(f"{SVG}title").text == response.context["report"].title
        assert_text_inside(svg)
        assert_round_ticks(svg, tallest(result))
        # Text in the chart is dark enough to read (AA) on the white page.
        assert {t.get("fill") for t in svg.findall(f".//{SVG}text")} <= {
            "#212529",
            "#495057",
        }
    assert {"admissions", "how-heard", "status", "library", "revenue"} <= seen
