"""``trygg deadlines`` for people: per plan, what is overdue and what falls due soon, by date.

::

    Tidsfrister per 30 juni 2021 (förfaller inom 30 dagar)

    Fagersta
      Försenat
        1 april 2021   Uppföljningen 'smarta-mal' (…) är gjord 0 gånger sedan 1 januari 2021; …
                       examples/fagersta/mal.yaml:64
      Förfaller inom 30 dagar
        1 juli 2021    EST-gruppen: nästa möte ska hållas senast 1 juli 2021 (varannan vecka; …)
                       examples/fagersta/organisation.yaml:80

    1 försenad och 1 som förfaller inom 30 dagar i 1 plan.

Dates are Swedish (Babel) unless the language is English. Colour only in a terminal.
"""

from __future__ import annotations

import io
import re
import textwrap

from trygghet_cli.diagnostics import Diagnostic
from trygghet_cli.followup.base import Status
from trygghet_cli.followup.deadlines import DeadlineResult
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.render.reporters.base import location
from trygghet_cli.visible import visible
from trygghet_cli.wording import date_label, plural

_HEADINGS = {
    Status.OVERDUE: Text("Försenat", "Overdue"),
    Status.DUE_SOON: Text("Förfaller inom {days} dagar", "Due within {days} days"),
}
_STYLE = {Status.OVERDUE: "bold red", Status.DUE_SOON: "yellow"}
WIDTH = 100
"""Messages are wrapped to this many columns, the same on every terminal (output is
deterministic); the file and line stay on a line of their own."""


def summary(result: DeadlineResult, lang: Lang) -> str:
    """``2 försenade och 3 som förfaller inom 30 dagar i 1 plan.``"""
    overdue, soon = result.count(Status.OVERDUE), result.count(Status.DUE_SOON)
    days, plans = result.window.within, len(result.plans)
    head = (
        Text(f"{overdue} {plural(overdue, 'försenad', 'försenade')}", f"{overdue} overdue")
        if overdue
        else Text("Inget försenat", "Nothing overdue")
    )
    tail = (
        Text(f"{soon} som förfaller", f"{soon} due")
        if soon
        else Text("inget som förfaller", "nothing due")
    )
    text = Text(
        f"{head.sv} och {tail.sv} inom {days} dagar i {plans} {plural(plans, 'plan', 'planer')}",
        f"{head.en} and {tail.en} within {days} days in {plans} {plural(plans, 'plan', 'plans')}",
    )
    errors = len(result.diagnostics)
    if errors:
        text = Text(
            f"{text.sv}; {errors} fel i planerna (se trygg validate)",
            f"{text.en}; {errors} {plural(errors, 'error', 'errors')} in the plans "
            "(see trygg validate)",
        )
    return text(lang) + "."


def render(result: DeadlineResult, lang: Lang, *, color: bool = False) -> str:
    lines: list[tuple[str, str]] = []  # (text, rich style)
    as_of = date_label(result.window.as_of, lang)
    days = result.window.within
    lines.append(
        (
            Text(
                f"Tidsfrister per {as_of} (förfaller inom {days} dagar)",
                f"Deadlines as of {as_of} (due within {days} days)",
            )(lang),
            "bold",
        )
    )
    plan_files = {f for p in result.plans for f in p.files}
    orphans = [d for d in result.diagnostics if d.file not in plan_files]
    for d in orphans:
        lines.append((diagnostic_line(d, lang), "bold red"))
    for plan in result.plans:
        lines.append(("", ""))
        lines.append((plan.name, "bold"))
        if plan.errors:
            lines.append(
                (
                    Text(
                        "  Fel i planen (varje fil lästes; rätta felen, se trygg validate):",
                        "  Errors in the plan (every file was read; fix them, see trygg validate):",
                    )(lang),
                    "bold red",
                )
            )
            for d in plan.errors:
                lines.append(("    " + diagnostic_line(d, lang), "red"))
        if not plan.deadlines:
            lines.append(
                (
                    Text(
                        f"  Inget försenat och inget som förfaller inom {days} dagar.",
                        f"  Nothing overdue and nothing due within {days} days.",
                    )(lang),
                    "green",
                )
            )
            continue
        width = max(len(date_label(d.date, lang)) for d in plan.deadlines) + 2
        for status in Status:
            items = [d for d in plan.deadlines if d.status is status]
            if not items:
                continue
            lines.append(("  " + _HEADINGS[status](lang).format(days=days), _STYLE[status]))
            pad = " " * (4 + width)
            for item in items:
                message = _wrap(item.diagnostic.message(lang), WIDTH - len(pad))
                lines.append((f"    {date_label(item.date, lang).ljust(width)}{message[0]}", ""))
                lines.extend((pad + rest, "") for rest in message[1:])
                lines.append((f"{pad}{item.file}:{item.line}", "dim"))
    lines.append(("", ""))
    lines.append((summary(result, lang), "bold"))
    # A file's name may hold a control character (a plan's text cannot: the loader shows
    # them): shown, never sent to the terminal.
    lines = [(visible(text), style) for text, style in lines]
    if not color:
        return "\n".join(text for text, _ in lines) + "\n"
    from rich.console import Console
    from rich.text import Text as RichText

    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, soft_wrap=True, highlight=False)
    for text, style in lines:
        console.print(RichText(text, style=style))
    return stream.getvalue()


_DATE = re.compile(r"\b(\d{1,2}) (\w+) (\d{4})\b")
_GLUE = "\x00"


def _wrap(text: str, width: int) -> list[str]:
    """Wrap at spaces, never inside a date (``22 juni 2021``)."""
    glued = _DATE.sub(lambda m: _GLUE.join(m.groups()), text)
    lines = textwrap.wrap(
        glued, width=max(width, 40), break_long_words=False, break_on_hyphens=False
    )
    return [line.replace(_GLUE, " ") for line in lines] or [""]


def diagnostic_line(d: Diagnostic, lang: Lang) -> str:
    return f"{location(d)}: {d.level.label(lang)} {d.rule} {d.message(lang)}"
