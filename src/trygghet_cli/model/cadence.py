"""Meeting and reporting cadence, written in Swedish as people say it.

``6 gånger per år``, ``minst 4 gånger per år``, ``varannan vecka``, ``varje månad``,
``var tredje månad``, ``varje år``, ``vartannat år``, ``cirka 6 gånger per år, även vid behov``,
``vid behov``, ``löpande`` and ``okänd`` (not known: nothing is expected, nothing is made up)
all parse to a :class:`Cadence`; ``str(cadence)`` gives the canonical phrase. Common ways of
writing them pass too: ``6 ggr/år``, ``var annan vecka``, ``varje termin`` (a termin counts as
a half-year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from trygghet_cli.i18n import Lang


class Unit(str, Enum):
    WEEK = "vecka"
    MONTH = "månad"
    QUARTER = "kvartal"
    TERTIAL = "tertial"
    HALF_YEAR = "halvår"
    YEAR = "år"

    @property
    def per_year(self) -> float:
        return _PER_YEAR[self]

    @property
    def days(self) -> float:
        return 365.2425 / self.per_year

    @property
    def months(self) -> int | None:
        """Whole months in one unit, or None for a week."""
        return None if self is Unit.WEEK else round(12 / self.per_year)


_PER_YEAR = {
    Unit.WEEK: 365.2425 / 7,
    Unit.MONTH: 12.0,
    Unit.QUARTER: 4.0,
    Unit.TERTIAL: 3.0,
    Unit.HALF_YEAR: 2.0,
    Unit.YEAR: 1.0,
}


class Qualifier(str, Enum):
    EXACT = "exakt"
    AT_LEAST = "minst"
    ABOUT = "cirka"


@dataclass(frozen=True, slots=True)
class Cadence:
    """``times`` occasions every ``every`` ``unit``; ``times == 0`` means only when needed."""

    times: int
    every: int
    unit: Unit
    qualifier: Qualifier = Qualifier.EXACT
    also_when_needed: bool = False
    continuous: bool = False
    unknown: bool = False
    """The plan does not know the cadence ("okänd"): no occasion is expected."""

    @property
    def only_when_needed(self) -> bool:
        """No schedule: "vid behov" or "löpande"."""
        return self.times == 0

    @property
    def per_year(self) -> float:
        """Expected occasions in a year (0 for "vid behov")."""
        return self.times * self.unit.per_year / self.every

    @property
    def interval_days(self) -> float | None:
        """Days between occasions on average; None for "vid behov"."""
        if self.only_when_needed:
            return None
        return self.unit.days * self.every / self.times

    def __str__(self) -> str:
        return self.describe("sv")

    def describe(self, lang: Lang) -> str:
        if self.unknown:
            return "okänd" if lang == "sv" else "not known"
        if self.continuous:
            return "löpande" if lang == "sv" else "continuously"
        if self.only_when_needed:
            return "vid behov" if lang == "sv" else "when needed"
        text = _describe_sv(self) if lang == "sv" else _describe_en(self)
        if self.also_when_needed:
            text += ", även vid behov" if lang == "sv" else ", and also when needed"
        return text


_NUMBERS = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
}
_ORDINALS = {
    "andra": 2,
    "tredje": 3,
    "fjärde": 4,
    "femte": 5,
    "sjätte": 6,
    "sjunde": 7,
    "åttonde": 8,
}
_ORDINAL_WORDS = {v: k for k, v in _ORDINALS.items()}
_UNITS = {
    "vecka": Unit.WEEK,
    "veckan": Unit.WEEK,
    "veckor": Unit.WEEK,
    "månad": Unit.MONTH,
    "månaden": Unit.MONTH,
    "månader": Unit.MONTH,
    "kvartal": Unit.QUARTER,
    "kvartalet": Unit.QUARTER,
    "tertial": Unit.TERTIAL,
    "tertialet": Unit.TERTIAL,
    "halvår": Unit.HALF_YEAR,
    "halvåret": Unit.HALF_YEAR,
    "termin": Unit.HALF_YEAR,
    "terminen": Unit.HALF_YEAR,
    "år": Unit.YEAR,
    "året": Unit.YEAR,
}
_ADVERBS = {
    "veckovis": Unit.WEEK,
    "månadsvis": Unit.MONTH,
    "kvartalsvis": Unit.QUARTER,
    "tertialvis": Unit.TERTIAL,
    "halvårsvis": Unit.HALF_YEAR,
    "årligen": Unit.YEAR,
    "årsvis": Unit.YEAR,
}
_QUALIFIERS = {
    "minst": Qualifier.AT_LEAST,
    "cirka": Qualifier.ABOUT,
    "ca": Qualifier.ABOUT,
    "ca.": Qualifier.ABOUT,
    "omkring": Qualifier.ABOUT,
    "ungefär": Qualifier.ABOUT,
}
_WHEN_NEEDED_TAIL = re.compile(r"\s*(?:,|\boch\b|\bsamt\b)\s*(?:(?:även|också)\s+)?vid\s+behov$")
_UNIT_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_COUNT_RE = r"\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True))
_TIMES = re.compile(
    rf"^({_COUNT_RE})\s+(?:gång(?:er)?|ggr|gg)\s+(?:per|i|om)\s+(?:(\d{{1,2}})\s+)?({_UNIT_RE})$"
)
_EVERY = re.compile(rf"^(?:varje|en\s+gång\s+(?:per|i|om))\s+({_UNIT_RE})$")
_EVERY_OTHER = re.compile(rf"^(?:varannan|vartannat|var annan|vart annat)\s+({_UNIT_RE})$")
_EVERY_NTH = re.compile(rf"^vart?\s+({'|'.join(_ORDINALS)}|\d{{1,2}}:e)\s+({_UNIT_RE})$")


class CadenceError(ValueError):
    """The phrase is not a cadence trygg understands."""


def parse_cadence(text: str) -> Cadence:
    """Parse a Swedish cadence phrase; raises :class:`CadenceError`."""
    phrase = " ".join(text.strip().lower().replace("/", " per ").split())
    if not phrase:
        raise CadenceError(text)
    if phrase == "vid behov":
        return Cadence(0, 1, Unit.YEAR)
    if phrase in ("löpande", "kontinuerligt", "fortlöpande"):
        return Cadence(0, 1, Unit.YEAR, continuous=True)
    if phrase in ("okänd", "okänt", "inte känd", "inte känt"):
        return Cadence(0, 1, Unit.YEAR, unknown=True)
    also = False
    tail = _WHEN_NEEDED_TAIL.search(phrase)
    if tail:
        also = True
        phrase = phrase[: tail.start()].strip()
    qualifier = Qualifier.EXACT
    first, _, rest = phrase.partition(" ")
    if first in _QUALIFIERS and rest:
        qualifier = _QUALIFIERS[first]
        phrase = rest
    times, every, unit = _frequency(phrase, text)
    return Cadence(times, every, unit, qualifier, also)


def _frequency(phrase: str, original: str) -> tuple[int, int, Unit]:
    if phrase in _ADVERBS:
        return 1, 1, _ADVERBS[phrase]
    if m := _TIMES.match(phrase):
        count = int(m[1]) if m[1].isdigit() else _NUMBERS[m[1]]
        every = int(m[2]) if m[2] else 1
        if count < 1 or every < 1:
            raise CadenceError(original)
        return count, every, _UNITS[m[3]]
    if m := _EVERY.match(phrase):
        return 1, 1, _UNITS[m[1]]
    if m := _EVERY_OTHER.match(phrase):
        return 1, 2, _UNITS[m[1]]
    if m := _EVERY_NTH.match(phrase):
        word = m[1]
        every = int(word[:-2]) if word.endswith(":e") else _ORDINALS[word]
        if every < 2:
            raise CadenceError(original)
        return 1, every, _UNITS[m[2]]
    raise CadenceError(original)


_SV_UNIT = {
    Unit.WEEK: "vecka",
    Unit.MONTH: "månad",
    Unit.QUARTER: "kvartal",
    Unit.TERTIAL: "tertial",
    Unit.HALF_YEAR: "halvår",
    Unit.YEAR: "år",
}
# "var" for common gender (vecka, månad), "vart" for neuter (kvartal, tertial, halvår, år).
_NEUTER = {Unit.QUARTER, Unit.TERTIAL, Unit.HALF_YEAR, Unit.YEAR}


def _describe_sv(c: Cadence) -> str:
    unit = _SV_UNIT[c.unit]
    prefix = {Qualifier.EXACT: "", Qualifier.AT_LEAST: "minst ", Qualifier.ABOUT: "cirka "}[
        c.qualifier
    ]
    if c.times == 1 and c.every == 1:
        return f"{prefix}en gång per {unit}" if prefix else f"varje {unit}"
    if c.times == 1:
        if c.every == 2:
            word = "vartannat" if c.unit in _NEUTER else "varannan"
        else:
            ordinal = _ORDINAL_WORDS.get(c.every, f"{c.every}:e")
            word = ("vart " if c.unit in _NEUTER else "var ") + ordinal
        return f"{prefix}{word} {unit}"
    if c.every == 1:
        return f"{prefix}{c.times} gånger per {unit}"
    return f"{prefix}{c.times} gånger per {c.every} {_plural_sv(c.unit)}"


def _plural_sv(unit: Unit) -> str:
    return {"vecka": "veckor", "månad": "månader"}.get(unit.value, unit.value)


_EN_UNIT = {
    Unit.WEEK: "week",
    Unit.MONTH: "month",
    Unit.QUARTER: "quarter",
    Unit.TERTIAL: "tertial",
    Unit.HALF_YEAR: "half year",
    Unit.YEAR: "year",
}
_EN_ORDINAL = {2: "other", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}


def _describe_en(c: Cadence) -> str:
    unit = _EN_UNIT[c.unit]
    prefix = {Qualifier.EXACT: "", Qualifier.AT_LEAST: "at least ", Qualifier.ABOUT: "about "}[
        c.qualifier
    ]
    if c.times == 1 and c.every == 1:
        return f"{prefix}once a {unit}" if prefix else f"every {unit}"
    if c.times == 1:
        return f"{prefix}every {_EN_ORDINAL.get(c.every, f'{c.every}th')} {unit}"
    if c.every == 1:
        return f"{prefix}{c.times} times a {unit}"
    return f"{prefix}{c.times} times every {c.every} {unit}s"
