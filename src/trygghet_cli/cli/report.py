"""``trygg report``: the quarterly brief for kommunstyrelsen or the lokala BRÅ."""

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
    PlanArgument,
    lang_or_exit,
    usage_error,
    write_output,
)
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.periods import Period


class ReportFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    pdf = "pdf"


_BY_SUFFIX = {".html": ReportFormat.html, ".htm": ReportFormat.html, ".pdf": ReportFormat.pdf}


def report(
    quarter: Annotated[
        Period,
        typer.Option(
            "--quarter",
            "-q",
            parser=params.quarter,
            metavar="KVARTAL",
            help="Kvartalet: 2021Q1, 2021-Q1 eller 2021K1.",
            show_default=False,
        ),
    ],
    path: PlanArgument = None,
    format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="markdown, html eller pdf (PDF/A för mötessystemet och diariet). Standard: "
            "html när --output slutar på .html, pdf när det slutar på .pdf, annars markdown.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            exists=True,
            file_okay=False,
            metavar="MAPP",
            help="En mapp med kommunens egna mallar (brief.md.j2, brief.html.j2, som också "
            "ger PDF:en); det som saknas där tas från trygg:s mallar.",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        date | None,
        typer.Option(
            "--as-of",
            parser=params.day,
            metavar="DATUM",
            help="Dagen rapporten skrivs, ÅÅÅÅ-MM-DD: ett kvartal som inte är slut bedöms per "
            "den dagen. Standard: i dag.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Lägesrapport för ett kvartal: möten, beslut, åtgärder, mål, jämförelse med riket,
    lägesbilden och tidsfristerna nästa kvartal.

    Ett kvartal som har slutat bedöms per sin sista dag, ett som pågår per i dag (--as-of).

    Avslutas med 1 om planen har fel (de visas då som i trygg validate).
    """
    language = lang_or_exit(lang)
    today = as_of or date.today()
    if quarter.start > today:
        from trygghet_cli.wording import date_label

        n = (quarter.start.month - 1) // 3 + 1
        usage_error(
            Text(
                f"kvartal {n} {quarter.year} har inte börjat den {date_label(today, 'sv')}; "
                "en lägesrapport skrivs för ett kvartal som har börjat. Se det som förfaller "
                "med trygg deadlines --within DAGAR.",
                f"quarter {n} {quarter.year} has not begun on {date_label(today, 'en')}; a brief "
                "is written for a quarter that has begun. See what falls due with "
                "trygg deadlines --within DAYS.",
            ),
            language,
        )
    chosen = format or (
        _BY_SUFFIX.get(output.suffix.lower(), ReportFormat.markdown)
        if output is not None
        else ReportFormat.markdown
    )
    if chosen is ReportFormat.pdf and output is None:
        usage_error(
            Text(
                "En PDF skrivs till en fil: ange --output, till exempel --output lagesrapport.pdf.",
                "A PDF is written to a file: give --output, for example --output brief.pdf.",
            ),
            language,
        )

    from trygghet_cli.analysis.brief import build_brief
    from trygghet_cli.cli.plans import load_plan_files
    from trygghet_cli.loading.national import national_data
    from trygghet_cli.render.brief import render_brief
    from trygghet_cli.render.templating import TemplateProblem
    from trygghet_cli.visible import visible_lines

    loaded = load_plan_files(path, language, "report")
    brief = build_brief(loaded, quarter, national_data(), today=today)
    try:
        text = render_brief(
            brief, language, "html" if chosen is ReportFormat.pdf else chosen.value, template
        )
    except TemplateProblem as exc:
        typer.echo(
            Text(
                f"trygg report: fel i mallen {exc.text('sv')}",
                f"trygg report: template error {exc.text('en')}",
            )(language),
            err=True,
        )
        raise typer.Exit(1) from None
    # A control character a template wrote (a plan's text has none: the loader shows them) or a
    # file's name carries is shown, never sent to a terminal, a browser or a PDF.
    text = visible_lines(text)
    if chosen is ReportFormat.pdf:
        assert output is not None
        write_output(output, _pdf(text, language), language)
    elif output is not None:
        write_output(output, text, language)
    else:
        typer.echo(text, nl=False)


def _pdf(html: str, language: Lang) -> bytes:
    """The HTML brief as PDF/A; says which addresses a template pointed at were not fetched.

    The page is masked before it is laid out: inside the PDF the text is compressed, out of
    reach of the mask on written files, which passes the PDF's bytes as they are."""
    from trygghet_cli.cli.published import Masked, public
    from trygghet_cli.render.pdf import PdfError, html_to_pdf

    try:
        pdf = html_to_pdf(public(html), language)
    except PdfError as exc:
        typer.echo(f"trygg report: {exc.message(language)}", err=True)
        raise typer.Exit(1) from None
    for url in pdf.refused:
        typer.echo(
            Text(
                f"trygg report: varning: mallen pekar på {url}; PDF:en hämtar ingenting utanför "
                "sidan (bädda in bilder som data:-adresser).",
                f"trygg report: warning: the template points at {url}; the PDF fetches nothing "
                "outside the page (embed images as data: URLs).",
            )(language),
            err=True,
        )
    return Masked(pdf.data)
