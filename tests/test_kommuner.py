"""The register of kommuner that ships with trygg, and what validate checks against it
(issue 13, "The kommun register")."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import ROOT, Run, edit, write
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.diagnostics import Diagnostic
from trygghet_cli.loading.kommuner import CodeKind, Kommun, kommun_register, name_keys

REGISTER = list(kommun_register())


def test_the_register_is_the_290_kommuner_with_their_län() -> None:
    assert len(REGISTER) == 290
    assert len({k.code for k in REGISTER}) == 290
    assert len({k.name for k in REGISTER}) == 290
    assert all(k.code[:2] == k.county_code for k in REGISTER)
    assert len(kommun_register().counties()) == 21
    assert kommun_register().by_code("1446") == Kommun(
        "1446", "Karlsborg", "14", "Västra Götalands län"
    )
    assert kommun_register().by_code("1447") == Kommun(
        "1447", "Gullspång", "14", "Västra Götalands län"
    )


def test_the_shipped_copy_keeps_the_source_and_its_note() -> None:
    data = ROOT / "src" / "trygghet_cli" / "data"
    with (data / "kommuner.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["kommunkod"], r["kommun"]) for r in rows][:2] == [
        ("0114", "Upplands Väsby"),
        ("0115", "Vallentuna"),
    ]
    note = (data / "kommuner.md").read_text(encoding="utf-8")
    assert "sjbrg/swedish-geodata" in note and "CC0" in note


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Karlsborg", "1446"),
        ("karlsborg", "1446"),
        ("Karlsborgs kommun", "1446"),
        ("Stockholms stad", "0180"),
        ("Borås Stad", "1490"),
        ("Region Gotland", "0980"),
        ("Upplands-Väsby", "0114"),
        ("Upplands-Bro", "0139"),
        ("Malung–Sälen", "2023"),
        ("Lunds kommun", "1281"),
        ("Kalix kommun", "2514"),
    ],
)
def test_names_as_people_write_them(written: str, code: str) -> None:
    found = kommun_register().by_name(written)
    assert found is not None and found.code == code


def test_lookups_by_county_and_what_an_id_stands_for() -> None:
    register = kommun_register()
    västra_götaland = register.by_county("14")
    assert len(västra_götaland) == 49 and register.by_county("Västra Götaland") == västra_götaland
    assert register.by_county("Västra Götalands län") == västra_götaland
    assert register.by_county("Atlantis") == []
    assert register.county("västmanland") == ("19", "Västmanlands län")
    assert register.closest_counties("Vastmanland") == [("19", "Västmanlands län")]
    assert register.closest_counties("1480")[0] == ("14", "Västra Götalands län")
    assert register.closest_counties("Atlantis") == []
    assert register.kind("1982") is CodeKind.KOMMUN
    assert register.kind("0000") is CodeKind.RIKET
    assert register.kind("0013") is CodeKind.REGION
    assert register.kind("G123456") is CodeKind.GROUP
    assert register.kind("0199") is CodeKind.UNKNOWN


def test_a_misspelt_name_has_close_kommuner() -> None:
    assert kommun_register().closest("Karlsbrog")[0].name == "Karlsborg"
    assert kommun_register().closest("Göteborgs stad")[0].name == "Göteborg"
    assert kommun_register().closest("Xyzzy") == []
    assert "göteborg" in name_keys("Göteborgs Stad")


# --- validate, in all 290 directions ----------------------------------------------------------


def _register_findings(root: Path, name: str, code: str, county: str) -> list[Diagnostic]:
    text = (
        f'namn: {name}\nkommunkod: "{code}"\nlän: {county}\n'
        "folkmängd: {antal: 1000, år: 2020}\npolis: {polisområde: X}\n"
    )
    result = check_plan(root, overrides={root / "kommun.yaml": text})
    return [d for d in result.diagnostics if d.rule in ("TRY217", "TRY218")]


@pytest.fixture(scope="module")
def kommun_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kommun")
    write(root / "kommun.yaml", "namn: x\n")
    return root


def test_every_kommun_with_its_own_name_and_län_passes(kommun_only: Path) -> None:
    for k in REGISTER:
        assert _register_findings(kommun_only, k.name, k.code, k.county) == [], k


def test_every_code_under_another_kommun_s_name_names_its_owner(kommun_only: Path) -> None:
    """Each kommun's code written under the next kommun's name: 290 errors, each saying whose
    code it is and what the named kommun's code is."""
    for i, owner in enumerate(REGISTER):
        named = REGISTER[(i + 1) % len(REGISTER)]
        [found] = _register_findings(kommun_only, named.name, owner.code, owner.county)
        assert (found.rule, found.line, found.column) == ("TRY218", 2, 12)
        assert found.message("sv") == (
            f"Kommunkoden {owner.code} är {owner.name} i {owner.county}, inte {named.name}"
        )
        assert found.hint("sv") == (
            f"{named.name} har kommunkoden {named.code} ({named.county}). Skriv "
            f'kommunkod: "{named.code}", eller namn: {owner.name} om koden är rätt.'
        )


def test_every_code_in_another_län_names_its_län(kommun_only: Path) -> None:
    counties = kommun_register().counties()
    for owner in REGISTER:
        other = next(name for code, name in counties.items() if code != owner.county_code)
        [found] = _register_findings(kommun_only, owner.name, owner.code, other)
        assert (found.rule, found.line) == ("TRY218", 3)
        assert found.message("en") == (
            f"The code {owner.code} is {owner.name} in {owner.county}, not in {other}"
        )


def test_a_code_that_is_no_kommun(kommun_only: Path) -> None:
    [found] = _register_findings(kommun_only, "Karlsborg", "1450", "Västra Götalands län")
    assert (found.rule, found.line) == ("TRY217", 2)
    assert found.message("sv") == (
        "'1450' är ingen kommuns kod i SCB:s register över Sveriges 290 kommuner"
    )
    assert found.hint("sv") == (
        "Skriv kommunens fyrsiffriga kod från SCB (Karlsborg har 1446), inom citattecken."
    )


def test_validate_shows_the_finding_with_file_and_line(run: Run, plan: Path) -> None:
    edit(plan / "kommun.yaml", "namn: Stockholm", "namn: Karlsborg")
    edit(plan / "kommun.yaml", 'kommunkod: "0180"', 'kommunkod: "1447"')
    edit(plan / "kommun.yaml", "län: Stockholms län", "län: Västra Götalands län")
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert (
        f"{plan}/kommun.yaml:3:12: fel TRY218 Kommunkoden 1447 är Gullspång i Västra Götalands "
        "län, inte Karlsborg" in result.output
    )
    assert (
        'tips: Karlsborg har kommunkoden 1446 (Västra Götalands län). Skriv kommunkod: "1446"'
        in (result.output)
    )
