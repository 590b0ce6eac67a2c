"""What every reporter receives and returns."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from trygghet_cli.diagnostics import Diagnostic, Severity
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.wording import number_label, plural


@dataclass(frozen=True)
class Report:
    """Findings of one run of a checking command, and what it looked at."""

    command: str
    diagnostics: list[Diagnostic]
    files: list[str]
    plans: int
    lang: Lang
    color: bool = False
    summary: str | None = None
    """The closing line, when the command words it itself (default: errors and warnings)."""
    strict: bool = False
    """Warnings fail the run too (``--strict``): formats that mark failures mark them."""
    first: frozenset[str] = frozenset()
    """Rules whose findings come first where a format shows only some (GitHub annotations):
    a command's own findings before the plan's errors it repeats from ``trygg validate``."""

    repository: bool = False
    """The files are named relative to the git repository's top level (:meth:`relocated`)."""

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.level is severity)

    def relocated(self, path: Callable[[str], str]) -> Report:
        """The report with every file named by ``path``: relative to the repository's top
        level, as the machine formats name them whatever folder trygg runs in."""
        return replace(
            self,
            diagnostics=[replace(d, file=path(d.file)) for d in self.diagnostics],
            files=[path(f) for f in self.files],
            repository=True,
        )


@dataclass(frozen=True)
class Output:
    """Text for standard output, and Markdown for GitHub's job summary where that applies."""

    stdout: str
    step_summary: str | None = field(default=None)


Reporter = Callable[[Report], Output]


def summary_line(report: Report) -> str:
    """ "2 fel och 1 varning i 14 filer (4 planer)." in the report's language."""
    if report.summary is not None:
        return report.summary
    lang = report.lang
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    files, plans = len(report.files), report.plans

    def counted(n: int, one: Text, many: Text) -> str:
        return f"{number_label(n, lang)} {plural(n, one, many)(lang)}"

    where = counted(files, Text("fil", "file"), Text("filer", "files"))
    where_plans = counted(plans, Text("plan", "plan"), Text("planer", "plans"))
    scope = Text(f"i {where} ({where_plans})", f"in {where} ({where_plans})")(lang)
    if not errors and not warnings:
        return Text(f"Inga fel {scope}.", f"No problems {scope}.")(lang)
    parts = []
    if errors:
        parts.append(counted(errors, Text("fel", "error"), Text("fel", "errors")))
    if warnings:
        parts.append(counted(warnings, Text("varning", "warning"), Text("varningar", "warnings")))
    joined = Text(" och ", " and ")(lang).join(parts)
    return f"{joined} {scope}.{_waiting(report)}"


def _waiting(report: Report) -> str:
    """The files the checks across files could not read yet (TRY017), after the totals."""
    n = sum(d.rule == "TRY017" for d in report.diagnostics)
    if not n:
        return ""
    shown = number_label(n, report.lang)
    return Text(
        f" {shown} {plural(n, 'fil', 'filer')} har inte kontrollerats mot resten av planen ännu.",
        f" {shown} {plural(n, 'file has', 'files have')} not been checked against the rest of "
        "the plan yet.",
    )(report.lang)


def fingerprints(report: Report) -> list[str]:
    """A stable fingerprint per finding, for GitLab and GitHub code scanning to tell a finding
    that stays from one that is new or fixed.

    A hash of the file, the rule and the finding's place in the file
    (:attr:`~trygghet_cli.diagnostics.Diagnostic.place`: the path to the value by the items'
    ids, never the line), so that it stays when lines or list items are inserted above, and
    is the same in every language. The n-th finding with the same three gets n in its hash
    too: no two findings of a report share a fingerprint (GitLab shows only the first).
    """
    seen: dict[str, int] = {}
    out = []
    for d in report.diagnostics:
        base = f"{d.file}\0{d.rule}\0{d.place}"
        n = seen.get(base, 0)
        seen[base] = n + 1
        digest = hashlib.sha256(f"{base}\0{n}".encode("utf-8", "surrogatepass"))
        out.append(digest.hexdigest()[:32])
    return out


def location(d: Diagnostic) -> str:
    return f"{d.file}:{d.line}:{d.column}"


def inert_json(text: str) -> str:
    """JSON text in which GitHub's runner finds no old-style command (``##[name]`` anywhere in a
    line): the first ``#`` of each ``##[`` is written ``\\u0023``, which every JSON reader turns
    back into ``#``. Only strings can hold ``##[``, so the document means the same."""
    return text.replace("##[", "\\u0023#[")
