"""Periods of figures and reports (år, halvår, tertial, kvartal, månad) and ISO weeks.

A period is written ``2021``, ``2021H1``, ``2021T2``, ``2021Q1`` (also ``2021-Q1`` and SCB's
``2021K1``) or ``2021-03`` (also ``2021M03``). ISO weeks are written ``2021-W09``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum


class PeriodKind(str, Enum):
    YEAR = "år"
    HALF = "halvår"
    TERTIAL = "tertial"
    QUARTER = "kvartal"
    MONTH = "månad"

    @property
    def months(self) -> int:
        return {"år": 12, "halvår": 6, "tertial": 4, "kvartal": 3, "månad": 1}[self.value]


_CODE = {
    PeriodKind.HALF: "H",
    PeriodKind.TERTIAL: "T",
    PeriodKind.QUARTER: "Q",
}
_PERIOD_RE = re.compile(
    r"^(?P<year>\d{4})(?:"
    r"-?(?P<code>[HhTtQqKk])(?P<index>\d{1,2})"
    r"|-(?P<month>\d{2})"
    r"|[Mm](?P<month2>\d{2})"
    r")?$"
)
MIN_YEAR, MAX_YEAR = 1900, 2100
"""The years trygg accepts, in a plan and on the command line: outside them a year is a typing
mistake, and the calendars computed from a date (a year ahead, a window of days) stay within
Python's."""


class PeriodError(ValueError):
    """Not a period trygg understands."""


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A calendar period. Ordered by start, then by length (a year sorts before its Q1)."""

    year: int
    start_month: int
    kind_order: int
    kind: PeriodKind

    @staticmethod
    def of(kind: PeriodKind, year: int, index: int = 1) -> Period:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise PeriodError(f"{year}")
        count = 12 // kind.months
        if not 1 <= index <= count:
            raise PeriodError(f"{year} {kind.value} {index}")
        start_month = (index - 1) * kind.months + 1
        return Period(year, start_month, -kind.months, kind)

    @staticmethod
    def parse(value: object) -> Period:
        """Parse ``2021``, ``"2021Q1"``, ``"2021-Q1"``, ``"2021K1"``, ``"2021-03"`` and so on."""
        if isinstance(value, Period):
            return value
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise PeriodError(str(value))
        text = str(value).strip()
        m = _PERIOD_RE.match(text)
        if not m:
            raise PeriodError(text)
        year = int(m["year"])
        if m["code"]:
            code = m["code"].upper()
            kind = {
                "H": PeriodKind.HALF,
                "T": PeriodKind.TERTIAL,
                "Q": PeriodKind.QUARTER,
                "K": PeriodKind.QUARTER,
            }[code]
            return Period.of(kind, year, int(m["index"]))
        month = m["month"] or m["month2"]
        if month:
            return Period.of(PeriodKind.MONTH, year, int(month))
        return Period.of(PeriodKind.YEAR, year)

    @property
    def index(self) -> int:
        return (self.start_month - 1) // self.kind.months + 1

    @property
    def start(self) -> date:
        return date(self.year, self.start_month, 1)

    @property
    def end(self) -> date:
        """The last day of the period."""
        last_month = self.start_month + self.kind.months - 1
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def next(self) -> Period:
        index = self.index + 1
        if index > 12 // self.kind.months:
            return Period.of(self.kind, self.year + 1, 1)
        return Period.of(self.kind, self.year, index)

    def previous(self) -> Period:
        index = self.index - 1
        if index < 1:
            return Period.of(self.kind, self.year - 1, 12 // self.kind.months)
        return Period.of(self.kind, self.year, index)

    def __str__(self) -> str:
        if self.kind is PeriodKind.YEAR:
            return f"{self.year}"
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}-{self.start_month:02d}"
        return f"{self.year}{_CODE[self.kind]}{self.index}"

    def as_yaml(self) -> int | str:
        """The value as written in a plan file: a year as a number, others as text."""
        return self.year if self.kind is PeriodKind.YEAR else str(self)


PERIOD_PATTERN = r"^\d{4}(-?[HhTtQqKk]\d{1,2}|-\d{2}|[Mm]\d{2})?$"


def quarter_of(day: date) -> Period:
    return Period.of(PeriodKind.QUARTER, day.year, (day.month - 1) // 3 + 1)


_WEEK_RE = re.compile(r"^(\d{4})-?[Ww](\d{1,2})$")
WEEK_PATTERN = r"^\d{4}-?[Ww]\d{1,2}$"


class WeekError(ValueError):
    """Not an ISO week, or a week the year does not have."""


@dataclass(frozen=True, slots=True, order=True)
class IsoWeek:
    """An ISO 8601 week: Monday first, week 1 holds the year's first Thursday."""

    year: int
    week: int

    @staticmethod
    def parse(value: object) -> IsoWeek:
        if isinstance(value, IsoWeek):
            return value
        if not isinstance(value, str):
            raise WeekError(str(value))
        m = _WEEK_RE.match(value.strip())
        if not m:
            raise WeekError(value)
        year, week = int(m[1]), int(m[2])
        if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= week <= weeks_in_year(year):
            raise WeekError(value)
        return IsoWeek(year, week)

    @staticmethod
    def of(day: date) -> IsoWeek:
        iso = day.isocalendar()
        return IsoWeek(iso[0], iso[1])

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week of 28 December is always the last one."""
    return date(year, 12, 28).isocalendar()[1]
