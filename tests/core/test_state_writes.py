"""No code but a ``transitions.py`` changes a record's state.

Read from the source, so a new shortcut (``obj.status = …``, ``.update(state=…)``)
fails here before it can skip the lock, the allowed-states check or the audit entry
that every named transition makes.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STATE_FIELDS = {"status", "state"}
PACKAGES = [
    "lssc",
    "candidates",
    "portfolios",
    "courses",
    "evaluations",
    "renewals",
    "demo",
]


def _sources():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts or path.name == "transitions.py":
                continue
            yield path


def _keywords(call: ast.Call) -> set[str]:
    names = {k.arg for k in call.keywords if k.arg}
    for k in call.keywords:  # update_or_create(defaults={"status": …})
        if k.arg in ("defaults", "create_defaults") and isinstance(k.value, ast.Dict):
            names |= {
                key.value for key in k.value.keys if isinstance(key, ast.Constant)
            }
    return names


def state_writes(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            for part in ast.walk(target):
                if isinstance(part, ast.Attribute) and part.attr in STATE_FIELDS:
                    found.append((node.lineno, f"assigns .{part.attr}"))
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("update", "update_or_create") and _keywords(node) & STATE_FIELDS:
            found.append((node.lineno, f"{name}() of a state field"))
        if name == "setattr" and len(node.args) > 1:
            arg = node.args[1]
            if isinstance(arg, ast.Constant) and arg.value in STATE_FIELDS:
                found.append((node.lineno, f"setattr(…, {arg.value!r})"))
        if name == "bulk_update":
            literals = {n.value for n in ast.walk(node) if isinstance(n, ast.Constant)}
            if literals & STATE_FIELDS:
                found.append((node.lineno, "bulk_update() of a state field"))
    return found


def test_the_check_finds_each_kind_of_write():
    code = (
        "p.status = 'x'\n"
        "a.b.state = 'y'\n"
        "Portfolio.objects.filter(pk=1).update(status='x')\n"
        "Renewal.objects.update_or_create(pk=1, defaults={'status': 'x'})\n"
        "setattr(p, 'state', 'x')\n"
        "Mail.objects.bulk_update(rows, ['state'])\n"
        "Portfolio.objects.filter(status='x')\n"  # a read: not a write
    )
    assert [line for line, _ in state_writes(ast.parse(code))] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    "path", list(_sources()), ids=lambda p: str(p.relative_to(ROOT))
)
def test_no_state_is_written_outside_transitions(path):
    writes = state_writes(ast.parse(path.read_text(), filename=str(path)))
    assert not writes, "\n".join(
        f"{path.relative_to(ROOT)}:{line}: {what}; use a named transition"
        for line, what in writes
    )
