"""The program's messages, editable by staff.

Each message has a default in ``templates/mail/<name>.txt`` (first line the subject,
the rest the body). Staff may replace the text in admin (``MailTemplate``); the
placeholders allowed are those the default uses, so an edited message can never ask
for data the program does not give it.
"""

import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.db import transaction
from django.template import Context, Engine, Template, TemplateSyntaxError
from django.template.base import FilterExpression, VariableNode
from django.template.loader import get_template

MAIL_DIR = Path(settings.BASE_DIR) / "templates" / "mail"

# The engine staff templates are compiled with: the project's, so {% url %} and the
# built-in filters work, and nothing else can be loaded.
_ENGINE = Engine.get_default


def names() -> list[str]:
    return sorted(p.stem for p in MAIL_DIR.glob("*.txt"))


def default_text(name: str) -> str:
    return (MAIL_DIR / f"{name}.txt").read_text()


def _variables(template: Template) -> set[str]:
    """Every ``a.b.c`` variable the template reads, in tags and filters too."""
    found = set()

    def visit(nodelist):
        for node in nodelist:
            for expression in _expressions(node):
                var = getattr(expression, "var", None)
                lookups = getattr(var, "lookups", None)
                if lookups:
                    found.add(".".join(lookups))
            for attr in getattr(node, "child_nodelists", ()):
                visit(getattr(node, attr, None) or [])

    visit(template.nodelist)
    return found


def _expressions(node):
    if isinstance(node, VariableNode):
        yield node.filter_expression
    for value in vars(node).values():
        if isinstance(value, FilterExpression):
            yield value
        elif isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, FilterExpression):
                    yield item
                elif isinstance(item, tuple):
                    yield from (i for i in item if isinstance(i, FilterExpression))
        elif hasattr(value, "var") and isinstance(value, FilterExpression):
            yield value
    # {% if %} conditions keep their variables in a parse tree.
    for condition, _ in getattr(node, "conditions_nodelists", ()):
        yield from _condition_expressions(condition)


def _condition_expressions(condition):
    if condition is None:
        return
    value = getattr(condition, "value", None)
    if isinstance(value, FilterExpression):
        yield value
    for side in ("first", "second"):
        yield from _condition_expressions(getattr(condition, side, None))


@cache
def placeholders(name: str) -> tuple[str, ...]:
    """The placeholders message ``name`` may use: those its default uses."""
    template = get_template(f"mail/{name}.txt").template
    return tuple(sorted(_variables(template) | {"site_url"}))


def check(name: str, text: str) -> list[str]:
    """What is wrong with staff's ``text`` for message ``name``; empty when it is
    fine. A placeholder is allowed when the default uses it, or a shorter path of
    one the default uses (``candidate.user`` when it uses ``candidate.user.email``),
    or a loop variable."""
    if "\n" not in text.strip():
        return ["Write the subject on the first line and the message below it."]
    for opening, closing in (("{{", "}}"), ("{%", "%}")):
        if text.count(opening) != text.count(closing):
            return [f"A placeholder is not closed: each {opening} needs its {closing}."]
    try:
        template = _ENGINE().from_string(text)
    except TemplateSyntaxError as error:
        return [f"The text cannot be read: {error}"]
    allowed = set(placeholders(name))
    prefixes = {".".join(p.split(".")[:n]) for p in allowed for n in range(1, 9)}
    loop_names = set(re.findall(r"{%\s*for\s+(\w+)(?:\s*,\s*(\w+))?\s+in", text))
    loops = {n for pair in loop_names for n in pair if n} | {"forloop"}
    unknown = sorted(
        v
        for v in _variables(template)
        if v not in prefixes and v.split(".")[0] not in loops
    )
    return [
        f"Unknown placeholder {{{{ {v} }}}}: this message may use "
        + ", ".join(f"{{{{ {p} }}}}" for p in sorted(allowed))
        + "."
        for v in unknown
    ]


def _cache_key(name: str) -> str:
    return f"mail-template:{name}"


def staff_text(name: str) -> str | None:
    """Staff's wording of message ``name``, or ``None`` for the default. Kept in the
    cache until a template is saved or deleted: a reminder sweep sends thousands
    of the same message and would otherwise read the same row for each."""
    from .models import MailTemplate

    cached = shared_cache.get(_cache_key(name))
    if cached is None:
        custom = MailTemplate.objects.filter(name=name).only("text").first()
        cached = custom.text if custom else ""
        shared_cache.set(_cache_key(name), cached, timeout=None)
    return cached or None


def forget_staff_text(sender, instance, **kwargs):
    """``post_save``/``post_delete`` receiver: the next message reads the new text.
    After the commit, so no one caches the old row meanwhile."""
    transaction.on_commit(lambda: shared_cache.delete(_cache_key(instance.name)))


def render(name: str, context: dict, text: str | None = None) -> tuple[str, str]:
    """``(subject, body)`` of message ``name``: staff's text if any, else the
    default. Plain text: no HTML escaping of names like "O'Brien"."""
    if text is None:
        text = staff_text(name)
    template = (
        _ENGINE().from_string(text)
        if text is not None
        else get_template(f"mail/{name}.txt").template
    )
    rendered = template.render(Context(context, autoescape=False))
    subject, _, body = rendered.partition("\n")
    return subject.strip(), body.strip() + "\n"


# --- Preview with sample data --------------------------------------------------

_DATE_ENDINGS = ("_on", "_at", "_day", "deadline", "since", "_date")


class Sample:
    """Stands for any object in a preview: ``candidate.user.full_name`` shows as
    "[candidate.user.full_name]"; ids are 1 and dates a fixed day, so links and
    date formats work."""

    def __init__(self, path: str):
        self._path = path

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return sample(f"{self._path}.{name}")

    def __str__(self):
        return f"[{self._path}]"

    def __iter__(self):
        return iter([sample(f"{self._path}[1]"), sample(f"{self._path}[2]")])

    def __len__(self):
        return 2


def sample(path: str):
    import datetime

    last = path.rsplit(".", 1)[-1]
    if last in ("pk", "id"):
        return 1
    if last.endswith(_DATE_ENDINGS):
        return datetime.date(2027, 3, 1)
    if last.startswith("days") or last in ("hours", "count"):
        return 30
    if last.endswith("_cents"):
        return 35000
    return Sample(path)


def preview(name: str, text: str | None = None) -> tuple[str, str]:
    """``(subject, body)`` rendered with sample data."""
    roots = {p.split(".")[0] for p in placeholders(name)} - {"site_url"}
    context = {root: sample(root) for root in roots}
    context["site_url"] = settings.SITE_URL
    return render(name, context, text=text if text is not None else default_text(name))
