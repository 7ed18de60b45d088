"""The pieces of the role-by-URL permission matrix: what a row says, how each cell's
expected answer follows from it, and how the cells are run and compared.

A row names a kind of page, and the kind gives every role its answer (``ok`` is the
answer of those let in, 200 unless the row says otherwise):

========== ====================================================================
public     ``ok`` for everyone, signed in or not
signed_in  sign-in for visitors, ``ok`` for everyone signed in
post       a form's target (POST only): sign-in for visitors, 405 to a GET
own        the ``owners`` roles' object: ``ok`` for them and for staff holding
           ``perm``; 404 for everyone else signed in, as for a missing object
staff      a staff page: ``ok`` for staff with two-factor (404 without ``perm``
           when it has one), enrolment for staff without two-factor, sign-in
           for everyone else
admin      an admin page: ``ok`` for staff with two-factor (403 without
           ``perm``), enrolment for staff without, the admin's sign-in for
           everyone else
========== ====================================================================

``overrides`` replaces the answer of a few roles; each row says why.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from .matrix_world import ROLES, STAFF_GROUPS

STAFF_ROLES = tuple(STAFF_GROUPS)


@dataclass(frozen=True)
class Go:
    """A redirect (302) to the page named ``to``; ``kwargs`` as ``Row.kwargs``."""

    to: str
    kwargs: tuple = ()

    def path(self, world) -> str:
        return reverse(self.to, kwargs={k: _value(world, v) for k, v in self.kwargs})

    def __str__(self):
        return f"302 → {self.to}"


def go(to: str, **kwargs) -> Go:
    return Go(to, tuple(kwargs.items()))


LOGIN = go("account_login")
ADMIN_LOGIN = go("admin:login")
TWO_FACTOR = go("mfa_activate_totp")


@dataclass(frozen=True)
class Row:
    """One URL pattern (or one variant of its parameters) and who gets what."""

    kind: str
    # Parameter -> the world attribute whose pk fills it, ``attr.field`` for a
    # field's value, or ``=text`` for a literal.
    kwargs: dict = field(default_factory=dict)
    owners: tuple = ()
    perm: str = ""
    ok: object = 200
    overrides: dict = field(default_factory=dict)
    why: str = ""


def public(*, ok=200, **kwargs) -> Row:
    return Row("public", kwargs, ok=ok)


def signed_in(*, ok=200, **kwargs) -> Row:
    return Row("signed_in", kwargs, ok=ok)


def post(*owners, **kwargs) -> Row:
    """A POST-only view; with ``owners``, everyone else's posts answer 404 (or
    sign-in) too, and change nothing."""
    return Row("post", kwargs, owners=owners)


def own(*owners, perm="", ok=200, **kwargs) -> Row:
    return Row("own", kwargs, owners=owners, perm=perm, ok=ok)


def staff(perm="", *, ok=200, **kwargs) -> Row:
    return Row("staff", kwargs, perm=perm, ok=ok)


def admin_page(perm="", *, ok=200, **kwargs) -> Row:
    return Row("admin", kwargs, perm=perm, ok=ok)


def also(row: Row, why: str, **overrides) -> Row:
    """``row`` with a few roles answering otherwise, and the reason."""
    return Row(
        row.kind,
        row.kwargs,
        row.owners,
        row.perm,
        row.ok,
        {**row.overrides, **overrides},
        why,
    )


def _value(world, name: str):
    if name.startswith("="):
        return name[1:]
    first, *rest = name.split(".")
    value = getattr(world, first)
    for part in rest:
        value = getattr(value, part)
    return value if rest else getattr(value, "pk", value)


def path_values(row: Row, world) -> dict[str, str]:
    return {param: str(_value(world, name)) for param, name in row.kwargs.items()}


# --- Expected answers ----------------------------------------------------------------


def group_permissions() -> dict[str, set[str]]:
    """``role -> {"app.codename", …}`` as the staff groups hold them in the database."""
    found = {}
    for role, group in STAFF_GROUPS.items():
        perms = Group.objects.get(name=group).permissions.select_related("content_type")
        found[role] = {f"{p.content_type.app_label}.{p.codename}" for p in perms}
    return found


def expected(row: Row, role: str, perms: dict[str, set[str]]):
    if role in row.overrides:
        return row.overrides[role]
    if row.kind == "admin":
        return admin_gate(role) or (
            row.ok if not row.perm or row.perm in perms[role] else 403
        )
    if row.kind == "public":
        return row.ok
    if role == "anonymous":
        return LOGIN
    if row.kind == "signed_in":
        return row.ok
    if row.kind == "post":
        return 405
    if row.kind == "own":
        held = row.perm and row.perm in perms.get(role, ())
        return row.ok if role in row.owners or held else 404
    if row.kind == "staff":
        if role == "staff_no_2fa":
            return TWO_FACTOR
        if role not in STAFF_ROLES:
            return LOGIN
        return row.ok if not row.perm or row.perm in perms[role] else 404
    raise ValueError(f"Unknown kind {row.kind!r}")


def admin_gate(role: str):
    """The admin's answer to those it does not let in at all, else None."""
    if role == "staff_no_2fa":
        return TWO_FACTOR
    if role not in STAFF_ROLES:
        return ADMIN_LOGIN
    return None


def admin_model_expected(label: str, view: str, role: str, perms):
    """A model's admin page (``label`` is "app.model"): as the Django permissions
    of the role's group allow, nothing else."""
    if gate := admin_gate(role):
        return gate
    app, model = label.split(".")
    held = {p.split(".", 1)[1] for p in perms[role] if p.split(".", 1)[0] == app}

    def may(*actions):
        return any(f"{action}_{model}" in held for action in actions)

    allowed = {
        "changelist": may("view", "change"),
        "add": may("add"),
        "change": may("view", "change"),
        "history": may("view", "change"),
        "simple_history": may("view", "change"),
        "delete": may("delete"),
    }[view]
    return 200 if allowed else 403


def admin_app_expected(app_label: str, role: str, perms):
    """An app's admin index: listed to a group holding any permission on one of the
    app's admin models, "not found" to the others."""
    if gate := admin_gate(role):
        return gate
    models = {
        m._meta.model_name
        for m in admin.site._registry
        if m._meta.app_label == app_label
    }
    held = any(
        p.split(".", 1)[0] == app_label and p.split("_", 1)[1] in models
        for p in perms[role]
    )
    return 200 if held else 404


# --- Running the cells ----------------------------------------------------------------


def clients(world) -> dict[str, Client]:
    """One client per role, signed in as its user (two-factor is on the account;
    ``force_login`` skips the code prompt as a completed sign-in would)."""
    found = {}
    for role in ROLES:
        # A crash is a cell that answered 500, listed with the others.
        client = Client(raise_request_exception=False)
        if world.users[role] is not None:
            client.force_login(world.users[role])
        found[role] = client
    return found


def describe(response) -> str:
    if response.status_code in (301, 302):
        return f"{response.status_code} → {urlsplit(response['Location']).path}"
    return str(response.status_code)


def answers(response, want, world) -> bool:
    if isinstance(want, Go):
        return response.status_code == 302 and urlsplit(
            response["Location"]
        ).path == want.path(world)
    return response.status_code == want


def mismatch_report(mismatches: list[tuple]) -> str:
    lines = [f"{len(mismatches)} cell(s) answered otherwise than the matrix says:"]
    for method, url, role, got, want in mismatches:
        lines.append(f"  {method} {url:<58} {role:<16} got {got:<26} expected {want}")
    return "\n".join(lines)
