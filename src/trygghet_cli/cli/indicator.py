"""``trygg indicator``: record a value, import figures saved from Kolada, or fetch them from
Kolada's API."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from trygghet_cli.cli import params
from trygghet_cli.cli.common import LangOption, lang_or_exit
from trygghet_cli.cli.editing import DiffOption, DryRunOption, PlanOption, edit_plan
from trygghet_cli.cli.typer_adapter import TryggCommand, TryggGroup
from trygghet_cli.editing.geography import KOMMUN, Geography
from trygghet_cli.model.periods import Period
from trygghet_cli.wording import plural

indicator_app = typer.Typer(
    help="Nyckeltal: för in ett värde, importera en fil från Kolada eller hämta ur Koladas API.",
    no_args_is_help=True,
    rich_markup_mode=None,
    cls=TryggGroup,
)

GenderOption = Annotated[
    str,
    typer.Option(
        "--gender",
        parser=params.gender,
        metavar="KÖN",
        help="Vilket kön som importeras: T (totalt), K eller M.",
    ),
]
"""Kolada's gender column to take (import and fetch alike)."""


_NEGATIVE_NUMBER = re.compile(r"^-\d[\d\s.,]*$")


class _NegativeValues(TryggCommand):
    """``trygg indicator set X 2021 -5``: a negative number is a value, never an option
    (Click would take ``-5`` for an unknown flag). It is handed on with a typographic minus,
    which the number parser reads; the value of an option (``--note -5``) is left alone."""

    def prepare_args(self, args: list[str]) -> list[str]:
        takes_value = self.value_options()
        return [
            "\u2212" + arg[1:]
            if _NEGATIVE_NUMBER.match(arg) and (i == 0 or args[i - 1] not in takes_value)
            else arg
            for i, arg in enumerate(args)
        ]


@indicator_app.command("set", cls=_NegativeValues)
def set_(
    indicator: Annotated[
        str, typer.Argument(metavar="NYCKELTAL", help="Nyckeltalets id, t.ex. anmalda-brott.")
    ],
    period: Annotated[
        Period,
        typer.Argument(
            parser=params.period,
            metavar="PERIOD",
            help="Perioden: 2021, 2021Q1, 2021T1, 2021H1 eller 2021-03.",
        ),
    ],
    value: Annotated[
        float,
        typer.Argument(
            parser=params.figure,
            metavar="VÄRDE",
            help="Värdet, med decimalkomma eller -punkt: 22,6.",
        ),
    ],
    geography: Annotated[
        Geography,
        typer.Option(
            "--geography",
            "-g",
            parser=params.geography,
            metavar="NIVÅ[:NAMN]",
            help="Var värdet gäller: NIVÅ eller NIVÅ:NAMN, t.ex. "
            "'lokalpolisområde:Norra Västmanland'.",
        ),
    ] = KOMMUN,
    preliminary: Annotated[
        bool, typer.Option("--preliminary", help="Värdet är preliminärt.")
    ] = False,
    illustrative: Annotated[
        bool, typer.Option("--illustrative", help="Värdet är påhittat (illustrativt).")
    ] = False,
    note: Annotated[
        str | None,
        typer.Option("--note", metavar="TEXT", help="En anmärkning om värdet.", show_default=False),
    ] = None,
    plan: PlanOption = Path(),
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    lang: LangOption = None,
) -> None:
    """För in ett värde: ändrar värdet för perioden och geografin om det finns, annars läggs
    det till i periodordning."""
    from trygghet_cli.editing.indicators import NewValue, set_value

    language = lang_or_exit(lang)
    new = NewValue(period, value, geography, preliminary, illustrative, note)
    edit_plan(
        plan,
        language,
        lambda session: set_value(session, indicator, new),
        dry_run=dry_run,
        diff=diff,
    )


@indicator_app.command("import", cls=TryggCommand)
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FIL",
            help="Export från Kolada: JSON från API:t eller CSV (kpi;kommun;period;kön;värde).",
            exists=True,
            dir_okay=False,
        ),
    ],
    gender: GenderOption = "T",
    preliminary: Annotated[
        bool, typer.Option("--preliminary", help="Märk de importerade värdena som preliminära.")
    ] = False,
    illustrative: Annotated[
        bool,
        typer.Option(
            "--illustrative", help="Märk de importerade värdena som påhittade (illustrativa)."
        ),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Visa alla överhoppade rader.")
    ] = False,
    plan: PlanOption = Path(),
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    lang: LangOption = None,
) -> None:
    """Importera värden från Kolada till nyckeltalen som anger kolada_kpi.

    Kommunen är planens kommunkod, perioden Koladas år, geografin kommun. Raden för varje värde
    som läggs till, ändras (gammalt → nytt) eller hoppas över visas. En skadad fil ändrar
    ingenting.
    """
    from trygghet_cli.cli.editing import fail
    from trygghet_cli.editing.indicators import ImportReport, import_rows
    from trygghet_cli.i18n import Text
    from trygghet_cli.loading.kolada import read_kolada
    from trygghet_cli.loading.plan import display_path
    from trygghet_cli.render.changes import findings, import_lines

    language = lang_or_exit(lang)
    kolada = read_kolada(file, display_path(file))
    if kolada.diagnostics:
        count = len(kolada.diagnostics)
        fail(
            Text(
                f"{kolada.file} kan inte importeras ({count} fel); ingen fil ändrades.",
                f"{kolada.file} cannot be imported ({count} "
                + plural(count, "error", "errors")
                + "); no file was changed.",
            ),
            language,
            details=findings(kolada.diagnostics, language),
        )

    def report(result: ImportReport, refused: bool) -> list[str]:
        return import_lines(result, language, verbose=verbose, refused=refused)

    edit_plan(
        plan,
        language,
        lambda session: import_rows(
            session, kolada, gender=gender, preliminary=preliminary, illustrative=illustrative
        ),
        dry_run=dry_run,
        diff=diff,
        report=report,
    )


@indicator_app.command("fetch", cls=TryggCommand)
def fetch(
    kpis: Annotated[
        list[str] | None,
        typer.Argument(
            parser=params.kolada_kpi,
            metavar="KPI",
            help="Koladas id, t.ex. N07540; utan id hämtas alla kolada_kpi i planen.",
            show_default=False,
        ),
    ] = None,
    years: Annotated[
        params.Years | None,
        typer.Option(
            "--years",
            "-y",
            parser=params.years,
            metavar="ÅR",
            help="Vilka år: 2023, 2021,2023 eller 2019-2023. Standard: alla år Kolada har.",
            show_default=False,
        ),
    ] = None,
    gender: GenderOption = "T",
    preliminary: Annotated[
        bool, typer.Option("--preliminary", help="Märk de hämtade värdena som preliminära.")
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            parser=params.seconds,
            metavar="SEKUNDER",
            help="Hur länge trygg väntar på Koladas svar.",
        ),
    ] = 30.0,
    retries: Annotated[
        int,
        typer.Option(
            "--retries",
            min=0,
            max=10,
            metavar="N",
            help="Hur många gånger ett misslyckat anrop görs om.",
        ),
    ] = 3,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh", help="Fråga Kolada även om cachen har ett svar från det senaste dygnet."
        ),
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Varken läs eller spara svar i cachen.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Visa alla överhoppade rader.")
    ] = False,
    plan: PlanOption = Path(),
    dry_run: DryRunOption = False,
    diff: DiffOption = False,
    lang: LangOption = None,
) -> None:
    """Hämta värden ur Koladas öppna API (v3) till nyckeltalen som anger kolada_kpi.

    Värdena hämtas för planens kommun och för riket (Koladas 0000): kommunens blir värden med
    geografi kommun, rikets värden med geografi riket som compare och lägesbilden jämför med.
    Alla sidor hämtas innan planen ändras: går nätet eller Kolada sönder ändras ingenting.
    Svaren sparas i trygg:s cache ett dygn.
    """
    from trygghet_cli.checks.cache import default_folder
    from trygghet_cli.editing.changes import EditError
    from trygghet_cli.editing.indicators import ImportReport, import_rows, kolada_targets
    from trygghet_cli.editing.session import EditSession
    from trygghet_cli.i18n import Text
    from trygghet_cli.loading.kolada import RIKET, KoladaFile
    from trygghet_cli.loading.kolada.api import (
        Fetched,
        FetchSettings,
        KoladaApiError,
        base_url,
    )
    from trygghet_cli.loading.kolada.api import (
        fetch as fetch_pages,
    )
    from trygghet_cli.render.changes import fetched_line, import_lines
    from trygghet_cli.render.progress import page_progress

    language = lang_or_exit(lang)
    settings = FetchSettings(
        base_url=base_url(),
        timeout=timeout,
        retries=retries,
        cache=None if no_cache else default_folder() / "kolada",
        refresh=refresh,
    )
    chosen_years = list(years or [])
    done: list[tuple[Fetched, str, list[str]]] = []

    def operation(session: EditSession) -> ImportReport:
        kommunkod, wanted = kolada_targets(session, list(kpis or []))
        try:
            with page_progress(language) as progress:
                fetched = fetch_pages(wanted, [kommunkod, RIKET], chosen_years, settings, progress)
        except KoladaApiError as exc:
            raise EditError(
                exc.text,
                Text(
                    f"Försök igen om en stund; adressen var {exc.url}.",
                    f"Try again in a while; the address was {exc.url}.",
                ),
            ) from None
        if fetched.diagnostics:
            count = len(fetched.diagnostics)
            raise EditError(
                Text(
                    f"Koladas svar kan inte importeras ({count} fel); ingen fil ändrades.",
                    f"Kolada's answer cannot be imported ({count} "
                    + plural(count, "error", "errors")
                    + "); no file was changed.",
                ),
                diagnostics=fetched.diagnostics,
            )
        done.append((fetched, kommunkod, wanted))
        kolada = KoladaFile("Kolada", "api", fetched.rows, [])
        return import_rows(session, kolada, gender=gender, preliminary=preliminary)

    def report(result: ImportReport, refused: bool) -> list[str]:
        lines = import_lines(result, language, verbose=verbose, refused=refused)
        fetched, kommunkod, wanted = done[0]
        return [
            *lines,
            fetched_line(fetched, settings.base_url, wanted, kommunkod, chosen_years, language),
        ]

    edit_plan(plan, language, operation, dry_run=dry_run, diff=diff, report=report)
