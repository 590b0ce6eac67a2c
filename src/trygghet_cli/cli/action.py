"""``trygg action``: close an action where it lives, or add one to a meeting."""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path
from typing import Annotated

import typer

from trygghet_cli.cli import params
from trygghet_cli.cli.common import LangOption, lang_or_exit
from trygghet_cli.cli.editing import DiffOption, DryRunOption, PlanOption, edit_plan
from trygghet_cli.cli.typer_adapter import TryggCommand, TryggGroup

action_app = typer.Typer(
    help="Åtgärder: markera en som klar eller lägg till en i ett möte.",
    no_args_is_help=True,
    rich_markup_mode=None,
    cls=TryggGroup,
)


@action_app.command("done", cls=TryggCommand)
def done(
    action_id: Annotated[
        str, typer.Argument(metavar="ID", help="Åtgärdens (eller aktivitetens) id.")
    ],
    date: Annotated[
        Date | None,
        typer.Option(
            "--date",
            "-d",
            parser=params.day,
            metavar="DATUM",
            help="Dagen den blev klar, ÅÅÅÅ-MM-DD. Standard: i dag.",
            show_default=False,
        ),
    ] = None,
    plan: PlanOption = Path(),
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    lang: LangOption = None,
) -> None:
    """Markera en åtgärd som klar: status klar och klar_datum, i filen där den står."""
    from trygghet_cli.editing.actions import close_action

    language = lang_or_exit(lang)
    edit_plan(
        plan,
        language,
        lambda session: close_action(
            session, action_id, date or Date.today(), dated=date is not None
        ),
        dry_run=dry_run,
        diff=diff,
    )


@action_app.command("add", cls=TryggCommand)
def add(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Vad som ska göras.")],
    owner: Annotated[
        str, typer.Option("--owner", metavar="ROLL", help="Roll eller organ (id) som ansvarar.")
    ],
    due: Annotated[
        Date,
        typer.Option("--due", parser=params.day, metavar="DATUM", help="Senast klar, ÅÅÅÅ-MM-DD."),
    ],
    meeting: Annotated[
        Path | None,
        typer.Option(
            "--meeting",
            metavar="FIL",
            help="Mötesfilen åtgärden beslutades vid.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    body: Annotated[
        str | None,
        typer.Option(
            "--body",
            metavar="ORGAN",
            help="Organet vars senaste möte (eller möte --date) den hör till.",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        Date | None,
        typer.Option(
            "--date",
            "-d",
            parser=params.day,
            metavar="DATUM",
            help="Mötets datum, med --body.",
            show_default=False,
        ),
    ] = None,
    action_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            metavar="ID",
            help="Åtgärdens id. Standard: nästa i planens serie (fa-2021-58).",
            show_default=False,
        ),
    ] = None,
    activity: Annotated[
        str | None,
        typer.Option(
            "--activity",
            metavar="AKTIVITET",
            help="Aktiviteten (id) åtgärden hör till.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", metavar="TEXT", help="En anmärkning.", show_default=False),
    ] = None,
    plan: PlanOption = Path(),
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    lang: LangOption = None,
) -> None:
    """Lägg till en öppen åtgärd i ett mötes åtgärder."""
    from trygghet_cli.editing.actions import NewAction, add_action, choose_meeting

    language = lang_or_exit(lang)
    new = NewAction(text, owner, due, action_id, activity, note)
    edit_plan(
        plan,
        language,
        lambda session: add_action(session, choose_meeting(session, meeting, body, date), new),
        dry_run=dry_run,
        diff=diff,
    )
