"""Usage errors and help screens speak the user's language: Swedish, or English on request."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from tests.conftest import Run, doc, edit
from trygghet_cli.cli.app import app
from trygghet_cli.cli.typer_adapter import TryggCommand, TryggGroup, lang_from_args


def _usage_error(run: Run, *args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    assert result.exit_code == 2, result.output
    assert result.stdout == "", "usage errors go to stderr"
    return result.stderr


@pytest.mark.parametrize(
    ("args", "sv", "en"),
    [
        (
            ["valdate"],
            "Fel: Det finns inget kommando 'valdate'. Menade du 'validate'?",
            "Error: No such command 'valdate'. Did you mean 'validate'?",
        ),
        (
            ["meeting", "nw"],
            "Fel: Det finns inget kommando 'nw'. Menade du 'new'?",
            "Error: No such command 'nw'. Did you mean 'new'?",
        ),
        (
            ["validate", "--formt", "json"],
            "Fel: Okänd flagga --formt. Menade du '--format'?",
            "Error: No such option --formt. Did you mean '--format'?",
        ),
        (
            ["validate", "--format", "xml", "."],
            "Fel: Ogiltigt värde för '--format' / '-f': 'xml' finns inte. Välj ett av: text, "
            "json, github, gitlab, sarif, junit, junit-jenkins.",
            "Error: Invalid value for '--format' / '-f': 'xml' is not allowed. Choose one of: "
            "text, json, github, gitlab, sarif, junit, junit-jenkins.",
        ),
        (
            ["validate", "-f", "jsn", "."],
            "Välj ett av: text, json, github, gitlab, sarif, junit, junit-jenkins. Menade du "
            "'json'?",
            "Choose one of: text, json, github, gitlab, sarif, junit, junit-jenkins. Did you "
            "mean 'json'?",
        ),
        (
            ["init"],
            "Fel: Argumentet 'MAPP' saknas.",
            "Error: Missing argument 'FOLDER'.",
        ),
        (
            ["report", "plan"],
            "Fel: Flaggan '--quarter' / '-q' saknas.",
            "Error: Missing option '--quarter' / '-q'.",
        ),
        (
            ["validate", "--format"],
            "Fel: Flaggan --format behöver ett värde.",
            "Error: Option --format requires a value.",
        ),
        (
            ["validate", "--strict=ja"],
            "Fel: Flaggan --strict tar inget värde.",
            "Error: Option --strict does not take a value.",
        ),
        (
            ["schema", "a", "b"],
            "Fel: Oväntade argument 'a', 'b'.",
            "Error: Unexpected extra arguments 'a', 'b'.",
        ),
        (
            ["init", "plan", "extra", "--municipality", "X", "--kommunkod", "1982"],
            "Fel: Oväntat argument 'extra'.",
            "Error: Unexpected extra argument 'extra'.",
        ),
        (
            ["validate", "--jobs", "många"],
            "Fel: Ogiltigt värde för '--jobs' / '-j': 'många' är inte ett heltal.",
            "Error: Invalid value for '--jobs' / '-j': 'många' is not a whole number.",
        ),
        (
            ["validate", "-j", "0"],
            "Fel: Ogiltigt värde för '--jobs' / '-j': värdet ska vara minst 1, inte 0.",
            "Error: Invalid value for '--jobs' / '-j': the value must be at least 1, not 0.",
        ),
        (
            ["indicator", "import", "saknas.csv"],
            "Fel: Ogiltigt värde för 'FIL': Filen 'saknas.csv' finns inte.",
            "Error: Invalid value for 'FILE': File 'saknas.csv' does not exist.",
        ),
    ],
)
def test_usage_errors_in_both_languages(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], sv: str, en: str
) -> None:
    monkeypatch.chdir(tmp_path)
    swedish = _usage_error(run, *args)
    assert sv in swedish
    first, second = swedish.splitlines()[:2]
    assert first.startswith("Användning: trygg ")
    assert second.startswith("Försök 'trygg") and second.endswith(" -h' för hjälp.")
    assert "Value error" not in swedish

    english = _usage_error(run, *args, env={"TRYGG_LANG": "en"})
    assert en in english
    first, second = english.splitlines()[:2]
    assert first.startswith("Usage: trygg ")
    assert second.startswith("Try 'trygg") and second.endswith(" -h' for help.")
    assert "Fel:" not in english


def test_a_path_of_the_wrong_kind_is_named_as_such(run: Run, tmp_path: Path) -> None:
    """A folder given for a file (and a file for a folder) exists: it is the wrong kind."""
    folder = tmp_path / "siffror"
    folder.mkdir()
    file = tmp_path / "scheman.txt"
    file.write_text("", encoding="utf-8")
    assert f"Fel: Ogiltigt värde för 'FIL': '{folder}' är en mapp, inte en fil." in (
        _usage_error(run, "indicator", "import", str(folder))
    )
    assert f"Error: Invalid value for 'FILE': '{folder}' is a directory, not a file." in (
        _usage_error(run, "indicator", "import", str(folder), env={"TRYGG_LANG": "en"})
    )
    assert f"Fel: Ogiltigt värde för '--output' / '-o': '{file}' är en fil, inte en mapp." in (
        _usage_error(run, "schema", "--output", str(file))
    )


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--lang", "en", "--format", "xml"],
        ["validate", "--format", "xml", "--lang=en"],
        ["init", "--lang", "en"],
        ["valdate", "--lang", "en"],
        ["deadlines", "--lang", "en", "--bogus"],
    ],
)
def test_lang_option_turns_usage_errors_english(run: Run, args: list[str]) -> None:
    english = _usage_error(run, *args)
    assert english.startswith("Usage: trygg")
    assert "\nError: " in english


def test_layout_of_a_usage_error(run: Run) -> None:
    assert _usage_error(run, "validate", "--bogus") == (
        "Användning: trygg validate [FLAGGOR] [SÖKVÄG]...\n"
        "Försök 'trygg validate -h' för hjälp.\n"
        "\n"
        "Fel: Okänd flagga --bogus.\n"
    )


def test_an_unknown_option_is_offered_only_close_names(run: Run) -> None:
    """Click offered --jobs for --bogus: every long option shares its two dashes."""
    message = _usage_error(run, "validate", "--bogus")
    assert "--jobs" not in message.splitlines()[-1]
    assert "Menade du" not in message
    assert "Menade du '--strict'?" in _usage_error(run, "validate", "--strikt")


def test_an_unknown_command_lists_the_commands(run: Run) -> None:
    message = _usage_error(run, "kontrollera")
    assert "Det finns inget kommando 'kontrollera'. Kommandona är: validate, schema," in message


def test_an_option_before_the_command_is_explained(run: Run) -> None:
    message = _usage_error(run, "--strict", "validate")
    assert "Fel: Okänd flagga --strict. Den anges efter kommandot, till exempel " in message
    assert "'trygg validate --strict'" in message


def test_lang_before_the_command_is_the_command_s_language(run: Run, plan: Path) -> None:
    """'trygg --lang en validate' as 'trygg validate --lang en'; the command's own wins."""
    edit(plan / "organisation.yaml", "ordförande: samordnare", "ordförande: samordnre")
    english = run("--lang", "en", "validate", str(plan))
    assert english.exit_code == 1
    assert "error TRY201 'ordförande' refers to the role 'samordnre'" in english.stdout
    swedish = run("--lang", "en", "validate", str(plan), "--lang", "sv")
    assert "fel TRY201 'ordförande' hänvisar till rollen 'samordnre'" in swedish.stdout
    nested = run("--lang=en", "meeting", "new", "lokala-bra", "--plan", str(plan))
    assert "Error: Missing option '--date' / '-d'." in nested.stderr
    assert run("-h", "--lang", "en").stdout.startswith("Usage: trygg [OPTIONS] COMMAND")
    unknown = run("--lang", "xx", "validate", str(plan))
    assert unknown.exit_code == 2
    assert "Fel: Ogiltigt värde för '--lang': okänt språk 'xx'; välj sv eller en." in unknown.stderr


def test_lang_equals_form_and_unknown_language(run: Run) -> None:
    assert "Error: No such option --bogus." in _usage_error(run, "validate", "--lang=en", "--bogus")
    # A language trygg does not speak leaves the usage error in Swedish (or TRYGG_LANG).
    assert "Fel: Okänd flagga --bogus." in _usage_error(run, "validate", "--lang", "fi", "--bogus")
    assert "Error: No such option --bogus." in _usage_error(
        run, "validate", "--lang", "fi", "--bogus", env={"TRYGG_LANG": "en"}
    )


def test_lang_from_args() -> None:
    assert lang_from_args([]) == "sv"
    assert lang_from_args(["validate", "--lang", "en"]) == "en"
    assert lang_from_args(["validate", "--lang=EN"]) == "en"
    assert lang_from_args(["validate", "--", "--lang", "en"]) == "sv"
    assert lang_from_args(["validate", "--lang"]) == "sv"


@pytest.mark.parametrize("args", [["-h"], ["validate", "-h"], ["meeting", "-h"]])
def test_help_screens_in_both_languages(run: Run, args: list[str]) -> None:
    swedish = run(*args)
    assert swedish.exit_code == 0
    assert swedish.stdout.startswith("Användning: trygg")
    assert "Flaggor:\n" in swedish.stdout
    assert "-h, --help" in swedish.stdout
    assert "Visa den här hjälpen och avsluta." in swedish.stdout
    for english_word in ("Usage:", "Options:", "Arguments:", "Commands:", "Show this message"):
        assert english_word not in swedish.stdout

    english = (
        run(*args, "--lang", "en")
        if args[0] == "validate"
        else run(*args, env={"TRYGG_LANG": "en"})
    )
    assert english.stdout.startswith("Usage: trygg")
    assert "Options:\n" in english.stdout
    assert "Show this message and exit." in english.stdout
    assert "Användning" not in english.stdout


def test_help_sections_are_named(run: Run) -> None:
    assert "\nKommandon:\n" in run("-h").stdout
    assert "\nArgument:\n" in run("validate", "-h").stdout
    assert "Installera skalkomplettering" in run("-h").stdout


def test_a_group_without_its_command_shows_its_help_on_stderr(run: Run) -> None:
    result = run("meeting")
    assert result.exit_code == 2
    assert result.stderr.startswith("Användning: trygg meeting [FLAGGOR] KOMMANDO [ARGUMENT]...")
    assert "Kommandon:" in result.stderr


def test_every_command_speaks_the_users_language() -> None:
    """A command registered without ``cls=TryggCommand`` would answer in English."""

    def walk(command: object, path: str) -> list[str]:
        wrong: list[str] = []
        if isinstance(command, TryggGroup):
            for name, sub in command.commands.items():
                wrong += walk(sub, f"{path} {name}")
        elif not isinstance(command, TryggCommand):
            wrong.append(path)
        return wrong

    root = get_command(app)
    assert isinstance(root, TryggGroup)
    assert walk(root, "trygg") == []


def test_a_typer_without_the_attributes_falls_back_to_its_own_words(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typer 0.28 (Python 3.10) lacks what ``describe`` reads: the error is still shown, in
    Typer's English, with exit code 2, never as an internal error."""
    from trygghet_cli.cli import typer_adapter

    def older_typer(*_: object) -> None:
        return None  # Typer 0.28 has no type_descriptor

    monkeypatch.setattr(typer_adapter, "_type_descriptor", older_typer)
    stderr = _usage_error(run, "report", "plan")
    assert "Missing option '--quarter'" in stderr


def test_the_readme_shows_real_usage_errors(run: Run) -> None:
    readme = doc("README.md")
    block = readme.split("$ trygg validate --format xml\n", 1)[1].split("```", 1)[0]
    first, _, rest = block.partition("$ trygg valdate\n")
    second, _, third = rest.partition("$ trygg report --quarter 2021\n")
    assert _usage_error(run, "validate", "--format", "xml") == first
    for shown, args in ((second, ["valdate"]), (third, ["report", "--quarter", "2021"])):
        assert shown.startswith("...\n")
        assert _usage_error(run, *args).endswith(shown.removeprefix("...\n"))


def _commands(group: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def test_help_names_every_argument_in_capitals_as_the_readme_does(run: Run) -> None:
    """'trygg validate [FLAGGOR] [SÖKVÄG]...', not Python's parameter name 'paths'."""
    commands = list(_commands(get_command(app), "trygg"))
    assert len(commands) > 12
    for path, command in commands:
        usage = run(*path.split()[1:], "-h").output.splitlines()[0]
        assert usage.startswith(f"Användning: {path} [FLAGGOR]"), usage
        for argument in command.params:
            if argument.param_type_name == "argument":
                assert argument.metavar and argument.metavar.isupper(), (path, argument.name)
                assert argument.metavar in usage, usage
