"""Inputs that made trygg fail with an internal error (exit 3) are findings or clear errors.

Each attack from issue 12's list ends as exit 1 (a mistake in a plan or a template, with its
file and line) or exit 2 (a mistake on the command line), never as a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run


@pytest.mark.parametrize(
    "forged",
    [
        [None, [], [["TRY999", 1, 1, [], None, "", None, None, None]]],
        [None, [["TRY301", 1, 1, [["kind", 5]], "nej", "", None, None, None]], []],
        [None, [], [["TRY301", "x", 1, [], None, "", None, None, None]]],
        [None, [], [["TRY301", 1, 1, [["masked", [1, 2]]], None, "", None, None, None]]],
        [None, [], [["TRY301", 1, 1, [], None, "", "x", None, None]]],
    ],
)
def test_a_forged_cache_entry_is_passed_over(
    run: Run, plan: Path, tmp_path: Path, forged: list[object]
) -> None:
    """The cache is JSON that anyone with write access to it may edit: an entry that names a
    rule trygg does not have, or holds values of the wrong kind, is read as no entry."""
    env = {"TRYGG_CACHE_DIR": str(tmp_path / "cache")}
    assert run("validate", str(plan), env=env).exit_code == 0
    (stored,) = (tmp_path / "cache").rglob("*.json")
    entries = json.loads(stored.read_text(encoding="utf-8"))
    for key in entries["files"]:
        entries["files"][key] = forged
    stored.write_text(json.dumps(entries), encoding="utf-8")
    result = run("validate", str(plan), env=env)
    assert result.exit_code == 0, result.output
    assert "TRY999" not in result.output and "internt fel" not in result.output
