"""Swedish and English formats through Babel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from trygghet_cli.model.indicators import Unit
from trygghet_cli.model.periods import IsoWeek, Period
from trygghet_cli.wording import (
    MINUS,
    NBSP,
    Formatter,
    at_least,
    decimals_by_unit,
    shared_decimals,
)

SV, EN = Formatter("sv"), Formatter("en")


def test_swedish_numbers_group_with_a_space_and_use_a_decimal_comma() -> None:
    assert SV.number(15079) == f"15{NBSP}079"
    assert SV.number(1234567.5) == f"1{NBSP}234{NBSP}567,5"
    assert SV.number(22.6) == "22,6"
    assert SV.percent(22.6) == f"22,6{NBSP}%"
    assert SV.value(28, Unit.PERCENT) == f"28{NBSP}%"
    assert SV.value(11777, Unit.PER_100K) == f"11{NBSP}777"


def test_english_numbers() -> None:
    assert EN.number(15079) == "15,079"
    assert EN.percent(22.6) == "22.6%"


def test_signs_use_a_real_minus_and_show_plus() -> None:
    assert SV.signed_percent(-21.898) == f"{MINUS}21,9{NBSP}%"
    assert SV.signed_percent(0.26) == f"+0,3{NBSP}%"
    assert SV.signed(0.01) == "0,0"
    assert SV.percentage_points(-2.8) == f"{MINUS}2,8{NBSP}procentenheter"
    assert EN.percentage_points(5.7) == f"+5.7{NBSP}percentage points"
    assert SV.number(-0.04, 1) == "0,0"


def test_dates_and_periods() -> None:
    assert SV.date(date(2021, 12, 13)) == "13 december 2021"
    assert EN.date(date(2021, 12, 13)) == "13 December 2021"
    assert SV.date_range(date(2021, 1, 1), date(2021, 3, 31)) == "1 januari–31 mars 2021"
    assert SV.date_range(date(2020, 12, 1), date(2021, 1, 31)) == (
        "1 december 2020–31 januari 2021"
    )
    assert SV.quarter(Period.parse("2021Q1")) == "kvartal 1 2021"
    assert EN.quarter(Period.parse("2021K1")) == "Q1 2021"
    assert SV.period(Period.parse(2020)) == "2020"
    assert SV.week(IsoWeek.parse("2021-W09")) == "vecka 9 2021"


@pytest.mark.parametrize(
    ("unit", "sv", "en"),
    [
        (Unit.PER_100K, f"per 100{NBSP}000 invånare", "per 100,000 inhabitants"),
        (Unit.PERCENT, "procent", "per cent"),
    ],
)
def test_unit_names(unit: Unit, sv: str, en: str) -> None:
    assert (SV.unit(unit), EN.unit(unit)) == (sv, en)


def test_values_side_by_side_share_their_decimals() -> None:
    assert shared_decimals(14.2, 14.2, 12.0) == 1
    assert shared_decimals(11777, None, 11000) is None
    assert shared_decimals(6.15, 5) == 2 and shared_decimals(0.1 + 0.2) == 1
    decimals = shared_decimals(18.1, 16.0)
    assert SV.value(16.0, Unit.PERCENT, decimals) == f"16,0{NBSP}%"
    assert EN.value(12, Unit.PER_1000, decimals) == "12.0"


@pytest.mark.parametrize(
    ("value", "sv", "en"),
    [
        (-21.85, "\u221221,9\u00a0%", "\u221221.9%"),
        (21.85, "+21,9\u00a0%", "+21.9%"),
        (0.05, "+0,1\u00a0%", "+0.1%"),
        (-0.05, "\u22120,1\u00a0%", "\u22120.1%"),
        (0.25, "+0,3\u00a0%", "+0.3%"),
        (Decimal("-0.04999"), "0,0\u00a0%", "0.0%"),
    ],
)
def test_differences_round_half_away_from_zero(value: float, sv: str, en: str) -> None:
    """Issue 11, item 5: as official statistics round, not half to even on a binary float
    (−21,85 was "−21,8", +0,05 "0,0")."""
    assert Formatter("sv").signed_percent(value) == sv
    assert Formatter("en").signed_percent(value) == en


def test_a_number_too_large_for_the_default_decimal_context_is_still_shown() -> None:
    """Issue 12: 1e30 crashed Babel's rounding (decimal.InvalidOperation)."""
    assert Formatter("en").number(1e30) == "1,000,000,000,000,000,000,000,000,000,000"


def test_a_table_shares_its_decimals_per_unit() -> None:
    """Issue 14: a column reads 27,3 % above 46,0 %, while a rate per 100 000 beside a rate
    per 1 000 keeps its own decimals."""
    table = decimals_by_unit(
        [(Unit.PERCENT, 27.3), (Unit.PERCENT, 46.0), (Unit.PER_100K, 11777), (Unit.PER_1000, 14.2)]
    )
    assert table == {Unit.PERCENT: 1, Unit.PER_100K: None, Unit.PER_1000: 1}
    assert SV.value(46.0, Unit.PERCENT, at_least(shared_decimals(46.0), table[Unit.PERCENT])) == (
        f"46,0{NBSP}%"
    )
    assert at_least(None, None) is None and at_least(2, 1) == 2
