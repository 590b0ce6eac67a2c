"""The ``trygg`` command: a Typer app whose commands parse options, call the core and render.

Heavy libraries (pandas, Jinja2, matplotlib) are imported inside the commands that need them,
so ``trygg --help`` and ``trygg validate`` start fast.
"""

from __future__ import annotations

import gc
import os
import sys

import typer

from trygghet_cli import ISSUE_TRACKER, __version__
from trygghet_cli.cli.action import action_app
from trygghet_cli.cli.common import LangOption, lang_or_exit
from trygghet_cli.cli.compare import compare
from trygghet_cli.cli.deadlines import deadlines
from trygghet_cli.cli.export import export
from trygghet_cli.cli.fmt import fmt
from trygghet_cli.cli.indicator import indicator_app
from trygghet_cli.cli.init import init
from trygghet_cli.cli.meeting import meeting_app
from trygghet_cli.cli.overview import overview
from trygghet_cli.cli.report import report
from trygghet_cli.cli.schema import schema
from trygghet_cli.cli.typer_adapter import TryggCommand, TryggGroup, default_for_every_command
from trygghet_cli.cli.validate import validate

app = typer.Typer(
    name="trygg",
    help="trygg: kommunens brottsförebyggande och trygghetsskapande arbete som YAML i git. "
    "Validera planen, ta fram lägesrapporter, bevaka tidsfrister och jämför med riket.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=TryggGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"trygg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Visa versionen och avsluta."
    ),
    lang: LangOption = None,
) -> None:
    """trygg: kommunens brottsförebyggande och trygghetsskapande arbete som YAML i git."""
    if lang is not None:
        # 'trygg --lang en validate' as 'trygg validate --lang en': the command's own --lang,
        # when given, still decides (Click's default_map fills only what is not given).
        default_for_every_command(ctx, "lang", lang_or_exit(lang))


app.command(cls=TryggCommand)(validate)
app.command(cls=TryggCommand)(schema)
app.command(cls=TryggCommand)(deadlines)
app.command(cls=TryggCommand)(compare)
app.command(cls=TryggCommand)(overview)
app.command(cls=TryggCommand)(report)
app.command(cls=TryggCommand)(export)
app.command(cls=TryggCommand)(init)
app.add_typer(meeting_app, name="meeting")
app.add_typer(action_app, name="action")
app.add_typer(indicator_app, name="indicator")
app.command(cls=TryggCommand)(fmt)


def _closed_streams_to_devnull() -> None:
    """A standard stream that was closed when trygg started (``trygg validate >&-``) is
    /dev/null: what would be printed there is dropped and the exit code still tells. The
    descriptor is taken, so that no file trygg opens gets the number 1 and what would be
    printed never lands in it."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, "r" if fd == 0 else "w", encoding="utf-8", closefd=False))  # noqa: SIM115


def main() -> None:
    """Entry point: a bug in trygg is reported in one line, never as a traceback.

    Python's cycle collector is off for the life of the process. Startup (Typer, pydantic, the
    models) allocates only objects that live until exit, and checking plans allocates node
    trees and models without cycles, freed plan by plan by reference counting: the collector
    would walk them again and again and find nothing. Freezing the heap at the end lets the
    interpreter exit without one last walk. Together they save a one-plan run about a fifth of
    its time.
    """
    gc.disable()
    _closed_streams_to_devnull()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("trygg: avbrutet\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug in trygg, not a mistake in a plan
        sys.stderr.write(
            f"trygg: internt fel ({type(exc).__name__}: {exc}). Det här är en bugg i trygg "
            f"{__version__}, inte i din plan; rapportera den gärna på {ISSUE_TRACKER}\n"
        )
        sys.exit(3)
    finally:
        gc.freeze()
