"""Where an indicator's value applies, as ``trygg indicator set --geography`` names it: a
level and, below the kommun, a name (``lokalpolisområde:Norra Västmanland``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trygghet_cli.model.indicators import Level


@dataclass(frozen=True)
class Geography:
    level: Level
    name: str | None = None

    def __str__(self) -> str:
        """As written on the command line: ``kommun``, ``lokalpolisområde:Norra Västmanland``."""
        return f"{self.level.value}:{self.name}" if self.name else self.level.value

    @staticmethod
    def parse(text: str) -> Geography:
        """``kommun`` or ``lokalpolisområde:Norra Västmanland``; ValueError otherwise."""
        level_text, _, name = text.partition(":")
        level = Level(level_text.strip())
        return Geography(level, name.strip() or None)

    def matches(self, node: Any) -> bool:
        if not isinstance(node, dict):
            return False
        return str(node.get("nivå")) == self.level.value and (node.get("namn") or None) == (
            self.name
        )

    def items(self) -> dict[str, Any]:
        return {"nivå": self.level.value, "namn": self.name}

    def label(self) -> str:
        return f"{self.level.value} {self.name}" if self.name else self.level.value


KOMMUN = Geography(Level.MUNICIPALITY)
"""The kommun as a whole: where a value applies unless told otherwise."""
