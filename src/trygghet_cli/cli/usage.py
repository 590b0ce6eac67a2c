"""Usage errors and help screens in the user's language.

Typer (and the Click it vendors) speaks English: ``Usage:``, ``Show this message and exit.``,
``Error: No such option``. trygg's users read Swedish, or English with ``--lang en`` or
``TRYGG_LANG=en``. Every command of ``trygg`` is therefore built from :class:`TryggCommand`
or :class:`TryggGroup` (``cls=`` when it is registered), which

- write the fixed texts of a help screen (the usage prefix, the section headings, the help
  option's own help) in the user's language, through :class:`TryggHelpFormatter`;
- raise usage errors that carry what went wrong (:class:`NoSuchCommand`,
  :class:`UnexpectedArguments`) where Click would only have a sentence;
- and, at the root, show every usage error in the user's language from the exception's
  attributes (parameter, option name, the value given), still on stderr and with exit code 2.

The language is read from the command line before Click parses it (``--lang en`` or
``--lang=en`` anywhere before ``--``), because a usage error can happen before the command's
own ``--lang`` option is parsed.

Typer 0.29 (Python 3.11 and later) gives a usage error the attributes read here. Typer 0.28, the
last for Python 3.10, lacks some (``type_descriptor``; ``get_error_hint()`` wants a context):
there a usage error is shown as Typer words it, in English, rather than not at all.
``pyproject.toml`` pins Typer per Python version accordingly.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Generator, Iterable, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import typer

# Typer ≥ 0.26 vendors Click; these classes have no public name in Typer. They are imported
# here and nowhere else, so a Typer that moves them fails at startup, not silently.
from typer._click.core import Context, Parameter
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand, TyperGroup

from trygghet_cli.i18n import Lang, Text, resolve_lang

_LANG: ContextVar[Lang | None] = ContextVar("trygg_usage_lang", default=None)

USAGE = Text("Användning: ", "Usage: ")
TRY_HELP = Text("Försök '{command} {option}' för hjälp.", "Try '{command} {option}' for help.")
ERROR = Text("Fel: {message}", "Error: {message}")
HELP_OPTION = Text("Visa den här hjälpen och avsluta.", "Show this message and exit.")
INSTALL_COMPLETION = Text(
    "Installera skalkomplettering för det skal du använder.",
    "Install completion for the current shell.",
)
SHOW_COMPLETION = Text(
    "Visa skalkompletteringen för det skal du använder, för att kopiera eller anpassa den.",
    "Show completion for the current shell, to copy it or customize the installation.",
)
HEADINGS = {
    "Usage": Text("Användning", "Usage"),
    "Arguments": Text("Argument", "Arguments"),
    "Options": Text("Flaggor", "Options"),
    "Commands": Text("Kommandon", "Commands"),
}


def lang_from_args(args: Sequence[str]) -> Lang:
    """The language a command line asks for: its ``--lang``, else ``TRYGG_LANG``, else sv.

    A language trygg does not speak is left for the command to report; until then the
    environment (or Swedish) decides.
    """
    option: str | None = None
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            break
        if token == "--lang":
            option = next(tokens, None)
        elif token.startswith("--lang="):
            option = token.removeprefix("--lang=")
    for candidate in (option, None):
        try:
            return resolve_lang(candidate)
        except ValueError:
            continue
    return "sv"


def current_lang() -> Lang:
    """The language of the command line being run (the environment's outside of one)."""
    lang = _LANG.get()
    if lang is not None:
        return lang
    try:
        return resolve_lang(None)
    except ValueError:
        return "sv"


class TryggHelpFormatter(HelpFormatter):
    """Click's help formatter with the usage prefix and section headings translated."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, USAGE(current_lang()) if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Generator[None]:
        heading = HEADINGS.get(name)
        with super().section(heading(current_lang()) if heading else name):
            yield


class TryggContext(typer.Context):
    formatter_class = TryggHelpFormatter


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


class LocalizedUsageError(UsageError):
    """A usage error shown in the user's language; Typer shows it and exits with 2."""

    def __init__(self, original: UsageError) -> None:
        super().__init__(original.message, original.ctx)
        self.original = original

    def format_message(self) -> str:
        try:
            return describe(self.original, current_lang())
        except (AttributeError, TypeError):  # Typer 0.28: see the module's docstring
            return self.original.format_message()

    def show(self, file: Any = None) -> None:
        try:
            text = render(self.original, current_lang())
        except (AttributeError, TypeError):
            self.original.show(file)  # Typer 0.28: see the module's docstring
            return
        typer.echo(text, err=True, nl=False)


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


def _hint(error: BadParameter) -> str:
    if error.param_hint is not None:
        hint = error.param_hint
        return hint if isinstance(hint, str) else " / ".join(f"'{h}'" for h in hint)
    if error.param is not None:
        return error.param.get_error_hint()
    return ""


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
        text = Text(f"Flaggan {hint} saknas.", f"Missing option {hint}.")
    elif kind == "argument":
        text = Text(f"Argumentet {hint} saknas.", f"Missing argument {hint}.")
    else:
        text = Text(f"Värdet {hint} saknas.", f"Missing parameter {hint}.")
    choices = _choices(error.param)
    return _join(text, Text(" ", " "), _choose(choices)) if choices else text


def _bad_value(error: BadParameter) -> Text:
    hint = _hint(error)
    problem = _value_problem(error)
    if hint:
        return _join(Text(f"Ogiltigt värde för {hint}: ", f"Invalid value for {hint}: "), problem)
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


def _localize_help_option(option: Parameter | None) -> Parameter | None:
    if option is not None:
        option.help = HELP_OPTION(current_lang())  # type: ignore[attr-defined]
    return option


class TryggCommand(TyperCommand):
    """A trygg command: help in the user's language, extra arguments as an error with them."""

    context_class = TryggContext

    def get_help_option(self, ctx: Any) -> Any:
        return _localize_help_option(super().get_help_option(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        allow_extra_args = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            with _in_context(ctx):
                rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allow_extra_args
        if rest and not allow_extra_args and not ctx.resilient_parsing:
            raise UnexpectedArguments(rest, ctx)
        return rest


class TryggGroup(TyperGroup):
    """A trygg command group; the root one shows usage errors in the user's language."""

    context_class = TryggContext

    def get_help_option(self, ctx: Any) -> Any:
        return _localize_help_option(super().get_help_option(ctx))

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        texts = {"install_completion": INSTALL_COMPLETION, "show_completion": SHOW_COMPLETION}
        for param in params:
            text = texts.get(param.name or "")
            if text is not None:
                param.help = text(current_lang())
        return params

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        with _in_context(ctx):
            rest: list[str] = super().parse_args(ctx, args)
        return rest

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            if type(exc) is not UsageError:  # an option where the command should be
                raise
            name = args[0]
            close = get_close_matches(name, self.list_commands(ctx), n=3, cutoff=0.6)
            raise NoSuchCommand(name, close, ctx) from None

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        with _localized():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with _localized():
            return super().invoke(ctx)

    def main(self, args: Sequence[str] | None = None, *positional: Any, **kwargs: Any) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        token = _LANG.set(lang_from_args(arguments))
        try:
            return super().main(arguments, *positional, **kwargs)
        finally:
            _LANG.reset(token)


@contextmanager
def _in_context(ctx: Any) -> Generator[None]:
    """Click's option parser raises its errors without the context; give them this one."""
    try:
        yield
    except UsageError as exc:
        if exc.ctx is None:
            exc.ctx = ctx
            exc.cmd = ctx.command
        raise


@contextmanager
def _localized() -> Generator[None]:
    """Usage errors raised inside become :class:`LocalizedUsageError` (once)."""
    try:
        yield
    except (LocalizedUsageError, NoArgsIsHelpError):
        raise
    except UsageError as exc:
        raise LocalizedUsageError(exc) from exc
