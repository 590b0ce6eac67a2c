"""Typer's private parts are reached in one module; a bug in trygg is never taken for an old Typer.

trygg's usage errors and help screens in Swedish read Typer and the Click it vendors, which have
no public names for what is read: src/trygghet_cli/cli/typer_adapter.py does it, nowhere else
does, and its one probe (a Typer without ``type_descriptor``) catches around that attribute
alone. The help and usage tests run against the newest Typer too (``make typer-latest``).
"""

from __future__ import annotations

import ast
import types
from pathlib import Path

import pytest
import typer

import trygghet_cli
from tests.conftest import ROOT, Run

PACKAGE = Path(trygghet_cli.__file__).parent
ADAPTER = PACKAGE / "cli" / "typer_adapter.py"
PUBLIC_TYPER = {
    name
    for name in dir(typer)
    if not name.startswith("_") and not isinstance(getattr(typer, name), types.ModuleType)
}


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _reaches_into_typer(tree: ast.AST) -> list[str]:
    """Imports of Typer's or Click's modules, and ``typer.x`` where x is not Typer's public API."""
    found: list[str] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found += [
                f"{node.lineno}: import {name}"
                for name in names
                if name.startswith(("typer.", "click"))
            ]
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "typer"
            and node.attr not in PUBLIC_TYPER
        ):
            found.append(f"{node.lineno}: typer.{node.attr}")
    return found


def test_only_the_adapter_reaches_into_typer() -> None:
    outside = {
        str(path.relative_to(ROOT)): found
        for path in _sources()
        if path != ADAPTER
        and (found := _reaches_into_typer(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert outside == {}, "use trygghet_cli.cli.typer_adapter"
    assert _reaches_into_typer(ast.parse(ADAPTER.read_text(encoding="utf-8")))


def _catches(handler: ast.ExceptHandler, names: set[str]) -> bool:
    caught = handler.type
    elements = caught.elts if isinstance(caught, ast.Tuple) else [caught]
    return any(isinstance(e, ast.Name) and e.id in names for e in elements)


def test_a_probe_catches_around_one_attribute_only() -> None:
    """``except AttributeError`` around trygg's own code would take a bug for an old Typer."""
    wide: list[str] = []
    for path in sorted((PACKAGE / "cli").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Try):
                continue
            if not any(_catches(h, {"AttributeError", "TypeError"}) for h in node.handlers):
                continue
            [statement] = node.body if len(node.body) == 1 else [None]
            value = getattr(statement, "value", None)
            if not isinstance(value, ast.Attribute):
                wide.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wide == []


class _Broken:
    """Stands for a bug in trygg's wording: any use raises AttributeError."""

    def __getattr__(self, name: str) -> object:
        raise AttributeError(f"bug in trygg: {name}")


def test_a_bug_in_the_wording_of_a_usage_error_is_not_hidden(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trygghet_cli.cli import usage_errors

    monkeypatch.setattr(usage_errors, "ERROR", _Broken())
    with pytest.raises(AttributeError, match="bug in trygg"):
        run("validate", "--bogus")


def test_a_bug_in_the_lines_of_a_help_screen_is_not_hidden(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trygghet_cli.cli import help_screen

    monkeypatch.setattr(help_screen, "METAVARS_EN", _Broken())
    with pytest.raises(AttributeError, match="bug in trygg"):
        run("validate", "-h", "--lang", "en")
