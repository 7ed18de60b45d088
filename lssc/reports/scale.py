"""A chart's value axis: ticks at round numbers ("nice numbers", Heckbert 1990)
up to a round maximum, and their labels."""

import math

NICE = (1, 2, 2.5, 5, 10)  # steps are one of these times a power of ten
COMPACT_FROM = 10_000  # an axis reaching this far writes $2.5k, 1.5M…
_SUFFIXES = ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**3, "k"))


def nice_step(raw: float, *, integers: bool = False) -> float:
    """The smallest nice step of at least ``raw``. Counts step by whole numbers:
    never 2.5 (nor anything below 1)."""
    exponent = math.floor(math.log10(raw))
    power = 10.0**exponent
    for nice in NICE:
        step = nice * power
        if step >= raw * (1 - 1e-12) and not (integers and step != int(step)):
            return step
    return 10 * power


def ticks(top: float, *, integers: bool = False, intervals: int = 5) -> list[float]:
    """Tick values from 0 to the first nice multiple of the step at or above
    ``top``, in about ``intervals`` steps; the last tick is the axis' maximum."""
    if top <= 0:
        top = 1  # nothing to draw: an axis from 0 to 1
    step = nice_step(top / intervals, integers=integers)
    # Forgives float noise only: $1T and 99 cents needs a tick above $1T.
    count = math.ceil(top / step - 1e-12)
    return [_clean(i * step) for i in range(count + 1)]


def _clean(value: float) -> float:
    """``3 * 0.1`` as 0.3: float products of the step, without their noise."""
    return float(f"{value:.12g}")


def _plain(value: float) -> str:
    text = f"{value:,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def tick_label(value: float, unit: str = "", *, compact: bool = False) -> str:
    """``value`` as the axis writes it: "$1.5M" on a compact axis, "1,250"
    otherwise; "%" after a percentage."""
    number = _plain(value)
    if compact:
        for size, suffix in _SUFFIXES:
            if abs(value) >= size:
                number = _plain(value / size) + suffix
                break
    if unit == "$":
        return f"${number}"
    if unit == "%":
        return f"{number}%"
    return number


def value_label(value: float, unit: str = "") -> str:
    """A bar's own figure, in full: "$8,916.67", "1,250", "75%"."""
    if unit == "$":
        return f"${value:,.2f}".replace(".00", "")
    return tick_label(value, unit)
