"""How to make a record of each stateful model in any state, for the generic tests.

Each app's ``tests/<app>/state_world.py`` registers a ``World`` per state machine
(by the machine's label, ``"portfolios.Portfolio.status"``). The tests in this
folder then try every transition from every state on it: the allowed ones must
move the record, write one audit entry and queue each mail once; the others must
be refused and change nothing; and two at once on one row must leave one result.

A world may write the state field directly: tests build situations, they do not
change state in the program's name.
"""

import importlib
from pathlib import Path

WORLDS: dict[str, "World"] = {}


def world(label: str):
    def register(cls):
        WORLDS[label] = cls()
        return cls

    return register


class World:
    def make(self, state: str):
        """A saved record in ``state``, with what its transitions need around it."""
        raise NotImplementedError

    def kwargs(self, transition, obj) -> dict:
        """The keyword arguments an allowed call of ``transition`` takes (``by``…).

        Also the place to make the record's preconditions true (a set of narratives
        complete, an assignment's scores entered) before the call.
        """
        return {}


def load_worlds() -> dict[str, World]:
    root = Path(__file__).resolve().parents[1]
    for path in sorted(root.glob("*/state_world.py")):
        importlib.import_module(f"tests.{path.parent.name}.state_world")
    return WORLDS
