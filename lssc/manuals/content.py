"""Turning a section's Markdown into safe HTML, with the program's figures.

Staff write figures as placeholders (``{{ application_fee }}``), so a manual never
states a fee or a period the program no longer has: the values come from the fee
table and the program's rules when the page is shown. Only the placeholders in
``figures()`` exist; anything else in braces is refused when the section is saved.
The HTML is sanitised (``nh3``): no script, style or event attribute survives.
"""

import re

import markdown
import nh3
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.safestring import SafeString

from lssc.core.program import rules
from lssc.fees.services import public_fee_table

PLACEHOLDER = re.compile(r"{{\s*([a-z_]+)\s*}}")
HEADING = re.compile(r"<(/?)h[12]")

TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "dl", "dt", "em", "h3", "h4",
    "h5", "hr", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}

FEES = {
    "application_fee": ("application", "The application fee"),
    "application_fee_member": (
        "application_member",
        "The ALA member's application fee",
    ),
    "portfolio_fee": ("portfolio", "The fee for each portfolio"),
    "portfolio_fee_member": ("portfolio_member", "The ALA member's portfolio fee"),
    "renewal_fee": ("renewal", "The renewal fee"),
}


def _usd(cents) -> str:
    if cents is None:
        return "to be announced"
    return f"${cents / 100:,.0f}" if cents % 100 == 0 else f"${cents / 100:,.2f}"


def figures(*, fees: bool = True) -> dict[str, tuple[str, str]]:
    """Each placeholder: ``(value shown, what it is)``. The fees cost a query;
    ``fees=False`` leaves them out for a text that does not use them."""
    found = {}
    if fees:
        table = public_fee_table()
        for name, (key, label) in FEES.items():
            found[name] = (_usd(table[key]), label)
    program = rules()
    for field, value in vars(program).items():
        if isinstance(value, int) and not isinstance(value, bool):
            label = field.replace("_", " ").capitalize()
            found[field.lower()] = (intcomma(value), label)
    return found


def problems(text: str) -> list[str]:
    """What is wrong with a section's text; empty when it is fine."""
    if text.count("{{") != text.count("}}"):
        return ["A placeholder is not closed: each {{ needs its }}."]
    if "{%" in text:
        return ["Template tags ({% … %}) are not allowed: use Markdown and the "
                "placeholders listed below."]  # fmt: skip
    known = set(FEES) | set(figures(fees=False))  # the names: no fee query
    written = re.findall(r"{{(.*?)}}", text, flags=re.S)
    unknown = sorted({w.strip() for w in written} - set(known))
    return [
        f"Unknown placeholder {{{{ {name} }}}}: see the list of placeholders below."
        for name in unknown
    ]


def render(text: str, values: dict[str, str] | None = None) -> SafeString:
    """The section's HTML: figures filled in, Markdown converted, then sanitised."""
    if values is None:
        used = set(PLACEHOLDER.findall(text))
        known = figures(fees=bool(used & FEES.keys()))
        values = {name: value for name, (value, _) in known.items()}
    filled = PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
    html = markdown.markdown(filled, extensions=["tables", "sane_lists"])
    # The section's title is the h2: headings in its text start below it.
    html = HEADING.sub(lambda m: f"<{m.group(1)}h3", html)
    clean = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, link_rel="noopener")
    # Safe to show as HTML: nh3 kept only the tags and attributes listed above.
    return SafeString(clean)  # nosec B703
