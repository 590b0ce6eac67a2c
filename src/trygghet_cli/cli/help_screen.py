"""The lines of a help screen that Typer writes itself, in the user's language.

Typer 0.29 fills a help screen with words for programmers: a value's Python type as its
placeholder (``--plan <path>``, ``PLAN <list[Path]>``), ``[required]``, ``[default: html]``,
``[x>=1]``, and ``[OPTIONS]`` and ``COMMAND [ARGS]...`` in the usage line. Here the same
lines are built from the parameters' settings instead, for
:class:`~trygghet_cli.cli.usage.TryggCommand` and :class:`~trygghet_cli.cli.usage.TryggGroup`:

- a value's placeholder is the parameter's metavar (``--quarter KVARTAL``), the same word
  for the same option in every command, translated by :data:`METAVARS_EN` under ``--lang en``;
  an option that takes one of a few values shows them (``<text|json|…>``);
- the notes after the help say ``[krävs]``, ``[standard: html]``, ``[minst 1]``
  (``[required]``, ``[default: html]``, ``[at least 1]`` in English);
- the usage line says ``[FLAGGOR]`` and ``KOMMANDO [ARGUMENT]...``;
- under ``--lang en`` the help texts themselves (an option's or argument's ``help=``, a
  command's docstring and epilog, the short help in a group's list of commands) are the
  English of :data:`~trygghet_cli.cli.help_texts_en.HELP_EN`, put in place by
  :func:`help_texts_in` while the screen is written.

Metavars are written in Swedish where the options are declared (``metavar="KVARTAL"``), as the
help texts are. Everything read from a parameter is a Click or Typer 0.29 attribute; a Typer
without one raises :class:`AttributeError` or :class:`TypeError`, and the caller then lets
Typer write the line, in English (see :mod:`trygghet_cli.cli.usage`).
"""

from __future__ import annotations

import inspect
from collections.abc import Generator, Iterable
from contextlib import contextmanager
from enum import Enum
from typing import Any

# Typer vendors Click; join_options has no public name in Typer (see cli/usage.py).
from typer._click.formatting import join_options

from trygghet_cli.cli.help_texts_en import HELP_EN
from trygghet_cli.i18n import Lang, Text

# Every metavar a trygg command uses, Swedish → English. A test checks that none is missing.
METAVARS_EN: dict[str, str] = {
    "AKTIVITET": "ACTIVITY",
    "ANTAL": "NUMBER",
    "DAGAR": "DAYS",
    "DATUM": "DATE",
    "FIL": "FILE",
    "ID": "ID",
    "KVARTAL": "QUARTER",
    "KÖN": "GENDER",
    "MALL": "TEMPLATE",
    "MAPP": "FOLDER",
    "LÄN": "COUNTY",
    "NAMN": "NAME",
    "NIVÅ[:NAMN]": "LEVEL[:NAME]",
    "NNNN": "NNNN",
    "NYCKELTAL": "INDICATOR",
    "ORGAN": "BODY",
    "PERIOD": "PERIOD",
    "PLAN": "PLAN",
    "PLATS": "PLACE",
    "REGEL": "RULE",
    "ROLL": "ROLE",
    "SPRÅK": "LANGUAGE",
    "SÖKVÄG": "PATH",
    "TEXT": "TEXT",
    "TYP": "KIND",
    "VÄRDE": "VALUE",
    "ÅR": "YEAR",
}

OPTIONS = Text("[FLAGGOR]", "[OPTIONS]")
SUBCOMMAND = Text("KOMMANDO [ARGUMENT]...", "COMMAND [ARGS]...")
REQUIRED = Text("krävs", "required")
DYNAMIC = Text("(beräknas)", "(dynamic)")

# What Click and Typer put in a usage line when a command does not say otherwise.
_CLICK_OPTIONS = "[OPTIONS]"
_CLICK_SUBCOMMAND = "COMMAND [ARGS]..."


def metavar(name: str, lang: Lang) -> str:
    """A metavar as the user reads it: the Swedish one, or its English translation."""
    return METAVARS_EN.get(name, name) if lang == "en" else name


def help_text(text: str, lang: Lang) -> str:
    """A help text as the user reads it: as declared (Swedish), or its English translation.

    A text without a translation is shown as declared (a test sees that none is missing).
    """
    return HELP_EN.get(text, text) if lang == "en" else text


# The attributes of a command (help, short_help, epilog) and of a parameter (help) that
# hold a help text.
HELP_ATTRIBUTES = ("help", "short_help", "epilog")


@contextmanager
def help_texts_in(lang: Lang, items: Iterable[Any]) -> Generator[None]:
    """The help texts of commands and parameters in ``lang`` while a help screen is written.

    The declared texts are put back afterwards. Whoever writes the screen (these functions,
    Click's own help text and epilog, or Typer's rows where this Typer lacks what
    :func:`help_records` reads) then writes the user's language.
    """
    replaced: list[tuple[Any, str, str]] = []
    if lang != "sv":
        for item in items:
            for attribute in HELP_ATTRIBUTES:
                text = getattr(item, attribute, None)
                if isinstance(text, str) and help_text(text, lang) != text:
                    replaced.append((item, attribute, text))
                    setattr(item, attribute, help_text(text, lang))
    try:
        yield
    finally:
        for item, attribute, text in reversed(replaced):
            setattr(item, attribute, text)


def usage_pieces(command: Any, ctx: Any, lang: Lang) -> list[str]:
    """What follows the command's name in its usage line: ``[FLAGGOR] [PLAN]...``."""
    pieces: list[str] = []
    if command.options_metavar:
        options = command.options_metavar
        pieces.append(OPTIONS(lang) if options == _CLICK_OPTIONS else options)
    for param in command.get_params(ctx):
        for piece in param.get_usage_pieces(ctx):
            name = param.metavar
            pieces.append(piece.replace(name, metavar(name, lang)) if name else piece)
    subcommand = getattr(command, "subcommand_metavar", None)
    if subcommand:
        pieces.append(SUBCOMMAND(lang) if subcommand == _CLICK_SUBCOMMAND else subcommand)
    return pieces


def help_records(command: Any, ctx: Any, lang: Lang) -> tuple[list[Any], list[Any]]:
    """The rows of the Arguments and Options sections: (name column, help column)."""
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        if param.hidden:
            continue
        if param.param_type_name == "argument":
            arguments.append((_argument_name(param, lang), _help(param, ctx, lang)))
        elif param.param_type_name == "option":
            options.append((_option_names(param, ctx, lang), _help(param, ctx, lang)))
    return arguments, options


def _argument_name(param: Any, lang: Lang) -> str:
    name = metavar(param.metavar, lang) if param.metavar else str(param.name).upper()
    return f"{name}..." if param.nargs != 1 else name


def _option_names(param: Any, ctx: Any, lang: Lang) -> str:
    value = ""
    if not param.is_flag and not param.count:
        value = f" {_placeholder(param, ctx, lang)}"
    columns = [join_options(opts)[0] + value for opts in (param.opts, param.secondary_opts) if opts]
    return " / ".join(columns)


def _placeholder(param: Any, ctx: Any, lang: Lang) -> str:
    """The option's metavar, else (an option with choices) its choices: ``<text|json>``."""
    shown = metavar(param.metavar, lang) if param.metavar else str(param.display_type(ctx))
    return f"{shown}..." if param.nargs != 1 else shown


def _help(param: Any, ctx: Any, lang: Lang) -> str:
    notes = [*_default(param, ctx, lang), *_range(param, lang)]
    if param.required:
        notes.append(REQUIRED(lang))
    help_text: str = param.help or ""
    if not notes:
        return help_text
    shown = f"[{'; '.join(notes)}]"
    return f"{help_text}  {shown}" if help_text else shown


def _default(param: Any, ctx: Any, lang: Lang) -> list[str]:
    """``standard: html``, when the parameter shows its default (as Typer decides it)."""
    show = param.show_default
    if isinstance(show, str):
        return [_standard(f"({show})", lang)]
    if not (show or ctx.show_default) or getattr(param, "is_flag", False):
        return []  # a flag's default is its absence
    resilient = ctx.resilient_parsing
    ctx.resilient_parsing = True
    try:
        value = param.get_default(ctx, call=False)
    finally:
        ctx.resilient_parsing = resilient
    if value is None or (isinstance(value, (list, tuple)) and not value):
        return []
    return [_standard(_shown(value, lang), lang)]


def _standard(value: str, lang: Lang) -> str:
    return Text(f"standard: {value}", f"default: {value}")(lang)


def _shown(value: Any, lang: Lang) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(item, lang) for item in value)
    if isinstance(value, Enum):
        return str(value.value)
    if inspect.isfunction(value):
        return DYNAMIC(lang)
    return str(value)


def _range(param: Any, lang: Lang) -> list[str]:
    """``minst 1``, ``högst 9``, ``mellan 1900 och 2100`` for a number with bounds."""
    low = getattr(param, "min", None)
    high = getattr(param, "max", None)
    if low is not None and high is not None:
        return [Text(f"mellan {low} och {high}", f"between {low} and {high}")(lang)]
    if low is not None:
        return [Text(f"minst {low}", f"at least {low}")(lang)]
    if high is not None:
        return [Text(f"högst {high}", f"at most {high}")(lang)]
    return []
