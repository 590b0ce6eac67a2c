"""Helpers for the deadline tests: run the core on a plan folder as of a day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from trygghet_cli.followup.base import Deadline, Kind, Window
from trygghet_cli.followup.deadlines import find_deadlines


def deadlines(plan: Path, as_of: date, within: int = 30) -> list[Deadline]:
    result = find_deadlines([plan], Window(as_of, within))
    assert result.diagnostics == [], [d.message("en") for d in result.diagnostics]
    return result.deadlines


def of_kind(plan: Path, kind: Kind, as_of: date, within: int = 30) -> list[Deadline]:
    return [d for d in deadlines(plan, as_of, within) if d.kind is kind]


def summary(items: list[Deadline]) -> list[tuple[str, str, str, str]]:
    """(rule, key, status, date) of each deadline, for compact assertions."""
    return [(d.rule, d.key, d.status.value, d.date.isoformat()) for d in items]


def message(item: Deadline, lang: str = "sv") -> str:
    return item.diagnostic.message("en" if lang == "en" else "sv")
