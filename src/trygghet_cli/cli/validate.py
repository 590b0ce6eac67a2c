"""``trygg validate``: check plans and report every finding."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trygghet_cli.cli.common import (
    CheckFormat,
    IgnoreOption,
    LangOption,
    OutputOption,
    PathsArgument,
    append_step_summary,
    for_machines,
    lang_or_exit,
    on_github_actions,
    refuse_missing,
    stdout_is_terminal,
    write_output,
)


def validate(
    paths: PathsArgument = None,
    format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Utdataformat. Standard: text, eller github inne i GitHub Actions.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Varningar ger också felkod 1.")] = False,
    ignore: IgnoreOption = None,
    output: OutputOption = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="ANTAL",
            help="Antal processer. Standard: en per kärna när det är många filer, annars en.",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Läs om varje fil i stället för att använda cachen "
            "(i $TRYGG_CACHE_DIR, annars ~/.cache/trygg).",
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Kontrollera planer: syntax, nycklar, värden, hänvisningar och datum.

    Avslutas med 0 när allt är rätt, 1 vid fel (och vid varningar med --strict),
    2 vid felaktig användning.
    """
    from trygghet_cli.checks.batch import validate_paths
    from trygghet_cli.checks.cache import default_folder
    from trygghet_cli.checks.runner import Options
    from trygghet_cli.render.reporters import REPORTERS, Report

    language = lang_or_exit(lang)
    result = validate_paths(
        paths or [Path()],
        ignore=ignore or [],
        options=Options(cache=None if no_cache else default_folder()),
        jobs=jobs,
    )
    refuse_missing(result.missing, language)
    chosen = format or (CheckFormat.github if on_github_actions() else CheckFormat.text)
    report = Report(
        command="trygg validate",
        diagnostics=result.diagnostics,
        files=result.files,
        plans=len(result.plans),
        lang=language,
        color=chosen is CheckFormat.text and output is None and stdout_is_terminal(),
        strict=strict,
    )
    if chosen is not CheckFormat.text:
        report = for_machines(report)
    rendered = REPORTERS[chosen.value](report)
    if output is not None:
        write_output(output, rendered.stdout, language)
    elif chosen is CheckFormat.text and on_github_actions():
        from trygghet_cli.render.reporters.github import shielded_text

        typer.echo(shielded_text(rendered.stdout), nl=False)
    else:
        typer.echo(rendered.stdout, nl=False)
    append_step_summary(rendered.step_summary, language)
    raise typer.Exit(1 if result.failed(strict=strict) else 0)
