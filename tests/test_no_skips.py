"""No test passes by being skipped when what it guards is missing.

A test that skips when an example, a browser, a shell or a Node tool is absent passes exactly
when the regression it guards has happened (a renamed example, a CI machine without npm). Such
tests fail instead, saying what to install; ``.ci/run`` installs all of it.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent
SKIPPING = {"skip", "skipif", "importorskip", "xfail"}


def _skips(text: str, name: str) -> list[str]:
    tree = ast.parse(text)
    return [
        f"{name}:{node.lineno}: pytest.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in SKIPPING
        and (
            (isinstance(node.value, ast.Name) and node.value.id == "pytest")
            or (isinstance(node.value, ast.Attribute) and node.value.attr == "mark")
        )
    ]


def test_no_test_skips() -> None:
    found = [
        skip
        for path in sorted(TESTS.rglob("*.py"))
        if "node_modules" not in path.parts
        for skip in _skips(path.read_text(encoding="utf-8"), str(path.relative_to(TESTS.parent)))
    ]
    assert found == []


def test_the_check_finds_a_skip() -> None:
    sample = (
        "import pytest\n\n@pytest.mark.skipif(True, reason='x')\ndef test_a():\n"
        "    pytest.skip('gone')\n    pytest.importorskip('vobject')\n"
    )
    assert sorted(_skips(sample, "sample.py")) == [
        "sample.py:3: pytest.skipif",
        "sample.py:5: pytest.skip",
        "sample.py:6: pytest.importorskip",
    ]
