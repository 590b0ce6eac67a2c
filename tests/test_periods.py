from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trygghet_cli.model.periods import (
    IsoWeek,
    Period,
    PeriodError,
    PeriodKind,
    WeekError,
    quarter_of,
    weeks_in_year,
)
from trygghet_cli.wording import period_text, week_text


@pytest.mark.parametrize("text", ["2021Q1", "2021-Q1", "2021K1", "2021-K1", "2021q1"])
def test_quarter_spellings(text: str) -> None:
    p = Period.parse(text)
    assert (p.kind, p.year, p.index) == (PeriodKind.QUARTER, 2021, 1)
    assert str(p) == "2021Q1"
    assert period_text(p).sv == "kvartal 1 2021"
    assert period_text(p).en == "Q1 2021"
    assert (p.start, p.end) == (date(2021, 1, 1), date(2021, 3, 31))


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        (2020, date(2020, 1, 1), date(2020, 12, 31)),
        ("2021H2", date(2021, 7, 1), date(2021, 12, 31)),
        ("2021T2", date(2021, 5, 1), date(2021, 8, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2021M03", date(2021, 3, 1), date(2021, 3, 31)),
    ],
)
def test_period_bounds(value: int | str, start: date, end: date) -> None:
    p = Period.parse(value)
    assert (p.start, p.end) == (start, end)


@pytest.mark.parametrize(
    "value", ["2021Q5", "2021Q0", "2021-13", "21Q1", "2021 Q1", "x", 1800, True, 2021.5]
)
def test_rejects_non_periods(value: object) -> None:
    with pytest.raises(PeriodError):
        Period.parse(value)


def test_order_next_and_previous() -> None:
    q4 = Period.parse("2020Q4")
    assert q4.next() == Period.parse("2021Q1")
    assert Period.parse("2021Q1").previous() == q4
    assert sorted([Period.parse("2021Q2"), Period.parse(2021), q4]) == [
        q4,
        Period.parse(2021),
        Period.parse("2021Q2"),
    ]
    assert quarter_of(date(2021, 8, 15)) == Period.parse("2021Q3")


periods = st.sampled_from(list(PeriodKind)).flatmap(
    lambda kind: st.builds(
        Period.of, st.just(kind), st.integers(1900, 2100), st.integers(1, 12 // kind.months)
    )
)


@given(periods)
def test_period_text_round_trips(p: Period) -> None:
    assert Period.parse(str(p)) == p
    assert Period.parse(p.as_yaml()) == p
    assert p.start <= p.end
    assert p.contains(p.start) and p.contains(p.end)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_iso_week_of_any_day(day: date) -> None:
    week = IsoWeek.of(day)
    assert week.monday <= day <= week.sunday
    assert IsoWeek.parse(str(week)) == week


def test_week_53_only_in_long_years() -> None:
    assert weeks_in_year(2020) == 53
    assert weeks_in_year(2021) == 52
    assert IsoWeek.parse("2020-W53").week == 53
    with pytest.raises(WeekError):
        IsoWeek.parse("2021-W53")
    assert IsoWeek.parse("2021W9") == IsoWeek(2021, 9)
    assert week_text(IsoWeek(2021, 9)).sv == "vecka 9 2021"
