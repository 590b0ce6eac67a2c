"""The one kind of finding: a :class:`Diagnostic`, made by the core and shown by any reporter."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from trygghet_cli.i18n import Lang, Text
from trygghet_cli.identity_numbers import mask_identity_numbers
from trygghet_cli.rules import RULES, ArgValue, Severity

__all__ = ["ArgValue", "Diagnostic", "Severity", "make", "pointer_text", "sort_diagnostics"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding at one place in one file.

    ``args`` fill the rule's message and hint templates (see :mod:`trygghet_cli.rules`), so the
    same diagnostic can be shown in Swedish or English. ``pointer`` is the path of keys and
    indices to the value inside the document (``organ[2].ordförande``), used for stable
    fingerprints.
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

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.pointer)


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
