"""Comparisons with the national figures: the right kind of difference, the right verdict."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES, Run, edit
from trygghet_cli.analysis.comparison import (
    Comparison,
    DifferenceKind,
    Note,
    Verdict,
    comparison_rows,
    comparisons,
)
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.loading.national import national_data
from trygghet_cli.model.plan import Plan


def _plan(root: Path) -> Plan:
    result = check_plan(root)
    assert result.ok, result.diagnostics
    return result.loaded.plan


def _by(items: list[Comparison], indicator: str) -> Comparison:
    return next(c for c in items if c.indicator == indicator)


def test_a_rate_is_compared_relatively_and_a_share_in_percentage_points() -> None:
    items = comparisons(comparison_rows([_plan(EXAMPLES / "fagersta")], national_data()))
    crimes = _by(items, "anmalda-brott")
    assert str(crimes.period) == "2020"
    assert (crimes.value, crimes.national) == (11777, 15079)
    assert crimes.kind is DifferenceKind.RELATIVE
    assert crimes.difference is not None
    assert float(crimes.difference) == pytest.approx((11777 - 15079) / 15079 * 100)
    assert crimes.verdict is Verdict.BETTER
    exposure = _by(items, "utsatthet-ntu")
    assert exposure.kind is DifferenceKind.POINTS
    assert exposure.difference == Decimal("-2.8")  # exact, not -2.7999999999999980
    assert exposure.verdict is Verdict.BETTER
    assert Note.GEOGRAPHY in exposure.notes and Note.GEOGRAPHY not in crimes.notes
    assert {Note.PRELIMINARY, Note.NATIONAL_PRELIMINARY} <= set(crimes.notes)


def test_worse_than_the_country_follows_the_direction() -> None:
    items = comparisons(comparison_rows([_plan(EXAMPLES / "angered")], national_data()))
    exposure = _by(items, "utsatthet-ntu")
    assert exposure.difference == Decimal("5.7")
    assert exposure.verdict is Verdict.WORSE
    assert exposure.trend is not None and exposure.trend.verdict is Verdict.BETTER


def test_higher_is_better_turns_the_verdict(plan: Path) -> None:
    edit(plan / "nyckeltal.yaml", "bättre: lägre", "bättre: högre")
    items = comparisons(comparison_rows([_plan(plan)], national_data()))
    assert items[0].verdict is Verdict.WORSE


def test_rates_per_1000_are_converted_before_comparing(plan: Path) -> None:
    edit(plan / "nyckeltal.yaml", "enhet: per_100000_invånare", "enhet: per_1000_invånare")
    edit(plan / "nyckeltal.yaml", "värde: 9000", "värde: 90")
    c = comparisons(comparison_rows([_plan(plan)], national_data()))[0]
    assert c.difference is not None
    assert float(c.difference) == pytest.approx((9000 - 15079) / 15079 * 100)


def test_the_latest_common_period_is_compared_and_a_newer_value_is_noted() -> None:
    items = comparisons(comparison_rows([_plan(EXAMPLES / "umea")], national_data()))
    crimes = _by(items, "anmalda-brott")
    assert str(crimes.period) == "2020"
    assert crimes.newer is not None and str(crimes.newer.period) == "2021"
    assert crimes.trend is not None
    assert (str(crimes.trend.first.period), str(crimes.trend.last.period)) == ("2019", "2021")


def test_a_chosen_year_and_no_national_value() -> None:
    frame = comparison_rows([_plan(EXAMPLES / "umea")], national_data())
    items = comparisons(frame, year=2021)
    crimes = _by(items, "anmalda-brott")
    assert crimes.national is None and crimes.difference is None and crimes.verdict is None
    assert Note.NO_NATIONAL_VALUE in crimes.notes
    assert comparisons(frame, year=1999) == []


def test_values_after_the_cutoff_are_left_out() -> None:
    plan = _plan(EXAMPLES / "fagersta")
    rows = comparison_rows([plan], national_data(), until=date(2020, 12, 30))
    assert sorted({str(r.period) for r in rows}) == ["2019"]
    assert all(r.national is not None for r in rows)


def test_filter_by_indicator_or_series() -> None:
    plans = [_plan(EXAMPLES / "fagersta"), _plan(EXAMPLES / "umea")]
    by_id = comparison_rows(plans, national_data(), indicator="utsatthet-ntu")
    by_series = comparison_rows(plans, national_data(), indicator="ntu-utsatthet-brott-mot-person")
    assert {r.indicator.id for r in by_id} == {"utsatthet-ntu"}
    assert by_id == by_series


def _angered_with_city_figures(tmp_path: Path, run: Run) -> Path:
    """The acceptance review's case: Angered's district indicator given Kolada's KPI, and
    Kolada's figure for Göteborg imported into it."""
    target = tmp_path / "angered"
    shutil.copytree(EXAMPLES / "angered", target)
    indicators = target / "nyckeltal.yaml"
    edit(indicators, "      kolada_kpi: N07540\n", "")  # the city's own indicator
    edit(
        indicators,
        "      namn: Brå, anmälda brott\n",
        "      namn: Brå, anmälda brott\n      kolada_kpi: N07540\n",
    )
    source = FIXTURES / "kolada" / "angered-2021.csv"
    result = run("indicator", "import", str(source), "--plan", str(target))
    assert (
        "anmalda-brott 2021 (kommun Göteborg): 9\u00a0871; obs: nyckeltalets övriga värden gäller "
        "stadsdel Angered (jämförelser och trender håller isär geografierna)\n" in result.output
    ), result.output
    return target


def test_a_trend_keeps_to_the_geography_of_the_compared_value(tmp_path: Path, run: Run) -> None:
    plan = _plan(_angered_with_city_figures(tmp_path, run))
    crimes = _by(comparisons(comparison_rows([plan], national_data())), "anmalda-brott")
    assert (str(crimes.period), crimes.value, crimes.level.value) == ("2020", 11219, "stadsdel")
    assert [(str(p.period), p.value) for p in crimes.points] == [
        ("2019", 11846),
        ("2020", 11219),
        ("2021", 10688),
    ]
    assert crimes.trend is not None
    assert (crimes.trend.first.value, crimes.trend.last.value) == (11846, 10688)
    assert crimes.newer is not None and crimes.newer.value == 10688
    assert Note.OTHER_GEOGRAPHIES in crimes.notes
    assert [(p.level.value, p.name, [str(x) for x in ps]) for p, ps in crimes.others] == [
        ("kommun", "Göteborg", ["2021"])
    ]


def test_compare_names_the_other_geography(tmp_path: Path, run: Run) -> None:
    target = _angered_with_city_figures(tmp_path, run)
    result = run("compare", str(target), "--indicator", "anmalda-brott")
    assert result.exit_code == 0, result.output
    assert "11\u00a0846 → 10\u00a0688" in result.stdout
    assert "9\u00a0871" not in result.stdout.split("\n\n")[1]  # not in the table
    assert (
        "Nyckeltalet har också värden för kommunen Göteborg (2021); de ingår inte i jämförelsen "
        "eller trenden." in result.stdout
    )
    english = run("compare", str(target), "--indicator", "anmalda-brott", "--lang", "en").stdout
    assert "The indicator also has values for the municipality Göteborg (2021)" in english


def _add_values(plan: Path, level: str, values: dict[int, float]) -> None:
    text = "".join(
        f"      - period: {year}\n        värde: {value}\n"
        f"        geografi: {{nivå: {level}, namn: Norra}}\n"
        for year, value in values.items()
    )
    with (plan / "nyckeltal.yaml").open("a", encoding="utf-8") as f:
        f.write(text)


def test_the_plan_own_geography_comes_first(plan: Path) -> None:
    """More values for the police area do not outweigh the kommun's own figures."""
    _add_values(plan, "lokalpolisområde", {2018: 9500, 2019: 9400, 2020: 9300, 2021: 9200})
    c = comparisons(comparison_rows([_plan(plan)], national_data()))[0]
    assert (c.level.value, c.value, c.points[0].value) == ("kommun", 9000, 9000)
    assert len(c.points) == 1 and c.trend is None and c.newer is None
    assert [(p.level.value, p.name) for p, _ in c.others] == [("lokalpolisområde", "Norra")]


def test_a_chosen_year_takes_the_geography_that_has_it(plan: Path) -> None:
    _add_values(plan, "lokalpolisområde", {2019: 9400, 2020: 9300})
    c = comparisons(comparison_rows([_plan(plan)], national_data()), year=2019)[0]
    assert (c.level.value, c.area, c.value, c.national) == (
        "lokalpolisområde",
        "Norra",
        9400,
        15040,
    )
    assert [p.value for p in c.points] == [9400, 9300]
    assert [(p.level.value, [str(x) for x in ps]) for p, ps in c.others] == [("kommun", ["2020"])]


def test_goals_follow_the_same_rule(plan: Path) -> None:
    """A goal without a baseline is measured in the plan's own geography, not in the one
    with the latest value."""
    from trygghet_cli.followup.state import GoalState, goals_as_of

    edit(plan / "mal.yaml", "        utgångsläge: {värde: 9000, period: 2020}\n", "")
    _add_values(plan, "lokalpolisområde", {2021: 8000})
    progress = goals_as_of(_plan(plan), date(2022, 6, 30))[0]
    assert progress.latest is not None and progress.latest.value == 9000
    assert progress.state is GoalState.NO_DATA


def test_a_national_value_counts_from_the_day_it_was_published() -> None:
    """NTU 2021 (utsatthet 2020) came out on 12 October 2021: a brief for the first quarter
    of 2021 compares with 2019, one for the last quarter with 2020."""
    plan = _plan(EXAMPLES / "fagersta")
    march = comparisons(comparison_rows([plan], national_data(), until=date(2021, 3, 31)))
    exposure = _by(march, "utsatthet-ntu")
    assert (str(exposure.period), exposure.national) == ("2019", 22.6)
    # Fagersta's 2020 figure (utgåva NTU 2021) came out the same day as the country's.
    assert exposure.newer is None and exposure.trend is None
    crimes = _by(march, "anmalda-brott")  # no publication date: known when 2020 ended
    assert (str(crimes.period), crimes.national) == ("2020", 15079)
    september = comparison_rows([plan], national_data(), until=date(2021, 10, 11))
    assert _by(comparisons(september), "utsatthet-ntu").national == 22.6
    october = comparison_rows([plan], national_data(), until=date(2021, 10, 12))
    assert _by(comparisons(october), "utsatthet-ntu").national == 20.2
    assert (
        _by(comparisons(comparison_rows([plan], national_data())), "utsatthet-ntu").national == 20.2
    )


def test_a_year_whose_national_value_came_later_says_when(plan: Path) -> None:
    edit(
        plan / "nyckeltal.yaml",
        "nationell_serie: anmalda-brott-per-100000",
        "nationell_serie: ntu-utsatthet-brott-mot-person",
    )
    edit(plan / "nyckeltal.yaml", "enhet: per_100000_invånare", "enhet: procent")
    edit(plan / "nyckeltal.yaml", "värde: 9000", "värde: 19.0")
    edit(plan / "mal.yaml", "{värde: 9000, period: 2020}", "{värde: 19, period: 2020}")
    edit(plan / "mal.yaml", "{värde: 8500, period: 2022}", "{värde: 17, period: 2022}")
    frame = comparison_rows([_plan(plan)], national_data(), until=date(2021, 6, 30))
    c = comparisons(frame)[0]
    assert c.national is None and Note.NATIONAL_NOT_PUBLISHED in c.notes
    assert c.national_published == date(2021, 10, 12)


def test_publication_dates_only_where_the_source_gives_them() -> None:
    """A value's ``publicerad`` is the date in the link of the source it is taken from (a
    press release or publication), or of its edition's source when its own link has no date;
    values without one have none. NTU 2021's figure for 2021 taken from NTU 2022 was known from
    NTU 2022's day: a brief for 2021Q4 said it came from NTU 2022 'publicerat 12 oktober
    2021'."""
    dated_editions: dict[str, set[str]] = {}
    for series in national_data().series:
        for v in series.values:
            if v.edition and v.url:
                dated_editions.setdefault(v.edition, set()).update(
                    part[:10]
                    for part in v.url.split("/")
                    if part[:4].isdigit() and part[4:5] == "-"
                )
    published = {}
    for series in national_data().series:
        for v in series.values:
            if v.published is not None:
                own = {p[:10] for p in (v.url or "").split("/") if p[:4].isdigit()}
                if own:  # the day of the source the value is taken from, never an earlier one
                    assert v.published.isoformat() in own, (series.id, v.period)
                else:
                    assert v.edition is not None
                    assert v.published.isoformat() in dated_editions[v.edition]
                published[(series.id, str(v.period))] = v.published.isoformat()
    assert published == {
        ("anmalda-brott-antal", "2021"): "2022-01-20",
        ("anmalda-brott-antal", "2023"): "2024-01-25",
        ("ntu-utsatthet-brott-mot-person", "2020"): "2021-10-12",
        ("ntu-utsatthet-brott-mot-person", "2021"): "2022-10-11",
        ("ntu-otrygghet-kvall", "2021"): "2022-10-11",
        ("ntu-otrygghet-kvall", "2022"): "2022-10-11",
    }
