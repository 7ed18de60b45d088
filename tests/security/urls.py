"""Every URL pattern of the project, with its parameters, and sample values for them.

Read from Django's resolver, so a new view is covered by the tests built on this list
(the fuzz test, a role-by-URL permission matrix) without anyone adding it by hand::

    for route in all_routes():
        client.get(route.path(sample_kwargs(route, world)))
"""

import re
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

# ``<int:pk>`` or ``<pk>`` in a route pattern.
ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")


@dataclass(frozen=True)
class Param:
    name: str
    # "int", "slug", "str", "path" for route patterns; "regex" otherwise.
    kind: str
    # The group's pattern for a regex parameter (e.g. "auth|account|mfa").
    regex: str = ""


@dataclass(frozen=True)
class Route:
    """One URL pattern: its full name, its pieces and the view it calls."""

    name: str  # "namespace:name", or "" when the pattern has none
    pieces: tuple  # the RoutePattern/RegexPattern of each level, outermost first
    callback: object

    @property
    def params(self) -> tuple[Param, ...]:
        return tuple(p for piece in self.pieces for p in _params(piece))

    @property
    def pattern(self) -> str:
        return "".join(str(piece) for piece in self.pieces)

    @property
    def is_admin(self) -> bool:
        return self.pattern.startswith("admin/")

    def path(self, values: dict[str, str] | None = None) -> str:
        """The URL path with ``values`` in place of the parameters, as given: not
        checked against the converters, so a test can send what no link would."""
        values = values or {}
        return "/" + "".join(_fill(piece, values) for piece in self.pieces)

    def __str__(self):
        return f"{self.name or '(unnamed)'} /{self.pattern}"


@cache
def all_routes() -> tuple[Route, ...]:
    """Every endpoint of the root URLconf, the admin's and allauth's included."""
    return tuple(_walk(get_resolver(), (), None))


def _walk(resolver: URLResolver, pieces: tuple, namespace: str | None):
    for entry in resolver.url_patterns:
        here = (*pieces, entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = (
                    f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                )
            yield from _walk(entry, here, inner)
        elif isinstance(entry, URLPattern):
            name = entry.name or ""
            if name and namespace:
                name = f"{namespace}:{name}"
            yield Route(name=name, pieces=here, callback=entry.callback)


def _params(piece) -> list[Param]:
    if isinstance(piece, RoutePattern):
        return [
            Param(m["name"], m["converter"] or "str")
            for m in ROUTE_PARAM.finditer(str(piece))
        ]
    assert isinstance(piece, RegexPattern), piece
    return [Param(name, "regex", regex) for name, regex, _, _ in _groups(str(piece))]


def _groups(regex: str):
    """``(name, pattern, start, end)`` of each top-level capturing group; unnamed
    groups are named ``_0``, ``_1``…"""
    found, depth, start, unnamed, i = [], 0, 0, 0, 0
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            if depth == 0:
                start = i
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                body = regex[start + 1 : i]
                named = re.match(r"\?P<(\w+)>", body)
                if named:
                    found.append((named[1], body[named.end() :], start, i + 1))
                elif not body.startswith("?"):
                    found.append((f"_{unnamed}", body, start, i + 1))
                    unnamed += 1
        i += 1
    return found


def _fill(piece, values: dict[str, str]) -> str:
    text = str(piece)
    if isinstance(piece, RoutePattern):
        return ROUTE_PARAM.sub(lambda m: str(values.get(m["name"], "1")), text)
    out, last = [], 0
    for name, regex, start, end in _groups(text):
        out.append(text[last:start])
        out.append(str(values.get(name, _regex_sample(regex))))
        last = end
    out.append(text[last:])
    return "".join(out).lstrip("^").rstrip("$").replace("\\", "")


def _regex_sample(regex: str) -> str:
    if re.fullmatch(r"[\w|]+", regex):  # alternatives: take the first
        return regex.split("|")[0]
    return "1"


# --- Sample values -------------------------------------------------------------------

# ``admin:<app>_<model>_<view>``: the views of one model's admin pages.
ADMIN_MODEL_VIEW = re.compile(
    r"^admin:(?P<app>[a-z_]+?)_(?P<model>[a-z]+)_"
    r"(?:change|delete|history|simple_history|roster|import|password_change)$"
)


def model_of(route: Route):
    """The model an admin route works on, or None."""
    if route.name == "admin:auth_user_password_change":
        from django.contrib.auth import get_user_model

        return get_user_model()
    match = ADMIN_MODEL_VIEW.match(route.name)
    if match is None:
        return None
    try:
        return apps.get_model(match["app"], match["model"])
    except LookupError:
        return None


def sample_kwargs(route: Route, world: dict | None = None) -> dict[str, str]:
    """Values that reach the view: ``world`` maps a parameter's name, or
    ``"<route name>.<parameter>"`` for one route, to the value to use (an object
    gives its pk; of a list, the first). Admin object ids default to the model's
    first row, and its first history record."""
    return all_sample_kwargs(route, world)[0]


def all_sample_kwargs(route: Route, world: dict | None = None) -> list[dict[str, str]]:
    """As ``sample_kwargs``, once for each value of a parameter given a list (every
    report, say)."""
    world = world or {}
    model = model_of(route)
    choices = {}
    for param in route.params:
        given = world.get(f"{route.name}.{param.name}", world.get(param.name))
        if given is None and model is not None:
            given = _admin_sample(route, model, param)
        if given is None:
            given = _default(param)
        given = given if isinstance(given, list | tuple) else [given]
        choices[param.name] = [str(getattr(g, "pk", g)) for g in given] or ["1"]
    first = {name: values[0] for name, values in choices.items()}
    samples = [first]
    for name, values in choices.items():
        samples += [{**first, name: value} for value in values[1:]]
    return samples


def _admin_sample(route: Route, model, param: Param):
    first = model._default_manager.order_by("pk").first()
    if param.name in ("object_id", "id", "pk", "_0"):
        return first
    history = getattr(model, "history", None)
    if param.name == "_1" and history is not None and first is not None:
        # simple_history's version id: a past version of that first row.
        versions = history.filter(**{model._meta.pk.attname: first.pk})
        return versions.values_list("pk", flat=True).order_by("pk").first()
    return None


def _default(param: Param) -> str:
    if param.kind == "regex":
        return _regex_sample(param.regex)
    return {"slug": "technology", "str": "x"}.get(param.kind, "1")
