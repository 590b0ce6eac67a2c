"""The one module that reaches into Typer and its Click: help and usage errors in Swedish.

Typer (and its Click) speaks English: ``Usage:``, ``Show this message and exit.``, ``Error: No
such option``, and it has no catalogue to translate them with (its Click has no gettext) and no
public names for what trygg must read to word them again. Everything that touches Typer's
private modules and its objects' attributes is therefore here, and nowhere else
(tests/test_typer_adapter.py checks it); the wording works from trygg's own plain records:

- :class:`TryggCommand` and :class:`TryggGroup`, which every trygg command is built from
  (``cls=`` when it is registered), write a help screen's fixed words in the user's language
  (:class:`TryggHelpFormatter`), its help texts in the user's language (declared in Swedish,
  English from :mod:`trygghet_cli.cli.help_texts_en`, put in place by :func:`help_texts_in`),
  and its usage line and rows from :class:`~trygghet_cli.cli.help_screen.Param` records;
- at the root, every usage error is read into one of the records of
  :mod:`trygghet_cli.cli.usage_errors` (:func:`_problem`) and shown from it in the user's
  language, still on stderr and with exit code 2 (:class:`LocalizedUsageError`);
- a command may rewrite its command line before Click parses it
  (:meth:`TryggCommand.prepare_args`), and the root's ``--lang`` becomes every command's
  default (:func:`default_for_every_command`).

The language is read from the command line before Click parses it (``--lang en`` or
``--lang=en`` anywhere before ``--``), because a usage error can happen before the command's
own ``--lang`` option is parsed.

Which Typer: ``pyproject.toml`` pins the releases this module is checked with, and
``make typer-latest`` (run by .ci/run) runs the help and usage tests against the newest Typer
on PyPI, so that an upgrade is a known quantity. One difference between releases is probed
for: Typer 0.29 describes a parameter's type in ``type_descriptor`` (choices, path rules);
Typer 0.28, the last for Python 3.10, has no such attribute. :func:`_type_descriptor` is the
one place that catches its absence, around that attribute alone; a help screen or usage error
about such a parameter is then written as Typer words it (its English notes under trygg's
headings), rather than not at all. A bug in trygg is never caught for an old Typer.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from difflib import get_close_matches
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer

# Typer ≥ 0.26 vendors Click; these have no public name in Typer.
from typer._click.core import Command, Context, Parameter
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer._click.formatting import HelpFormatter, join_options
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from trygghet_cli.cli.help_screen import (
    HEADINGS,
    HELP_OPTION,
    INSTALL_COMPLETION,
    SHOW_COMPLETION,
    USAGE,
    Param,
    PathRules,
    help_records,
    help_text,
    usage_pieces,
)
from trygghet_cli.cli.published import masked_streams
from trygghet_cli.cli.usage_errors import (
    ExtraArguments,
    InvalidValue,
    MissingValue,
    OptionMisused,
    Place,
    Problem,
    UnknownCommand,
    UnknownOption,
    Unworded,
    describe,
    render,
)
from trygghet_cli.i18n import Lang, Text, resolve_lang

if TYPE_CHECKING:
    from typer._coercion import TypeDescriptor

_LANG: ContextVar[Lang | None] = ContextVar("trygg_usage_lang", default=None)


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


# --- Reading Typer's parameters --------------------------------------------------------------


def _type_descriptor(param: TyperOption | TyperArgument) -> TypeDescriptor | None:
    """What Typer knows of a parameter's type; None from a Typer before 0.29 (the one probe)."""
    try:
        return param.type_descriptor
    except AttributeError:  # Typer 0.28 (Python 3.10) types its parameters as Click did
        return None


def _param(param: Parameter, ctx: Context) -> Param | None:
    """trygg's record of a parameter, or None when this Typer does not describe it."""
    if not isinstance(param, (TyperOption, TyperArgument)):
        return None
    descriptor = _type_descriptor(param)
    if descriptor is None:
        return None
    option = param if isinstance(param, TyperOption) else None
    info = descriptor.parameter_info
    choices = descriptor.choices
    return Param(
        kind="option" if option is not None else "argument",
        name=param.name or "",
        metavar=param.metavar,
        nargs=param.nargs,
        help=param.help or "",
        hidden=param.hidden,
        required=param.required,
        takes_value=option is None or not (option.is_flag or option.count),
        names=tuple(join_options(opts)[0] for opts in (param.opts, param.secondary_opts) if opts),
        usage_pieces=tuple(param.get_usage_pieces(ctx)),
        type_shown=param.display_type(ctx),
        default=_default(param, option, ctx),
        low=param.min,
        high=param.max,
        choices=None if choices is None else tuple(_choice(choice) for choice in choices),
        path=PathRules(info.file_okay, info.dir_okay, info.readable, info.writable)
        if descriptor.is_path or descriptor.is_file
        else None,
    )


def _choice(choice: object) -> str:
    return str(choice.value if isinstance(choice, Enum) else choice)


def _params(command: Command, ctx: Context) -> list[Param] | None:
    """The records of a command's parameters, or None when this Typer does not describe them."""
    params = [_param(param, ctx) for param in command.get_params(ctx)]
    described = [param for param in params if param is not None]
    return described if len(described) == len(params) else None


def _default(param: TyperOption | TyperArgument, option: TyperOption | None, ctx: Context) -> Any:
    """The default a help screen shows, as Typer decides whether to show it; None for none."""
    show = param.show_default
    if isinstance(show, str):
        return f"({show})"
    if not (show or ctx.show_default) or (option is not None and option.is_flag):
        return None  # a flag's default is its absence
    resilient = ctx.resilient_parsing
    ctx.resilient_parsing = True
    try:
        return param.get_default(ctx, call=False)
    finally:
        ctx.resilient_parsing = resilient


# The attributes of a command (help, short_help, epilog) and of a parameter (help) that
# hold a help text.
HELP_ATTRIBUTES = ("help", "short_help", "epilog")


@contextmanager
def help_texts_in(lang: Lang, items: Iterable[Command | Parameter]) -> Iterator[None]:
    """The help texts of commands and parameters in ``lang`` while a help screen is written.

    The declared texts are put back afterwards. Whoever writes the screen (trygg's rows,
    Click's own help text and epilog, or Typer's rows for parameters it does not describe)
    then writes the user's language.
    """
    replaced: list[tuple[Command | Parameter, str, str]] = []
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


# --- Reading Click's usage errors ------------------------------------------------------------


class _Worded(UsageError):
    """A usage error raised by trygg's own command classes, with what went wrong as a record."""

    def __init__(self, problem: Problem, message: str, ctx: Context) -> None:
        super().__init__(message, ctx)
        self.problem = problem


def _hint(error: BadParameter) -> str:
    """The parameter as Click's message names it: ``'--jobs' / '-j'``."""
    names = error.param_hint
    if names is not None:
        return names if isinstance(names, str) else " / ".join(f"'{name}'" for name in names)
    return error.param.get_error_hint() if error.param is not None else ""


def _validation_detail(error: BadParameter) -> dict[str, Any] | None:
    """The first error of the pydantic validation behind Typer's message, if any."""
    from pydantic import ValidationError  # not imported for a help screen: it takes time

    cause = error.__cause__
    if not isinstance(cause, ValidationError):
        return None
    details = cause.errors()
    return dict(details[0]) if details else None


# Typer names the value it turned down in quotes: "Path 'x' does not exist."
_QUOTED = re.compile(r"'(.*)'")


def _options(ctx: Context | None) -> list[TyperOption]:
    if ctx is None:
        return []
    params = ctx.command.get_params(ctx)
    return [param for param in params if isinstance(param, TyperOption) and not param.hidden]


def _takers(ctx: Context | None, option: str) -> tuple[str, ...]:
    """The commands of the group in ``ctx`` that take ``option``."""
    if ctx is None or not isinstance(ctx.command, TyperGroup):
        return ()
    group = ctx.command
    return tuple(
        name
        for name in group.list_commands(ctx)
        if any(option in param.opts for param in group.commands[name].params)
    )


def _problem(error: UsageError) -> Problem | None:
    """What went wrong, as trygg words it; None when this Typer does not describe it."""
    ctx = error.ctx
    if isinstance(error, _Worded):
        return error.problem
    if isinstance(error, NoSuchOption):
        name = error.option_name
        options = tuple(o for param in _options(ctx) for o in (*param.opts, *param.secondary_opts))
        path = ctx.command_path if ctx is not None else ""
        return UnknownOption(name, options, path, _takers(ctx, name))
    if isinstance(error, BadOptionUsage):
        name = error.option_name
        option = next(
            (p for p in _options(ctx) if name in p.opts or name in p.secondary_opts), None
        )
        return OptionMisused(
            name, flag=option is not None and option.is_flag, nargs=option.nargs if option else 1
        )
    if isinstance(error, BadParameter):
        param = None
        if error.param is not None:
            param = _param(error.param, ctx) if ctx is not None else None
            if param is None:
                return None
        if isinstance(error, MissingParameter):
            kind = error.param_type or (
                error.param.param_type_name if error.param is not None else "parameter"
            )
            return MissingValue(param, _hint(error), kind)
        quoted = _QUOTED.search(error.message)
        return InvalidValue(
            param,
            _hint(error),
            error.message,
            _validation_detail(error),
            quoted.group(1) if quoted else None,
        )
    return Unworded(error.format_message())


def _place(ctx: Context | None) -> Place | None:
    if ctx is None:
        return None
    help_option = None
    if ctx.command.get_help_option(ctx) is not None:
        help_option = (ctx.command_path, ctx.help_option_names[0])
    return Place(ctx.get_usage(), help_option)


class LocalizedUsageError(UsageError):
    """A usage error shown in the user's language; Typer shows it and exits with 2."""

    def __init__(self, original: UsageError) -> None:
        super().__init__(original.message, original.ctx)
        self.original = original
        self.problem = _problem(original)

    def format_message(self) -> str:
        if self.problem is None:
            return self.original.format_message()
        return describe(self.problem, current_lang())

    def show(self, file: IO[Any] | None = None) -> None:
        if self.problem is None:
            self.original.show(file)
            return
        text = render(self.problem, current_lang(), _place(self.original.ctx))
        typer.echo(text, err=True, nl=False)


@contextmanager
def _in_context(ctx: Context) -> Iterator[None]:
    """Click's option parser raises its errors without the context; give them this one."""
    try:
        yield
    except UsageError as exc:
        if exc.ctx is None:
            exc.ctx = ctx
            exc.cmd = ctx.command
        raise


@contextmanager
def _localized() -> Iterator[None]:
    """Usage errors raised inside become :class:`LocalizedUsageError` (once)."""
    try:
        yield
    except (LocalizedUsageError, NoArgsIsHelpError):
        raise
    except UsageError as exc:
        raise LocalizedUsageError(exc) from exc


# --- The command classes ----------------------------------------------------------------------


class TryggHelpFormatter(HelpFormatter):
    """Click's help formatter with the usage prefix and section headings translated."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, USAGE(current_lang()) if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        heading = HEADINGS.get(name)
        with super().section(heading(current_lang()) if heading else name):
            yield


class TryggContext(typer.Context):
    formatter_class = TryggHelpFormatter


class _InTheUsersLanguage(Command):
    """What a trygg command and a trygg group share: their help in the user's language.

    Before Typer's class in the bases, so ``super()`` is Typer's (Click's) method.
    """

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION(current_lang())
        return option

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        params = _params(self, ctx)
        if params is None:
            return super().collect_usage_pieces(ctx)
        subcommand = self.subcommand_metavar if isinstance(self, TyperGroup) else None
        return usage_pieces(self.options_metavar, params, subcommand, current_lang())

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        with help_texts_in(current_lang(), [self, *self.get_params(ctx)]):
            super().format_help(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        """A command's line in its group's list of commands, in the user's language."""
        with help_texts_in(current_lang(), [self]):
            return super().get_short_help_str(limit)

    def _write_params(self, ctx: Context, formatter: HelpFormatter) -> bool:
        """Write the Arguments and Options sections; False when Typer does not describe them."""
        params = _params(self, ctx)
        if params is None:
            return False
        arguments, options = help_records(params, current_lang())
        for heading, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(heading):
                    formatter.write_dl(rows)
        return True


class TryggCommand(_InTheUsersLanguage, TyperCommand):
    """A trygg command: help in the user's language, extra arguments as an error with them."""

    context_class = TryggContext

    def prepare_args(self, args: list[str]) -> list[str]:
        """The command line as Click is to parse it: as given, unless a command rewrites it."""
        return args

    def value_options(self) -> set[str]:
        """The names of the options that take a value (``--note``, not ``--dry-run``)."""
        return {
            name
            for param in self.params
            if isinstance(param, TyperOption) and not param.is_flag
            for name in param.opts
        }

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        if not self._write_params(ctx, formatter):
            super().format_options(ctx, formatter)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        allow_extra_args = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            with _in_context(ctx):
                rest = super().parse_args(ctx, self.prepare_args(args))
        finally:
            ctx.allow_extra_args = allow_extra_args
        if rest and not allow_extra_args and not ctx.resilient_parsing:
            problem = ExtraArguments(tuple(rest))
            raise _Worded(problem, f"Got unexpected extra argument(s) ({' '.join(rest)})", ctx)
        return rest


class TryggGroup(_InTheUsersLanguage, TyperGroup):
    """A trygg command group; the root one shows usage errors in the user's language."""

    context_class = TryggContext

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        if not self._write_params(ctx, formatter):
            super().format_options(ctx, formatter)
            return
        self.format_commands(ctx, formatter)

    def get_params(self, ctx: Context) -> list[Parameter]:
        params = super().get_params(ctx)
        texts = {"install_completion": INSTALL_COMPLETION, "show_completion": SHOW_COMPLETION}
        for param in params:
            text = texts.get(param.name or "")
            if text is not None and isinstance(param, TyperOption):
                param.help = text(current_lang())
        return params

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        with _in_context(ctx):
            return super().parse_args(ctx, args)

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            if type(exc) is not UsageError:  # an option where the command should be
                raise
            name = args[0]
            commands = self.list_commands(ctx)
            close = get_close_matches(name, commands, n=3, cutoff=0.6)
            problem = UnknownCommand(name, tuple(close), tuple(commands))
            raise _Worded(problem, f"No such command {name!r}.", ctx) from None

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        with _localized():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Context) -> Any:
        with _localized():
            return super().invoke(ctx)

    def main(self, args: Sequence[str] | None = None, *positional: Any, **kwargs: Any) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        token = _LANG.set(lang_from_args(arguments))
        try:
            if not _working_folder_exists() and not _HELP.intersection(arguments):
                typer.echo(f"trygg: {_NO_WORKING_FOLDER(current_lang())}", err=True)
                sys.exit(2)
            with masked_streams():  # no personnummer leaves trygg in full, however printed
                return super().main(arguments, *positional, **kwargs)
        finally:
            _LANG.reset(token)


_HELP = frozenset({"-h", "--help", "--version"})
_NO_WORKING_FOLDER = Text(
    "Mappen du står i finns inte längre (den har tagits bort eller flyttats); gå till en mapp "
    "som finns (cd) och försök igen.",
    "The folder you are in no longer exists (it was deleted or moved); change to a folder that "
    "exists (cd) and try again.",
)


def _working_folder_exists() -> bool:
    """False when the working folder was deleted under the shell: paths are shown relative to
    it, so no command can run (help still can)."""
    try:
        Path.cwd()
    except FileNotFoundError:
        return False
    return True


def default_for_every_command(ctx: typer.Context, name: str, value: object) -> None:
    """Give every command below ``ctx``'s group that has the parameter ``name`` the default
    ``value``, as Click's ``default_map`` does: a value given to the command itself still wins.
    """
    ctx.default_map = {**(ctx.default_map or {}), **_defaults(ctx.command, name, value)}


def _defaults(command: Command, name: str, value: object) -> dict[str, Any]:
    """``{"validate": {"lang": "en"}, "meeting": {"new": {"lang": "en"}}, …}`` for a group."""
    out: dict[str, Any] = {}
    if not isinstance(command, TyperGroup):
        return out
    for key, sub in command.commands.items():
        if isinstance(sub, TyperGroup):
            out[key] = _defaults(sub, name, value)
        elif any(param.name == name for param in sub.params):
            out[key] = {name: value}
    return out
