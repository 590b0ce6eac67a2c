"""Help texts in the user's language: declared in Swedish, English from the catalog.

Every help text (an option's or argument's help, a command's help and epilog, a group's) is
written in Swedish where it is declared; ``--lang en`` and ``TRYGG_LANG=en`` show its English
from :data:`trygghet_cli.cli.help_texts_en.HELP_EN`. These tests walk every command, as
tests/test_help_screens.py does.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from typer.main import get_command

from tests.conftest import Run
from tests.test_help_screens import COMMANDS, _id
from trygghet_cli.cli.app import app
from trygghet_cli.cli.help_screen import help_text
from trygghet_cli.cli.help_texts_en import HELP_EN
from trygghet_cli.cli.typer_adapter import HELP_ATTRIBUTES, help_texts_in

# Options whose help trygg sets itself in both languages (cli/typer_adapter.py), not from the
# catalog.
COMPLETION = {"install_completion", "show_completion"}

# Swedish words that no English help sentence has (Swedish values and names in the English
# texts, such as 'Norra Västmanland' or 'ordinarie', contain none of them).
SWEDISH_WORDS = ("och", "eller", "som", "för", "inte", "mappen", "planens", "Standard", "ÅÅÅÅ")


def _declared(command: Any) -> list[tuple[str, str]]:
    """(where, text) of every help text of a command and its parameters, as declared."""
    texts = [(attr, getattr(command, attr)) for attr in HELP_ATTRIBUTES]
    texts += [(f"{p.name}.help", p.help) for p in command.params if p.name not in COMPLETION]
    return [(where, text) for where, text in texts if text]


DECLARED = [(f"{_id(path)} {where}", text) for path, c in COMMANDS for where, text in _declared(c)]


def _flat(text: str) -> str:
    """Text without its blanks: help is rewrapped, also after a hyphen (``YYYY-`` ``MM-DD``)."""
    return "".join(text.split())


def _sentences(text: str) -> list[str]:
    """A help text's sentences of three words or more (shorter ones may be the same in both)."""
    parts = re.split(r"(?<=[.:;])\s+", text)
    return [_flat(part) for part in parts if len(part.split()) >= 3]


def test_every_help_text_has_an_english_entry() -> None:
    """A new option, argument or command needs an entry in cli/help_texts_en.py."""
    missing = [f"{where}: {text!r}" for where, text in DECLARED if text not in HELP_EN]
    assert missing == [], "add these to src/trygghet_cli/cli/help_texts_en.py"


def test_every_entry_is_a_declared_help_text() -> None:
    """An entry whose Swedish text has changed or gone is caught (then update its key)."""
    declared = {text for _, text in DECLARED}
    assert sorted(set(HELP_EN) - declared) == []


def test_translations_are_english_and_kept_apart() -> None:
    for swedish, english in HELP_EN.items():
        assert english.strip() and english != swedish, swedish
        assert english not in HELP_EN, english  # an English text is never looked up again
        words = set(re.findall(r"[\wÅÄÖåäö]+", english))
        assert words.isdisjoint(SWEDISH_WORDS), (english, words & set(SWEDISH_WORDS))
        assert english.count("\n\n") == swedish.count("\n\n"), swedish  # same paragraphs


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=_id)
def test_english_help_has_no_swedish_sentence(run: Run, path: tuple[str, ...]) -> None:
    for env in ({"TRYGG_LANG": "en"}, {"TRYGG_LANG": "sv"}):
        result = run(*path, "-h", env=env)
        assert result.exit_code == 0, result.output
        shown = _flat(result.stdout)
        catalog = HELP_EN if env["TRYGG_LANG"] == "en" else {v: k for k, v in HELP_EN.items()}
        for hidden, visible in catalog.items():
            for sentence in _sentences(hidden):
                if sentence not in _flat(visible):
                    assert sentence not in shown, (env, sentence, result.stdout)


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=_id)
def test_help_shows_every_text_in_the_language_asked_for(run: Run, path: tuple[str, ...]) -> None:
    """The parameters' help, whole, in Swedish by default and in English when asked."""
    command = dict(COMMANDS)[path]
    texts = [p.help for p in command.params if p.help and p.name not in COMPLETION]
    swedish = _flat(run(*path, "-h").stdout)
    english = _flat(run(*path, "-h", env={"TRYGG_LANG": "en"}).stdout)
    for text in texts:
        assert _flat(text) in swedish, text
        assert _flat(HELP_EN[text]) in english, HELP_EN[text]
    if command.help:  # the first paragraph of the command's help
        first = command.help.split("\n\n")[0]
        assert _flat(first) in swedish
        assert _flat(HELP_EN[command.help].split("\n\n")[0]) in english


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["-h"], "  validate   Check plans: syntax, keys, values, references and dates."),
        (["-h"], "  meeting    The meeting log: create a new meeting from a template."),
        (["-h"], "  --version             Show the version and exit."),
        (
            ["report", "-h"],
            "  Quarterly brief (lägesrapport): meetings, decisions, actions, goals,",
        ),
        (
            ["report", "-h"],
            "  Exits with 1 if the plan has errors (they are then shown as by trygg",
        ),
        (["report", "-h"], "  PLAN  The plan's folder. Default: the current folder."),
        (
            ["meeting", "new", "-h"],
            "  --kind KIND          ordinarie (regular; the default), extra or akut (urgent).",
        ),
        (
            ["indicator", "set", "-h"],
            "  PERIOD     The period: 2021, 2021Q1, 2021T1, 2021H1 or 2021-03.  [required]",
        ),
        (
            ["action", "-h"],
            "  done  Mark an action as done: status klar (done) and klar_datum (date...",
        ),
        (
            ["deadlines", "-h"],
            "  --within DAYS                   Days ahead that count as 'due soon'. Default:",
        ),
    ],
)
def test_exact_english_lines(run: Run, args: list[str], line: str) -> None:
    assert line in run(*args, env={"TRYGG_LANG": "en"}).stdout.splitlines()
    if args[0] not in ("-h", "action", "indicator"):  # a group has no --lang of its own
        assert line in run(*args, "--lang", "en").stdout.splitlines()


def test_swedish_stays_as_declared(run: Run) -> None:
    result = run("report", "-h")
    lines = result.stdout.splitlines()
    assert "  Lägesrapport för ett kvartal: möten, beslut, åtgärder, mål, jämförelse med" in lines
    assert "  PLAN  Planens mapp. Standard: den aktuella mappen." in lines
    assert "Quarterly" not in result.stdout
    root = run("-h").stdout.splitlines()
    assert "  meeting    Mötesloggen: skapa ett nytt möte ur en mall." in root


def test_declared_texts_are_put_back() -> None:
    """Translation lasts only while a screen is written, also when writing it fails."""
    command = get_command(app).commands["report"]  # type: ignore[attr-defined]
    quarter = next(p for p in command.params if p.name == "quarter")
    with help_texts_in("en", [command, quarter]):
        assert quarter.help == "The quarter: 2021Q1, 2021-Q1 or 2021K1."
        assert command.help.startswith("Quarterly brief (lägesrapport)")
    assert quarter.help == "Kvartalet: 2021Q1, 2021-Q1 eller 2021K1."
    with pytest.raises(RuntimeError), help_texts_in("en", [quarter]):
        raise RuntimeError
    assert quarter.help == "Kvartalet: 2021Q1, 2021-Q1 eller 2021K1."
    with help_texts_in("sv", [quarter]):
        assert quarter.help == "Kvartalet: 2021Q1, 2021-Q1 eller 2021K1."


def test_a_text_without_a_translation_is_shown_as_declared() -> None:
    assert help_text("Ingen översättning än.", "en") == "Ingen översättning än."
    assert help_text("Visa versionen och avsluta.", "en") == "Show the version and exit."
    assert help_text("Visa versionen och avsluta.", "sv") == "Visa versionen och avsluta."


def test_a_typer_without_the_attributes_writes_english_help_texts(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typer 0.28 (Python 3.10): Typer writes the rows itself, still with English help."""
    from trygghet_cli.cli import typer_adapter

    def older_typer(*_: object) -> None:
        return None  # Typer 0.28 has no type_descriptor

    monkeypatch.setattr(typer_adapter, "_type_descriptor", older_typer)
    result = run("init", "-h", env={"TRYGG_LANG": "en"})
    assert result.exit_code == 0, result.output
    shown = _flat(result.stdout)
    assert _flat("The municipality's name, for example Fagersta; gives the code.") in shown
    assert _flat("Start a repository for the municipality's plan") in shown
    assert "Kommunens" not in shown
    group = run("-h", env={"TRYGG_LANG": "en"})
    assert group.exit_code == 0, group.output
    assert "  meeting    The meeting log: create a new meeting from a template." in (
        group.stdout.splitlines()
    )
    swedish = run("init", "-h")
    assert _flat("Kommunens namn, till exempel Fagersta; ger kommunkoden.") in _flat(swedish.stdout)
