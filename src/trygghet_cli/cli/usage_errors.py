"""Usage errors in the user's language: what went wrong, worded from the exception.

Click words a usage error in English, in one sentence fixed when the error is raised. Here it is
worded again, in Swedish or English, from the exception's attributes (the parameter, the option
name, the value given): :func:`describe` gives the sentence, :func:`render` the whole message as
Click lays it out (the usage line, where to find help, and ``Fel:``/``Error:``). Beyond Click's
wording it

- suggests close names for a mistyped command or option, comparing long options without their
  dashes, and tells where an option of a subcommand goes when it was given before it;
- lists the choices of a parameter that takes one of a few values;
- explains a value that pydantic turned down (not a whole number, out of bounds) and a path
  that does not exist or is of the wrong kind, the latter checked again on the file system.

Groups and commands raise :class:`NoSuchCommand` and :class:`UnexpectedArguments`, which keep
what went wrong where Click keeps only the sentence. Which language is the caller's choice;
:mod:`trygghet_cli.cli.usage` reads it from the command line and shows the result.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import typer

# Typer ≥ 0.26 vendors Click; these classes have no public name in Typer. They are imported
# here and in cli/usage.py, nowhere else, so a Typer that moves them fails at startup, not
# silently.
from typer._click.core import Context, Parameter
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperGroup

from trygghet_cli.cli.help_screen import metavar
from trygghet_cli.i18n import Lang, Text

TRY_HELP = Text("Försök '{command} {option}' för hjälp.", "Try '{command} {option}' for help.")
ERROR = Text("Fel: {message}", "Error: {message}")


class NoSuchCommand(UsageError):
    """A group was given a command it does not have."""

    def __init__(self, name: str, possibilities: Sequence[str], ctx: typer.Context) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name = name
        self.possibilities = list(possibilities)


class UnexpectedArguments(UsageError):
    """A command was given more arguments than it takes."""

    def __init__(self, arguments: Sequence[str], ctx: typer.Context) -> None:
        super().__init__(f"Got unexpected extra argument(s) ({' '.join(arguments)})", ctx)
        self.arguments = list(arguments)


def render(error: UsageError, lang: Lang) -> str:
    """The usage line, where to find help, and what went wrong, as Click lays them out."""
    ctx = error.ctx
    lines: list[str] = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(
                TRY_HELP.format(command=ctx.command_path, option=ctx.help_option_names[0])(lang)
            )
        lines.append("")
    lines.append(ERROR.format(message=describe(error, lang))(lang))
    return "\n".join(lines) + "\n"


def describe(error: UsageError, lang: Lang) -> str:
    """What went wrong, in one sentence or two, from the exception's attributes."""
    if isinstance(error, NoSuchCommand):
        return _no_such_command(error)(lang)
    if isinstance(error, UnexpectedArguments):
        return _unexpected(error.arguments)(lang)
    if isinstance(error, NoSuchOption):
        return _no_such_option(error)(lang)
    if isinstance(error, BadOptionUsage):
        return _bad_option_usage(error)(lang)
    if isinstance(error, MissingParameter):
        return _missing(error)(lang)
    if isinstance(error, BadParameter):
        return _bad_value(error)(lang)
    return error.format_message()


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def _did_you_mean(possibilities: Sequence[str]) -> Text:
    if not possibilities:
        return Text("", "")
    names = _quoted(possibilities)
    return Text(f" Menade du {names}?", f" Did you mean {names}?")


def _no_such_command(error: NoSuchCommand) -> Text:
    text = Text(f"Det finns inget kommando '{error.name}'.", f"No such command '{error.name}'.")
    if error.possibilities:
        return _join(text, _did_you_mean(error.possibilities))
    ctx = error.ctx
    commands = ctx.command.list_commands(ctx) if ctx is not None else []  # type: ignore[attr-defined]
    if not commands:
        return text
    names = ", ".join(commands)
    return _join(text, Text(f" Kommandona är: {names}.", f" The commands are: {names}."))


def _unexpected(arguments: Sequence[str]) -> Text:
    names = _quoted(arguments)
    if len(arguments) == 1:
        return Text(f"Oväntat argument {names}.", f"Unexpected extra argument {names}.")
    return Text(f"Oväntade argument {names}.", f"Unexpected extra arguments {names}.")


def _options(ctx: Context | None) -> list[Parameter]:
    if ctx is None:
        return []
    return [
        param
        for param in ctx.command.get_params(ctx)
        if param.param_type_name == "option" and not getattr(param, "hidden", False)
    ]


def _close_options(name: str, ctx: Context | None) -> list[str]:
    """Long options of the command whose names are close to ``name``, dashes left out.

    Click compares with the dashes, so every ``--x`` looks like every other; ``--bogus``
    came out as ``--jobs``.
    """
    if not name.startswith("--"):
        return []
    known = {
        opt.removeprefix("--"): opt
        for param in _options(ctx)
        for opt in [*param.opts, *param.secondary_opts]
        if opt.startswith("--")
    }
    close = get_close_matches(name.removeprefix("--").lower(), list(known), n=3, cutoff=0.6)
    return [known[word] for word in close]


def _no_such_option(error: NoSuchOption) -> Text:
    name = error.option_name
    text = Text(f"Okänd flagga {name}.", f"No such option {name}.")
    close = _close_options(name, error.ctx)
    if close:
        return _join(text, _did_you_mean(close))
    ctx = error.ctx
    if ctx is not None and isinstance(ctx.command, TyperGroup):
        users = [
            command
            for command in ctx.command.list_commands(ctx)
            if _accepts(ctx.command.commands[command], name)
        ]
        if users:
            example = f"{ctx.command_path} {users[0]} {name}"
            return _join(
                text,
                Text(
                    f" Den anges efter kommandot, till exempel '{example}'.",
                    f" It goes after the command, for example '{example}'.",
                ),
            )
    return text


def _accepts(command: Any, option: str) -> bool:
    params: list[Parameter] = command.params
    return any(option in param.opts for param in params)


def _option_param(ctx: Context | None, name: str) -> Parameter | None:
    for param in _options(ctx):
        if name in param.opts or name in param.secondary_opts:
            return param
    return None


def _bad_option_usage(error: BadOptionUsage) -> Text:
    name = error.option_name
    param = _option_param(error.ctx, name)
    if param is not None and getattr(param, "is_flag", False):
        return Text(f"Flaggan {name} tar inget värde.", f"Option {name} does not take a value.")
    nargs = param.nargs if param is not None else 1
    if nargs > 1:
        return Text(
            f"Flaggan {name} behöver {nargs} värden.", f"Option {name} requires {nargs} values."
        )
    return Text(f"Flaggan {name} behöver ett värde.", f"Option {name} requires a value.")


def _hint(error: BadParameter) -> Text:
    """The parameter as the error names it: ``'--jobs' / '-j'``, or an argument's metavar
    (``'MAPP'``, ``'FOLDER'`` in English, as its help shows it)."""
    param = error.param
    if param is not None and param.param_type_name == "argument" and param.metavar:
        return Text(f"'{param.metavar}'", f"'{metavar(param.metavar, 'en')}'")
    hint = ""
    if error.param_hint is not None:
        names = error.param_hint
        hint = names if isinstance(names, str) else " / ".join(f"'{h}'" for h in names)
    elif param is not None:
        hint = param.get_error_hint()
    return Text(hint, hint)


def _choices(param: Any) -> list[str] | None:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or not descriptor.is_choice or descriptor.choices is None:
        return None
    return [str(getattr(choice, "value", choice)) for choice in descriptor.choices]


def _choose(choices: Sequence[str]) -> Text:
    names = ", ".join(choices)
    return Text(f"Välj ett av: {names}.", f"Choose one of: {names}.")


def _missing(error: MissingParameter) -> Text:
    hint = _hint(error)
    kind = error.param_type or (error.param.param_type_name if error.param else "parameter")
    if kind == "option":
        text = Text(f"Flaggan {hint.sv} saknas.", f"Missing option {hint.en}.")
    elif kind == "argument":
        text = Text(f"Argumentet {hint.sv} saknas.", f"Missing argument {hint.en}.")
    else:
        text = Text(f"Värdet {hint.sv} saknas.", f"Missing parameter {hint.en}.")
    choices = _choices(error.param)
    return _join(text, Text(" ", " "), _choose(choices)) if choices else text


def _bad_value(error: BadParameter) -> Text:
    hint = _hint(error)
    problem = _value_problem(error)
    if hint.sv:
        return _join(
            Text(f"Ogiltigt värde för {hint.sv}: ", f"Invalid value for {hint.en}: "), problem
        )
    return _join(Text("Ogiltigt värde: ", "Invalid value: "), problem)


def _validation_error(error: BadParameter) -> dict[str, Any] | None:
    """The first error of the pydantic validation behind Typer's message, if any."""
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    if errors is None:
        return None
    details: list[dict[str, Any]] = errors()
    return details[0] if details else None


def _value_problem(error: BadParameter) -> Text:
    detail = _validation_error(error)
    choices = _choices(error.param)
    if choices is not None:
        value = detail.get("input") if detail else None
        if isinstance(value, str):
            close = get_close_matches(value, choices, n=1, cutoff=0.6)
            text = Text(f"'{value}' finns inte. ", f"'{value}' is not allowed. ")
            return _join(text, _choose(choices), _did_you_mean(close))
        return _choose(choices)
    if detail is not None:
        return _pydantic_problem(detail)
    return _path_problem(error) or Text(error.message, error.message)


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
        reason = str((detail.get("ctx") or {}).get("error", detail.get("msg", "")))
        return Text(reason, reason)
    message = str(detail.get("msg", ""))
    return Text(message, message)


_QUOTED = re.compile(r"'(.*)'")


def _path_problem(error: BadParameter) -> Text | None:
    """A path that does not exist, or is of the wrong kind, from the parameter's settings.

    Typer's path checks leave no attribute with the value, only their message; the value is
    taken from it and checked again here, so the kind of problem comes from the file system
    and the parameter's ``exists``/``file_okay``/``dir_okay``, not from Typer's wording.
    """
    descriptor = getattr(error.param, "type_descriptor", None)
    if descriptor is None or not (descriptor.is_path or descriptor.is_file):
        return None
    found = _QUOTED.search(error.message)
    if found is None:
        return None
    value = found.group(1)
    info = descriptor.parameter_info
    if not Path(value).is_symlink() or Path(value).exists():
        if not info.dir_okay:
            return Text(f"Filen '{value}' finns inte.", f"File '{value}' does not exist.")
        if not info.file_okay:
            return Text(f"Mappen '{value}' finns inte.", f"Directory '{value}' does not exist.")
        return Text(f"'{value}' finns inte.", f"'{value}' does not exist.")
    if Path(value).is_dir() and not info.dir_okay:
        return Text(f"'{value}' är en mapp, inte en fil.", f"'{value}' is a directory, not a file.")
    if Path(value).is_file() and not info.file_okay:
        return Text(f"'{value}' är en fil, inte en mapp.", f"'{value}' is a file, not a directory.")
    if info.readable and not os.access(value, os.R_OK):
        return Text(f"'{value}' går inte att läsa.", f"'{value}' is not readable.")
    if info.writable and not os.access(value, os.W_OK):
        return Text(f"'{value}' går inte att skriva till.", f"'{value}' is not writable.")
    return None


def _join(*texts: Text) -> Text:
    return Text("".join(t.sv for t in texts), "".join(t.en for t in texts))
