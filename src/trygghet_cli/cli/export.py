"""``trygg export``: the whole plan as intranet pages (Markdown or self-contained HTML)."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from trygghet_cli.cli import params
from trygghet_cli.cli.common import (
    LangOption,
    PlanArgument,
    lang_or_exit,
    usage_error,
    write_output,
)
from trygghet_cli.i18n import Text

EXPORT_WITHIN = 30
"""Days ahead that the overview lists as due soon (as ``trygg deadlines`` by default)."""


def _inside(name: str) -> str:
    """A page's name as a path below the export folder; never one that climbs out of it."""
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or "sida"


class ExportFormat(str, Enum):
    markdown = "markdown"
    html = "html"


def export(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="MAPP",
            help="Mappen sidorna skrivs till (skapas vid behov).",
            show_default=False,
        ),
    ],
    path: PlanArgument = None,
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="markdown (GitHub/GitLab, diagram i Mermaid) eller html (fristående sidor).",
        ),
    ] = ExportFormat.html,
    as_of: Annotated[
        date | None,
        typer.Option(
            "--as-of",
            parser=params.day,
            metavar="DATUM",
            help="Dagen som lägen och tidsfrister bedöms per, ÅÅÅÅ-MM-DD. Standard: i dag.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Hela planen som sidor för intranätet: översikt, organisation med diagram,
    styrdokument, mål, aktiviteter, nyckeltal med diagram mot riket och mötesloggen.

    Lägen (försenat, förfaller, mål, aktiviteter, åtgärder) bedöms per --as-of, med samma
    uppföljning som trygg deadlines och lägesrapporten. Länkarna är relativa, så mappen
    fungerar var den än kopieras.
    """
    language = lang_or_exit(lang)
    if output.is_symlink():
        usage_error(
            Text(
                f"{output} är en symbolisk länk; exporten skriver bara i en riktig mapp. Ange "
                "mappen den pekar på, eller en ny mapp.",
                f"{output} is a symbolic link; the export writes only into a real folder. Give "
                "the folder it points to, or a new one.",
            ),
            language,
        )
    day = as_of or date.today()
    if output.exists() and not output.is_dir():
        usage_error(
            Text(f"{output} finns och är ingen mapp.", f"{output} exists and is not a folder."),
            language,
        )
    from trygghet_cli.cli.plans import load_plan_files
    from trygghet_cli.followup.base import Window
    from trygghet_cli.followup.deadlines import follow_up
    from trygghet_cli.loading.national import national_data
    from trygghet_cli.render.export import render_site
    from trygghet_cli.render.site import build_site

    loaded = load_plan_files(path, language, "export")
    followup = follow_up(loaded, Window(day, EXPORT_WITHIN))
    site = build_site(loaded.plan, national_data(), language, followup)
    files = render_site(site, language, format.value)
    from trygghet_cli.cli.published import public

    for name, text in sorted(files.items()):
        write_output(output / _inside(public(name)), text, language, below=output)
    start = output / f"index.{'html' if format is ExportFormat.html else 'md'}"
    typer.echo(
        Text(
            f"Skrev {len(files)} filer till {output}; börja med {start}.",
            f"Wrote {len(files)} files to {output}; start with {start}.",
        )(language)
    )
