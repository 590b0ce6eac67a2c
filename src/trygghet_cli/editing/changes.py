"""What an edit did, as data: which files, which changes, and what stands in its way."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from trygghet_cli.diagnostics import Diagnostic, Severity
from trygghet_cli.i18n import Text


class EditError(Exception):
    """An edit that cannot be made as asked: an unknown id, a file that already exists.

    The message says what is wrong and the hint what to do; nothing has been written.
    """

    def __init__(
        self,
        message: Text,
        hint: Text | None = None,
        diagnostics: list[Diagnostic] | None = None,
    ) -> None:
        super().__init__(message("en"))
        self.text = message
        self.hint = hint
        self.diagnostics = diagnostics or []


class ChangeKind(str, Enum):
    CREATED = "created"
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Change:
    """One change in one file; ``pointer`` is where in the document it is (for its line)."""

    kind: ChangeKind
    path: Path
    file: str
    pointer: tuple[str | int, ...]
    text: Text
    line: int = 0
    anchor: Any = field(default=None, compare=False, repr=False)


@dataclass
class FileEdit:
    """A file's text before (``None``: a new file) and after, the bytes it had and the bytes to
    write: an edit's file, and a file ``trygg fmt`` puts in canonical form."""

    path: Path
    file: str
    before: str | None
    after: str
    original: bytes | None
    data: bytes

    @property
    def changed(self) -> bool:
        """The text changes (a new file always does)."""
        return self.before != self.after

    @property
    def rewritten(self) -> bool:
        """The text changes, or only its bytes do (decomposed letters written composed)."""
        return self.changed or self.data != self.original


@dataclass
class EditOutcome:
    """The result of an edit: files to write, changes to report, findings that stop it."""

    edits: list[FileEdit] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    introduced: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.introduced if d.level is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.introduced if d.level is not Severity.ERROR]

    @property
    def refused(self) -> bool:
        return bool(self.errors)

    @property
    def written(self) -> list[FileEdit]:
        return [e for e in self.edits if e.changed]


def not_found(kind: Text, wanted: str, known: list[str]) -> Text:
    """A message that an id is not in the plan, with the closest known id as a suggestion."""
    close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
    guess = Text(f" (menade du '{close[0]}'?)", f" (did you mean '{close[0]}'?)") if close else None
    return Text(
        f"Hittar inte {kind('sv')} '{wanted}' i planen{guess('sv') if guess else ''}",
        f"Cannot find {kind('en')} '{wanted}' in the plan{guess('en') if guess else ''}",
    )
