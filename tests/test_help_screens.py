"""Help screens say what a value is in the user's words, not in Python's types."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from typer.main import get_command

from tests.conftest import Run
from trygghet_cli.cli.app import app
from trygghet_cli.cli.help_screen import METAVARS_EN

# What Typer 0.29 writes on its own: Python's types, and notes in English.
PYTHON_TYPES = ("<list[", "<str>", "<int", "<path>", "<file>", "<dir>", "[x>=", "<=x")
ENGLISH_NOTES = ("[required]", "[default:", "[OPTIONS]", "COMMAND [ARGS]")
SWEDISH_NOTES = ("[krävs]", "[standard:", "[minst ", "[FLAGGOR]", "KOMMANDO [ARGUMENT]")

# Options whose value is a file for one command and a folder for another.
FILE_OR_FOLDER = {"--output": {"FIL", "MAPP"}, "--template": {"MALL", "MAPP"}}


def _all_commands(
    command: Any, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _all_commands(sub, (*path, name))


COMMANDS = list(_all_commands(get_command(app)))


def _id(path: tuple[str, ...]) -> str:
    return " ".join(("trygg", *path))


def test_the_walk_finds_every_command() -> None:
    names = {_id(path) for path, _ in COMMANDS}
    assert {"trygg", "trygg validate", "trygg meeting new", "trygg indicator set"} <= names
    assert len(names) > 15


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=_id)
def test_help_has_no_programmers_words_in_swedish(run: Run, path: tuple[str, ...]) -> None:
    result = run(*path, "-h")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Användning: {_id(path)} [FLAGGOR]")
    for word in (*PYTHON_TYPES, *ENGLISH_NOTES):
        assert word not in result.stdout, (word, result.stdout)


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=_id)
def test_help_has_no_programmers_words_in_english(run: Run, path: tuple[str, ...]) -> None:
    """English help keeps Click's English notes ([required], [OPTIONS]), not Python's types."""
    result = run(*path, "-h", env={"TRYGG_LANG": "en"})
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: {_id(path)} [OPTIONS]")
    for word in (*PYTHON_TYPES, *SWEDISH_NOTES):
        assert word not in result.stdout, (word, result.stdout)
    for swedish in {*METAVARS_EN} - {*METAVARS_EN.values()}:
        assert f" {swedish} " not in result.stdout, (swedish, result.stdout)


@pytest.mark.parametrize(
    ("args", "sv", "en"),
    [
        (
            [],
            "Användning: trygg [FLAGGOR] KOMMANDO [ARGUMENT]...",
            "Usage: trygg [OPTIONS] COMMAND [ARGS]...",
        ),
        (
            ["schema"],
            "  -o, --output MAPP  Mappen som scheman skrivs till.  [standard: schemas]",
            "  -o, --output FOLDER  The folder the schemas are written to.  [default:",
        ),
        (
            ["init"],
            "  MAPP  Mappen som förrådet skrivs i. Skapas om den inte finns.  [krävs]",
            "  FOLDER  The folder the repository is written in. Created if it does not exist.",
        ),
        (
            ["init"],
            "  --folkmangd ANTAL              Folkmängd enligt SCB (kräver --folkmangd-ar).",
            "  --folkmangd NUMBER             Population according to SCB (requires",
        ),
        (
            ["validate"],
            "                                  det är många filer, annars en.  [minst 1]",
            "                                  many files, otherwise one.  [at least 1]",
        ),
        (
            ["validate"],
            "  -f, --format <text|json|github|gitlab|sarif|junit|junit-jenkins>",
            "  -f, --format <text|json|github|gitlab|sarif|junit|junit-jenkins>",
        ),
        (
            ["report"],
            "  -q, --quarter KVARTAL           Kvartalet: 2021Q1, 2021-Q1 eller 2021K1.",
            "  -q, --quarter QUARTER           The quarter: 2021Q1, 2021-Q1 or 2021K1.",
        ),
        (
            ["indicator", "set"],
            "Användning: trygg indicator set [FLAGGOR] {NYCKELTAL} {PERIOD} {VÄRDE}",
            "Usage: trygg indicator set [OPTIONS] {INDICATOR} {PERIOD} {VALUE}",
        ),
        (
            ["fmt"],
            "  SÖKVÄG...  Planer, mappar med planer eller filer i en plan. Standard: den",
            "  PATH...  Plans, folders of plans or files in a plan. Default: the current",
        ),
    ],
)
def test_exact_lines_of_help(run: Run, args: list[str], sv: str, en: str) -> None:
    assert sv in run(*args, "-h").stdout.splitlines()
    assert en in run(*args, "-h", env={"TRYGG_LANG": "en"}).stdout.splitlines()
    if args and args[0] != "indicator":  # a group has no --lang of its own
        assert en in run(*args, "-h", "--lang", "en").stdout.splitlines()


def test_every_value_has_a_placeholder_in_both_languages() -> None:
    """An option that takes a value names it (or lists its choices); arguments too."""
    missing: list[str] = []
    for path, command in COMMANDS:
        for param in command.params:
            if getattr(param, "is_flag", False) or param.hidden:
                continue
            choices = getattr(param.type_descriptor, "is_choice", False)
            if param.metavar is None and not choices:
                missing.append(f"{_id(path)} {param.opts[0]}")
            elif param.metavar is not None:
                assert param.metavar.upper() == param.metavar, param.metavar
                assert param.metavar in METAVARS_EN, f"{param.metavar} has no English name"
    assert missing == []


def test_the_same_option_has_the_same_placeholder_everywhere() -> None:
    seen: dict[str, set[str]] = {}
    for _, command in COMMANDS:
        for param in command.params:
            if param.param_type_name == "option" and param.metavar:
                seen.setdefault(param.opts[0], set()).add(param.metavar)
    for option, metavars in seen.items():
        assert metavars <= FILE_OR_FOLDER.get(option, {next(iter(metavars))}), (option, metavars)
    assert seen["--lang"] == {"SPRÅK"}
    assert seen["--date"] == seen["--as-of"] == seen["--due"] == {"DATUM"}
    assert seen["--plan"] == {"MAPP"}


def test_a_typer_without_the_attributes_writes_its_own_help(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typer 0.28 (Python 3.10) may lack what the help lines are built from: the help is
    still shown, with Typer's English notes, never as an internal error."""
    from trygghet_cli.cli import typer_adapter

    def older_typer(*_: object) -> None:
        return None  # Typer 0.28 has no type_descriptor

    monkeypatch.setattr(typer_adapter, "_type_descriptor", older_typer)
    result = run("init", "-h")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Användning: trygg init [OPTIONS] {MAPP}")
    assert "[required]" in result.stdout
    assert "\nFlaggor:\n" in result.stdout
    group = run("meeting", "-h")
    assert group.stdout.startswith("Användning: trygg meeting [OPTIONS] COMMAND [ARGS]...")
    assert "\nKommandon:\n" in group.stdout
    error = run("init")
    assert error.exit_code == 2
    assert error.stderr.startswith("Användning: trygg init [OPTIONS] {MAPP}")
