"""The bundled examples: the four municipalities of Brå's guidance."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, Run
from trygghet_cli.checks.runner import check_plan

NAMES = ["angered", "fagersta", "norsjo", "umea"]


def test_the_four_examples_exist() -> None:
    assert sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml")) == NAMES


def test_examples_are_clean_even_in_strict_mode(run: Run) -> None:
    result = run("validate", "--strict", "examples", cwd=ROOT)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Inga fel i ")
    assert result.output.endswith("(4 planer).\n")


@pytest.mark.parametrize("name", NAMES)
def test_every_file_points_editors_at_its_schema(name: str) -> None:
    for path in sorted((EXAMPLES / name).rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), path
        schema = (path.parent / first[len(prefix) :]).resolve()
        assert schema.is_file(), f"{path}: {schema} does not exist"
        expected = "mote" if "moten" in path.parts else path.stem
        assert schema.name == f"{expected}.schema.json"


@pytest.mark.parametrize("name", NAMES)
def test_meeting_log_covers_all_of_2021(name: str) -> None:
    plan = check_plan(EXAMPLES / name).loaded.plan
    months = {rec.meeting.date.month for rec in plan.meetings if rec.meeting.date.year == 2021}
    assert len(months) >= 10, f"{name}: meetings in months {sorted(months)}"
    assert any(a.due.year == 2021 for _, a in plan.actions())
    assert all(rec.meeting.illustrative for rec in plan.meetings), "meetings are illustrative"


@pytest.mark.parametrize(
    ("name", "kommunkod", "population", "crimes", "ntu", "level"),
    [
        ("fagersta", "1982", 13391, 11777, 18.1, "polisområde"),
        ("umea", "2480", 130224, 9305, 16.2, "polisområde"),
        ("norsjo", "2417", 3945, 7250, 15.3, "polisområde"),
        ("angered", "1480", 53758, 11219, 27.3, "lokalpolisområde"),
    ],
)
def test_seed_figures(
    name: str, kommunkod: str, population: int, crimes: int, ntu: float, level: str
) -> None:
    plan = check_plan(EXAMPLES / name).loaded.plan
    assert plan.municipality is not None and plan.indicators is not None
    assert plan.municipality.population is not None
    assert plan.municipality.kommunkod == kommunkod
    assert plan.municipality.population.count == population
    by_national = {i.national: i for i in plan.indicators.indicators if i.national}
    crime = by_national["anmalda-brott-per-100000"]
    v2020 = next(
        v
        for v in crime.values
        if str(v.period) == "2020" and v.geography.level.value in ("kommun", "stadsdel")
    )
    assert (v2020.value, v2020.preliminary) == (crimes, True)
    exposure = by_national["ntu-utsatthet-brott-mot-person"]
    v2019 = next(v for v in exposure.values if str(v.period) == "2019")
    assert v2019.value == ntu
    assert v2019.geography.level.value == level


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")
