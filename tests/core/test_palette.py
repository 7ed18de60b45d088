"""The palette in static/css/site.css: every declared text/background pair meets
its WCAG 2.2 AA contrast, and Bootstrap's variables agree with it."""

import re
from pathlib import Path

import pytest

SITE_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"
PAIR = re.compile(r"^\s*\*\s+(--[\w-]+) on (--[\w-]+): ([\d.]+)\s*$", re.M)
DECLARATION = re.compile(r"(--[\w-]+):\s*([^;]+);")
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def css() -> str:
    return SITE_CSS.read_text()


def root_block(text: str) -> str:
    start = text.index(":root {")
    return text[start : text.index("\n}", start)]


def variables() -> dict[str, str]:
    return dict(DECLARATION.findall(root_block(css())))


def resolve(name: str, declared: dict[str, str]) -> str:
    """The colour a custom property ends at, following var(...) references."""
    value = declared[name].strip()
    for _ in range(10):
        reference = re.fullmatch(r"var\((--[\w-]+)\)", value)
        if not reference:
            return value
        value = declared[reference.group(1)].strip()
    raise AssertionError(f"{name} refers around in a circle")


def rgb(colour: str) -> tuple[int, int, int]:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(2 * digit for digit in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def pairs():
    return [(fg, bg, float(minimum)) for fg, bg, minimum in PAIR.findall(css())]


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    # Bootstrap's old link blue on white: the published figure is 4.5:1.
    assert contrast("#0d6efd", "#fff") == pytest.approx(4.5, abs=0.05)


def test_the_palette_declares_its_pairs():
    declared = pairs()
    assert len(declared) >= 20
    names = {name for fg, bg, _ in declared for name in (fg, bg)}
    # The colours text and controls are drawn in all appear in a checked pair.
    for name in (
        "--lssc-ink",
        "--lssc-muted",
        "--lssc-link",
        "--lssc-link-hover",
        "--lssc-navy",
        "--lssc-on-navy",
        "--lssc-paper",
        "--lssc-mist",
        "--lssc-focus",
        "--lssc-control-border",
        "--lssc-accent",
    ):
        assert name in names, name


@pytest.mark.parametrize(("foreground", "background", "minimum"), pairs())
def test_each_pair_meets_its_contrast(foreground, background, minimum):
    declared = variables()
    ratio = contrast(resolve(foreground, declared), resolve(background, declared))
    assert ratio >= minimum, (
        f"{foreground} on {background}: {ratio:.2f}:1, needs {minimum}:1"
    )


def test_text_pairs_ask_for_at_least_aa():
    for foreground, background, minimum in pairs():
        assert minimum in (3, 4.5), (foreground, background)


def test_bootstrap_colours_come_from_the_palette():
    declared = variables()
    for name in (
        "--bs-primary",
        "--bs-body-color",
        "--bs-secondary-color",
        "--bs-link-color",
        "--bs-link-hover-color",
        "--bs-focus-ring-color",
    ):
        assert declared[name].startswith("var(--lssc-"), name


def test_each_rgb_variant_matches_its_colour():
    declared = variables()
    variants = [name for name in declared if name.endswith("-rgb")]
    assert "--bs-primary-rgb" in variants
    assert "--bs-link-color-rgb" in variants
    for variant in variants:
        colour = resolve(variant.removesuffix("-rgb"), declared)
        numbers = tuple(int(n) for n in declared[variant].split(","))
        assert numbers == rgb(colour), variant


def test_no_colour_is_written_outside_the_palette():
    text = css()
    root = root_block(text)
    outside = text.replace(root, "")
    assert HEX.findall(outside) == []
    assert not re.search(r"\brgba?\(\s*\d", outside)
