"""Columns of admin lists that keep a row to one screen's width: long text is cut
to a few words, with the whole of it in the cell's title (shown on hover) and on
the record's own page."""

from django.template.defaultfilters import truncatechars
from django.utils.html import format_html


def shortened(text: str, length: int, *, title: str = "") -> str:
    """``text`` cut to ``length`` characters; ``title`` (or the whole text) on hover."""
    text = text or ""
    if len(text) <= length and not title:
        return text
    return format_html(
        '<span title="{}">{}</span>', title or text, truncatechars(text, length)
    )
