"""Which decisions can be appealed, declared by the apps that make them.

The core does not import the apps; each registers its decisions at start-up::

    register(Application, noun="eligibility decision", owner=lambda a: a.user_id,
             decision=lambda a: a.decision_reason,
             appealable=lambda a: a.status == ApplicationStatus.REJECTED)
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Appealable:
    model: type
    noun: str  # "eligibility decision", "course completion decision"…
    owner: Callable  # obj -> the user id allowed to appeal it
    decision: Callable  # obj -> the decision and its reason, in words
    appealable: Callable  # obj -> whether it is (still) a decision to appeal
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
