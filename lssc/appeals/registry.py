"""Which decisions can be appealed, declared by the apps that make them.

The core does not import the apps; each registers its decisions at start-up::

    register(Application, noun="eligibility decision", owner=lambda a: a.user_id,
             owner_lookup="user", decision=lambda a: a.decision_reason,
             appealable=lambda a: a.status == ApplicationStatus.REJECTED,
             decided_at=lambda a: a.decided_at)

``decided_at`` is when the appellant was told the decision: the time allowed to
appeal (``APPEAL_DAYS``) runs from that day (``deadlines``).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

_LONG_AGO = datetime.datetime.min.replace(tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Appealable:
    model: type
    noun: str  # "eligibility decision", "course completion decision"…
    owner: Callable  # obj -> the user id allowed to appeal it
    owner_lookup: str  # the same as a query lookup: "user", "candidate__user"…
    decision: Callable  # obj -> the decision and its reason, in words
    appealable: Callable  # obj -> whether it is (still) a decision to appeal
    decided_at: Callable  # obj -> when the appellant was told it (None: not known)
    select_related: tuple = ()
    # (obj, *, appeal, by) -> reopen the decision; runs in the deciding transaction.
    upheld: Callable | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


_registry: dict[str, Appealable] = {}


def register(model, **fields) -> None:
    entry = Appealable(model=model, **fields)
    _registry[entry.label] = entry


def appealable(label: str) -> Appealable | None:
    return _registry.get(label)


def appeal_upheld(appeal, *, by) -> None:
    """Let the app whose decision was appealed reopen it (if it does so)."""
    model = appeal.subject_type.model_class()
    entry = appealable(model._meta.label_lower) if model else None
    if entry is not None and entry.upheld is not None:
        entry.upheld(appeal.subject, appeal=appeal, by=by)


def entry_for(subject) -> Appealable | None:
    return appealable(subject._meta.label_lower)


def decisions_of(user) -> list[tuple[Appealable, object]]:
    """Every decision ``user`` may appeal (time aside), newest first: for staff
    accepting a late appeal."""
    found = []
    for entry in _registry.values():
        rows = entry.model._default_manager.filter(**{entry.owner_lookup: user})
        if entry.select_related:
            rows = rows.select_related(*entry.select_related)
        found += [(entry, obj) for obj in rows if entry.appealable(obj)]
    return sorted(found, key=lambda pair: _told(*pair), reverse=True)


def _told(entry, obj) -> datetime.datetime:
    return entry.decided_at(obj) or _LONG_AGO


def appealable_object(label: str, pk: int, user):
    """The decision ``label``/``pk`` if ``user`` may appeal it now, else ``None``."""
    entry = appealable(label)
    if entry is None:
        return None, None
    rows = entry.model._default_manager.all()
    if entry.select_related:
        rows = rows.select_related(*entry.select_related)
    obj = rows.filter(pk=pk).first()
    if obj is None or entry.owner(obj) != user.pk or not entry.appealable(obj):
        return entry, None
    return entry, obj
