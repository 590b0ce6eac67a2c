"""The lines of a help screen in the user's language, built from trygg's own record of a parameter.

Typer 0.29 fills a help screen with words for programmers: a value's Python type as its
placeholder (``--plan <path>``, ``PLAN <list[Path]>``), ``[required]``, ``[default: html]``,
``[x>=1]``, and ``[OPTIONS]`` and ``COMMAND [ARGS]...`` in the usage line. Here the same
lines are built from :class:`Param`, a plain record of a parameter's settings that
:mod:`trygghet_cli.cli.typer_adapter` reads from Typer (nothing here knows Typer):

- a value's placeholder is the parameter's metavar (``--quarter KVARTAL``), the same word
  for the same option in every command, translated by :data:`METAVARS_EN` under ``--lang en``;
  an option that takes one of a few values shows them (``<text|json|…>``);
- the notes after the help say ``[krävs]``, ``[standard: html]``, ``[minst 1]``
  (``[required]``, ``[default: html]``, ``[at least 1]`` in English);
- the usage line says ``[FLAGGOR]`` and ``KOMMANDO [ARGUMENT]...``;
- the fixed words of a screen (``Användning:``, the section headings, the help option's own
  help) are :data:`USAGE`, :data:`HEADINGS` and the texts beside them;
- under ``--lang en`` the help texts themselves (an option's or argument's ``help=``, a
  command's docstring and epilog, the short help in a group's list of commands) are the
  English of :data:`~trygghet_cli.cli.help_texts_en.HELP_EN` (:func:`help_text`).

Metavars are written in Swedish where the options are declared (``metavar="KVARTAL"``), as the
help texts are.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Literal

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
    "KPI": "KPI",
    "KVARTAL": "QUARTER",
    "KÄLLA": "SOURCE",
    "KÖN": "GENDER",
    "MALL": "TEMPLATE",
    "MAPP": "FOLDER",
    "N": "N",
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
    "SEKUNDER": "SECONDS",
    "SPRÅK": "LANGUAGE",
    "SÖKVÄG": "PATH",
    "TEXT": "TEXT",
    "TYP": "KIND",
    "VÄRDE": "VALUE",
    "ÅR": "YEAR",
}

USAGE = Text("Användning: ", "Usage: ")
HELP_OPTION = Text("Visa den här hjälpen och avsluta.", "Show this message and exit.")
INSTALL_COMPLETION = Text(
    "Installera skalkomplettering för det skal du använder.",
    "Install completion for the current shell.",
)
SHOW_COMPLETION = Text(
    "Visa skalkompletteringen för det skal du använder, för att kopiera eller anpassa den.",
    "Show completion for the current shell, to copy it or customize the installation.",
)
# The sections of a help screen, by the names the help formatter is given.
HEADINGS = {
    "Usage": Text("Användning", "Usage"),
    "Arguments": Text("Argument", "Arguments"),
    "Options": Text("Flaggor", "Options"),
    "Commands": Text("Kommandon", "Commands"),
}

OPTIONS = Text("[FLAGGOR]", "[OPTIONS]")
SUBCOMMAND = Text("KOMMANDO [ARGUMENT]...", "COMMAND [ARGS]...")
REQUIRED = Text("krävs", "required")
DEFAULT = Text("standard: {value}", "default: {value}")
DYNAMIC = Text("(beräknas)", "(dynamic)")

# What Click and Typer put in a usage line when a command does not say otherwise.
_CLICK_OPTIONS = "[OPTIONS]"
_CLICK_SUBCOMMAND = "COMMAND [ARGS]..."


@dataclass(frozen=True)
class PathRules:
    """What a path parameter accepts."""

    file_okay: bool
    dir_okay: bool
    readable: bool
    writable: bool


@dataclass(frozen=True)
class Param:
    """A parameter of a command, as its help screen and its usage errors show it."""

    kind: Literal["argument", "option"]
    name: str
    metavar: str | None
    nargs: int
    help: str
    hidden: bool
    required: bool
    takes_value: bool
    """False for a flag (``--strict``) and a counter."""
    names: tuple[str, ...]
    """The option's names as one column of its help row: ``("-q, --quarter",)``."""
    usage_pieces: tuple[str, ...]
    """What the parameter puts in the usage line: ``("{MAPP}",)``, ``("[SÖKVÄG]...",)``."""
    type_shown: str
    """Typer's own placeholder, shown for an option without a metavar: ``<text|json>``."""
    default: object
    """The default the help shows (a value, a list of them, an Enum, a function for a default
    computed when run), or None for none shown."""
    low: float | None
    high: float | None
    choices: tuple[str, ...] | None
    path: PathRules | None


def metavar(name: str, lang: Lang) -> str:
    """A metavar as the user reads it: the Swedish one, or its English translation."""
    return Text(name, METAVARS_EN.get(name, name))(lang)


def help_text(text: str, lang: Lang) -> str:
    """A help text as the user reads it: as declared (Swedish), or its English translation.

    A text without a translation is shown as declared (a test sees that none is missing).
    """
    return Text(text, HELP_EN.get(text, text))(lang)


def usage_pieces(
    options_metavar: str | None,
    params: Sequence[Param],
    subcommand_metavar: str | None,
    lang: Lang,
) -> list[str]:
    """What follows the command's name in its usage line: ``[FLAGGOR] [PLAN]...``."""
    pieces: list[str] = []
    if options_metavar:
        pieces.append(OPTIONS(lang) if options_metavar == _CLICK_OPTIONS else options_metavar)
    for param in params:
        for piece in param.usage_pieces:
            name = param.metavar
            pieces.append(piece.replace(name, metavar(name, lang)) if name else piece)
    if subcommand_metavar:
        pieces.append(
            SUBCOMMAND(lang) if subcommand_metavar == _CLICK_SUBCOMMAND else subcommand_metavar
        )
    return pieces


def help_records(
    params: Sequence[Param], lang: Lang
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The rows of the Arguments and Options sections: (name column, help column)."""
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in params:
        if param.hidden:
            continue
        if param.kind == "argument":
            arguments.append((_argument_name(param, lang), _help(param, lang)))
        else:
            options.append((_option_names(param, lang), _help(param, lang)))
    return arguments, options


def _argument_name(param: Param, lang: Lang) -> str:
    name = metavar(param.metavar, lang) if param.metavar else param.name.upper()
    return f"{name}..." if param.nargs != 1 else name


def _option_names(param: Param, lang: Lang) -> str:
    value = f" {_placeholder(param, lang)}" if param.takes_value else ""
    return " / ".join(names + value for names in param.names)


def _placeholder(param: Param, lang: Lang) -> str:
    """The option's metavar, else (an option with choices) its choices: ``<text|json>``."""
    shown = metavar(param.metavar, lang) if param.metavar else param.type_shown
    return f"{shown}..." if param.nargs != 1 else shown


def _help(param: Param, lang: Lang) -> str:
    notes = [*_default(param, lang), *_range(param, lang)]
    if param.required:
        notes.append(REQUIRED(lang))
    if not notes:
        return param.help
    shown = f"[{'; '.join(notes)}]"
    return f"{param.help}  {shown}" if param.help else shown


def _default(param: Param, lang: Lang) -> list[str]:
    """``standard: html``, when the parameter shows a default."""
    value = param.default
    if value is None or (isinstance(value, (list, tuple)) and not value):
        return []
    return [DEFAULT.format(value=_shown(value, lang))(lang)]


def _shown(value: object, lang: Lang) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(item, lang) for item in value)
    if isinstance(value, Enum):
        return str(value.value)
    if inspect.isfunction(value):
        return DYNAMIC(lang)
    return str(value)


def _range(param: Param, lang: Lang) -> list[str]:
    """``minst 1``, ``högst 9``, ``mellan 1900 och 2100`` for a number with bounds."""
    low, high = param.low, param.high
    if low is not None and high is not None:
        return [Text(f"mellan {low} och {high}", f"between {low} and {high}")(lang)]
    if low is not None:
        return [Text(f"minst {low}", f"at least {low}")(lang)]
    if high is not None:
        return [Text(f"högst {high}", f"at most {high}")(lang)]
    return []
