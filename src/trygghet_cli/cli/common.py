"""Options and helpers shared by the commands, defined once."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from trygghet_cli.cli import params
from trygghet_cli.i18n import LANG_ENV, Lang, Text, no_such_path, resolve_lang

if TYPE_CHECKING:
    from trygghet_cli.render.reporters.base import Report

LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        parser=params.language,
        metavar="SPRÅK",
        help="Språk för meddelanden och rapporter: sv (standard) eller en. "
        "Kan också sättas med miljövariabeln TRYGG_LANG.",
        show_default=False,
    ),
]


PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="SÖKVÄG",
        help="Planer, mappar med planer eller filer i en plan. Standard: den aktuella mappen.",
        show_default=False,
    ),
]
"""The files and plans a command checks or formats (validate, fmt)."""

PlansArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PLAN",
        help="Planer eller mappar med planer. Standard: den aktuella mappen.",
        show_default=False,
    ),
]
"""The plans a command follows up or compares (deadlines, compare, overview)."""

PlanArgument = Annotated[
    Path | None,
    typer.Argument(
        metavar="PLAN",
        help="Planens mapp. Standard: den aktuella mappen.",
        show_default=False,
    ),
]
"""The one plan a command renders (report, export)."""

OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FIL",
        help="Skriv till en fil i stället för standard ut (atomärt: filen är hel eller orörd).",
        show_default=False,
    ),
]

_IGNORE_HELP = "Regel-id att hoppa över, till exempel TRY204. Kan anges flera gånger."

IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        parser=params.rule,
        metavar="REGEL",
        help=_IGNORE_HELP,
        show_default=False,
    ),
]
"""The rules ``trygg validate`` leaves out."""

DeadlineIgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        parser=params.deadline_rule,
        metavar="REGEL",
        help=_IGNORE_HELP,
        show_default=False,
    ),
]
"""The deadline rules (TRY4xx) ``trygg deadlines`` leaves out."""


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    sarif = "sarif"
    junit = "junit"
    junit_jenkins = "junit-jenkins"


def lang_or_exit(option: str | None) -> Lang:
    """The language of ``--lang`` (checked by its parser), else of ``TRYGG_LANG``, else sv; a
    language in the environment that trygg does not speak is a usage error."""
    try:
        return resolve_lang(option)
    except ValueError as exc:
        usage_error(
            Text(
                f"Okänt språk '{exc}' i {LANG_ENV}; välj sv eller en.",
                f"Unknown language '{exc}' in {LANG_ENV}; choose sv or en.",
            ),
            "sv",
        )


def refuse_missing(missing: Sequence[object], lang: Lang) -> None:
    """Exit 2 naming the given paths that do not exist; nothing when none is missing."""
    if missing:
        usage_error(no_such_path(missing), lang)


def usage_error(message: Text, lang: Lang) -> NoReturn:
    typer.echo(f"trygg: {message(lang)}", err=True)
    raise typer.Exit(2)


def for_machines(report: Report) -> Report:
    """``report`` with its files named from the git repository's top level, as CI systems
    read them, when trygg runs inside a work tree; unchanged outside one."""
    from trygghet_cli.loading.repository import Repository

    repository = Repository.here()
    return report if repository is None else report.relocated(repository.path)


def machine_path() -> Callable[[str], str]:
    """How a machine format (JSON, a calendar feed) names a file that findings name relative to
    the working folder: from the git repository's top level inside a work tree, else as is."""
    from trygghet_cli.loading.repository import Repository

    repository = Repository.here()
    return repository.path if repository is not None else _as_is


def _as_is(file: str) -> str:
    return file


def on_github_actions() -> bool:
    """True inside a GitHub Actions job (as yamllint detects it)."""
    return bool(os.environ.get("GITHUB_ACTIONS")) and bool(os.environ.get("GITHUB_WORKFLOW"))


def write_output(path: Path, data: str | bytes, lang: Lang, *, below: Path | None = None) -> None:
    """Write a command's output file, or exit 2 saying why it cannot be written.

    A regular file is replaced atomically, and so is a symbolic link: the link is replaced, the
    file it points to is left alone. A device or pipe (``/dev/stdout``, or a link to one) is
    written to directly. A missing folder is created only one level below one that exists
    (or anywhere below ``below``, the folder an export or the schemas are written to). What is
    written passes through the personnummer mask.
    """
    from trygghet_cli.cli.published import public
    from trygghet_cli.loading.atomic import write_bytes_atomic

    payload = public(data.encode("utf-8") if isinstance(data, str) else data)
    try:
        if path.is_dir() and not path.is_symlink():
            raise IsADirectoryError(21, "är en mapp")
        if _is_stream(path):
            _write_stream(path, payload)
        else:
            write_bytes_atomic(path, payload, below=below)
    except OSError as exc:
        reason = write_reason(exc)
        usage_error(
            Text(f"Kan inte skriva {path}: {reason('sv')}", f"Cannot write {path}: {reason('en')}"),
            lang,
        )


def _is_stream(path: Path) -> bool:
    """A device or a pipe, possibly behind a link (``/dev/stdout``): written to, not replaced."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_stream(path: Path, payload: bytes) -> None:
    """Write to a device or pipe; a pipe nobody reads is an error, not a hang."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    os.set_blocking(fd, True)
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)


_WRITE_REASONS = {
    errno.ENOENT: Text("mappen finns inte", "the folder does not exist"),
    errno.EEXIST: Text("en fil står där en mapp behövs", "a file stands where a folder is needed"),
    errno.ENOTDIR: Text(
        "en del av sökvägen är en fil, inte en mapp", "part of the path is a file, not a folder"
    ),
    errno.EISDIR: Text("det är en mapp", "it is a folder"),
    errno.EACCES: Text("du saknar skrivrätt där", "you may not write there"),
    errno.EPERM: Text("du saknar skrivrätt där", "you may not write there"),
    errno.ENOSPC: Text("disken är full", "the disk is full"),
    errno.EROFS: Text("filsystemet är skrivskyddat", "the file system is read-only"),
    errno.ENAMETOOLONG: Text("sökvägen är för lång", "the path is too long"),
}


def write_reason(exc: OSError) -> Text:
    """Why the system refused to write, in Swedish and English."""
    from trygghet_cli.loading.atomic import ReadOnlyFileError
    from trygghet_cli.loading.yamlfile import os_reason

    if isinstance(exc, ReadOnlyFileError):
        return Text(
            "filen är skrivskyddad; ta bort skrivskyddet om den ska ändras",
            "the file is read-only; make it writable if it is to change",
        )
    return os_reason(exc, _WRITE_REASONS)


def append_step_summary(markdown: str | None, lang: Lang) -> None:
    """Append to GitHub's job summary when running in Actions; a failure only warns."""
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if not markdown or not summary_file:
        return
    try:
        from trygghet_cli.cli.published import public

        with Path(summary_file).open("a", encoding="utf-8") as handle:
            handle.write(public(markdown))
    except OSError as exc:
        reason = write_reason(exc)
        typer.echo(
            Text(
                f"trygg: kunde inte skriva sammanfattningen till {summary_file}: {reason('sv')}",
                f"trygg: could not write the summary to {summary_file}: {reason('en')}",
            )(lang),
            err=True,
        )


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")
