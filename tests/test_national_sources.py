"""National values from three sources, in order: the plan's own values for Riket, values
fetched from Kolada for Riket (0000), and the series trygg ships (issue 13, "National values
that a kommun can keep current")."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Run, edit
from trygghet_cli.analysis.comparison import Note, comparison_rows, comparisons
from trygghet_cli.analysis.national import NationalSource, national_figures
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.loading.national import national_data
from trygghet_cli.model.periods import Period
from trygghet_cli.model.plan import Plan

KOMMUN_2023_2024 = (
    "      - period: 2023\n        värde: 8800\n        geografi: {nivå: kommun}\n"
    "      - period: 2024\n        värde: 8700\n        geografi: {nivå: kommun}\n"
)


def _plan(root: Path) -> Plan:
    result = check_plan(root)
    assert result.ok, [d.message("sv") for d in result.diagnostics]
    return result.loaded.plan


def _append(plan: Path, text: str) -> None:
    with (plan / "nyckeltal.yaml").open("a", encoding="utf-8") as f:
        f.write(text)


def _riket(period: int, value: int, kolada: bool = False) -> str:
    source = "        källa: {typ: kolada, kolada_kpi: N07540}\n" if kolada else ""
    return (
        f"      - period: {period}\n        värde: {value}\n        geografi: {{nivå: riket}}\n"
        + source
    )


def _only(plan: Path):  # type: ignore[no-untyped-def]
    [c] = comparisons(comparison_rows([_plan(plan)], national_data()))
    return c


def test_trygg_s_series_when_the_plan_has_nothing_of_its_own(plan: Path) -> None:
    c = _only(plan)
    assert (str(c.period), c.national) == ("2020", 15079)
    assert c.source is not None and c.source.source is NationalSource.TRYGG
    assert Note.NATIONAL_SOURCE in c.notes


def test_a_kolada_value_for_riket_goes_before_trygg_s(plan: Path) -> None:
    _append(plan, _riket(2020, 15300, kolada=True))
    c = _only(plan)
    assert (str(c.period), c.national) == ("2020", 15300)
    assert c.source is not None and c.source.source is NationalSource.KOLADA
    assert c.source.origin == "N07540"


def test_the_plan_s_own_value_for_riket_goes_before_trygg_s(plan: Path) -> None:
    _append(plan, _riket(2020, 15200))
    c = _only(plan)
    assert (str(c.period), c.national) == ("2020", 15200)
    assert c.source is not None and c.source.source is NationalSource.PLAN


def test_the_order_year_by_year_plan_kolada_trygg(plan: Path) -> None:
    """Each year takes the first source that has it: 2019 only trygg has, 2020 Kolada and
    trygg, 2021 the plan and nobody else."""
    _append(plan, _riket(2020, 15300, kolada=True) + _riket(2021, 14800))
    indicator = _plan(plan).indicators_by_id()["anmalda-brott"]
    series = national_data().by_id()["anmalda-brott-per-100000"]
    found = national_figures(indicator, series)
    assert {str(p): (f.value, f.source) for p, f in found.items() if p.year >= 2019} == {
        "2019": (15040, NationalSource.TRYGG),
        "2020": (15300, NationalSource.KOLADA),
        "2021": (14800, NationalSource.PLAN),
    }


def test_a_plan_for_2024_with_a_national_value_for_2023_compares_2023(run: Run, plan: Path) -> None:
    """The issue's case: 'indicator set anmalda-brott 2023 14100 --geography riket' was
    accepted and then ignored by compare."""
    _append(plan, KOMMUN_2023_2024)
    result = run(
        "indicator", "set", "anmalda-brott", "2023", "14100", "--geography", "riket",
        "--plan", str(plan),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = run("compare", str(plan)).stdout
    row = next(line for line in out.splitlines() if line.startswith("Stockholm"))
    assert "2023" in row and "8\u00a0800" in row and "14\u00a0100" in row
    assert "Rikets värde för 2023 står i planen (nyckeltal.yaml)." in out
    assert (
        "Kommunens senaste värde, 8\u00a0700 för 2024, har inget värde för riket att jämföras "
        "med; jämförelsen gäller 2023, det senaste som både kommunen och riket har." in out
    )
    assert "Varning" not in out
    data = json.loads(run("compare", str(plan), "-f", "json").stdout)["comparisons"][0]
    assert (data["period"], data["national"]) == ("2023", 14100)
    assert data["national_source"]["source"] == "plan"
    brief = run("report", "--quarter", "2025Q1", str(plan)).stdout
    assert "Rikets värde för 2023 står i planen (nyckeltal.yaml)." in brief


def test_a_national_value_more_than_two_years_older_is_warned_about(run: Run, plan: Path) -> None:
    _append(plan, KOMMUN_2023_2024)
    out = run("compare", str(plan)).stdout
    assert (
        "Rikets värde för 2020 kommer från trygg:s serie: Brå, Organisera arbetet "
        "(preliminär siffra för 2020)." in out
    )
    assert (
        "Varning: rikets värde gäller 2020, 4 år före kommunens senaste (2024). För in rikets "
        "värde för 2024 med 'trygg indicator set anmalda-brott 2024 VÄRDE --geography riket', "
        "eller hämta det ur Kolada med 'trygg indicator fetch'." in out
    )
    _append(plan, _riket(2022, 14000))
    assert "Varning: rikets värde gäller 2020" in run("compare", str(plan)).stdout  # no 2022 here
    _append(plan, "      - period: 2022\n        värde: 8900\n        geografi: {nivå: kommun}\n")
    out = run("compare", str(plan)).stdout
    assert "jämförelsen gäller 2022" in out
    assert "Varning" not in out  # 2022 against 2024: two years, not more


def test_an_indicator_with_only_its_own_national_values_is_compared(plan: Path) -> None:
    edit(plan / "nyckeltal.yaml", "    nationell_serie: anmalda-brott-per-100000\n", "")
    assert comparisons(comparison_rows([_plan(plan)], national_data())) == []
    _append(plan, _riket(2020, 15000, kolada=True))
    c = _only(plan)
    assert (c.series, c.series_name, c.national) == (
        "anmalda-brott",
        "Anmälda brott per 100 000 invånare, riket",
        15000,
    )
    assert c.difference is not None and float(c.difference) == pytest.approx(-40.0)


def test_a_national_value_counts_as_of_its_day(plan: Path) -> None:
    """The plan's own value for 2020 came in a release of 12 October 2021 (NTU 2021): a brief
    for the first quarter of 2021 uses trygg's value, one for the last quarter the plan's."""
    _append(plan, _riket(2020, 15200) + "        utgåva: NTU 2021\n")

    def national(day: date) -> list[float | None]:
        rows = comparison_rows([_plan(plan)], national_data(), until=day)
        return [r.national_value for r in rows if r.period == Period.parse("2020")]

    assert national(date(2021, 3, 31)) == [15079]
    assert national(date(2021, 12, 31)) == [15200]


def test_every_shipped_value_has_a_source_and_secondhand_ones_say_so() -> None:
    national = national_data()
    for series in national.series:
        for v in series.values:
            assert v.source.strip(), (series.id, v.period)
            if v.secondhand:
                assert "Brå," not in v.source[:4], (series.id, v.period)
    by_id = national.by_id()
    crimes = {str(v.period): v for v in by_id["anmalda-brott-per-100000"].values}
    assert crimes["1998"].value == 13344 and not crimes["1998"].secondhand
    assert crimes["2019"].secondhand  # Wikipedia, quoting Brå
    assert "2004" not in crimes  # a third party's figure with no named source
    exposure = {str(v.period): v for v in by_id["ntu-utsatthet-brott-mot-person"].values}
    assert exposure["2018"].value == 23.1 and exposure["2018"].secondhand
    counts = {str(v.period): v for v in by_id["anmalda-brott-antal"].values}
    assert counts["2021"].approximate and counts["2021"].preliminary
    assert counts["2021"].published == date(2022, 1, 20)


def test_a_secondhand_national_value_is_said_to_be_so(run: Run, plan: Path) -> None:
    edit(
        plan / "nyckeltal.yaml",
        "period: 2020\n        värde: 9000",
        "period: 2019\n        värde: 9000",
    )
    edit(plan / "mal.yaml", "{värde: 9000, period: 2020}", "{värde: 9000, period: 2019}")
    out = run("compare", str(plan)).stdout
    assert (
        'Rikets värde för 2019 kommer från trygg:s serie: Svenska Wikipedia, "Brottslighet i '
        'Sverige", med Brå som källa. Uppgiften är från en andrahandskälla och inte '
        "kontrollerad mot utgivaren." in out
    )
