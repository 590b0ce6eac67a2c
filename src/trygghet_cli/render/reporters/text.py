"""Plain text, one finding per line: ``file:line:col: severity RULE-ID message``.

Each finding is followed by an indented line with the hint (what to do). Colour is added only
when the output is a terminal. Control characters from a plan (a line break in a key, an
escape sequence) are shown, never sent (:func:`~trygghet_cli.visible.visible`).
"""

from __future__ import annotations

import io

from trygghet_cli.diagnostics import Severity
from trygghet_cli.i18n import Text
from trygghet_cli.render.reporters.base import Output, Report, location, summary_line
from trygghet_cli.visible import visible

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def lines(report: Report) -> list[tuple[str, str | None, Severity]]:
    """(finding line, hint line, severity) for each finding."""
    out = []
    for d in report.diagnostics:
        head = f"{location(d)}: {d.level.label(report.lang)} {d.rule} {d.message(report.lang)}"
        hint = d.hint(report.lang)
        out.append(
            (visible(head), f"    {_tips(report)}: {visible(hint)}" if hint else None, d.level)
        )
    return out


def _tips(report: Report) -> str:
    return Text("tips", "hint")(report.lang)


def render(report: Report) -> Output:
    if not report.color:
        buf: list[str] = []
        for head, hint, _ in lines(report):
            buf.append(head)
            if hint:
                buf.append(hint)
        buf.append(summary_line(report))
        return Output("\n".join(buf) + "\n")
    from rich.console import Console
    from rich.text import Text as RichText

    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, soft_wrap=True, highlight=False)
    for head, hint, level in lines(report):
        console.print(RichText(head, style=_STYLE[level]))
        if hint:
            console.print(RichText(hint, style="dim"))
    style = (
        "bold red"
        if report.count(Severity.ERROR)
        else ("yellow" if report.count(Severity.WARNING) else "green")
    )
    console.print(RichText(summary_line(report), style=style))
    return Output(stream.getvalue())
