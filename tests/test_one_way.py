"""One way to do each thing (issue 18), each kept by a guard over the source:

* one Jinja2 set-up: only :mod:`trygghet_cli.sandbox` builds an environment;
* one way to say a thing in two languages: a ``Text(sv, en)`` picked by the language, no
  ``lang == "sv"`` branches outside :mod:`trygghet_cli.i18n` (``Text`` itself, and reading
  ``--lang``) and :mod:`trygghet_cli.wording` (the one formatting module).
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
    found: list[tuple[int, str]] = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called.endswith("Environment"):
                found.append((node.lineno, f"{name}:{node.lineno}: builds a Jinja2 environment"))
    return [f for _, f in sorted(found)]


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


LANGUAGES = ("sv", "en")


def _language_branches(name: str, path: Path) -> list[str]:
    """Comparisons with a language: ``lang == "sv"``, ``"en" != lang``, ``lang in ("sv",)``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(_tree(path)):
        if not isinstance(node, ast.Compare):
            continue
        values = [node.left, *node.comparators]
        constants = [v for v in values if isinstance(v, ast.Constant)] + [
            e for v in values if isinstance(v, (ast.Tuple, ast.List, ast.Set)) for e in v.elts
        ]
        if any(isinstance(c, ast.Constant) and c.value in LANGUAGES for c in constants):
            found.append((node.lineno, f"{name}:{node.lineno}: branches on the language"))
    return [f for _, f in sorted(found)]


def test_no_language_branches_outside_text_and_wording() -> None:
    """Words in both languages are a ``Text`` (or a mapping by language) chosen where shown."""
    found = [
        f
        for name, path in _sources("i18n.py", "wording.py")
        for f in _language_branches(name, path)
    ]
    assert found == []


def test_the_check_sees_a_language_branch(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'def f(lang, sv):\n    a = "x" if lang == "sv" else "y"\n    b = "en" != lang\n'
        '    c = lang in ("en",)\n    d = sv == "svenska"\n    return a, b, c, d\n',
        encoding="utf-8",
    )
    assert _language_branches("sample.py", sample) == [
        "sample.py:2: branches on the language",
        "sample.py:3: branches on the language",
        "sample.py:4: branches on the language",
    ]
