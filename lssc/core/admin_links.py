"""Links from one person's record to everything the program holds about them, so
staff can move from a candidate to their payments, portfolios or mail in a click.

Each link opens the other admin list filtered to that person: no query is spent
counting, which keeps the change page fast on large tables. The apps add their
records at start-up (``register_person_links``): the core does not import them.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html, format_html_join


def changelist(model_label: str, **filters) -> str:
    app_label, model = model_label.lower().split(".")
    url = reverse(f"admin:{app_label}_{model}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def change(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


# ``section(user)`` -> ``(label, url)`` pairs, by the name of the app that adds
# them, with its order. The program-wide lists register before the apps built on
# them (INSTALLED_APPS) yet are shown last: hence an explicit order, then the
# order registered.
_sections: dict[str, tuple[int, Callable]] = {}


def register_person_links(name: str, section: Callable, *, order: int = 0) -> None:
    _sections[name] = (order, section)


def person_list(label: str, model_label: str, lookup: str, attribute: str = "pk"):
    """A section of one link: the ``model_label`` admin list filtered to the rows
    whose ``lookup`` is the person's ``attribute``."""

    def section(user) -> list[tuple[str, str]]:
        return [(label, changelist(model_label, **{lookup: getattr(user, attribute)}))]

    return section


def person_links(user) -> list[tuple[str, str]]:
    """``(label, url)`` for a person's records, in the sections' order."""
    ordered = sorted(_sections.values(), key=lambda entry: entry[0])
    links = [link for _, section in ordered for link in section(user)]
    return [(label, url) for label, url in links if url]


def related_or_none(obj, attribute: str):
    """A one-to-one relation, or ``None`` where there is none yet."""
    try:
        return getattr(obj, attribute)
    except obj._meta.get_field(attribute).related_model.DoesNotExist:
        return None


def as_list(links) -> str:
    return format_html(
        '<ul class="related-links">{}</ul>',
        format_html_join(
            "", '<li><a href="{}">{}</a></li>', ((u, t) for t, u in links)
        ),
    )
