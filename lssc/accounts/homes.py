"""Each person's home: the page about their own work that sign-in lands on, and the
homes the navigation lists for someone who holds more than one role.

The roles other than staff belong to apps above this layer, so each app registers
its home at start-up with the rows that make someone hold it::

    from lssc.accounts.homes import register_home
    register_home(
        "evaluator",
        label="My evaluations",
        url_name="evaluations:dashboard",
        held=lambda: Evaluator.objects.filter(user=OuterRef("pk")),
    )

Which roles a person holds is asked in one query however many roles there are, and
once per request (the answer is kept on the user object).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Exists, QuerySet
from django.shortcuts import redirect
from django.urls import reverse

# The order homes are listed in; sign-in lands on the first a person holds. Work
# that others wait on (the office's queues, reviews, a provider's courses) comes
# before the person's own certification, which is one click away in the menu.
ORDER = ("staff", "evaluator", "provider", "candidate")


class Home(NamedTuple):
    role: str
    label: str
    url: str


@dataclass(frozen=True)
class _Role:
    label: str
    url_name: str
    # A queryset of the rows that make a user hold the role, filtered on
    # ``OuterRef("pk")`` of the user; ``None`` when the user object says it.
    held: Callable[[], QuerySet] | None


_roles: dict[str, _Role] = {
    # Staff with or without two-factor: the staff pages send those without it to
    # enrol first.
    "staff": _Role("Work waiting", "staff_dashboard", None),
}


def register_home(
    role: str, *, label: str, url_name: str, held: Callable[[], QuerySet]
) -> None:
    if role not in ORDER:
        raise ValueError(f"Give the role {role!r} its place in ORDER first.")
    _roles[role] = _Role(label, url_name, held)


def _held(user) -> set[str]:
    roles = {"staff"} if user.is_staff else set()
    queried = {role: r.held for role, r in _roles.items() if r.held is not None}
    if queried:
        # Named apart from the user's fields ("evaluator" is a reverse relation).
        names = {f"holds_{role}": role for role in queried}
        row = (
            get_user_model()
            .objects.filter(pk=user.pk)
            .annotate(**{name: Exists(queried[r]()) for name, r in names.items()})
            .values(*names)
            .first()
        )
        roles |= {names[name] for name, holds in (row or {}).items() if holds}
    return roles


def homes_of(user) -> list[Home]:
    """The homes of ``user``, in ``ORDER``; none for a visitor or someone who has
    not yet applied, evaluated, offered courses or joined the staff."""
    if not user.is_authenticated:
        return []
    found = getattr(user, "_homes", None)
    if found is None:
        held = _held(user)
        found = user._homes = [
            Home(role, _roles[role].label, reverse(_roles[role].url_name))
            for role in ORDER
            if role in held and role in _roles
        ]
    return found


def home_of(user) -> Home | None:
    """Where ``user`` lands after signing in; ``None``: the public home."""
    homes = homes_of(user)
    return homes[0] if homes else None


def not_your_home(request, explanation: str):
    """The answer of a role's home to someone who does not hold the role: the public
    home, with a word on why and how to get there, rather than a refusal."""
    messages.info(request, explanation)
    return redirect("home")
