"""The import graph runs one way: each layer imports only itself and the layers below.

The layers are read from ``docs/architecture.md``, so the page and the code agree.
Imports are read from the source (module level and inside functions alike: a lazy
import is still a dependency), so a new arrow upwards or a pair of files importing
each other fails here rather than in a circular-import error at start-up.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _layers() -> list[list[str]]:
    """The layers as ``docs/architecture.md`` lists them, lowest first."""
    text = (ROOT / "docs" / "architecture.md").read_text()
    block = text.split("<!-- layers:start -->")[1].split("<!-- layers:end -->")[0]
    lines = [line for line in block.splitlines() if line and not line.startswith("`")]
    return [[p.strip() for p in line.split(",")] for line in reversed(lines)]


LAYERS = _layers()
RANK = {package: rank for rank, line in enumerate(LAYERS) for package in line}
TOP = ["lssc", "candidates", "portfolios", "courses", "evaluations", "renewals", "demo"]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found = {}
    for top in TOP:
        for path in (ROOT / top).rglob("*.py"):
            if "migrations" not in path.parts:
                found[_module_name(path)] = path
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets.add(base)
            targets |= {f"{base}.{alias.name}" for alias in node.names}
    # Keep the project's own modules, by their longest known name.
    resolved = set()
    for target in targets:
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name:
            resolved.add(target)
    return resolved


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports_of(name, path, set(found)) for name, path in found.items()}


def layer(module: str) -> str | None:
    candidates = [p for p in RANK if module == p or module.startswith(p + ".")]
    return max(candidates, key=len) if candidates else None


def test_no_import_runs_up_a_layer():
    upward = sorted(
        f"{source} imports {target}"
        for source, targets in graph().items()
        for target in targets
        if layer(source) and layer(target) and RANK[layer(target)] > RANK[layer(source)]
    )
    assert not upward, "\n".join(upward)


def test_every_package_has_a_layer():
    missing = sorted({m for m in graph() if layer(m) is None and m != "lssc"})
    assert not missing, f"Give these a layer in LAYERS and the docs: {missing}"


def test_no_files_import_each_other():
    edges = graph()
    # Strongly connected components (Tarjan): any with two or more files is a loop.
    index, low, stack, on_stack, loops = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                loops.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    assert not loops, "\n".join(" <-> ".join(loop) for loop in loops)
