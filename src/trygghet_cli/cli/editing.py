"""What the editing commands share: their options, and how an edit ends.

An edit ends in one of four ways: it cannot be made (exit 1, the reason and a hint), it would
make the plan invalid (exit 1, the findings, nothing written), it is a dry run (the changes and
optionally the diff, nothing written, exit 0), or it is written (exit 0). A file that someone
else changed while trygg worked is never overwritten (exit 1).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from trygghet_cli.cli.common import refuse_missing, write_reason
from trygghet_cli.i18n import Lang, Text

if TYPE_CHECKING:
    from trygghet_cli.editing.session import EditSession

T = TypeVar("T")

PlanOption = Annotated[
    Path,
    typer.Option(
        "--plan",
        "-p",
        metavar="MAPP",
        help="Planens mapp (eller en fil eller mapp i den). Standard: den aktuella mappen.",
        show_default=False,
    ),
]
DryRunOption = Annotated[
    bool,
    typer.Option("--dry-run", "-n", help="Visa vad som skulle ändras, men skriv inget."),
]
DiffOption = Annotated[
    bool, typer.Option("--diff", help="Visa ändringarna som en diff (som git diff).")
]


def fail(
    message: Text, lang: Lang, hint: Text | None = None, details: list[str] | None = None
) -> NoReturn:
    """A mistake in the request or the plan: say what and what to do, exit 1.

    Under findings (``details``), which carry their own hints, what to do is a line of its own,
    not one more indented hint that would read as the last finding's.
    """
    typer.echo(f"trygg: {message(lang)}", err=True)
    for line in details or []:
        typer.echo(line, err=True)
    if hint is not None and details:
        typer.echo(hint(lang), err=True)
    elif hint is not None:
        tip = Text("tips", "hint")(lang)
        typer.echo(f"    {tip}: {hint(lang)}", err=True)
    raise typer.Exit(1)


def edit_plan(
    plan: Path,
    lang: Lang,
    operation: Callable[[EditSession], T],
    *,
    dry_run: bool,
    diff: bool,
    report: Callable[[T, bool], list[str]] | None = None,
) -> T:
    """Run ``operation(session)`` on the plan at ``plan``, report, and write unless refused.

    ``report`` turns what the operation returned, and whether the edit was refused, into the
    lines to show (an import reports its rows); without it, each change is shown with its file
    and line. A refused edit says what it would have done, never that it did.
    """
    from trygghet_cli.editing.changes import EditError
    from trygghet_cli.editing.session import EditSession, find_plan, write
    from trygghet_cli.loading.atomic import FileChangedError, PlanLockedError
    from trygghet_cli.loading.plan import display_path
    from trygghet_cli.render.changes import (
        change_lines,
        findings,
        refusal,
        unified_diff,
        written_line,
    )

    if not plan.exists():  # a mistake in the command line, as for every other command
        refuse_missing([plan], lang)
    try:
        session = EditSession(find_plan(plan))
        value = operation(session)
        outcome = session.finish()
    except EditError as exc:
        fail(exc.text, lang, exc.hint, findings(exc.diagnostics, lang))
    if report is not None:
        shown = report(value, outcome.refused)
    else:
        shown = change_lines(outcome.changes, lang, refused=outcome.refused)
    for line in shown:
        typer.echo(line)
    if outcome.refused:
        for line in refusal(outcome, lang):
            typer.echo(line, err=True)
        raise typer.Exit(1)
    for line in findings(outcome.warnings, lang):
        typer.echo(line)
    if diff:
        for edit in outcome.written:
            typer.echo(unified_diff(edit.before, edit.after, edit.file), nl=False)
    names = [edit.file for edit in outcome.written]
    if not dry_run:
        try:
            write(outcome, session.root)
        except PlanLockedError:
            fail(
                Text(
                    "En annan trygg skriver i planen just nu; inget skrevs.",
                    "Another trygg is writing to the plan right now; nothing was written.",
                ),
                lang,
                Text("Kör kommandot igen om en stund.", "Run the command again in a while."),
            )
        except OSError as exc:  # a full disk, a read-only folder or file
            failed = Path(exc.filename) if exc.filename else session.root
            reason = write_reason(exc)
            fail(
                Text(
                    f"Kan inte skriva {display_path(failed)}: {reason('sv')}; inget mer skrevs.",
                    f"Cannot write {display_path(failed)}: {reason('en')}; nothing more was "
                    "written.",
                ),
                lang,
            )
        except FileChangedError as exc:
            fail(
                Text(
                    f"{display_path(exc.path)} har ändrats av någon annan sedan trygg läste den; "
                    "inget skrevs.",
                    f"{display_path(exc.path)} was changed by someone else after trygg read it; "
                    "nothing was written.",
                ),
                lang,
                Text(
                    "Kör kommandot igen när filen är sparad.",
                    "Run the command again once the file is saved.",
                ),
            )
    typer.echo(written_line(names, lang, dry_run=dry_run))
    return value
