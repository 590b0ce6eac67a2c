"""``trygg compare``: every kommun against the country, in four formats."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, Run, doc, edit
from tests.mdcheck import check_markdown

EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))


def test_table_shows_every_kommun_against_the_country(run: Run) -> None:
    result = run("compare", "examples", cwd=ROOT)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Anmälda brott per 100 000 invånare, hela landet" in out
    assert "(per 100\u00a0000 invånare; relativ skillnad i procent; lägre är bättre)" in out
    fagersta = next(line for line in out.splitlines() if line.startswith("Fagersta"))
    assert "11\u00a0777" in fagersta and "15\u00a0079" in fagersta
    assert "\u221221,9\u00a0%" in fagersta and "bättre" in fagersta
    angered = [line for line in out.splitlines() if line.startswith("Angered")]
    assert any("+5,7\u00a0procentenheter" in line and "sämre" in line for line in angered)
    assert "Värdet gäller lokalpolisområdet Norra Västmanland, inte kommunen." in out
    assert "Kommunens senaste värde, 9\u00a0010 för 2021, har inget värde för riket" in out
    assert "Rikets värde för 2020 kommer från trygg:s serie: Brå, Organisera arbetet" in out


def test_json_has_the_trend_and_notes(run: Run) -> None:
    result = run("compare", "examples", "--format", "json", cwd=ROOT)
    data = json.loads(result.stdout)["comparisons"]
    plans = {c["plan"] for c in data}
    assert len(plans) == len(EXAMPLE_NAMES)
    umea = next(c for c in data if c["plan"] == "Umeå" and c["indicator"] == "utsatthet-ntu")
    assert umea["period"] == "2020" and umea["difference_kind"] == "percentage_points"
    assert umea["difference"] == pytest.approx(-4.8)
    assert "geography" in umea["notes"]
    assert [p["period"] for p in umea["trend"]] == ["2019", "2020"]
    assert umea["change"]["national_change"] == pytest.approx(-2.4)


def test_csv_for_swedish_excel(run: Run) -> None:
    out = run("compare", "examples", "--format", "csv", cwd=ROOT).stdout
    assert out.startswith("\ufeffplan;kommunkod;")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    row = next(
        r
        for r in rows
        if r["plan"] == "Fagersta" and r["nyckeltal"] == "utsatthet-ntu" and r["period"] == "2019"
    )
    assert (row["värde"], row["riket"], row["skillnad"]) == ("18,1", "22,6", "-4,5")
    assert row["skillnad_avser"] == "procentenheter" and row["bedömning"] == "bättre"
    assert row["bättre"] == "lägre"


def test_csv_in_english(run: Run) -> None:
    out = run("compare", "examples", "--format", "csv", "--lang", "en", cwd=ROOT).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    row = next(
        r
        for r in rows
        if r["plan"] == "Norsjö" and r["period"] == "2020" and r["indicator"] == "anmalda-brott"
    )
    assert (row["value"], row["national"], row["difference"]) == ("7250", "15079", "-51.92")
    assert row["difference_kind"] == "per_cent" and row["verdict"] == "better"
    assert row["better"] == "lower"  # the direction in English too, not the YAML's 'lägre'


def test_markdown_parses(run: Run) -> None:
    out = run("compare", "examples", "--format", "markdown", cwd=ROOT).stdout
    found = check_markdown(out)
    assert sum(1 for t in found if t.type == "table_open") == 3


def test_one_indicator_and_one_year(run: Run) -> None:
    out = run(
        "compare",
        "examples",
        "--indicator",
        "anmalda-brott",
        "--year",
        "2019",
        "-f",
        "json",
        cwd=ROOT,
    ).stdout
    data = json.loads(out)["comparisons"]
    assert {c["indicator"] for c in data} == {"anmalda-brott"}
    assert {c["period"] for c in data} == {"2019"}
    assert next(c for c in data if c["plan"] == "Fagersta")["national"] == 15040


def test_an_unknown_indicator_is_a_usage_error(run: Run) -> None:
    result = run("compare", "examples", "--indicator", "anmalda-brot", cwd=ROOT)
    assert result.exit_code == 2
    assert "Välj bland: anmalda-brott" in result.output


def test_list_of_national_series(run: Run) -> None:
    out = run("compare", "--list").stdout
    assert "ntu-utsatthet-brott-mot-person" in out and "2020: 15\u00a0079 (prel.)" in out


def test_a_plan_with_errors_stops_the_comparison(run: Run, plan: Path) -> None:
    edit(plan / "nyckeltal.yaml", "värde: 9000", "värde: niotusen")
    result = run("compare", str(plan))
    assert result.exit_code == 1
    assert "nyckeltal.yaml" in result.stderr and "TRY103" in result.stderr


def test_output_file(run: Run, plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "jamforelse.csv"
    result = run("compare", str(plan), "-f", "csv", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    data = target.read_bytes()
    assert data.startswith("\ufeffplan;kommunkod;".encode())
    assert data.count(b"\r\n") == data.count(b"\n") == 2  # Excel's line endings


def test_a_year_without_values_says_which_years_there_are(run: Run) -> None:
    result = run("compare", "examples", "--year", "2030", cwd=ROOT)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Inga värden för 2030. Nyckeltalen med en nationell jämförelseserie har värden för "
        "2019, 2020 och 2021.\n"
    )
    english = run("compare", "examples", "--year", "2030", "--lang", "en", cwd=ROOT).stdout
    assert english.startswith("No values for 2030. The indicators with a national series")


def test_as_of_uses_only_what_was_published_then(run: Run) -> None:
    args = ("compare", "examples/fagersta", "--indicator", "utsatthet-ntu", "-f", "json")
    now = json.loads(run(*args, cwd=ROOT).stdout)["comparisons"][0]
    assert (now["period"], now["national"]) == ("2020", 20.2)
    then = json.loads(run(*args, "--as-of", "2021-03-31", cwd=ROOT).stdout)["comparisons"][0]
    assert (then["period"], then["national"]) == ("2019", 22.6)
    table = run(
        "compare", "examples/fagersta", "--indicator", "utsatthet-ntu", "--as-of", "2021-03-31"
    ).stdout
    # The kommun's own 2020 figure comes from the same release (NTU 2021), so it is not there
    # either, neither compared nor in the trend.
    assert "17,4" not in table and "publicerades först" not in table


def test_a_bad_as_of_is_a_usage_error(run: Run) -> None:
    result = run("compare", "examples", "--as-of", "31/3", cwd=ROOT)
    assert result.exit_code == 2
    assert "Fel: Ogiltigt värde för '--as-of': '31/3' är inte ett datum; skriv ÅÅÅÅ-MM-DD" in (
        result.stderr
    )


@pytest.mark.parametrize(
    "command",
    [
        "compare examples --indicator anmalda-brott",
        "compare examples --indicator utsatthet-ntu --format csv",
        "compare --list",
    ],
)
def test_the_readme_shows_real_output(run: Run, command: str) -> None:
    """The README's examples are what the command prints, byte for byte (with the no-break
    spaces of Swedish numbers); where the README stops at '...', the start of it."""
    assert set(EXAMPLE_NAMES) == {"angered", "fagersta", "norsjo", "umea"}, (
        "docs/compare.md shows the four examples"
    )
    readme = doc("compare.md")
    shown = readme.split(f"$ trygg {command}\n", 1)[1].split("```", 1)[0]
    result = run(*command.split(), cwd=ROOT)
    assert result.exit_code == 0, result.output
    out = result.stdout.removeprefix("\ufeff")
    if shown.endswith("...\n"):
        assert shown.count("\n") > 1 and out.startswith(shown.removesuffix("...\n"))
    else:
        assert out == shown


def _exposure_plan(plan: Path, value: str) -> None:
    """The small plan's indicator as NTU's share (22,6 % in the country in 2019)."""
    edit(
        plan / "nyckeltal.yaml",
        "nationell_serie: anmalda-brott-per-100000",
        "nationell_serie: ntu-utsatthet-brott-mot-person",
    )
    edit(plan / "nyckeltal.yaml", "enhet: per_100000_invånare", "enhet: procent")
    edit(
        plan / "nyckeltal.yaml",
        "period: 2020\n        värde: 9000",
        f"period: 2019\n        värde: {value}",
    )
    edit(plan / "mal.yaml", "{värde: 9000, period: 2020}", "{värde: 25, period: 2019}")
    edit(plan / "mal.yaml", "{värde: 8500, period: 2022}", "{värde: 20, period: 2022}")


@pytest.mark.parametrize(
    ("value", "shown", "verdict"),
    [
        ("22.65", "+0,1\u00a0procentenheter", "sämre"),
        ("22.55", "\u22120,1\u00a0procentenheter", "bättre"),
    ],
)
def test_half_a_tenth_is_rounded_away_from_zero_either_way(
    run: Run, plan: Path, value: str, shown: str, verdict: str
) -> None:
    """Issue 11, item 5: +0,05 procentenheter was "0,0, lika" and −0,05 "−0,1, bättre"
    (binary floating point, rounded half to even); both are 0,1 away from the country."""
    _exposure_plan(plan, value)
    result = run("compare", str(plan))
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("Stockholm"))
    assert shown in row and verdict in row, row
    data = json.loads(run("compare", str(plan), "-f", "json").stdout)["comparisons"][0]
    assert data["difference"] == pytest.approx(float(value) - 22.6, abs=1e-9)
    assert data["verdict"] == ("worse" if verdict == "sämre" else "better")


def test_a_plan_direction_against_the_series_is_shown_and_warned_about(
    run: Run, plan: Path
) -> None:
    """Issue 11, item 6: 'bättre: högre' on a series where lower is better: validate warns, and
    the table judges by the plan's direction under a header that says so."""
    edit(plan / "nyckeltal.yaml", "bättre: lägre", "bättre: högre")
    validated = run("validate", str(plan))
    assert validated.exit_code == 0, validated.output
    assert (
        f"{plan}/nyckeltal.yaml:6:13: varning TRY215 Nyckeltalet räknar högre som bättre, "
        "men den nationella serien 'anmalda-brott-per-100000' räknar lägre som bättre"
    ) in validated.output
    result = run("compare", str(plan))
    assert "(per 100\u00a0000 invånare; relativ skillnad i procent; högre är bättre)" in (
        result.stdout
    )
    row = next(line for line in result.stdout.splitlines() if line.startswith("Stockholm"))
    assert "\u221240,3\u00a0%" in row and "sämre" in row
    assert (
        "Planen anger att högre är bättre för nyckeltalet, medan rikets serie räknar att lägre "
        "är bättre; bedömningen följer planen." in result.stdout
    )


def test_plans_of_both_directions_share_no_header_direction(run: Run, tmp_path: Path) -> None:
    for name in ("fagersta", "umea"):
        shutil.copytree(EXAMPLES / name, tmp_path / name)
    edit(tmp_path / "umea" / "nyckeltal.yaml", "bättre: lägre", "bättre: högre")
    out = run("compare", str(tmp_path), "--indicator", "anmalda-brott").stdout
    assert "(per 100\u00a0000 invånare; relativ skillnad i procent)\n" in out
    umea = next(line for line in out.splitlines() if line.startswith("Umeå"))
    assert "sämre" in umea


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_never_start_a_formula(run: Run, plan: Path, start: str) -> None:
    """Issue 12: a plan's text that a spreadsheet would run as a formula is written as text
    (OWASP: a leading apostrophe); the numbers stay numbers."""
    edit(
        plan / "kommun.yaml",
        "län: Stockholms län\n",
        f"län: Stockholms län\nstadsdel: '{start}HYPERLINK(\"http://x\")'\n",
    )
    edit(
        plan / "nyckeltal.yaml",
        "namn: Anmälda brott per 100 000 invånare",
        f"namn: '{start}1+2'",
    )
    for lang, sep in (("sv", ";"), ("en", ",")):
        out = run("compare", str(plan), "-f", "csv", "--lang", lang).stdout.lstrip("\ufeff")
        [row] = list(csv.reader(io.StringIO(out), delimiter=sep))[1:]
        assert row[0].startswith(f'\'{start}HYPERLINK("http://x") (')
        assert row[3] == f"'{start}1+2"
        assert row[11].startswith("-40")  # a negative difference is still a number
