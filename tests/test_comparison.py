"""Comparisons with the national figures: the right kind of difference, the right verdict."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, edit
from trygghet_cli.analysis.comparison import (
    Comparison,
    DifferenceKind,
    Note,
    Verdict,
    comparison_frame,
    comparisons,
    indicator_points,
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
    items = comparisons(comparison_frame([_plan(EXAMPLES / "fagersta")], national_data()))
    crimes = _by(items, "anmalda-brott")
    assert str(crimes.period) == "2020"
    assert (crimes.value, crimes.national) == (11777, 15079)
    assert crimes.kind is DifferenceKind.RELATIVE
    assert crimes.difference == pytest.approx((11777 - 15079) / 15079 * 100)
    assert crimes.verdict is Verdict.BETTER
    exposure = _by(items, "utsatthet-ntu")
    assert exposure.kind is DifferenceKind.POINTS
    assert exposure.difference == pytest.approx(17.4 - 20.2)
    assert exposure.verdict is Verdict.BETTER
    assert Note.GEOGRAPHY in exposure.notes and Note.GEOGRAPHY not in crimes.notes
    assert {Note.PRELIMINARY, Note.NATIONAL_PRELIMINARY} <= set(crimes.notes)


def test_worse_than_the_country_follows_the_direction() -> None:
    items = comparisons(comparison_frame([_plan(EXAMPLES / "angered")], national_data()))
    exposure = _by(items, "utsatthet-ntu")
    assert exposure.difference == pytest.approx(25.9 - 20.2)
    assert exposure.verdict is Verdict.WORSE
    assert exposure.trend is not None and exposure.trend.verdict is Verdict.BETTER


def test_higher_is_better_turns_the_verdict(plan: Path) -> None:
    edit(plan / "nyckeltal.yaml", "bättre: lägre", "bättre: högre")
    items = comparisons(comparison_frame([_plan(plan)], national_data()))
    assert items[0].verdict is Verdict.WORSE


def test_rates_per_1000_are_converted_before_comparing(plan: Path) -> None:
    edit(plan / "nyckeltal.yaml", "enhet: per_100000_invånare", "enhet: per_1000_invånare")
    edit(plan / "nyckeltal.yaml", "värde: 9000", "värde: 90")
    c = comparisons(comparison_frame([_plan(plan)], national_data()))[0]
    assert c.difference == pytest.approx((9000 - 15079) / 15079 * 100)


def test_the_latest_common_period_is_compared_and_a_newer_value_is_noted() -> None:
    items = comparisons(comparison_frame([_plan(EXAMPLES / "umea")], national_data()))
    crimes = _by(items, "anmalda-brott")
    assert str(crimes.period) == "2020"
    assert crimes.newer is not None and str(crimes.newer.period) == "2021"
    assert crimes.trend is not None
    assert (str(crimes.trend.first.period), str(crimes.trend.last.period)) == ("2019", "2021")


def test_a_chosen_year_and_no_national_value() -> None:
    frame = comparison_frame([_plan(EXAMPLES / "umea")], national_data())
    items = comparisons(frame, year=2021)
    crimes = _by(items, "anmalda-brott")
    assert crimes.national is None and crimes.difference is None and crimes.verdict is None
    assert Note.NO_NATIONAL_VALUE in crimes.notes
    assert comparisons(frame, year=1999) == []


def test_values_after_the_cutoff_are_left_out() -> None:
    plan = _plan(EXAMPLES / "fagersta")
    frame = comparison_frame([plan], national_data(), until=date(2020, 12, 30))
    assert sorted(set(frame["period"])) == ["2019"]
    assert all(not math.isnan(v) for v in frame["national"])


def test_filter_by_indicator_or_series() -> None:
    plans = [_plan(EXAMPLES / "fagersta"), _plan(EXAMPLES / "umea")]
    by_id = comparison_frame(plans, national_data(), indicator="utsatthet-ntu")
    by_series = comparison_frame(plans, national_data(), indicator="ntu-utsatthet-brott-mot-person")
    assert set(by_id["indicator"]) == {"utsatthet-ntu"}
    assert by_id.equals(by_series)


def test_chart_points_join_plan_and_national_periods() -> None:
    plan = _plan(EXAMPLES / "fagersta")
    indicator = plan.indicators_by_id()["utsatthet-ntu"]
    series = national_data().by_id()["ntu-utsatthet-brott-mot-person"]
    points = indicator_points(indicator, series)
    assert [(str(p), v, n) for p, v, n in points] == [
        ("2019", 18.1, 22.6),
        ("2020", 17.4, 20.2),
        ("2021", None, 19.5),
    ]
