"""``trygg meeting``: the meeting log."""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path
from typing import Annotated

import typer

from trygghet_cli.cli import params
from trygghet_cli.cli.common import LangOption, lang_or_exit
from trygghet_cli.cli.editing import DiffOption, DryRunOption, PlanOption, edit_plan
from trygghet_cli.cli.typer_adapter import TryggCommand, TryggGroup
from trygghet_cli.model.meetings import MeetingKind

meeting_app = typer.Typer(
    help="Mötesloggen: skapa ett nytt möte ur en mall.",
    no_args_is_help=True,
    rich_markup_mode=None,
    cls=TryggGroup,
)


@meeting_app.command("new", cls=TryggCommand)
def new(
    body: Annotated[
        str,
        typer.Argument(metavar="ORGAN", help="Organet (id) som håller mötet, t.ex. lokala-bra."),
    ],
    date: Annotated[
        Date,
        typer.Option(
            "--date", "-d", parser=params.day, metavar="DATUM", help="Mötets datum, ÅÅÅÅ-MM-DD."
        ),
    ],
    kind: Annotated[
        MeetingKind,
        typer.Option(
            "--kind",
            metavar="TYP",
            help="ordinarie (standard), extra eller akut.",
            show_default=False,
        ),
    ] = MeetingKind.REGULAR,
    place: Annotated[
        str | None,
        typer.Option("--place", metavar="PLATS", help="Var mötet hålls.", show_default=False),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            metavar="MALL",
            help="En egen mall (Jinja2) i stället för trygg:s.",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    plan: PlanOption = Path(),
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    lang: LangOption = None,
) -> None:
    """Skapa moten/ÅÅÅÅ-MM-DD-organ.yaml med organets ledamöter som närvarande och dess
    öppna åtgärder på dagordningen för uppföljning."""
    from trygghet_cli.editing.meetings import new_meeting

    language = lang_or_exit(lang)
    edit_plan(
        plan,
        language,
        lambda session: new_meeting(session, body, date, kind=kind, place=place, template=template),
        dry_run=dry_run,
        diff=diff,
    )
