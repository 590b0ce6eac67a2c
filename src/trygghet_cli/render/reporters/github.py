"""GitHub Actions workflow commands: annotations on the pull request.

GitHub shows at most 10 error and 10 warning annotations per step and 50 per job; the rest are
dropped without a word. One trygg command annotates at most :data:`PER_STEP_LIMIT` findings of
each severity and :data:`PER_COMMAND_LIMIT` in all, so a job with two trygg steps (the workflow
``trygg init`` writes runs ``validate`` and ``deadlines`` in separate steps) stays within 40
of the 50, with room for other actions' annotations. Findings past the limits are printed as
plain lines in the log, and every finding goes into a Markdown table for
``$GITHUB_STEP_SUMMARY``.

The runner reads every line of the step's output for commands: ``::name …::data`` at the start
of a line (after spaces) and the older ``##[name …]data`` anywhere in it. A plan's text (a key
with a line break in it, a folder named ``::add-mask::x``) must never become one. So:

* in a command, the data and the properties are escaped as actions/toolkit escapes them
  (:func:`escape_data`, :func:`escape_property`), and the runner decodes them again;
* a plain line is escaped the same way, so that it stays one line; and a run of plain lines
  in which any line could still be read as a command goes between ``::stop-commands::TOKEN``
  and ``::TOKEN::`` (:func:`shielded`), GitHub's way of logging text that is not to be obeyed;
* the job summary is Markdown with every ASCII punctuation character escaped
  (:func:`markdown_text`), so a plan's text is text there, never a link, an image or HTML.
"""

from __future__ import annotations

import hashlib
import re
from itertools import groupby

from trygghet_cli.diagnostics import Diagnostic, Severity
from trygghet_cli.i18n import Text
from trygghet_cli.render.reporters.base import (
    Output,
    Report,
    location,
    summary_line,
)
from trygghet_cli.rules import RULES
from trygghet_cli.visible import visible
from trygghet_cli.wording import plural

PER_STEP_LIMIT = 10
"""Annotations of one severity that GitHub shows per step."""
PER_JOB_LIMIT = 50
"""Annotations that GitHub shows per job, over all its steps."""
PER_COMMAND_LIMIT = 20
"""Annotations one trygg command writes: two commands in a job stay under the job limit."""
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's data, as actions/toolkit's ``escapeData``: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value, as actions/toolkit's ``escapeProperty``: also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def read_as_command(line: str) -> bool:
    """Whether GitHub's runner could take ``line`` for a command: ``::`` at its start after
    white space (the current form), or ``##[`` anywhere (the old form, still read)."""
    return line.lstrip().startswith("::") or "##[" in line


def shielded(lines: list[str]) -> list[str]:
    """``lines`` (none with a line break) so that the runner reads them as text only.

    When no line could be taken for a command they are returned as they are. Otherwise they go
    between ``::stop-commands::TOKEN`` and ``::TOKEN::``. The token is a hash of the lines
    themselves: the same output gives the same bytes, and no line can name the token that
    resumes the commands, since it would have to contain its own hash.
    """
    if not any(read_as_command(line) for line in lines):
        return lines
    digest = hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()
    token = f"trygg-{digest[:32]}"
    return [f"::stop-commands::{token}", *lines, f"::{token}::"]


def shielded_text(text: str) -> str:
    """:func:`shielded` for a whole output of another format (text) read by the runner."""
    ending = "\n" if text.endswith("\n") else ""
    lines = re.split(r"\r\n|\r|\n", text.removesuffix("\n"))
    return "\n".join(shielded(lines)) + ending


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
        plain: list[str] = []
        for i, d in group:
            if i in chosen:
                out.extend(shielded(plain))
                plain = []
                out.append(annotation(d, report))
            else:
                overflow.append(d)
                plain.append(
                    escape_data(
                        f"{location(d)}: {d.level.label(report.lang)} {d.rule} "
                        + d.message(report.lang)
                    )
                )
        out.extend(shielded(plain))
        out.append("::endgroup::")
    if overflow:
        note = Text(
            f"{len(overflow)} fynd visas inte som annoteringar (GitHub visar högst "
            f"{PER_STEP_LIMIT} fel och {PER_STEP_LIMIT} varningar per steg och {PER_JOB_LIMIT} "
            f"per jobb; trygg annoterar högst {PER_COMMAND_LIMIT} per kommando); alla finns i "
            "loggen ovan och i sammanfattningen.",
            f"{len(overflow)} findings are not shown as annotations (GitHub shows at most "
            f"{PER_STEP_LIMIT} errors and {PER_STEP_LIMIT} warnings per step and "
            f"{PER_JOB_LIMIT} per job; trygg annotates at most {PER_COMMAND_LIMIT} per command); "
            "all are in the log above and in the summary.",
        )
        out.append(note(report.lang))
    out.extend(shielded([escape_data(summary_line(report))]))
    return Output("\n".join(out) + "\n", step_summary=step_summary(report))


GITHUB_SUMMARY_LIMIT = 1024 * 1024
"""What GitHub takes from one step's summary: a larger one is dropped whole ("upload aborted,
supports content up to a size of 1024k")."""
SUMMARY_LIMIT = 512 * 1024
"""What one trygg command writes to the summary, in UTF-8 bytes: half of GitHub's limit, so
that two trygg commands in one step still fit."""


def step_summary(report: Report) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: the closing line and a table of the findings.

    Past :data:`SUMMARY_LIMIT` the table leaves findings out (notices first, then warnings,
    then errors, each from the end) and ends by saying how many; the log has them all.
    """
    head = f"## {markdown_text(report.command)}\n\n" + markdown_text(summary_line(report)) + "\n"
    if not report.diagnostics:
        return head
    columns = [c(report.lang) for c in _COLUMNS]
    top = head + "\n| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
    rows = [_row(d, report) for d in report.diagnostics]
    room = SUMMARY_LIMIT - _size(top) - _size(_left_out(len(rows), report))
    kept: set[int] = set()
    by_weight = sorted(range(len(rows)), key=lambda i: -report.diagnostics[i].level.rank)
    for i in by_weight:
        size = _size(rows[i])
        if size > room:
            break
        kept.add(i)
        room -= size
    table = "".join(row for i, row in enumerate(rows) if i in kept)
    if len(kept) == len(rows):
        return top + table
    return top + table + _left_out(len(rows) - len(kept), report)


_COLUMNS = (
    Text("Fil", "File"),
    Text("Rad", "Line"),
    Text("Kolumn", "Column"),
    Text("Allvar", "Severity"),
    Text("Regel", "Rule"),
    Text("Meddelande", "Message"),
    Text("Tips", "Hint"),
)


def _row(d: Diagnostic, report: Report) -> str:
    cells = [
        code_span(d.file),
        str(d.line),
        str(d.column),
        markdown_text(d.level.label(report.lang)),
        markdown_text(d.rule),
        markdown_text(d.message(report.lang)),
        markdown_text(d.hint(report.lang) or ""),
    ]
    return "| " + " | ".join(cells) + " |\n"


def _left_out(count: int, report: Report) -> str:
    limit = SUMMARY_LIMIT // 1024
    text = Text(
        f"{count} fynd visas inte här: sammanfattningen får vara högst {limit} KiB. "
        "Alla finns i loggen ovan.",
        f"{count} {plural(count, 'finding is', 'findings are')} left out here: the "
        f"summary may be at most {limit} KiB. All are in the log above.",
    )
    return "\n" + text(report.lang) + "\n"


def _size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def _one_line(text: str) -> str:
    """Carriage returns dropped, line breaks made spaces, other control characters visible."""
    return visible(text.replace("\r", "").replace("\n", " "))


def markdown_text(text: str) -> str:
    """Text that GitHub's Markdown shows as it is, in a table cell too: one line, and every
    ASCII punctuation character backslash-escaped (CommonMark lets any of them be), so that
    nothing in it starts a link, an image, emphasis, HTML or a new table cell."""
    return _PUNCTUATION.sub(lambda m: "\\" + m.group(), _one_line(text))


def code_span(text: str) -> str:
    """``text`` as inline code in a table cell: a fence longer than any run of backticks in it,
    and ``|`` escaped (GitHub's tables split cells at a bare ``|`` even inside code)."""
    text = _one_line(text).replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
