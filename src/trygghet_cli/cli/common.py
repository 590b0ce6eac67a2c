"""Options and helpers shared by the commands, defined once."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from trygghet_cli.i18n import Lang, Text, resolve_lang

LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Språk för meddelanden och rapporter: sv (standard) eller en. "
        "Kan också sättas med miljövariabeln TRYGG_LANG.",
        show_default=False,
    ),
]


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    sarif = "sarif"
    junit = "junit"


def lang_or_exit(option: str | None) -> Lang:
    try:
        return resolve_lang(option)
    except ValueError as exc:
        usage_error(
            Text(
                f"Okänt språk '{exc}'; välj sv eller en.",
                f"Unknown language '{exc}'; choose sv or en.",
            ),
            "sv",
        )


def usage_error(message: Text, lang: Lang) -> NoReturn:
    typer.echo(f"trygg: {message(lang)}", err=True)
    raise typer.Exit(2)


def on_github_actions() -> bool:
    """True inside a GitHub Actions job (as yamllint detects it)."""
    return bool(os.environ.get("GITHUB_ACTIONS")) and bool(os.environ.get("GITHUB_WORKFLOW"))


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder."""
    from trygghet_cli.loading.atomic import write_text_atomic

    write_text_atomic(path, text)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")
