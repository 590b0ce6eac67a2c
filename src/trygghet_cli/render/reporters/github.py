"""GitHub Actions workflow commands: annotations on the pull request.

GitHub shows at most 10 error and 10 warning annotations per step and 50 per job; the rest are
dropped without a word. One trygg command annotates at most :data:`PER_STEP_LIMIT` findings of
each severity and :data:`PER_COMMAND_LIMIT` in all, so a job with two trygg steps (the workflow
``trygg init`` writes runs ``validate`` and ``deadlines`` in separate steps) stays within 40
of the 50, with room for other actions' annotations. Findings past the limits are printed as
plain lines in the log, and every finding goes into a Markdown table for
``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from itertools import groupby

from trygghet_cli.diagnostics import Diagnostic, Severity
from trygghet_cli.render.reporters.base import Output, Report, location, summary_line
from trygghet_cli.rules import RULES

PER_STEP_LIMIT = 10
"""Annotations of one severity that GitHub shows per step."""
PER_JOB_LIMIT = 50
"""Annotations that GitHub shows per job, over all its steps."""
PER_COMMAND_LIMIT = 20
"""Annotations one trygg command writes: two commands in a job stay under the job limit."""
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic, report: Report) -> str:
    message = d.message(report.lang)
    hint = d.hint(report.lang)
    if hint:
        message += "\n" + hint
    props = f"file={escape_property(d.file)},line={d.line},col={d.column},"
    if d.end_line is not None:
        props += f"endLine={d.end_line},"
        if d.end_column is not None:
            props += f"endColumn={d.end_column},"
    props += f"title={escape_property(f'{d.rule} {RULES[d.rule].name}')}"
    return f"::{_COMMAND[d.level]} {props}::{escape_data(message)}"


def annotated(diagnostics: list[Diagnostic], first: frozenset[str] = frozenset()) -> set[int]:
    """Indices of the findings that become annotations: errors first, then warnings, then
    notices, each with the rules in ``first`` before the others and then in file order,
    within the limits per severity and per command."""
    chosen: set[int] = set()
    for level in sorted(Severity, key=lambda s: -s.rank):
        same = [i for i, d in enumerate(diagnostics) if d.level is level]
        same.sort(key=lambda i: diagnostics[i].rule not in first)
        room = min(PER_STEP_LIMIT, PER_COMMAND_LIMIT - len(chosen))
        chosen.update(same[: max(room, 0)])
    return chosen


def render(report: Report) -> Output:
    out: list[str] = []
    overflow: list[Diagnostic] = []
    chosen = annotated(report.diagnostics, report.first)
    numbered = list(enumerate(report.diagnostics))
    for file, group in groupby(numbered, key=lambda item: item[1].file):
        out.append(f"::group::{escape_data(file)}")
        for i, d in group:
            if i in chosen:
                out.append(annotation(d, report))
            else:
                overflow.append(d)
                out.append(
                    f"{location(d)}: {d.level.label(report.lang)} {d.rule} {d.message(report.lang)}"
                )
        out.append("::endgroup::")
    if overflow:
        note = (
            f"{len(overflow)} fynd visas inte som annoteringar (GitHub visar högst "
            f"{PER_STEP_LIMIT} fel och {PER_STEP_LIMIT} varningar per steg och {PER_JOB_LIMIT} "
            f"per jobb; trygg annoterar högst {PER_COMMAND_LIMIT} per kommando); alla finns i "
            "loggen ovan och i sammanfattningen."
            if report.lang == "sv"
            else f"{len(overflow)} findings are not shown as annotations (GitHub shows at most "
            f"{PER_STEP_LIMIT} errors and {PER_STEP_LIMIT} warnings per step and "
            f"{PER_JOB_LIMIT} per job; trygg annotates at most {PER_COMMAND_LIMIT} per command); "
            "all are in the log above and in the summary."
        )
        out.append(note)
    out.append(summary_line(report))
    return Output("\n".join(out) + "\n", step_summary=step_summary(report))


def step_summary(report: Report) -> str:
    sv = report.lang == "sv"
    head = f"## {report.command}\n\n" + summary_line(report) + "\n"
    if not report.diagnostics:
        return head
    columns = (
        ["Fil", "Rad", "Kolumn", "Allvar", "Regel", "Meddelande", "Tips"]
        if sv
        else ["File", "Line", "Column", "Severity", "Rule", "Message", "Hint"]
    )
    rows = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for d in report.diagnostics:
        cells = [
            f"`{d.file}`",
            str(d.line),
            str(d.column),
            d.level.label(report.lang),
            d.rule,
            d.message(report.lang),
            d.hint(report.lang) or "",
        ]
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return head + "\n" + "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
