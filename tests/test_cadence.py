from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trygghet_cli.model.cadence import (
    Cadence,
    CadenceError,
    Qualifier,
    Unit,
    parse_cadence,
)
from trygghet_cli.wording import cadence_text


@pytest.mark.parametrize(
    ("phrase", "times", "every", "unit", "qualifier", "also"),
    [
        ("6 gånger per år", 6, 1, Unit.YEAR, Qualifier.EXACT, False),
        ("sex gånger per år", 6, 1, Unit.YEAR, Qualifier.EXACT, False),
        ("fem gånger per år", 5, 1, Unit.YEAR, Qualifier.EXACT, False),
        ("minst 4 gånger per år", 4, 1, Unit.YEAR, Qualifier.AT_LEAST, False),
        ("varannan vecka", 1, 2, Unit.WEEK, Qualifier.EXACT, False),
        ("varje månad", 1, 1, Unit.MONTH, Qualifier.EXACT, False),
        ("en gång per månad", 1, 1, Unit.MONTH, Qualifier.EXACT, False),
        ("månadsvis", 1, 1, Unit.MONTH, Qualifier.EXACT, False),
        ("var tredje månad", 1, 3, Unit.MONTH, Qualifier.EXACT, False),
        ("varje år", 1, 1, Unit.YEAR, Qualifier.EXACT, False),
        ("årligen", 1, 1, Unit.YEAR, Qualifier.EXACT, False),
        ("vartannat år", 1, 2, Unit.YEAR, Qualifier.EXACT, False),
        ("vart tredje år", 1, 3, Unit.YEAR, Qualifier.EXACT, False),
        ("två gånger per månad", 2, 1, Unit.MONTH, Qualifier.EXACT, False),
        ("cirka 6 gånger per år, även vid behov", 6, 1, Unit.YEAR, Qualifier.ABOUT, True),
        ("ca 6 gånger per år och vid behov", 6, 1, Unit.YEAR, Qualifier.ABOUT, True),
        ("  Varannan   Vecka ", 1, 2, Unit.WEEK, Qualifier.EXACT, False),
        ("3 gånger per 2 år", 3, 2, Unit.YEAR, Qualifier.EXACT, False),
        ("2 gånger per 3 månader", 2, 3, Unit.MONTH, Qualifier.EXACT, False),
        ("6 ggr/år", 6, 1, Unit.YEAR, Qualifier.EXACT, False),
        ("minst 4 ggr per år", 4, 1, Unit.YEAR, Qualifier.AT_LEAST, False),
        ("var annan vecka", 1, 2, Unit.WEEK, Qualifier.EXACT, False),
        ("vart annat år", 1, 2, Unit.YEAR, Qualifier.EXACT, False),
        ("varje termin", 1, 1, Unit.HALF_YEAR, Qualifier.EXACT, False),
        ("2 gånger per termin", 2, 1, Unit.HALF_YEAR, Qualifier.EXACT, False),
    ],
)
def test_parses_the_phrases_municipalities_use(
    phrase: str, times: int, every: int, unit: Unit, qualifier: Qualifier, also: bool
) -> None:
    c = parse_cadence(phrase)
    assert (c.times, c.every, c.unit, c.qualifier, c.also_when_needed) == (
        times,
        every,
        unit,
        qualifier,
        also,
    )


def test_continuous() -> None:
    c = parse_cadence("Löpande")
    assert c.only_when_needed and c.continuous
    assert (cadence_text(c).sv, cadence_text(c).en) == ("löpande", "continuously")
    assert parse_cadence("kontinuerligt") == c


def test_only_when_needed() -> None:
    c = parse_cadence("vid behov")
    assert c.only_when_needed
    assert c.per_year == 0
    assert c.interval_days is None
    assert str(c) == "vid behov"


@pytest.mark.parametrize(
    "phrase",
    [
        "",
        "ofta",
        "0 gånger per år",
        "sex ggr",
        "6 per år",
        "var första månad",
        "varje decennium",
        "6 gånger",
    ],
)
def test_rejects_what_it_cannot_read(phrase: str) -> None:
    with pytest.raises(CadenceError):
        parse_cadence(phrase)


@pytest.mark.parametrize(
    ("phrase", "per_year"),
    [
        ("6 gånger per år", 6.0),
        ("varje månad", 12.0),
        ("var tredje månad", 4.0),
        ("vartannat år", 0.5),
        ("varannan vecka", 26.09),
    ],
)
def test_expected_occasions_per_year(phrase: str, per_year: float) -> None:
    assert parse_cadence(phrase).per_year == pytest.approx(per_year, abs=0.01)


@pytest.mark.parametrize(
    ("phrase", "sv", "en"),
    [
        ("6 gånger per år", "6 gånger per år", "6 times a year"),
        ("varannan vecka", "varannan vecka", "every other week"),
        ("vartannat år", "vartannat år", "every other year"),
        ("var tredje månad", "var tredje månad", "every third month"),
        ("minst 4 gånger per år", "minst 4 gånger per år", "at least 4 times a year"),
        (
            "cirka 6 gånger per år, även vid behov",
            "cirka 6 gånger per år, även vid behov",
            "about 6 times a year, and also when needed",
        ),
    ],
)
def test_describes_in_both_languages(phrase: str, sv: str, en: str) -> None:
    c = parse_cadence(phrase)
    assert cadence_text(c).sv == sv
    assert cadence_text(c).en == en


cadences = st.builds(
    Cadence,
    times=st.integers(1, 20),
    every=st.integers(1, 8),
    unit=st.sampled_from(list(Unit)),
    qualifier=st.sampled_from(list(Qualifier)),
    also_when_needed=st.booleans(),
)


@given(cadences)
def test_canonical_phrase_reads_back_as_the_same_cadence(c: Cadence) -> None:
    assert parse_cadence(str(c)) == c


@given(st.text(max_size=40))
def test_any_text_either_parses_or_raises_cadence_error(text: str) -> None:
    try:
        c = parse_cadence(text)
    except CadenceError:
        return
    assert c.per_year >= 0
