"""The invariants of the whole database: rules every row obeys, whatever wrote it.

The services and transitions enforce the program's rules as records change; these
checks read the stored result afterwards (``manage.py check_data``), so data written
another way (a bulk import, a hand-edited row, a generator) cannot contradict the
rules unnoticed. Each app registers the checks of its own records in its
``invariants.py``, found at start of a run like the state machines; the core names
no app.

A check yields ``Violation``s and reads in chunks (``CHUNK`` rows at a time, with
``iterator``, ``values_list`` and aggregate queries), so memory stays bounded however
many candidates there are.
"""

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules

CHUNK = 2000


@dataclass(frozen=True)
class Violation:
    """One row breaking one rule: ``model`` is a label such as
    ``candidates.Certification`` (or ``storage`` for a file)."""

    model: str
    pk: object
    rule: str
    detail: str

    def __str__(self):
        return f"{self.model} {self.pk}: {self.rule} — {self.detail}"


@dataclass(frozen=True)
class Invariant:
    name: str
    rule: str
    check: Callable[[], Iterable[Violation]]

    def violation(self, obj_or_model, pk, detail: str) -> Violation:
        """A violation of this rule by the row ``pk`` of a model (or a label)."""
        label = getattr(getattr(obj_or_model, "_meta", None), "label", obj_or_model)
        return Violation(str(label), pk, self.rule, detail)


_invariants: dict[str, Invariant] = {}


def register_invariant(name: str, rule: str) -> Callable:
    """Decorate ``check(invariant)``, a generator of violations, as the check of
    ``rule`` (a sentence a program officer reads)."""

    def register(check):
        known = _invariants.get(name)
        if known and known.rule != rule:
            raise ValueError(f"An invariant named {name!r} is registered already.")
        _invariants[name] = Invariant(name, rule, lambda: check(_invariants[name]))
        return check

    return register


def invariants() -> list[Invariant]:
    """Every registered invariant of the installed apps, by name."""
    autodiscover_modules("invariants")
    return [_invariants[name] for name in sorted(_invariants)]


def chunks(rows: Iterable, size: int = CHUNK) -> Iterator[list]:
    """``rows`` (a queryset's ``iterator``, say) in lists of at most ``size``."""
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


# Columns that hold the name of a stored file without being a ``FileField`` (a mail's
# attachment): a file they name has an owner.
_file_references: list[tuple[type, str]] = []


def register_file_reference(model, field: str) -> None:
    if (model, field) not in _file_references:
        _file_references.append((model, field))


def file_references() -> list[tuple[type, str]]:
    autodiscover_modules("invariants")
    return list(_file_references)
