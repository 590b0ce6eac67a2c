"""Usage errors and help screens in the user's language.

Typer (and the Click it vendors) speaks English: ``Usage:``, ``Show this message and exit.``,
``Error: No such option``. trygg's users read Swedish, or English with ``--lang en`` or
``TRYGG_LANG=en``. Every command of ``trygg`` is therefore built from :class:`TryggCommand`
or :class:`TryggGroup` (``cls=`` when it is registered), which

- write the fixed texts of a help screen (the usage prefix, the section headings, the help
  option's own help) in the user's language, through :class:`TryggHelpFormatter`;
- write the help texts (the command's help and epilog, its parameters' help, the short help
  of a group's commands) in the user's language: declared in Swedish, English from
  :mod:`trygghet_cli.cli.help_texts_en`;
- write the usage line and the rows of the Arguments and Options sections themselves
  (:mod:`trygghet_cli.cli.help_screen`): metavars in the user's language instead of Python
  types, ``[FLAGGOR]``, ``[krävs]``, ``[standard: …]``, ``[minst 1]``;
- raise usage errors that carry what went wrong
  (:class:`~trygghet_cli.cli.usage_errors.NoSuchCommand`,
  :class:`~trygghet_cli.cli.usage_errors.UnexpectedArguments`) where Click would only have a
  sentence;
- and, at the root, show every usage error in the user's language from the exception's
  attributes (parameter, option name, the value given), still on stderr and with exit code 2:
  :class:`LocalizedUsageError` has it worded by :mod:`trygghet_cli.cli.usage_errors`.

The language is read from the command line before Click parses it (``--lang en`` or
``--lang=en`` anywhere before ``--``), because a usage error can happen before the command's
own ``--lang`` option is parsed.

Typer 0.29 (Python 3.11 and later) gives a usage error the attributes that wording reads.
Typer 0.28, the last for Python 3.10, lacks some (``type_descriptor``; ``get_error_hint()``
wants a context): there a usage error is shown as Typer words it, in English, rather than not
at all; a help screen whose lines cannot be built from the parameters is written by Typer, with
its English notes.
``pyproject.toml`` pins Typer per Python version accordingly.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from difflib import get_close_matches
from typing import Any

import typer

# Typer ≥ 0.26 vendors Click; these classes have no public name in Typer. They are imported
# here, in cli/usage_errors.py and cli/help_screen.py, nowhere else, so a Typer that moves them
# fails at startup, not silently.
from typer._click.core import Parameter
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand, TyperGroup

from trygghet_cli.cli.help_screen import help_records, help_texts_in, usage_pieces
from trygghet_cli.cli.published import masked_streams
from trygghet_cli.cli.usage_errors import NoSuchCommand, UnexpectedArguments, describe, render
from trygghet_cli.i18n import Lang, Text, resolve_lang

_LANG: ContextVar[Lang | None] = ContextVar("trygg_usage_lang", default=None)

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


def _localize_help_option(option: Parameter | None) -> Parameter | None:
    if option is not None:
        option.help = HELP_OPTION(current_lang())  # type: ignore[attr-defined]
    return option


def _format_params(command: Any, ctx: Any, formatter: Any) -> bool:
    """Write the Arguments and Options sections; False when this Typer lacks what it reads."""
    try:
        arguments, options = help_records(command, ctx, current_lang())
    except (AttributeError, TypeError):  # Typer 0.28: see the module's docstring
        return False
    for heading, rows in (("Arguments", arguments), ("Options", options)):
        if rows:
            with formatter.section(heading):
                formatter.write_dl(rows)
    return True


def _format_help(command: Any, ctx: Any, formatter: Any, write: Callable[[Any, Any], None]) -> None:
    """Write a help screen (with ``write``, the class's own) with its help texts translated."""
    with help_texts_in(current_lang(), [command, *command.get_params(ctx)]):
        write(ctx, formatter)


def _short_help(command: Any, limit: int, write: Callable[[int], str]) -> str:
    """A command's line in its group's list of commands, in the user's language."""
    with help_texts_in(current_lang(), [command]):
        return write(limit)


def _usage_pieces(command: Any, ctx: Any) -> list[str] | None:
    try:
        return usage_pieces(command, ctx, current_lang())
    except (AttributeError, TypeError):  # Typer 0.28: see the module's docstring
        return None


class _InTheUsersLanguage:
    """What a trygg command and a trygg group share: their help in the user's language.

    A mixin before Typer's class in the bases, so ``super()`` is Typer's (Click's) method.
    """

    def get_help_option(self, ctx: Any) -> Any:
        return _localize_help_option(super().get_help_option(ctx))  # type: ignore[misc]

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = _usage_pieces(self, ctx)
        if pieces is None:
            typer_pieces: list[str] = super().collect_usage_pieces(ctx)  # type: ignore[misc]
            return typer_pieces
        return pieces

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _format_help(self, ctx, formatter, super().format_help)  # type: ignore[misc]

    def get_short_help_str(self, limit: int = 45) -> str:
        return _short_help(self, limit, super().get_short_help_str)  # type: ignore[misc]


class TryggCommand(_InTheUsersLanguage, TyperCommand):
    """A trygg command: help in the user's language, extra arguments as an error with them."""

    context_class = TryggContext

    def format_options(self, ctx: Any, formatter: Any) -> None:
        if not _format_params(self, ctx, formatter):
            super().format_options(ctx, formatter)

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


class TryggGroup(_InTheUsersLanguage, TyperGroup):
    """A trygg command group; the root one shows usage errors in the user's language."""

    context_class = TryggContext

    def format_options(self, ctx: Any, formatter: Any) -> None:
        if not _format_params(self, ctx, formatter):
            super().format_options(ctx, formatter)
            return
        self.format_commands(ctx, formatter)

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
            with masked_streams():  # no personnummer leaves trygg in full, however printed
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
