"""Tables of already formatted cells, drawn as GitHub-flavoured Markdown or aligned text.

Templates draw :class:`Table` values with their own macros (``templates/shared``); commands
that print tables without a template (``trygg compare``) use :func:`markdown` and :func:`text`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import ClassVar

from trygghet_cli.render.templating import md_escape


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = field(default=())
    """Per column: right-aligned (numbers) or not."""
    caption: str = ""

    __template_methods__: ClassVar[tuple[str, ...]] = ("right",)
    """What a template may call on a table: ``tb.right(loop.index0)``."""

    def right(self, column: int) -> bool:
        return column < len(self.numeric) and self.numeric[column]

    def __bool__(self) -> bool:
        return bool(self.rows)


def markdown(table: Table) -> str:
    """A GFM table; every cell is escaped, so plan text stays text."""
    head = "| " + " | ".join(md_escape(h) for h in table.headers) + " |"
    rule = "|" + "|".join("---:" if table.right(i) else "---" for i in range(len(table.headers)))
    body = ["| " + " | ".join(md_escape(c) or " " for c in row) + " |" for row in table.rows]
    return "\n".join([head, rule + "|", *body]) + "\n"


def width(text: str) -> int:
    """Columns a string takes in a terminal (wide characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text(table: Table) -> str:
    """Aligned columns for a terminal or a log, separated by two spaces."""
    cells = [list(table.headers), *[list(r) for r in table.rows]]
    widths = [max(width(row[i]) for row in cells) for i in range(len(table.headers))]
    lines = []
    for n, row in enumerate(cells):
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - width(cell))
            parts.append(pad + cell if table.right(i) and n > 0 else cell + pad)
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
