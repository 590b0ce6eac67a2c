"""Every parameter type of the command line refuses a bad value in the one usage-error format.

The parsers of :mod:`trygghet_cli.cli.params` read a value where its parameter is declared; a
value they turn down is shown by the typer adapter as every usage error is: the usage line,
where to find help, and ``Fel: Ogiltigt värde för '--option': …`` (exit 2), in the user's
language. No command checks its parameters again in its body (the old ``trygg: '2021' är
inget kvartal`` format is gone).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, Run
from trygghet_cli.cli import params
from trygghet_cli.cli.usage_errors import ValueRefused
from trygghet_cli.editing.geography import Geography
from trygghet_cli.model.indicators import Level
from trygghet_cli.model.periods import Period


def _usage(command: str, usage: str, error: str) -> str:
    return (
        f"Användning: trygg {command} {usage}\nFörsök 'trygg {command} -h' för hjälp.\n\n"
        f"Fel: Ogiltigt värde för {error}\n"
    )


SET_USAGE = "[FLAGGOR] {NYCKELTAL} {PERIOD} {VÄRDE}"

CASES = [
    (
        ["report", "--quarter", "2021"],
        _usage(
            "report",
            "[FLAGGOR] [PLAN]",
            "'--quarter' / '-q': '2021' är inget kvartal; skriv till exempel 2021Q1, 2021-Q1 "
            "eller 2021K1.",
        ),
    ),
    (
        ["deadlines", "--as-of", "igår"],
        _usage(
            "deadlines",
            "[FLAGGOR] [PLAN]...",
            "'--as-of': 'igår' är inte ett datum; skriv ÅÅÅÅ-MM-DD, till exempel 2021-03-02.",
        ),
    ),
    (
        ["deadlines", "--as-of", "1899-12-31"],
        _usage(
            "deadlines",
            "[FLAGGOR] [PLAN]...",
            "'--as-of': året i '1899-12-31' ligger utanför 1900–2100; kontrollera datumet.",
        ),
    ),
    (
        ["action", "add", "Text", "--owner", "x", "--due", "2021-02-30"],
        _usage(
            "action add",
            "[FLAGGOR] {TEXT}",
            "'--due': '2021-02-30' är inte ett datum; skriv ÅÅÅÅ-MM-DD, till exempel 2021-03-02.",
        ),
    ),
    (
        ["validate", "--lang", "xx"],
        _usage(
            "validate", "[FLAGGOR] [SÖKVÄG]...", "'--lang': okänt språk 'xx'; välj sv eller en."
        ),
    ),
    (
        ["meeting", "new", "lokala-bra", "-d", "2021-06-01", "--kind", "x"],
        _usage(
            "meeting new",
            "[FLAGGOR] {ORGAN}",
            "'--kind': 'x' finns inte. Välj ett av: ordinarie, extra, akut.",
        ),
    ),
    (
        ["indicator", "import", "k.csv", "--gender", "X"],
        _usage("indicator import", "[FLAGGOR] {FIL}", "'--gender': 'X' ska vara T, K eller M."),
    ),
    (
        ["indicator", "set", "x", "2021", "1", "-g", "landsting:X"],
        _usage(
            "indicator set",
            SET_USAGE,
            "'--geography' / '-g': 'landsting:X' är ingen geografisk nivå; välj kommun, "
            "stadsdel, delområde, polisområde, lokalpolisområde, län, riket.",
        ),
    ),
    (
        ["indicator", "set", "x", "2021Q5", "1"],
        _usage(
            "indicator set",
            SET_USAGE,
            "'PERIOD': '2021Q5' är inte en period; skriv till exempel 2021 eller 2021Q1.",
        ),
    ),
    (
        ["indicator", "set", "x", "2021", "tolv"],
        _usage("indicator set", SET_USAGE, "'VÄRDE': 'tolv' är inte ett tal."),
    ),
    (
        ["init", "ny", "--kommunkod", "198"],
        _usage(
            "init",
            "[FLAGGOR] {MAPP}",
            "'--kommunkod': '198' är inte en kommunkod: fyra siffror från SCB, där de två "
            "första är länskoden (01–25), till exempel 1982 för Fagersta.",
        ),
    ),
    (
        ["init", "ny", "--kommun", " "],
        _usage(
            "init",
            "[FLAGGOR] {MAPP}",
            "'--municipality' / '--kommun': namnet får inte vara tomt.",
        ),
    ),
    (
        ["overview", "--lan", "99"],
        _usage(
            "overview",
            "[FLAGGOR] [PLAN]...",
            "'--lan': okänt län '99'. Välj en länskod: "
            "01 Stockholms län, 03 Uppsala län, 04 Södermanlands län, 05 Östergötlands län, "
            "06 Jönköpings län, 07 Kronobergs län, 08 Kalmar län, 09 Gotlands län, "
            "10 Blekinge län, 12 Skåne län, 13 Hallands län, 14 Västra Götalands län, "
            "17 Värmlands län, 18 Örebro län, 19 Västmanlands län, 20 Dalarnas län, "
            "21 Gävleborgs län, 22 Västernorrlands län, 23 Jämtlands län, "
            "24 Västerbottens län, 25 Norrbottens län.",
        ),
    ),
    (
        ["validate", "--ignore", "TRY999"],
        _usage(
            "validate",
            "[FLAGGOR] [SÖKVÄG]...",
            "'--ignore': 'TRY999' är ingen regel i trygg; reglerna står i docs/rules.md.",
        ),
    ),
    (
        ["deadlines", "--ignore", "TRY101"],
        _usage(
            "deadlines",
            "[FLAGGOR] [PLAN]...",
            "'--ignore': 'TRY101' är ingen regel för tidsfristerna; de är TRY4xx.",
        ),
    ),
    (
        ["compare", "--year", "2300"],
        _usage(
            "compare", "[FLAGGOR] [PLAN]...", "'--year': värdet ska vara högst 2100, inte 2300."
        ),
    ),
]


@pytest.mark.parametrize(("argv", "expected"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_refused_value_is_one_usage_error(
    run: Run, tmp_path: Path, argv: list[str], expected: str
) -> None:
    (tmp_path / "k.csv").write_text("kpi;kommun;period;kön;värde\n", encoding="utf-8")
    result = run(*argv, cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == expected
    assert result.stdout == ""
    assert not (tmp_path / "ny").exists()


def test_in_english_with_lang_en(run: Run, tmp_path: Path) -> None:
    result = run("report", "--quarter", "2021", "--lang", "en", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        "Usage: trygg report [OPTIONS] [PLAN]\nTry 'trygg report -h' for help.\n\n"
        "Error: Invalid value for '--quarter' / '-q': '2021' is not a quarter; write for "
        "example 2021Q1, 2021-Q1 or 2021K1.\n"
    )
    result = run("--lang", "en", "indicator", "set", "x", "2021", "1", "-g", "x", cwd=tmp_path)
    assert result.stderr.endswith(
        "Error: Invalid value for '--geography' / '-g': 'x' is not a level; choose kommun, "
        "stadsdel, delområde, polisområde, lokalpolisområde, län, riket.\n"
    )


def test_the_parsers_return_typed_values() -> None:
    assert params.quarter("2021-Q1") == Period.parse("2021Q1")
    assert params.period("2021-03") == Period.parse("2021-03")
    assert str(params.day(" 2021-03-02 ")) == "2021-03-02"
    assert params.language("en_GB") == "en"
    assert params.gender("k") == "K"
    assert params.geography("lokalpolisområde: Norra Västmanland") == Geography(
        Level("lokalpolisområde"), "Norra Västmanland"
    )
    assert params.kommunkod(" 1982 ") == "1982"
    assert params.county("19") == params.county("Västmanlands län") == "19"
    assert params.figure("22,6") == 22.6
    assert params.rule("try204") == "TRY204"
    assert params.name(" Fagersta ") == "Fagersta"
    for parser, value in [
        (params.quarter, "2021"),
        (params.period, "2021Q5"),
        (params.day, "2021-13-01"),
        (params.language, ""),
        (params.gender, "X"),
        (params.kommunkod, "0000"),
        (params.figure, "1e20"),
        (params.deadline_rule, "TRY101"),
    ]:
        with pytest.raises(ValueRefused):
            parser(value)


def test_a_valid_value_reaches_the_command(run: Run) -> None:
    """The parsed value is what the command uses: the same as before the parsers moved."""
    result = run("deadlines", str(EXAMPLES / "fagersta"), "--as-of", "2021-06-30", "--lang", "en")
    assert result.output.startswith("Deadlines as of 30 June 2021")
