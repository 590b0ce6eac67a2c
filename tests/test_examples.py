"""The bundled examples: the four municipalities of Brå's guidance."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, ROOT, Run
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.model.organisation import Body
from trygghet_cli.wording import cadence_text

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
        ("fagersta", "1982", 13391, 11777, 18.1, "lokalpolisområde"),
        ("umea", "2480", 130224, 9305, 16.2, "lokalpolisområde"),
        ("norsjo", "2417", 3945, 7250, 15.3, "lokalpolisområde"),
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
    own = "stadsdel" if plan.municipality.district else "kommun"
    v2020 = next(
        v
        for i in plan.indicators.indicators
        if i.national == "anmalda-brott-per-100000"
        for v in i.values
        if str(v.period) == "2020" and v.geography.level.value == own
    )
    assert (v2020.value, v2020.preliminary) == (crimes, True)
    exposure = by_national["ntu-utsatthet-brott-mot-person"]
    v2019 = next(v for v in exposure.values if str(v.period) == "2019")
    assert v2019.value == ntu
    assert v2019.geography.level.value == level


def _bodies(name: str) -> dict[str, Body]:
    return check_plan(EXAMPLES / name).loaded.plan.bodies()


@pytest.mark.parametrize(
    ("name", "kind", "cadence"),
    [
        ("fagersta", "lokalt_brå", "6 gånger per år"),
        # the seed's cadence, with the summer pause of the example's (illustrative) minutes
        ("fagersta", "est_grupp", "varannan vecka, uppehåll 21 juni–15 augusti 2021"),
        ("umea", "lokalt_brå", "5 gånger per år"),
        ("umea", "områdesråd", "minst 4 gånger per år"),
        ("angered", "ledningsgrupp", "cirka 6 gånger per år, även vid behov"),
        ("angered", "trygghetsråd", "4 gånger per år"),
        ("angered", "beredningsgrupp", "varannan vecka"),
    ],
)
def test_seed_cadences(name: str, kind: str, cadence: str) -> None:
    bodies = [b for b in _bodies(name).values() if b.kind.value == kind]
    assert bodies, f"{name} has no {kind}"
    assert {str(b.cadence) for b in bodies} == {cadence}


def test_seed_structure() -> None:
    fagersta = check_plan(EXAMPLES / "fagersta").loaded.plan
    bra = fagersta.bodies()["lokala-bra"]
    assert bra.budget is not None and bra.budget.allocated is False
    est = fagersta.bodies()["est-grupp"]
    # the seed's monthly report, with the summer pause of the example's (illustrative) minutes
    assert {cadence_text(line.cadence).sv for line in est.reporting} == {
        "varje månad, uppehåll 1 juni–31 juli 2021"
    }
    assert {t for line in est.reporting for t in line.to} == {"lansstyrelsen", "lokala-bra"}
    assert fagersta.organisation is not None
    coordinator = fagersta.organisation.coordination.coordinators[0]
    assert (coordinator.count, coordinator.fte_percent) == (1, 100)
    assert coordinator.other_duties

    umea = check_plan(EXAMPLES / "umea").loaded.plan
    assert umea.organisation is not None
    assert sum(c.count for c in umea.organisation.coordination.coordinators) == 3
    umebra = next(b for b in umea.bodies().values() if b.kind.value == "lokalt_brå")
    assert umebra.budget is not None and umebra.budget.allocated is True
    assert umebra.parent == "kommunstyrelsen"
    activities = umea.activities_by_id().values()
    project = next(a for a in activities if a.name.startswith("Umeå växer"))
    assert project.evaluation is not None
    assert (project.evaluation.by, project.evaluation.funding) == ("Umeå universitet", "Brå")

    norsjo = check_plan(EXAMPLES / "norsjo").loaded.plan
    assert norsjo.organisation is not None
    [half_time] = norsjo.organisation.coordination.coordinators
    assert half_time.fte_percent == 50
    assert any("ANDT" in duty for duty in half_time.other_duties)
    kinds = {b.kind.value for b in norsjo.bodies().values()}
    assert {"styrgrupp", "folkhälsoråd", "operativ_grupp"} <= kinds

    angered = check_plan(EXAMPLES / "angered").loaded.plan
    assert {"sspf", "områdesråd", "ledningsgrupp", "trygghetsråd"} <= {
        b.kind.value for b in angered.bodies().values()
    }
    assert any(r.meeting.kind.value == "akut" for r in angered.meetings)
