"""Text for people about edits: what changed where, what an import did with each row, diffs.

One line per change, ``fil:rad: ändrat  Åtgärden fa-2021-54 är klar ...``, so that editors and
terminals can jump to it, and a summary line at the end.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from trygghet_cli.diagnostics import Diagnostic
from trygghet_cli.editing.changes import Change, ChangeKind, EditOutcome
from trygghet_cli.editing.indicators import ImportReport, RowOutcome
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.loading.kolada.api import Fetched
from trygghet_cli.render.reporters.base import Report
from trygghet_cli.render.reporters.text import lines as finding_lines
from trygghet_cli.wording import plural

KIND_LABELS = {
    ChangeKind.CREATED: Text("ny fil", "new file"),
    ChangeKind.ADDED: Text("tillagt", "added"),
    ChangeKind.CHANGED: Text("ändrat", "changed"),
    ChangeKind.REMOVED: Text("borttaget", "removed"),
    ChangeKind.UNCHANGED: Text("oförändrat", "unchanged"),
    ChangeKind.SKIPPED: Text("överhoppat", "skipped"),
}
SUMMARY_ORDER = (ChangeKind.ADDED, ChangeKind.CHANGED, ChangeKind.UNCHANGED, ChangeKind.SKIPPED)
_COUNT_LABELS = {
    ChangeKind.ADDED: (Text("{n} tillagd", "{n} added"), Text("{n} tillagda", "{n} added")),
    ChangeKind.CHANGED: (Text("{n} ändrad", "{n} changed"), Text("{n} ändrade", "{n} changed")),
    ChangeKind.UNCHANGED: (
        Text("{n} oförändrad", "{n} unchanged"),
        Text("{n} oförändrade", "{n} unchanged"),
    ),
    ChangeKind.SKIPPED: (
        Text("{n} överhoppad", "{n} skipped"),
        Text("{n} överhoppade", "{n} skipped"),
    ),
}
SKIPPED_SHOWN = 20
"""Skipped rows shown one by one; the rest are counted (``--verbose`` shows all)."""


REFUSED_LABELS = {
    ChangeKind.CREATED: Text("skulle ha skapats", "would have been created"),
    ChangeKind.ADDED: Text("skulle ha lagts till", "would have been added"),
    ChangeKind.CHANGED: Text("skulle ha ändrats", "would have been changed"),
    ChangeKind.REMOVED: Text("skulle ha tagits bort", "would have been removed"),
}
"""For an edit that was refused: what it would have done, never that it did."""


def change_lines(changes: Iterable[Change], lang: Lang, *, refused: bool = False) -> list[str]:
    out = []
    for c in changes:
        kind = REFUSED_LABELS.get(c.kind) if refused else None
        out.append(f"{c.file}:{c.line}: {(kind or KIND_LABELS[c.kind])(lang)}: {c.text(lang)}")
    return out


def findings(diagnostics: list[Diagnostic], lang: Lang) -> list[str]:
    """Findings as ``trygg validate`` shows them, each with its hint."""
    report = Report("", diagnostics, [], 0, lang)
    out: list[str] = []
    for head, hint, _ in finding_lines(report):
        out.append(head)
        if hint:
            out.append(hint)
    return out


def refusal(outcome: EditOutcome, lang: Lang) -> list[str]:
    count = len(outcome.errors)
    return [
        Text(
            f"Ändringen skulle ge {count} fel i planen, så inget skrevs "
            "(raderna gäller filerna som de skulle ha blivit):",
            f"The change would give the plan {count} "
            + plural(count, "error", "errors")
            + ", so nothing was written (lines as the files would have been):",
        )(lang),
        *findings(outcome.errors, lang),
    ]


def written_line(files: list[str], lang: Lang, *, dry_run: bool) -> str:
    if not files:
        return Text("Inget att ändra; inga filer skrevs.", "Nothing to change; no files written.")(
            lang
        )
    names = ", ".join(files)
    if dry_run:
        return Text(f"Provkörning: skulle skriva {names}.", f"Dry run: would write {names}.")(lang)
    return Text(f"Skrev {names}.", f"Wrote {names}.")(lang)


def import_lines(
    report: ImportReport, lang: Lang, *, verbose: bool = False, refused: bool = False
) -> list[str]:
    """Each row's outcome at its line in the import file, then the totals; for a refused
    import, what each row would have done."""
    out: list[str] = []
    skipped: list[RowOutcome] = []
    for outcome in report.rows:
        if outcome.kind is ChangeKind.SKIPPED:
            skipped.append(outcome)
            if not verbose and len(skipped) > SKIPPED_SHOWN:
                continue
        where = f"{report.file}:{outcome.row.line}"
        if report.format == "json":  # an API page is often one long line
            where += f":{outcome.row.column}"
        elif report.format == "api":  # fetched: the page and the value's place on it
            where = Text(
                f"{report.file} sida {outcome.row.line}, post {outcome.row.column}",
                f"{report.file} page {outcome.row.line}, item {outcome.row.column}",
            )(lang)
        kind = REFUSED_LABELS.get(outcome.kind) if refused else None
        out.append(f"{where}: {(kind or KIND_LABELS[outcome.kind])(lang)}: {outcome.text(lang)}")
    hidden = len(skipped) - SKIPPED_SHOWN
    if not verbose and hidden > 0:
        out.append(
            Text(
                f"… och {hidden} {plural(hidden, 'överhoppad rad', 'överhoppade rader')} till "
                "(--verbose visar alla).",
                f"… and {hidden} more {plural(hidden, 'skipped row', 'skipped rows')} "
                "(--verbose shows them all).",
            )(lang)
        )
    counts = [
        _COUNT_LABELS[kind][report.count(kind) != 1](lang).format(n=report.count(kind))
        for kind in SUMMARY_ORDER
        if report.count(kind)
    ]
    rows = len({(o.row.line, o.row.column) for o in report.rows})
    would = Text(" skulle ha gett", " would have given")(lang) if refused else ""
    out.append(
        Text(
            f"{rows} {plural(rows, 'rad', 'rader')} i {report.file} (kön {report.gender}){would}: ",
            f"{rows} {plural(rows, 'row', 'rows')} in {report.file} (gender {report.gender})"
            f"{would}: ",
        )(lang)
        + (", ".join(counts) if counts else Text("inget att importera", "nothing to import")(lang))
        + "."
    )
    groups = report.not_a_kommun
    if groups:
        out.append(
            Text(
                f"Obs: {groups} {plural(groups, 'rad', 'rader')} gällde en kommungrupp eller en "
                f"region i Kolada, inte en kommun; {plural(groups, 'den', 'de')} hoppades över.",
                f"Note: {groups} {plural(groups, 'row was', 'rows were')} for a group of "
                "municipalities or a region in Kolada, not a municipality, and "
                f"{plural(groups, 'was', 'were')} skipped.",
            )(lang)
        )
    return out


def unified_diff(before: str | None, after: str, file: str) -> str:
    """A diff as ``git diff`` shows it (``/dev/null`` for a new file)."""
    old = [] if before is None else before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    name = file.lstrip("/")
    lines = difflib.unified_diff(
        old, new, "/dev/null" if before is None else f"a/{name}", f"b/{name}", n=3
    )
    text = ""
    for line in lines:
        text += line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
    return text


def fetched_line(
    fetched: Fetched,
    base_url: str,
    kpis: list[str],
    kommunkod: str,
    years: list[int],
    lang: Lang,
) -> str:
    """What ``trygg indicator fetch`` asked Kolada for, how many pages came, and how many of
    them from the cache."""
    pages = fetched.pages
    span = ""
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        span = f", {years[0]}\u2013{years[-1]}"
    elif years:
        span = ", " + ", ".join(str(y) for y in years)
    cached = ""
    if fetched.cached:
        every = fetched.cached == pages
        how_many_sv = ("båda" if pages == 2 else "alla") if every else str(fetched.cached)
        how_many_en = ("both" if pages == 2 else "all") if every else str(fetched.cached)
        if pages == 1:
            how_many_sv, how_many_en = "den", "it"
        cached = Text(
            f" ({how_many_sv} ur cachen, högst 24 timmar gamla; --refresh hämtar på nytt)",
            f" ({how_many_en} from the cache, at most 24 hours old; --refresh fetches anew)",
        )(lang)
    asked = ", ".join(kpis)
    return Text(
        f"Hämtade {pages} {plural(pages, 'sida', 'sidor')} från Kolada ({base_url}): {asked} "
        f"för {kommunkod} och 0000 Riket{span}{cached}.",
        f"Fetched {pages} {plural(pages, 'page', 'pages')} from Kolada ({base_url}): {asked} "
        f"for {kommunkod} and 0000 Riket{span}{cached}.",
    )(lang)
