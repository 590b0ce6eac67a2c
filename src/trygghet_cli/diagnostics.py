"""The one kind of finding: a :class:`Diagnostic`, made by the core and shown by any reporter."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from trygghet_cli.i18n import Lang, Text
from trygghet_cli.identity_numbers import mask_identity_numbers
from trygghet_cli.rules import RULES, ArgValue, Severity

__all__ = [
    "ArgValue",
    "Diagnostic",
    "Severity",
    "anchor_text",
    "make",
    "pointer_path",
    "pointer_text",
    "sort_diagnostics",
]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding at one place in one file.

    ``args`` fill the rule's message and hint templates (see :mod:`trygghet_cli.rules`), so the
    same diagnostic can be shown in Swedish or English. ``pointer`` is the path of keys and
    indices to the value inside the document (``organ[2].ordförande``); ``anchor`` is the same
    path with each list position replaced by the item's id where it has one
    (``organ[id=est-grupp].ordförande``, see :func:`anchor_text`), which stays the same when an
    item is inserted above. Fingerprints are made from it (:attr:`place`).
    """

    rule: str
    file: str
    line: int
    column: int
    args: tuple[tuple[str, ArgValue], ...] = ()
    severity: Severity | None = None
    pointer: str = ""
    end_line: int | None = None
    end_column: int | None = None
    hint_override: Text | None = field(default=None, compare=False)
    anchor: str = field(default="", compare=False)

    @property
    def level(self) -> Severity:
        return self.severity or RULES[self.rule].severity

    def message(self, lang: Lang) -> str:
        """The message, with any identity number in it masked (it may quote a plan's value)."""
        return mask_identity_numbers(RULES[self.rule].render_message(dict(self.args), lang))

    def hint(self, lang: Lang) -> str | None:
        text: str | None
        if self.hint_override is not None:
            text = self.hint_override(lang)
        else:
            text = RULES[self.rule].render_hint(dict(self.args), lang)
        return None if text is None else mask_identity_numbers(text)

    @property
    def place(self) -> str:
        """What identifies the finding within its file, without its line: the anchor (or the
        pointer) when it points at a value, else its arguments (a personnummer in a comment,
        a tab in the indentation). Identity numbers in it are masked."""
        where = self.anchor or self.pointer
        if not where:
            where = repr(self.args)
        return mask_identity_numbers(where)

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        """By file and position; at one position errors first, then warnings, then notes."""
        return (self.file, self.line, self.column, -self.level.rank, self.rule, self.pointer)


def make(
    rule: str,
    file: str,
    line: int,
    column: int,
    *,
    pointer: str = "",
    severity: Severity | None = None,
    hint: Text | None = None,
    **args: ArgValue,
) -> Diagnostic:
    """Build a diagnostic; keyword arguments fill the rule's templates."""
    return Diagnostic(
        rule=rule,
        file=file,
        line=line,
        column=column,
        args=tuple(sorted(args.items())),
        severity=severity,
        pointer=pointer,
        hint_override=hint,
    )


def sort_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by file and position, duplicates removed: a deterministic order for every format."""
    unique = {(d.sort_key(), d.args, d.severity): d for d in diags}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[0], repr(k[1])))]


def pointer_text(path: Iterable[str | int]) -> str:
    """``("organ", 2, "ordförande")`` → ``organ[2].ordförande``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_STEP = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


def pointer_path(pointer: str) -> tuple[str | int, ...]:
    """The inverse of :func:`pointer_text`: ``organ[2].ordförande`` → ``("organ", 2,
    "ordförande")``. A key with a ``.`` or ``[`` in it cannot be told apart; the anchor made
    from such a path finds no item there and keeps the positions as numbers."""
    return tuple(
        int(index) if index else key for index, key in _STEP.findall(pointer) if index or key
    )


def anchor_text(path: Iterable[str | int], data: Any) -> str:
    """:func:`pointer_text` with each list position whose item has an ``id`` written as that id:
    ``("åtgärder", 1, "senast")`` in a meeting whose second action is ``a-2`` →
    ``åtgärder[id=a-2].senast``. Positions without an id stay numbers."""
    out = ""
    node = data
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            out += f"[id={ident}]" if isinstance(ident, (str, int)) else f"[{part}]"
            node = item
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out
