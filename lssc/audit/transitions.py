"""The one way a record changes state.

Each stateful model has a ``StateMachine`` declared in its app's ``transitions.py``,
and each change of state is a named transition there::

    machine = StateMachine(Portfolio, "status", owner=lambda p: p.candidate.user,
                           error=PortfolioError)

    @machine.transition(source=[DRAFT], target=AWAITING_PAYMENT,
                        action="portfolio.submitted", summary="Portfolio submitted")
    def submit(change):
        change.on_commit(lambda: ...)   # mail, signal, task: after the commit

    submit(portfolio, by=request.user)

Calling a transition, in one transaction: the row is locked (``SELECT … FOR
UPDATE``) and read afresh; a state the transition does not start from raises
``TransitionNotAllowed`` (a ``DomainError``: the person sees its message, nothing
changes); the new state is set, the transition's own body runs (other fields,
related rows), the row is saved and exactly one audit entry is written (who, when,
from, to, why). Side effects the body registers with ``change.on_commit`` run only
once the transaction commits, so a rolled-back change sends no mail.

No other code assigns a state field: ``tests/core/test_state_writes.py`` reads the
source to keep it so. The machines also draw themselves (``manage.py
state_diagrams``) for ``docs/architecture.md``.

Why our own ~200 lines rather than django-fsm-2 or viewflow's FSM: both change the
state in memory on a method call and leave locking, re-reading, auditing and
after-commit effects to every caller, which is the repetition this replaces; and a
``protected`` FSM field breaks ``refresh_from_db`` and the admin's history views.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models, transaction
from django.utils.module_loading import autodiscover_modules

from lssc.core.errors import DomainError

from .services import audit_log


class TransitionNotAllowed(DomainError):
    """The record is in a state this transition does not start from."""

    def __init__(self, message, *, transition: Transition | None = None, state=None):
        super().__init__(message)
        self.transition = transition
        self.state = state


@dataclass
class Change:
    """One transition being made; the transition's body reads and adjusts it."""

    obj: models.Model
    by: object  # the user acting, or None for the system (a webhook, a task)
    source: str
    target: str
    summary: str
    reason: str = ""
    owner: object = None

    def on_commit(self, effect: Callable[[], object]) -> None:
        """Run ``effect`` once the change is committed (never if it rolls back)."""
        transaction.on_commit(effect)


class Transition:
    def __init__(self, machine, func, *, source, target, action, summary, verb=""):
        self.machine = machine
        self.func = func
        self.name = func.__name__
        self.verb = verb or self.name.replace("_", " ")
        self.sources = frozenset(_states(source))
        self.targets = tuple(_states(target))
        self.action = action
        self.summary = summary
        functools.update_wrapper(self, func)

    def __repr__(self):
        return f"<Transition {self.machine.label}.{self.name}>"

    def allowed_from(self, state) -> bool:
        return state in self.sources

    def __call__(self, obj_or_pk, **call):
        """Make the transition; returns the record, locked and saved.

        Takes ``by``, ``reason``, ``to`` (where there are several targets) and the
        body's own keyword arguments.
        """
        return self._run(obj_or_pk, refuse=True, **call)

    def if_allowed(self, obj_or_pk, **call):
        """The transition if the record's state allows it, else ``None``.

        For what may arrive twice (a webhook retried, a double click): the second
        call finds the state already moved on and does nothing.
        """
        return self._run(obj_or_pk, refuse=False, **call)

    def _run(self, obj_or_pk, *, refuse, by=None, reason="", to=None, **kwargs):
        with transaction.atomic():
            obj = self.machine.lock(obj_or_pk)
            source = self.machine.state_of(obj)
            if not self.allowed_from(source):
                if refuse:
                    raise self.machine.refusal(self, source)
                return None
            self._apply(obj, source, by=by, reason=reason, to=to, **kwargs)
        if isinstance(obj_or_pk, models.Model) and obj_or_pk is not obj:
            _copy_fields(obj, obj_or_pk)
        return obj

    def _apply(self, obj, source, *, by, reason, to, **kwargs) -> None:
        machine = self.machine
        change = Change(
            obj=obj,
            by=by,
            source=source,
            target=self._target(to),
            summary=self._summary(obj),
            reason=reason,
            owner=machine.owner(obj) if machine.owner else None,
        )
        setattr(obj, machine.field, change.target)
        self.func(change, **kwargs)
        obj.save()
        if machine.audit:
            audit_log(
                subject=obj,
                action=self.action,
                summary=change.summary,
                actor=by,
                owner=change.owner,
                from_state=source,
                to_state=machine.state_of(obj),
                reason=change.reason,
            )

    def _target(self, to):
        if to is None:
            if len(self.targets) != 1:
                raise TypeError(f"{self!r} needs to= one of {self.targets}")
            return self.targets[0]
        if to not in self.targets:
            raise ValueError(f"{self!r} cannot go to {to!r}")
        return to

    def _summary(self, obj) -> str:
        if callable(self.summary):
            return self.summary(obj)
        return self.summary.format(obj=obj)


class StateMachine:
    """The states of one model's field and the named transitions between them."""

    def __init__(
        self,
        model: type[models.Model],
        field: str = "status",
        *,
        owner: Callable | None = None,
        error: type[DomainError] = DomainError,
        audit: bool = True,
        select_related: Iterable[str] = (),
        noun: str | None = None,
    ):
        self.model = model
        self.field = field
        self.owner = owner
        self.error = error
        # Delivery bookkeeping (a mail sent, a task dispatched) is not a decision:
        # it is recorded on its own row, not in the audit trail people read.
        self.audit = audit
        self.select_related = tuple(select_related)
        self.noun = noun or model._meta.verbose_name
        self.transitions: dict[str, Transition] = {}
        # Caught as the app's own error and as any refused transition alike.
        self._refused = type(
            f"{error.__name__}NotAllowed", (TransitionNotAllowed, error), {}
        )
        _machines[self.label] = self

    @property
    def label(self) -> str:
        return f"{self.model._meta.label}.{self.field}"

    @property
    def choices(self) -> dict:
        return dict(self.model._meta.get_field(self.field).choices or ())

    @property
    def initial(self) -> str:
        return self.model._meta.get_field(self.field).get_default()

    def transition(
        self, *, source, target, action: str, summary, verb: str = ""
    ) -> Callable:
        """Declare the decorated function a transition; ``verb`` reads in a refusal:
        "This portfolio is under review: it cannot be {verb} now." """

        def register(func) -> Transition:
            made = Transition(
                self, func, source=source, target=target, action=action,
                summary=summary, verb=verb,
            )  # fmt: skip
            if made.name in self.transitions:
                raise ValueError(f"{self.label} already has a transition {made.name}")
            unknown = (made.sources | set(made.targets)) - set(self.choices)
            if unknown:
                raise ValueError(f"{made!r}: not states of {self.label}: {unknown}")
            self.transitions[made.name] = made
            return made

        return register

    def state_of(self, obj) -> str:
        return getattr(obj, self.field)

    def lock(self, obj_or_pk):
        pk = obj_or_pk.pk if isinstance(obj_or_pk, models.Model) else obj_or_pk
        rows = self.model._default_manager.all()
        if self.select_related:
            rows = rows.select_related(*self.select_related).select_for_update(
                of=("self",)
            )
        else:
            rows = rows.select_for_update()
        try:
            return rows.get(pk=pk)
        except self.model.DoesNotExist:
            raise self.error(f"This {self.noun} no longer exists.") from None

    def refusal(self, transition: Transition, state) -> DomainError:
        shown = self.choices.get(state, state)
        message = (
            f"This {self.noun} is {str(shown).lower()}: it cannot be "
            f"{transition.verb} now. Nothing was changed."
        )
        return self._refused(message, transition=transition, state=state)

    def edges(self) -> list[tuple[str, str, str]]:
        """``(from, to, transition name)`` for every allowed move, in a stable order."""
        return sorted(
            (source, target, t.name)
            for t in self.transitions.values()
            for source in t.sources
            for target in t.targets
        )

    def mermaid(self) -> str:
        lines = ["stateDiagram-v2"]
        if self.initial:
            lines.append(f"    [*] --> {self.initial}")
        lines += [f"    {a} --> {b}: {name}" for a, b, name in self.edges()]
        return "\n".join(lines)


_machines: dict[str, StateMachine] = {}


def machines() -> list[StateMachine]:
    """Every state machine of the installed apps, by model label."""
    autodiscover_modules("transitions")
    return [_machines[label] for label in sorted(_machines)]


def _states(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return list(value)


def _copy_fields(source, dest) -> None:
    for f in source._meta.concrete_fields:
        setattr(dest, f.attname, getattr(source, f.attname))
