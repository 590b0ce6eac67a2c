"""The layers show in the imports: no package imports one that imports it back, no module cycles.

Every ``import`` counts, at the top of a module or inside a function (a function-level import
is a cycle put off, not a cycle gone).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import trygghet_cli

PACKAGE = Path(trygghet_cli.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target.startswith("trygghet_cli"):
                yield target


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: set(_imports(name, path, known)) for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle in ``graph``, as the list of its nodes, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _layer(module: str) -> str:
    """The package a module belongs to (``trygghet_cli.render``), or itself at the top."""
    parts = module.split(".")
    return ".".join(parts[:2])


def test_no_module_imports_itself_back() -> None:
    graph = _graph()
    # A package's __init__ importing its own modules is not a cycle between layers.
    graph = {m: {t for t in ts if not m.startswith(t + ".")} for m, ts in graph.items()}
    assert _cycle(graph) is None


def test_no_package_imports_itself_back() -> None:
    layers: dict[str, set[str]] = {}
    for module, targets in _graph().items():
        own = _layer(module)
        layers.setdefault(own, set()).update(_layer(t) for t in targets if _layer(t) != own)
    assert _cycle(layers) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def _language_branches(path: Path) -> list[str]:
    """Comparisons with ``"sv"`` or ``"en"`` and parameters named ``lang`` in a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare):
            values = [node.left, *node.comparators]
            if any(isinstance(v, ast.Constant) and v.value in ("sv", "en") for v in values):
                found.append(f"{path.name}:{node.lineno}: compares with a language")
        elif isinstance(node, ast.arg) and node.arg == "lang":
            found.append(f"{path.name}:{node.lineno}: takes a language")
    return found


def test_the_model_has_no_language_branches() -> None:
    """The model holds the plan's facts; words in Swedish or English for them are made in
    trygghet_cli/wording.py (cadences, periods, weeks) and the renderers."""
    found = [
        f for path in sorted((PACKAGE / "model").glob("*.py")) for f in _language_branches(path)
    ]
    assert found == []


def test_the_check_sees_a_language_branch(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'def label(self, lang):\n    return "a" if lang == "sv" else "b"\n', encoding="utf-8"
    )
    assert _language_branches(sample) == [
        "sample.py:1: takes a language",
        "sample.py:2: compares with a language",
    ]
