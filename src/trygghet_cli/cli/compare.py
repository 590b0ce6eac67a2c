"""``trygg compare``: each plan's indicators against the national figures, side by side."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from trygghet_cli.cli import params
from trygghet_cli.cli.common import (
    LangOption,
    OutputOption,
    PlansArgument,
    lang_or_exit,
    usage_error,
    write_output,
)
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.periods import MAX_YEAR, MIN_YEAR


class CompareFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"


def compare(
    paths: PlansArgument = None,
    format: Annotated[
        CompareFormat,
        typer.Option(
            "--format",
            "-f",
            help="table (terminalen), markdown, csv (för Excel; semikolon och decimalkomma "
            "med --lang sv) eller json.",
        ),
    ] = CompareFormat.table,
    indicator: Annotated[
        str | None,
        typer.Option(
            "--indicator",
            metavar="ID",
            help="Bara ett nyckeltal: dess id i planen eller den nationella seriens id.",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            min=MIN_YEAR,
            max=MAX_YEAR,
            metavar="ÅR",
            help="Jämför det här året. Standard: senaste år som både planen och riket har.",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        date | None,
        typer.Option(
            "--as-of",
            parser=params.day,
            metavar="DATUM",
            help="Jämför som det var den dagen, ÅÅÅÅ-MM-DD: bara värden vars period har slutat "
            "och rikets värden som var publicerade då. Standard: alla värden.",
            show_default=False,
        ),
    ] = None,
    list_series: Annotated[
        bool,
        typer.Option("--list", help="Visa de nationella serier som trygg har med sig."),
    ] = False,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    """Jämför planernas nyckeltal med riket: värde, rikets värde samma period, skillnad, trend.

    För en andel (procent) är skillnaden i procentenheter, för ett tal per 100 000 invånare
    relativ, i procent. Om den är bättre eller sämre följer nyckeltalets riktning.
    """
    from functools import partial

    from trygghet_cli.analysis.comparison import (
        PlanRows,
        comparisons,
        ordered,
        plan_comparison_rows,
        years_with_values,
    )
    from trygghet_cli.cli.plans import load_digests
    from trygghet_cli.loading.national import national_data
    from trygghet_cli.wording import Formatter

    language = lang_or_exit(lang)
    fmt = Formatter(language)
    national = national_data()
    if list_series:
        from trygghet_cli.render.comparisons import series_list

        _emit(series_list(national, fmt), output, language)
        return
    digest = partial(plan_comparison_rows, indicator=indicator, until=as_of)
    found = [f for f in load_digests(paths, language, "compare", digest) if isinstance(f, PlanRows)]
    rows = ordered([r for f in found for r in f.rows])
    if indicator is not None and not rows:
        known = sorted({i for f in found for i in f.indicators} | {s.id for s in national.series})
        usage_error(
            Text(
                f"Inget nyckeltal '{indicator}' med nationell jämförelse. Välj bland: "
                + ", ".join(known),
                f"No indicator '{indicator}' with a national comparison. Choose from: "
                + ", ".join(known),
            ),
            language,
        )
    # pandas only now, after the plans were read: worker processes start without it
    from trygghet_cli.render import comparisons as render

    items = comparisons(rows, year=year)
    years = years_with_values(rows)
    if format is CompareFormat.csv:
        text = render.as_csv(rows, language, year)
    elif format is CompareFormat.json:
        text = render.as_json(items)
    elif format is CompareFormat.markdown:
        text = render.as_markdown(items, fmt, year=year, years=years)
    else:
        text = render.as_text(items, fmt, year=year, years=years)
    _emit(text, output, language)


def _emit(text: str, output: Path | None, language: Lang) -> None:
    if output is not None:
        write_output(output, text, language)
    else:
        typer.echo(text, nl=False)
