"""Where a finding about a loaded plan points: file, line and column from the document."""

from __future__ import annotations

from dataclasses import dataclass, replace

from trygghet_cli.diagnostics import (
    ArgValue,
    Diagnostic,
    Severity,
    anchor_text,
    make,
    pointer_text,
)
from trygghet_cli.i18n import Text
from trygghet_cli.loading.plan import LoadedFile


@dataclass(frozen=True)
class Site:
    """A value in a plan file: the file and the path of keys and indices to it."""

    file: LoadedFile
    path: tuple[str | int, ...]

    def child(self, *parts: str | int) -> Site:
        return Site(self.file, (*self.path, *parts))

    def diagnostic(
        self,
        rule: str,
        *,
        at_key: bool = False,
        severity: Severity | None = None,
        hint: Text | None = None,
        **args: ArgValue,
    ) -> Diagnostic:
        line, column = self.position(at_key=at_key)
        found = make(
            rule,
            self.file.file,
            line,
            column,
            pointer=pointer_text(self.file.source_path(self.path)),
            severity=severity,
            hint=hint,
            **args,
        )
        return replace(found, anchor=self.anchor())

    def anchor(self) -> str:
        """The path with the ids of list items (:func:`~trygghet_cli.diagnostics.anchor_text`)."""
        doc = self.file.document()
        return anchor_text(self.file.source_path(self.path), doc.data if doc is not None else None)

    def position(self, *, at_key: bool = False) -> tuple[int, int]:
        doc = self.file.document()
        if doc is None:
            return 1, 1
        return doc.position(self.file.source_path(self.path), key=at_key)

    def describe(self) -> str:
        line, _ = self.position()
        return f"{self.file.file}:{line}"
