"""One way to do each thing (issue 18), each kept by a guard over the source:

* one Jinja2 set-up: only :mod:`trygghet_cli.sandbox` builds an environment.
"""

from __future__ import annotations

import ast
from pathlib import Path

import trygghet_cli

PACKAGE = Path(trygghet_cli.__file__).parent


def _sources(*allowed: str) -> list[tuple[str, Path]]:
    """(name relative to the package, path) of every module but ``allowed``."""
    found = ((p.relative_to(PACKAGE).as_posix(), p) for p in sorted(PACKAGE.rglob("*.py")))
    return [(name, path) for name, path in found if name not in allowed]


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _environments(name: str, path: Path) -> list[str]:
    """Calls that build a Jinja2 environment: ``Environment(...)``, ``jinja2.Environment(...)``,
    ``SandboxedEnvironment(...)`` and the like."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called.endswith("Environment"):
                found.append(f"{name}:{node.lineno}: builds a Jinja2 environment")
    return found


def test_only_the_sandbox_builds_a_jinja_environment() -> None:
    """Every template, trygg's own ``init`` templates too, renders in the one sandbox."""
    found = [f for name, path in _sources("sandbox.py") for f in _environments(name, path)]
    assert found == []


def test_the_check_sees_an_environment(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import jinja2\nfrom jinja2 import Environment\n"
        "a = jinja2.Environment()\nb = Environment(loader=None)\n",
        encoding="utf-8",
    )
    assert _environments("sample.py", sample) == [
        "sample.py:3: builds a Jinja2 environment",
        "sample.py:4: builds a Jinja2 environment",
    ]
