"""``trygg fmt``: plan files in canonical form."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trygghet_cli.cli.common import LangOption, PathsArgument, lang_or_exit


def fmt(
    paths: PathsArgument = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Skriv inget; avsluta med 1 om någon fil skulle ändras."),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Visa ändringarna som en diff; skriv inget.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Skriv planens filer i kanonisk form: två blankstegs indrag, nycklar i schemats ordning,
    kommentarer kvar.

    Avslutas med 0 när allt gick bra, 1 om en fil har fel (eller med --check om någon fil
    skulle ändras), 2 vid felaktig användning.
    """
    from trygghet_cli.cli.common import refuse_missing, write_reason
    from trygghet_cli.editing.canonical import format_paths
    from trygghet_cli.i18n import Text
    from trygghet_cli.loading.atomic import (
        FileChangedError,
        PlanLockedError,
        plan_lock,
        write_bytes_atomic,
    )
    from trygghet_cli.loading.plan import display_path, plan_root_of
    from trygghet_cli.render.changes import findings, unified_diff

    language = lang_or_exit(lang)
    result = format_paths(paths or [Path()])
    refuse_missing(result.missing, language)
    for line in findings(result.diagnostics, language):
        typer.echo(line, err=True)
    changed = result.changed
    total = len(result.files)
    if diff:
        for item in changed:
            typer.echo(unified_diff(item.before, item.after, item.file), nl=False)
    if check or diff:
        for item in changed:
            typer.echo(Text(f"skulle ändras: {item.file}", f"would change: {item.file}")(language))
        typer.echo(
            Text(
                f"{len(changed)} av {total} filer skulle ändras.",
                f"{len(changed)} of {total} files would change.",
            )(language)
        )
        failed = bool(result.diagnostics) or (check and bool(changed))
        raise typer.Exit(1 if failed else 0)
    written = 0
    for item in changed:
        try:
            with plan_lock(plan_root_of(item.path) or item.path.parent):
                write_bytes_atomic(item.path, item.data, unchanged_from=item.original)
        except PlanLockedError:
            typer.echo(
                Text(
                    f"{display_path(item.path)}: en annan trygg skriver i planen just nu; den "
                    "skrevs inte.",
                    f"{display_path(item.path)}: another trygg is writing to the plan right now; "
                    "it was not written.",
                )(language),
                err=True,
            )
            continue
        except OSError as exc:  # a full disk, a read-only folder or file
            reason = write_reason(exc)
            typer.echo(
                Text(
                    f"trygg fmt: kan inte skriva {display_path(item.path)}: {reason('sv')}",
                    f"trygg fmt: cannot write {display_path(item.path)}: {reason('en')}",
                )(language),
                err=True,
            )
            continue
        except FileChangedError:
            typer.echo(
                Text(
                    f"{display_path(item.path)} ändrades av någon annan under tiden; "
                    "den skrevs inte.",
                    f"{display_path(item.path)} was changed by someone else meanwhile; "
                    "it was not written.",
                )(language),
                err=True,
            )
            continue
        written += 1
        typer.echo(Text(f"formaterade {item.file}", f"formatted {item.file}")(language))
    typer.echo(
        Text(
            f"{written} av {total} filer formaterades.",
            f"{written} of {total} files were formatted.",
        )(language)
    )
    raise typer.Exit(1 if result.diagnostics or written < len(changed) else 0)
