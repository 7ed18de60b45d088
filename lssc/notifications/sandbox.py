"""The sandbox the program's messages are rendered in.

Staff edit messages in admin, so a message's text is never trusted with the program's
objects. Two walls keep it to the data the message is meant to show:

1. **A small template language.** Messages are compiled by an engine of their own that
   loads no file and knows only these tags and filters:

   - tags: ``{% if %}`` (with ``{% elif %}`` and ``{% else %}``), ``{% for %}`` (with
     ``{% empty %}``), ``{% url %}`` and ``{% comment %}``;
   - filters: ``capfirst``, ``date``, ``default``, ``default_if_none``,
     ``floatformat``, ``intcomma``, ``join``, ``length``, ``lower``, ``pluralize``,
     ``stringformat``, ``time``, ``title``, ``upper``, ``usd`` and ``yesno``.

   Every other tag (``include``, ``extends``, ``load``, ``ssi``, ``debug``, ``block``,
   ``with``, ``filter``, ``now``, ``csrf_token``, ``templatetag``, ``widthratio``, …)
   and filter is refused by name. ``{% url %}`` stays because every default links
   to the site with it; it only turns a route's name into a path. Output is plain
   text: nothing is HTML-escaped, and an unknown value renders as nothing.

2. **Plain values** (``plain.py``). A message is rendered with copies, never with
   the objects its sender passed: each placeholder the message may use is looked up
   in Python the way Django's templates look it up, and only its value is kept
   (text, numbers, dates, booleans, ``None``; lists of those or of records for the
   lists a message loops over). A record holds only the fields listed for it. No
   model instance, queryset or method reaches the template, so a text that somehow
   got past the check on save still cannot read a password, follow a relation or
   call anything.

What a message may use is its *shape*: the placeholders its default wording uses,
learned from that wording (``learn``), and checked against staff's text (``problems``).
"""

from dataclasses import dataclass, field
from functools import cache

from django.contrib.humanize.templatetags import humanize
from django.template import Engine, Library, TemplateSyntaxError, defaultfilters
from django.template import defaulttags as django_tags
from django.template.base import (
    FilterExpression,
    Lexer,
    TokenType,
    Variable,
    VariableNode,
)
from django.template.defaulttags import ForNode, IfNode, URLNode

from lssc.core.templatetags import lssc as lssc_tags

# Each allowed tag with the tags that continue or close it.
TAGS = {
    "if": ("elif", "else", "endif"),
    "for": ("empty", "endfor"),
    "url": (),
    "comment": ("endcomment",),
}
FILTERS = (
    "capfirst",
    "date",
    "default",
    "default_if_none",
    "floatformat",
    "intcomma",
    "join",
    "length",
    "lower",
    "pluralize",
    "stringformat",
    "time",
    "title",
    "upper",
    "usd",
    "yesno",
)
_ALL_TAGS = {name for tag, inner in TAGS.items() for name in (tag, *inner)}

register = Library()
for _tag in TAGS:
    register.tags[_tag] = django_tags.register.tags[_tag]
for _name in FILTERS:
    for _library in (defaultfilters.register, humanize.register, lssc_tags.register):
        if _name in _library.filters:
            register.filters[_name] = _library.filters[_name]
            break


class Refused(Exception):
    """The text uses a tag or filter messages may not use."""


class _MailEngine(Engine):
    # None of Django's own tags and filters (include, load, debug…): only this
    # module's library.
    default_builtins = []


@cache
def engine() -> Engine:
    return _MailEngine(
        loaders=[],
        builtins=[__name__],
        autoescape=False,
        string_if_invalid="",
    )


def tags_help() -> str:
    return ", ".join(f"{{% {tag} %}}" for tag in TAGS)


def filters_help() -> str:
    return ", ".join(f"|{name}" for name in FILTERS)


def compile_text(text: str):
    """``text`` as a template of the mail engine. Raises ``Refused`` for a tag or
    filter outside the safe set (named in the message), ``TemplateSyntaxError`` for
    text that cannot be read."""
    for token in Lexer(text).tokenize():
        if token.token_type is TokenType.BLOCK:
            command = (token.contents.split() or [""])[0]
            if command not in _ALL_TAGS:
                raise Refused(
                    f"The tag {{% {command} %}} cannot be used in a message. "
                    f"The tags a message may use: {tags_help()}."
                )
    try:
        return engine().from_string(text)
    except TemplateSyntaxError as error:
        message = str(error)
        if message.startswith("Invalid filter: "):
            name = message.removeprefix("Invalid filter: ").strip("'")
            raise Refused(
                f"The filter |{name} cannot be used in a message. "
                f"The filters a message may use: {filters_help()}."
            ) from None
        if message.startswith(_UNDERSCORE):
            name = message.removeprefix(_UNDERSCORE).strip("'")
            raise Refused(
                f"Unknown placeholder {{{{ {name} }}}}: no placeholder begins "
                "with an underscore."
            ) from None
        raise


_UNDERSCORE = "Variables and attributes may not begin with underscores: "


# --- What a message may use ----------------------------------------------------

ITEM = "[]"  # a step into each item of a list


@dataclass(eq=False)
class Shape:
    """The placeholders below one value: its fields, or its items when it is a list
    a message loops over. ``listed`` when a message shows the value itself."""

    fields: dict[str, "Shape"] = field(default_factory=dict)
    items: "Shape | None" = None
    listed: bool = False


@dataclass(frozen=True)
class Use:
    """One placeholder in a text: as written, and as a path from the context
    (a loop variable replaced by its list and ``ITEM``)."""

    written: str
    path: tuple[str, ...]
    loop: str = ""  # the list of a {% for %}: its loop variable
    problem: str = ""


def uses(nodelist, scope=None):
    """Every placeholder ``nodelist`` reads, in tags, conditions and filter
    arguments too. ``forloop`` inside a loop is the engine's own and left out."""
    scope = scope or {}
    for node in nodelist:
        if isinstance(node, ForNode):
            loop = ", ".join(node.loopvars)
            yield from _expression_uses(node.sequence, scope, loop=loop)
            if len(node.loopvars) != 1:
                yield Use(
                    written=", ".join(node.loopvars),
                    path=(),
                    problem="Loop over one item at a time: "
                    f"{{% for {', '.join(node.loopvars)} in … %}} cannot be read.",
                )
                continue
            inner = {**scope, "forloop": None}
            sequence = _path(node.sequence.var, scope)
            if sequence is not None:
                inner[node.loopvars[0]] = (*sequence, ITEM)
            yield from uses(node.nodelist_loop, inner)
            yield from uses(node.nodelist_empty, scope)
        elif isinstance(node, IfNode):
            for condition, nodelist in node.conditions_nodelists:
                for expression in _condition_expressions(condition):
                    yield from _expression_uses(expression, scope)
                yield from uses(nodelist, scope)
        elif isinstance(node, URLNode):
            expressions = [node.view_name, *node.args, *node.kwargs.values()]
            for expression in expressions:
                yield from _expression_uses(expression, scope)
        elif isinstance(node, VariableNode):
            yield from _expression_uses(node.filter_expression, scope)


def _expression_uses(expression: FilterExpression, scope, loop=""):
    variables = [(expression.var, loop)]
    for _, arguments in expression.filters:
        variables += [(value, "") for lookup, value in arguments if lookup]
    for variable, loopvar in variables:
        if not isinstance(variable, Variable) or variable.lookups is None:
            continue  # a literal
        path = _path(variable, scope)
        if path is not None:
            written = ".".join(variable.lookups)
            problem = ""
            if loopvar and expression.filters:
                problem = (
                    f"Loop over a list itself: {{% for {loopvar} in "
                    f"{expression.token} %}} cannot be read."
                )
            yield Use(written=written, path=path, loop=loopvar, problem=problem)


def _path(variable, scope):
    """``variable`` as a path from the context; ``None`` for ``forloop`` in a loop."""
    if not isinstance(variable, Variable) or variable.lookups is None:
        return None
    first, *rest = variable.lookups
    if first in scope:
        if scope[first] is None:
            return None
        return (*scope[first], *rest)
    return tuple(variable.lookups)


def _condition_expressions(condition):
    if condition is None:
        return
    value = getattr(condition, "value", None)
    if isinstance(value, FilterExpression):
        yield value
    for side in ("first", "second"):
        yield from _condition_expressions(getattr(condition, side, None))


def learn(template, always=("site_url",)) -> Shape:
    """The shape of the values ``template`` (a default wording) uses."""
    root = Shape()
    for use in [*uses(template.nodelist), *(Use(name, (name,)) for name in always)]:
        shape = root
        for step in use.path:
            if step == ITEM:
                shape.items = shape.items or Shape()
                shape = shape.items
            else:
                shape = shape.fields.setdefault(step, Shape())
        shape.listed = True
        if use.loop:
            shape.items = shape.items or Shape()
    return root


def problems(template, shape: Shape, listed: list[str]) -> list[str]:
    """What in ``template`` (staff's text) reaches beyond ``shape``, the shape of
    its default wording; ``listed`` are that wording's placeholders, as written."""
    found, bad_loops = [], set()
    for use in uses(template.nodelist):
        if any(use.path[: len(loop)] == loop for loop in bad_loops):
            continue  # the items of a loop already refused
        where = _find(shape, use.path)
        if use.problem:
            found.append(use.problem)
        elif where is None:
            found.append(
                f"Unknown placeholder {{{{ {use.written} }}}}: this message may use "
                + ", ".join(f"{{{{ {p} }}}}" for p in listed)
                + "."
            )
        elif use.loop and where.items is None:
            lists = [p for p in listed if _loopvar(shape, p)]
            found.append(
                f"{{% for {use.loop} in {use.written} %}}: {{{{ {use.written} }}}} "
                "is not a list. "
                + (
                    "The lists this message may loop over: "
                    + ", ".join(f"{{{{ {p} }}}}" for p in lists)
                    + "."
                    if lists
                    else "This message has no list to loop over."
                )
            )
        else:
            continue
        if use.loop:
            bad_loops.add((*use.path, ITEM))
    return list(dict.fromkeys(found))


def _loopvar(shape: Shape, written: str) -> bool:
    found = _find(shape, tuple(written.split(".")))
    return found is not None and found.items is not None


def _find(shape: Shape, path) -> Shape | None:
    for step in path:
        shape = shape.items if step == ITEM else shape.fields.get(step)
        if shape is None:
            return None
    return shape
