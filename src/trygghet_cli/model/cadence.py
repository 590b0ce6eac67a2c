"""Meeting and reporting cadence, written in Swedish as people say it.

``6 gånger per år``, ``minst 4 gånger per år``, ``varannan vecka``, ``varje månad``,
``var tredje månad``, ``varje år``, ``vartannat år``, ``cirka 6 gånger per år, även vid behov``,
``vid behov``, ``löpande`` and ``okänd`` (not known: nothing is expected, nothing is made up)
all parse to a :class:`Cadence`; ``str(cadence)`` gives the canonical phrase. Common ways of
writing them pass too: ``6 ggr/år``, ``var annan vecka``, ``varje termin`` (a termin counts as
a half-year).

Fixed dates of an årshjul parse too: ``varje år senast 31 december``, ``varje år i februari``,
``varje år senast i december`` (the month's last day), and ``varje kvartal senast den 15:e``
(also ``varje månad``, ``varje tertial``, ``varje halvår``): the 15th of the month after each
period, for the period that ended (see :func:`trygghet_cli.followup.state.fixed_due`).

A cadence can name its planned pauses after a comma: ``2 gånger per månad, uppehåll i juli``,
``varje månad, uppehåll i juli och augusti``, ``varannan vecka, uppehåll 20 december–6 januari``
(every year), or a dated pause ``uppehåll 15 juni–15 augusti 2025`` (once; also in ISO
dates); ``utom juli`` reads as ``uppehåll i juli``. No occasion is asked for in a pause and its
days do not count towards an interval (see :mod:`trygghet_cli.followup.accounts`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum


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
    due_month: int | None = None
    """A fixed month of the year (``varje år senast 31 december``: 12); only with a yearly
    cadence."""
    due_day: int | None = None
    """A fixed day of the month (``31 december``: 31, ``senast den 15:e``: 15); None with
    :attr:`due_month` means the month's last day."""
    in_month: bool = False
    """Written ``i februari`` rather than ``senast i februari`` (both are due by the month's
    last day)."""
    pauses: tuple[Pause, ...] = ()
    """Planned pauses (``uppehåll i juli``): no occasion is asked for in them."""

    def paused(self, day: date) -> bool:
        """Whether ``day`` falls in one of the cadence's planned pauses."""
        return any(p.covers(day) for p in self.pauses)

    def with_pauses(self, pauses: tuple[Pause, ...]) -> Cadence:
        """The same cadence with more pauses (a body's ``uppehåll``)."""
        return replace(self, pauses=self.pauses + pauses) if pauses else self

    @property
    def fixed(self) -> bool:
        """Due on a fixed day of the calendar (an årshjul date), not counted in intervals."""
        return self.due_month is not None or self.due_day is not None

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
        """The canonical phrase, as a plan file writes it (``6 gånger per år``); the words
        shown to a person in either language are :func:`trygghet_cli.wording.cadence_text`."""
        if self.unknown:
            return "okänd"
        if self.continuous:
            return "löpande"
        if self.only_when_needed:
            return "vid behov"
        text = _fixed_sv(self) if self.fixed else _describe_sv(self)
        if self.pauses:
            text += pauses_sv(self.pauses)
        return text + ", även vid behov" if self.also_when_needed else text


@dataclass(frozen=True, slots=True)
class Pause:
    """A planned pause: every year from (month, day) to (month, day), both included, possibly
    over New Year (``20 december–6 januari``); or once, between two dates."""

    first: tuple[int, int] = (1, 1)
    last: tuple[int, int] = (12, 31)
    once: tuple[date, date] | None = None
    """A dated pause (``2025-06-15–2025-08-15``): only then."""

    def covers(self, day: date) -> bool:
        if self.once is not None:
            return self.once[0] <= day <= self.once[1]
        key = (day.month, day.day)
        if self.first <= self.last:
            return self.first <= key <= self.last
        return key >= self.first or key <= self.last

    @property
    def whole_months(self) -> tuple[int, int] | None:
        """(first month, last month) when the pause runs from a month's first day to a
        month's last day, else None."""
        if self.once is not None or self.first[1] != 1:
            return None
        if self.last[1] != _DAYS_IN_MONTH[self.last[0] - 1]:
            return None
        return self.first[0], self.last[0]

    def __str__(self) -> str:
        """As a plan file writes it: ``juli``, ``juni–augusti``, ``20 december–6 januari``,
        ``15 juni–15 augusti 2025``; the English words are in :mod:`trygghet_cli.wording`."""
        if self.once is not None:
            since, until = self.once
            year = f" {since.year}" if since.year != until.year else ""
            head = f"{since.day} {MONTHS_SV[since.month - 1]}{year}"
            return f"{head}–{until.day} {MONTHS_SV[until.month - 1]} {until.year}"
        months = self.whole_months
        if months is not None:
            first, last = months
            if first == last:
                return MONTHS_SV[first - 1]
            return f"{MONTHS_SV[first - 1]}–{MONTHS_SV[last - 1]}"
        (m1, d1), (m2, d2) = self.first, self.last
        return f"{d1} {MONTHS_SV[m1 - 1]}–{d2} {MONTHS_SV[m2 - 1]}"


def pauses_sv(pauses: tuple[Pause, ...]) -> str:
    """``, uppehåll i juli och 20 december–6 januari``: the pauses in a cadence's phrase."""
    parts = [str(p) for p in pauses]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
    prefix = "i " if pauses[0].whole_months is not None else ""
    return f", uppehåll {prefix}{joined}"


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


MONTHS_SV = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTH_RE = "|".join(MONTHS_SV)
_YEARLY_RE = r"(?:varje\s+år|årligen|årsvis|en\s+gång\s+(?:per|om|i)\s+år(?:et)?)"
_FIXED_DAY = re.compile(rf"^{_YEARLY_RE}\s+(?:senast\s+)?(?:den\s+)?(\d{{1,2}})\s+({_MONTH_RE})$")
_FIXED_MONTH = re.compile(rf"^{_YEARLY_RE}\s+(senast\s+)?i\s+({_MONTH_RE})$")
_FIXED_UNITS = {
    "månad": Unit.MONTH,
    "kvartal": Unit.QUARTER,
    "tertial": Unit.TERTIAL,
    "halvår": Unit.HALF_YEAR,
    "termin": Unit.HALF_YEAR,
}
_FIXED_IN_PERIOD = re.compile(
    rf"^(?:varje|en\s+gång\s+(?:per|om|i))\s+({'|'.join(_FIXED_UNITS)})(?:et|en)?\s+senast\s+"
    r"den\s+(\d{1,2})(?::[ae])?$"
)
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
"""The most days each month can have (29 February: 28 in other years than leap years)."""


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
    pauses: tuple[Pause, ...] = ()
    if m := _PAUSE_TAIL.search(phrase):
        pauses = parse_pauses(m[1], text)
        phrase = phrase[: m.start()].strip()
    phrase = re.sub(r"\s*,\s*(?=(?:senast|i)\s)", " ", phrase)
    fixed = _fixed(phrase, text)
    if fixed is not None:
        if pauses or also:
            raise CadenceError(text)  # a fixed date has no pauses
        return fixed
    qualifier = Qualifier.EXACT
    first, _, rest = phrase.partition(" ")
    if first in _QUALIFIERS and rest:
        qualifier = _QUALIFIERS[first]
        phrase = rest
    times, every, unit = _frequency(phrase, text)
    return Cadence(times, every, unit, qualifier, also, pauses=pauses)


_PAUSE_TAIL = re.compile(r"\s*(?:,|\boch\b|\bmed\b)?\s*\b(?:uppehåll|utom)\s+(.+)$")
_ISO = r"\d{4}-\d{2}-\d{2}"
_DATED = re.compile(rf"^({_ISO})\s*(?:–|—|-|till)\s*({_ISO})$")
_DAY_MONTH = re.compile(rf"^(\d{{1,2}})\s+({_MONTH_RE})$")
_DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})\s+({_MONTH_RE})(?:\s+(\d{{4}}))?$")
MAX_PAUSE_DAYS = 183
"""A pause of more than half a year is not a pause."""


def parse_pauses(text: str, original: str | None = None) -> tuple[Pause, ...]:
    """``i juli och augusti``, ``juni–augusti``, ``20 december–6 januari``,
    ``2025-06-15–2025-08-15``: the pauses a cadence or a body names; raises
    :class:`CadenceError`."""
    error = CadenceError(original if original is not None else text)
    phrase = " ".join(text.strip().lower().split())
    items = [i for i in re.split(r"\s*(?:,|\boch\b|\bsamt\b)\s*", phrase) if i]
    if not items:
        raise error
    pauses = []
    for item in items:
        item = re.sub(r"^(?:i|under|hela)\s+", "", item)
        pause = _pause(item)
        if pause is None or _length(pause) > MAX_PAUSE_DAYS:
            raise error
        pauses.append(pause)
    return tuple(pauses)


def _pause(item: str) -> Pause | None:
    if m := _DATED.match(item):
        try:
            since, until = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        except ValueError:
            return None
        return Pause(once=(since, until)) if since <= until else None
    ends = [e.strip() for e in re.split(r"\s*(?:–|—|-|\btill\b)\s*", item)]
    if len(ends) == 2 and re.search(r"\d{4}$", ends[1]):
        return _dated(*ends)
    if len(ends) == 1:
        ends = ends * 2
    if len(ends) != 2:
        return None
    start, stop = ends
    if start.isdigit() and (m := _DAY_MONTH.match(stop)):
        start = f"{start} {m[2]}"  # 20–31 december
    first = _day_of_year(start, last=False)
    last = _day_of_year(stop, last=True)
    if first is None or last is None:
        return None
    return Pause(first, last)


def _dated(start: str, stop: str) -> Pause | None:
    """``15 juni–15 augusti 2025`` or ``15 juni 2025–15 augusti 2025``: a pause once."""
    a, b = _DAY_MONTH_YEAR.match(start), _DAY_MONTH_YEAR.match(stop)
    if a is None or b is None or b[3] is None:
        return None
    try:
        until = date(int(b[3]), MONTHS_SV.index(b[2]) + 1, int(b[1]))
        since = date(int(a[3] or b[3]), MONTHS_SV.index(a[2]) + 1, int(a[1]))
    except ValueError:
        return None
    return Pause(once=(since, until)) if since <= until else None


def _day_of_year(text: str, *, last: bool) -> tuple[int, int] | None:
    if text in MONTHS_SV:
        month = MONTHS_SV.index(text) + 1
        return month, _DAYS_IN_MONTH[month - 1] if last else 1
    if m := _DAY_MONTH.match(text):
        month = MONTHS_SV.index(m[2]) + 1
        day = int(m[1])
        if 1 <= day <= _DAYS_IN_MONTH[month - 1]:
            return month, day
    return None


def _length(pause: Pause) -> int:
    """Days in the pause (in a year that is not a leap year)."""
    if pause.once is not None:
        return (pause.once[1] - pause.once[0]).days + 1
    year = date(2023, 1, 1)
    return sum(1 for n in range(365) if pause.covers(year + timedelta(days=n)))


def _fixed(phrase: str, original: str) -> Cadence | None:
    """A fixed date of the årshjul, or None when the phrase names none."""
    if m := _FIXED_DAY.match(phrase):
        month = MONTHS_SV.index(m[2]) + 1
        day = int(m[1])
        if not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
            raise CadenceError(original)
        return Cadence(1, 1, Unit.YEAR, due_month=month, due_day=day)
    if m := _FIXED_MONTH.match(phrase):
        month = MONTHS_SV.index(m[2]) + 1
        return Cadence(1, 1, Unit.YEAR, due_month=month, in_month=not m[1])
    if m := _FIXED_IN_PERIOD.match(phrase):
        day = int(m[2])
        if not 1 <= day <= 31:
            raise CadenceError(original)
        return Cadence(1, 1, _FIXED_UNITS[m[1]], due_day=day)
    return None


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
    return f"{prefix}{c.times} gånger per {c.every} {_UNITS_SV.get(c.unit, c.unit.value)}"


def _ordinal_suffix_sv(day: int) -> str:
    """``1:a``, ``2:a``, ``3:e`` … ``21:a``, ``22:a``, ``31:a`` (Språkrådet)."""
    return "a" if day % 10 in (1, 2) and day not in (11, 12) else "e"


def _fixed_sv(c: Cadence) -> str:
    unit = _SV_UNIT[c.unit]
    if c.due_month is None:
        return f"varje {unit} senast den {c.due_day}:{_ordinal_suffix_sv(c.due_day or 0)}"
    month = MONTHS_SV[c.due_month - 1]
    if c.due_day is not None:
        return f"varje år senast {c.due_day} {month}"
    return f"varje år i {month}" if c.in_month else f"varje år senast i {month}"


_UNITS_SV = {Unit.WEEK: "veckor", Unit.MONTH: "månader"}
"""Units written in the plural after a number (``per 2 veckor``); the others read the same."""
