"""``trygg overview``: many plans in one view, one row per kommun, for a county or the country."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from trygghet_cli.cli import params
from trygghet_cli.cli.common import (
    LangOption,
    PlansArgument,
    lang_or_exit,
    refuse_missing,
    usage_error,
    write_output,
)
from trygghet_cli.i18n import Lang, Text


class OverviewFormat(str, Enum):
    html = "html"
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


_SUFFIXES = {".html": "html", ".htm": "html", ".xlsx": "xlsx", ".csv": "csv", ".json": "json"}
FILE_STEM = "oversikt"


def overview(
    paths: PlansArgument = None,
    as_of: Annotated[
        date | None,
        typer.Option(
            "--as-of",
            parser=params.day,
            metavar="DATUM",
            help="Dagen som allt bedöms per, ÅÅÅÅ-MM-DD. Standard: i dag.",
            show_default=False,
        ),
    ] = None,
    county: Annotated[
        str | None,
        typer.Option(
            "--lan",
            parser=params.county,
            metavar="LÄN",
            help="Bara kommunerna i ett län: länskoden (14 för Västra Götalands län) eller "
            "länets namn.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FIL",
            help="Skriv till en fil, eller till en befintlig mapp (oversikt.html, "
            "oversikt.xlsx, oversikt.json, en CSV-fil per tabell). Standard: standard ut.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        OverviewFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html (en sida), xlsx (en arbetsbok med ett blad per tabell), csv eller json. "
            "Standard: efter filändelsen i --output, annars html till en mapp och csv till "
            "standard ut.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Översikt över många planer, en rad per kommun: lagens tre krav, organens möten, det som
    är försenat, nyckeltalen mot riket och planens kontroll, med länens summor överst.

    Siffrorna är desamma som i varje kommuns lägesrapport och i trygg deadlines samma dag.
    Avslutas med 0 när översikten är skriven (planernas fel står i den) och 2 vid felaktig
    användning.
    """
    from datetime import date

    from trygghet_cli.followup.base import Window

    language = lang_or_exit(lang)
    day = as_of or date.today()
    folder = output is not None and output.is_dir()
    chosen = _format(format, output, folder, language)

    from trygghet_cli.analysis.overview import overview_paths
    from trygghet_cli.checks.cache import default_folder
    from trygghet_cli.checks.runner import Options
    from trygghet_cli.cli.deadlines import DEFAULT_WITHIN

    result = overview_paths(
        paths or [Path()],
        Window(day, DEFAULT_WITHIN),
        county=county,
        options=Options(cache=default_folder()),
    )
    refuse_missing(result.missing, language)
    if not result.plans and not result.left_out:
        usage_error(
            Text(
                "Ingen plan hittades (en plan är en mapp med kommun.yaml).",
                "No plan found (a plan is a folder with kommun.yaml).",
            ),
            language,
        )
    files = _render(result, chosen, language, folder)
    if output is None:
        [(_, data)] = files.items()
        typer.echo(data, nl=False)
        return
    for name, data in files.items():
        write_output(output / name if folder else output, data, language)


def _format(
    chosen: OverviewFormat | None, output: Path | None, folder: bool, lang: Lang
) -> OverviewFormat:
    if chosen is None:
        if output is not None and not folder:
            chosen = OverviewFormat(_SUFFIXES.get(output.suffix.lower(), "html"))
        else:
            chosen = OverviewFormat.html if folder else OverviewFormat.csv
    if chosen is OverviewFormat.xlsx and output is None:
        usage_error(
            Text(
                "--format xlsx skriver en fil: ange --output, till exempel oversikt.xlsx.",
                "--format xlsx writes a file: give --output, for example oversikt.xlsx.",
            ),
            lang,
        )
    return chosen


def _render(
    result: object, chosen: OverviewFormat, lang: Lang, folder: bool
) -> dict[str, str | bytes]:
    """The files to write, by name (the name is used only when writing to a folder)."""
    from trygghet_cli.analysis.overview import Overview
    from trygghet_cli.analysis.overview_tables import tables
    from trygghet_cli.render.overview import flat, html, xlsx

    assert isinstance(result, Overview)
    made = tables(result, lang)
    if chosen is OverviewFormat.html:
        return {f"{FILE_STEM}.html": html.render(result, made, lang)}
    if chosen is OverviewFormat.xlsx:
        return {f"{FILE_STEM}.xlsx": xlsx.render(result, made, lang)}
    if chosen is OverviewFormat.json:
        return {f"{FILE_STEM}.json": flat.as_json(result, made)}
    if folder:
        return dict(flat.csv_files(made, lang))
    return {f"{FILE_STEM}.csv": flat.as_csv(made, lang)}
