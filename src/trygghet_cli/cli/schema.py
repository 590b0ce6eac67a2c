"""``trygg schema``: write the JSON Schemas that editors and other validators use."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trygghet_cli.cli.common import LangOption, lang_or_exit, write_output
from trygghet_cli.i18n import Text


def schema(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="MAPP",
            help="Mappen som scheman skrivs till.",
            file_okay=False,
        ),
    ] = Path("schemas"),
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Skriv inget; avsluta med 1 om mappens scheman är inaktuella."
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Skriv JSON-scheman för planens filer (för editorer och check-jsonschema)."""
    from trygghet_cli.render.jsonschema import schema_files

    language = lang_or_exit(lang)
    files = schema_files()
    stale = []
    for name, text in files.items():
        target = output / name
        current = target.read_text("utf-8") if target.is_file() else None
        if current == text:
            continue
        stale.append(name)
        if not check:
            write_output(target, text, language, below=output)
    if check:
        if stale:
            typer.echo(
                Text(
                    f"Inaktuella scheman i {output}: {', '.join(stale)}. Kör "
                    f"'trygg schema --output {output}'.",
                    f"Stale schemas in {output}: {', '.join(stale)}. Run "
                    f"'trygg schema --output {output}'.",
                )(language),
                err=True,
            )
            raise typer.Exit(1)
        typer.echo(
            Text(f"Scheman i {output} är aktuella.", f"Schemas in {output} are up to date.")(
                language
            )
        )
        return
    typer.echo(
        Text(
            f"Skrev {len(stale)} av {len(files)} scheman till {output}.",
            f"Wrote {len(stale)} of {len(files)} schemas to {output}.",
        )(language)
    )
