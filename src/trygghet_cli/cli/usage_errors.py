"""Usage errors in the user's language: what went wrong, worded from trygg's record of it.

Click words a usage error in English, in one sentence fixed when the error is raised.
:mod:`trygghet_cli.cli.typer_adapter` reads the error into one of the plain records below (the
parameter, the option name, the value given; nothing here knows Typer), and here it is worded
again, in Swedish or English: :func:`describe` gives the sentence, :func:`render` the whole
message as Click lays it out (the usage line, where to find help, and ``Fel:``/``Error:``).
Beyond Click's wording it

- suggests close names for a mistyped command or option, comparing long options without their
  dashes, and tells where an option of a subcommand goes when it was given before it;
- lists the choices of a parameter that takes one of a few values;
- explains a value that pydantic turned down (not a whole number, out of bounds) and a path
  that does not exist or is of the wrong kind, the latter checked again on the file system.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from trygghet_cli.cli.help_screen import Param, metavar
from trygghet_cli.i18n import Lang, Text

TRY_HELP = Text("Försök '{command} {option}' för hjälp.", "Try '{command} {option}' for help.")
ERROR = Text("Fel: {message}", "Error: {message}")


class ValueRefused(ValueError):
    """A parameter's parser turned a value down (:mod:`trygghet_cli.cli.params`); ``text``
    says why and what to write instead, in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True)
class UnknownCommand:
    """A group was given a command it does not have."""

    name: str
    possibilities: tuple[str, ...]
    """Its commands whose names are close to ``name``."""
    commands: tuple[str, ...]


@dataclass(frozen=True)
class ExtraArguments:
    """A command was given more arguments than it takes."""

    arguments: tuple[str, ...]


@dataclass(frozen=True)
class UnknownOption:
    """A command was given an option it does not have."""

    name: str
    options: tuple[str, ...]
    """The names of the command's own options."""
    command_path: str
    takers: tuple[str, ...]
    """The commands of a group that take the option (it was given before one of them)."""


@dataclass(frozen=True)
class OptionMisused:
    """An option given a value it does not take, or without the values it needs."""

    name: str
    flag: bool
    nargs: int


@dataclass(frozen=True)
class MissingValue:
    """A required option or argument was not given."""

    param: Param | None
    hint: str
    """The parameter as Click names it: ``'--kommunkod'``."""
    kind: str
    """``option``, ``argument`` or ``parameter``."""


@dataclass(frozen=True)
class InvalidValue:
    """An option or argument was given a value it does not take."""

    param: Param | None
    hint: str
    message: str
    """Typer's own sentence (English), said when nothing better is known."""
    detail: dict[str, Any] | None
    """The first error of the pydantic validation behind Typer's sentence, if any."""
    value: str | None
    """The value Typer's sentence quotes, if any."""


@dataclass(frozen=True)
class Unworded:
    """A usage error trygg has no words of its own for: Click's sentence is shown."""

    message: str


Problem = (
    UnknownCommand
    | ExtraArguments
    | UnknownOption
    | OptionMisused
    | MissingValue
    | InvalidValue
    | Unworded
)


@dataclass(frozen=True)
class Place:
    """Where a usage error happened: the command's usage line and how to ask for its help."""

    usage: str
    help: tuple[str, str] | None
    """The command's path and its help option (``("trygg validate", "-h")``), if it has one."""


def render(problem: Problem, lang: Lang, place: Place | None) -> str:
    """The usage line, where to find help, and what went wrong, as Click lays them out."""
    lines: list[str] = []
    if place is not None:
        lines.append(place.usage)
        if place.help is not None:
            command, option = place.help
            lines.append(TRY_HELP.format(command=command, option=option)(lang))
        lines.append("")
    lines.append(ERROR.format(message=describe(problem, lang))(lang))
    return "\n".join(lines) + "\n"


def describe(problem: Problem, lang: Lang) -> str:
    """What went wrong, in one sentence or two."""
    if isinstance(problem, UnknownCommand):
        return _unknown_command(problem)(lang)
    if isinstance(problem, ExtraArguments):
        return _unexpected(problem.arguments)(lang)
    if isinstance(problem, UnknownOption):
        return _unknown_option(problem)(lang)
    if isinstance(problem, OptionMisused):
        return _option_misused(problem)(lang)
    if isinstance(problem, MissingValue):
        return _missing(problem)(lang)
    if isinstance(problem, InvalidValue):
        return _bad_value(problem)(lang)
    return problem.message


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def _did_you_mean(possibilities: Sequence[str]) -> Text:
    if not possibilities:
        return Text("", "")
    names = _quoted(possibilities)
    return Text(f" Menade du {names}?", f" Did you mean {names}?")


def _unknown_command(problem: UnknownCommand) -> Text:
    name = problem.name
    text = Text(f"Det finns inget kommando '{name}'.", f"No such command '{name}'.")
    if problem.possibilities:
        return _join(text, _did_you_mean(problem.possibilities))
    if not problem.commands:
        return text
    names = ", ".join(problem.commands)
    return _join(text, Text(f" Kommandona är: {names}.", f" The commands are: {names}."))


def _unexpected(arguments: Sequence[str]) -> Text:
    names = _quoted(arguments)
    if len(arguments) == 1:
        return Text(f"Oväntat argument {names}.", f"Unexpected extra argument {names}.")
    return Text(f"Oväntade argument {names}.", f"Unexpected extra arguments {names}.")


def _close_options(name: str, options: Sequence[str]) -> list[str]:
    """Long options of the command whose names are close to ``name``, dashes left out.

    Click compares with the dashes, so every ``--x`` looks like every other; ``--bogus``
    came out as ``--jobs``.
    """
    if not name.startswith("--"):
        return []
    known = {option.removeprefix("--"): option for option in options if option.startswith("--")}
    close = get_close_matches(name.removeprefix("--").lower(), list(known), n=3, cutoff=0.6)
    return [known[word] for word in close]


def _unknown_option(problem: UnknownOption) -> Text:
    name = problem.name
    text = Text(f"Okänd flagga {name}.", f"No such option {name}.")
    close = _close_options(name, problem.options)
    if close:
        return _join(text, _did_you_mean(close))
    if problem.takers:
        example = f"{problem.command_path} {problem.takers[0]} {name}"
        return _join(
            text,
            Text(
                f" Den anges efter kommandot, till exempel '{example}'.",
                f" It goes after the command, for example '{example}'.",
            ),
        )
    return text


def _option_misused(problem: OptionMisused) -> Text:
    name, nargs = problem.name, problem.nargs
    if problem.flag:
        return Text(f"Flaggan {name} tar inget värde.", f"Option {name} does not take a value.")
    if nargs > 1:
        return Text(
            f"Flaggan {name} behöver {nargs} värden.", f"Option {name} requires {nargs} values."
        )
    return Text(f"Flaggan {name} behöver ett värde.", f"Option {name} requires a value.")


def _hint(param: Param | None, hint: str) -> Text:
    """The parameter as the error names it: ``'--jobs' / '-j'``, or an argument's metavar
    (``'MAPP'``, ``'FOLDER'`` in English, as its help shows it)."""
    if param is not None and param.kind == "argument" and param.metavar:
        return Text(f"'{param.metavar}'", f"'{metavar(param.metavar, 'en')}'")
    return Text(hint, hint)


def _choose(choices: Sequence[str]) -> Text:
    names = ", ".join(choices)
    return Text(f"Välj ett av: {names}.", f"Choose one of: {names}.")


def _missing(problem: MissingValue) -> Text:
    hint = _hint(problem.param, problem.hint)
    if problem.kind == "option":
        text = Text(f"Flaggan {hint.sv} saknas.", f"Missing option {hint.en}.")
    elif problem.kind == "argument":
        text = Text(f"Argumentet {hint.sv} saknas.", f"Missing argument {hint.en}.")
    else:
        text = Text(f"Värdet {hint.sv} saknas.", f"Missing parameter {hint.en}.")
    choices = problem.param.choices if problem.param is not None else None
    return _join(text, Text(" ", " "), _choose(choices)) if choices else text


def _bad_value(problem: InvalidValue) -> Text:
    hint = _hint(problem.param, problem.hint)
    reason = _value_problem(problem)
    if hint.sv:
        return _join(
            Text(f"Ogiltigt värde för {hint.sv}: ", f"Invalid value for {hint.en}: "), reason
        )
    return _join(Text("Ogiltigt värde: ", "Invalid value: "), reason)


def _value_problem(problem: InvalidValue) -> Text:
    detail = problem.detail
    choices = problem.param.choices if problem.param is not None else None
    if choices is not None:
        value = detail.get("input") if detail else None
        if isinstance(value, str):
            close = get_close_matches(value, choices, n=1, cutoff=0.6)
            text = Text(f"'{value}' finns inte. ", f"'{value}' is not allowed. ")
            return _join(text, _choose(choices), _did_you_mean(close))
        return _choose(choices)
    if detail is not None:
        return _pydantic_problem(detail)
    return _path_problem(problem) or Text(problem.message, problem.message)


_NUMBER_BOUNDS = {
    "greater_than_equal": ("ge", "minst", "at least"),
    "greater_than": ("gt", "större än", "greater than"),
    "less_than_equal": ("le", "högst", "at most"),
    "less_than": ("lt", "mindre än", "less than"),
}


def _pydantic_problem(detail: dict[str, Any]) -> Text:
    kind = detail.get("type", "")
    value = detail.get("input")
    shown = f"'{value}'"
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return Text(f"{shown} är inte ett heltal.", f"{shown} is not a whole number.")
    if kind in ("float_parsing", "float_type", "decimal_parsing"):
        return Text(
            f"{shown} är inte ett tal (skriv decimaler med punkt, till exempel 22.6).",
            f"{shown} is not a number.",
        )
    if kind in _NUMBER_BOUNDS:
        key, sv, en = _NUMBER_BOUNDS[kind]
        bound = (detail.get("ctx") or {}).get(key)
        return Text(
            f"värdet ska vara {sv} {bound}, inte {value}.",
            f"the value must be {en} {bound}, not {value}.",
        )
    if kind == "value_error":
        error = (detail.get("ctx") or {}).get("error", detail.get("msg", ""))
        if isinstance(error, ValueRefused):
            return error.text
        reason = str(error)
        return Text(reason, reason)
    message = str(detail.get("msg", ""))
    return Text(message, message)


def _path_problem(problem: InvalidValue) -> Text | None:
    """A path that does not exist, or is of the wrong kind, from the parameter's settings.

    The kind of problem comes from the file system and the parameter's settings, checked again
    here, not from Typer's wording.
    """
    rules = problem.param.path if problem.param is not None else None
    value = problem.value
    if rules is None or value is None:
        return None
    path = Path(value)
    if not path.exists():
        if not rules.dir_okay:
            return Text(f"Filen '{value}' finns inte.", f"File '{value}' does not exist.")
        if not rules.file_okay:
            return Text(f"Mappen '{value}' finns inte.", f"Directory '{value}' does not exist.")
        return Text(f"'{value}' finns inte.", f"'{value}' does not exist.")
    if path.is_dir() and not rules.dir_okay:
        return Text(f"'{value}' är en mapp, inte en fil.", f"'{value}' is a directory, not a file.")
    if path.is_file() and not rules.file_okay:
        return Text(f"'{value}' är en fil, inte en mapp.", f"'{value}' is a file, not a directory.")
    if rules.readable and not os.access(value, os.R_OK):
        return Text(f"'{value}' går inte att läsa.", f"'{value}' is not readable.")
    if rules.writable and not os.access(value, os.W_OK):
        return Text(f"'{value}' går inte att skriva till.", f"'{value}' is not writable.")
    return None


def _join(*texts: Text) -> Text:
    return Text("".join(t.sv for t in texts), "".join(t.en for t in texts))
