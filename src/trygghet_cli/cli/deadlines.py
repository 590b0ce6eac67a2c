"""``trygg deadlines``: what is overdue and what falls due soon, as text, JSON, iCalendar or
GitHub annotations."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trygghet_cli.cli import params
from trygghet_cli.cli.common import (
    DeadlineIgnoreOption,
    LangOption,
    OutputOption,
    PlansArgument,
    append_step_summary,
    for_machines,
    lang_or_exit,
    machine_path,
    on_github_actions,
    refuse_missing,
    stdout_is_terminal,
    write_output,
)
from trygghet_cli.i18n import Lang, Text

if TYPE_CHECKING:
    from trygghet_cli.followup.deadlines import DeadlineResult

DEFAULT_WITHIN = 30
DEFAULT_WITHIN_ICS = 365


class DeadlineFormat(str, Enum):
    text = "text"
    json = "json"
    ics = "ics"
    github = "github"


class FailOn(str, Enum):
    overdue = "overdue"
    due_soon = "due-soon"
    never = "never"


def deadlines(
    paths: PlansArgument = None,
    as_of: Annotated[
        date | None,
        typer.Option(
            "--as-of",
            parser=params.day,
            metavar="DATUM",
            help="Dagen som tidsfristerna bedöms per, ÅÅÅÅ-MM-DD. Standard: i dag.",
            show_default=False,
        ),
    ] = None,
    within: Annotated[
        int | None,
        typer.Option(
            "--within",
            metavar="DAGAR",
            min=0,
            max=36500,
            help=f"Hur många dagar framåt som räknas som 'förfaller snart'. Standard: "
            f"{DEFAULT_WITHIN}, och {DEFAULT_WITHIN_ICS} för --format ics.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        DeadlineFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Utdataformat: text, json, ics (iCalendar) eller github (annoteringar). "
            "Standard: text, eller github inne i GitHub Actions.",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="När avslutningskoden blir 1: vid något försenat (overdue), också vid det som "
            "förfaller snart (due-soon), eller aldrig (never).",
        ),
    ] = FailOn.overdue,
    ignore: DeadlineIgnoreOption = None,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    """Visa det som är försenat och det som förfaller snart: åtgärder, aktiviteter, mål,
    styrdokument, rapporter, uppföljningar, möten och lagkraven i lag (2023:196).

    Avslutas med 0 när inget är försenat, 1 när något är det (se --fail-on) eller när planen
    har fel, och 2 vid felaktig användning.
    """
    from trygghet_cli.checks.cache import default_folder
    from trygghet_cli.checks.runner import Options
    from trygghet_cli.followup.base import Status, Window
    from trygghet_cli.followup.deadlines import find_deadlines

    language = lang_or_exit(lang)
    day = as_of or date.today()
    chosen = format or (DeadlineFormat.github if on_github_actions() else DeadlineFormat.text)
    days = within if within is not None else _default_within(chosen)
    rules = ignore or []
    result = find_deadlines(
        paths or [Path()],
        Window(day, days),
        ignore=rules,
        options=Options(cache=default_folder()),
    )
    refuse_missing(result.missing, language)
    _refuse_unread(result, language)
    if chosen is DeadlineFormat.ics:
        _refuse_identity_numbers(result, language)
    data, step_summary = _render(result, chosen, language, color=output is None)
    if output is not None:
        write_output(output, data, language)
    elif chosen is DeadlineFormat.text and on_github_actions():
        from trygghet_cli.render.reporters.github import shielded_text

        typer.echo(shielded_text(data.decode("utf-8", "surrogateescape")), nl=False)
    else:
        typer.echo(data, nl=False)
    if chosen is DeadlineFormat.ics and result.diagnostics:
        from trygghet_cli.render.deadlines_text import diagnostic_line

        for d in result.diagnostics:
            typer.echo(diagnostic_line(d, language), err=True)
    append_step_summary(step_summary, language)
    threshold = {
        FailOn.overdue: Status.OVERDUE,
        FailOn.due_soon: Status.DUE_SOON,
        FailOn.never: None,
    }[fail_on]
    raise typer.Exit(1 if result.failed(threshold) else 0)


def _refuse_unread(result: DeadlineResult, lang: Lang) -> None:
    """Nothing from a plan read only in part, in any format: a file that could not be read
    would make a held meeting missing and a late action vanish (a wrong 'nothing is late')."""
    from trygghet_cli.render.deadlines_text import diagnostic_line

    if not result.unread:
        return
    for d in result.unread:
        typer.echo(diagnostic_line(d, lang), err=True)
    typer.echo(
        Text(
            "trygg deadlines: en fil i planen kunde inte läsas (se ovan); tidsfristerna skrivs "
            "inte, eftersom det som står i den skulle saknas. Rätta filen och kör igen "
            "(trygg validate visar alla fel).",
            "trygg deadlines: a file of the plan could not be read (see above); the deadlines "
            "are not written, since what it says would be missing. Fix the file and run again "
            "(trygg validate shows every error).",
        )(lang),
        err=True,
    )
    raise typer.Exit(1)


def _refuse_identity_numbers(result: DeadlineResult, lang: Lang) -> None:
    """A calendar is published: none from a plan with a personnummer, and say where it is."""
    from trygghet_cli.checks.personal_data import identity_findings
    from trygghet_cli.render.deadlines_text import diagnostic_line

    found = identity_findings(result.diagnostics)
    if not found:
        return
    for d in found:
        typer.echo(diagnostic_line(d, lang), err=True)
    typer.echo(
        Text(
            "trygg deadlines: kalendern skrivs inte, eftersom planen innehåller personnummer "
            "(se ovan); ta bort dem först.",
            "trygg deadlines: the calendar is not written, since the plan holds personal "
            "identity numbers (see above); remove them first.",
        )(lang),
        err=True,
    )
    raise typer.Exit(1)


def _default_within(chosen: DeadlineFormat) -> int:
    return DEFAULT_WITHIN_ICS if chosen is DeadlineFormat.ics else DEFAULT_WITHIN


def _render(
    result: DeadlineResult, chosen: DeadlineFormat, lang: Lang, *, color: bool
) -> tuple[bytes, str | None]:
    """The output as bytes (an iCalendar feed keeps its CRLF line ends) and a GitHub summary."""
    if chosen is DeadlineFormat.ics:
        from trygghet_cli.render import ics

        return ics.render(result, lang, machine_path()), None
    if chosen is DeadlineFormat.json:
        from trygghet_cli.render import deadlines_json

        return deadlines_json.render(result, lang, machine_path()).encode(), None
    from trygghet_cli.render import deadlines_text

    if chosen is DeadlineFormat.text:
        text = deadlines_text.render(result, lang, color=color and stdout_is_terminal())
        return text.encode(), None
    from trygghet_cli.diagnostics import sort_diagnostics
    from trygghet_cli.render.reporters import REPORTERS, Report

    report = Report(
        command="trygg deadlines",
        diagnostics=sort_diagnostics(
            [*result.diagnostics, *(d.diagnostic for d in result.deadlines)]
        ),
        files=result.files,
        plans=len(result.plans),
        lang=lang,
        summary=deadlines_text.summary(result, lang),
        first=frozenset(d.diagnostic.rule for d in result.deadlines),
    )
    rendered = REPORTERS["github"](for_machines(report))
    return rendered.stdout.encode(), rendered.step_summary
