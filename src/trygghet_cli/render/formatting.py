"""Numbers, percentages, dates and periods in Swedish or English, through Babel.

Swedish: ``15 079`` (a non-breaking space between groups), ``22,6 %``, ``−3,2 %`` (a real
minus sign), ``13 december 2021``, ``1 januari–31 mars 2021``, ``kvartal 1 2021``. English:
``15,079``, ``22.6%``, ``13 December 2021``, ``Q1 2021``. Years are never grouped (``2021``).

Everything that reports, comparisons and exports show to a person goes through
:class:`Formatter`, so the same number looks the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Protocol

from babel.dates import format_date
from babel.numbers import format_decimal

from trygghet_cli.i18n import Lang
from trygghet_cli.model.indicators import Unit
from trygghet_cli.model.periods import IsoWeek, Period
from trygghet_cli.rounding import CONTEXT, rounded

NBSP = "\u00a0"
MINUS = "\u2212"
_LOCALES: dict[Lang, str] = {"sv": "sv_SE", "en": "en_GB"}


@dataclass(frozen=True)
class Formatter:
    """Formats values for one language."""

    lang: Lang

    @property
    def locale(self) -> str:
        return _LOCALES[self.lang]

    # --- numbers -----------------------------------------------------------------------------

    def number(self, value: float | Decimal, decimals: int | None = None) -> str:
        """``15 079``, ``14,2``; ``decimals`` fixes the number of decimals, else at most two.

        Rounded half away from zero, as official statistics round (:mod:`trygghet_cli.rounding`):
        −21,85 is ``−21,9``, not ``−21,8``.
        """
        number = rounded(value, 2 if decimals is None else decimals)
        if number.is_nan():
            return "–"
        if decimals is None:
            pattern = "#,##0.##"
        elif decimals == 0:
            pattern = "#,##0"
        else:
            pattern = "#,##0." + "0" * decimals
        with localcontext(CONTEXT):
            text = format_decimal(abs(number), format=pattern, locale=self.locale)
        return (MINUS if number < 0 and text.strip("0.,") else "") + text

    def signed(self, value: float | Decimal, decimals: int = 1) -> str:
        """``+3,2``, ``−3,2`` or ``0,0``: a difference with its sign always shown."""
        text = self.number(value, decimals)
        if value > 0 and text.strip("0.,"):
            return "+" + text
        return text

    def percent(self, value: float | Decimal, decimals: int | None = None) -> str:
        """A value already in percent: ``22,6 %`` (English ``22.6%``)."""
        return self.number(value, decimals) + self._percent_sign

    def signed_percent(self, value: float | Decimal, decimals: int = 1) -> str:
        return self.signed(value, decimals) + self._percent_sign

    def percentage_points(self, value: float | Decimal, decimals: int = 1) -> str:
        """``−3,1 procentenheter`` / ``−3.1 percentage points``."""
        unit = "procentenheter" if self.lang == "sv" else "percentage points"
        return f"{self.signed(value, decimals)}{NBSP}{unit}"

    @property
    def _percent_sign(self) -> str:
        return f"{NBSP}%" if self.lang == "sv" else "%"

    def value(self, value: float, unit: Unit, decimals: int | None = None) -> str:
        """An indicator's value in its unit: ``11 777``, ``18,1 %``, ``14,2``; ``decimals``
        fixes the number of decimals (see :func:`shared_decimals`)."""
        if unit is Unit.PERCENT:
            return self.percent(value, decimals)
        return self.number(value, decimals)

    def unit(self, unit: Unit) -> str:
        """The unit's name: ``per 100 000 invånare``, ``procent``."""
        names = _UNIT_SV if self.lang == "sv" else _UNIT_EN
        return names[unit]

    def count(self, n: int, one: str, many: str) -> str:
        """``1 möte``, ``3 möten`` (words chosen by the caller in the right language)."""
        return f"{self.number(n)} {one if n == 1 else many}"

    # --- dates and periods -------------------------------------------------------------------

    def date(self, day: dt.date) -> str:
        """``13 december 2021`` / ``13 December 2021``."""
        return format_date(day, "d MMMM y", locale=self.locale)

    def short_date(self, day: dt.date) -> str:
        """``13 dec. 2021``: for tables where space is short."""
        return f"{self.day_month(day)} {day.year}"

    def day_month(self, day: dt.date) -> str:
        """``13 dec.``: inside a period whose year is already given. Swedish months are
        shortened as Språkrådet's Svenska skrivregler does (``febr.``, ``sept.``; ``mars``,
        ``maj``, ``juni`` and ``juli`` in full), not as CLDR does (``feb.``, ``sep.``)."""
        if self.lang == "sv":
            return f"{day.day} {_MONTHS_SV[day.month - 1]}"
        return format_date(day, "d MMM", locale=self.locale)

    def date_in_year(self, day: dt.date, year: int) -> str:
        """``13 dec.`` when ``day`` is in ``year`` (a table about that year), else
        ``13 dec. 2022``."""
        return self.day_month(day) if day.year == year else self.short_date(day)

    def date_range(self, start: dt.date, end: dt.date) -> str:
        """``1 januari–31 mars 2021``."""
        if start.year == end.year:
            head = format_date(start, "d MMMM", locale=self.locale)
            return f"{head}–{self.date(end)}"
        return f"{self.date(start)}–{self.date(end)}"

    def period(self, period: Period) -> str:
        """``kvartal 1 2021``, ``2021``, ``mars 2021``; English ``Q1 2021``."""
        return period.label(self.lang)

    def quarter(self, period: Period) -> str:
        return self.period(period)

    def week(self, week: IsoWeek) -> str:
        return week.label(self.lang)


def shared_decimals(*values: float | None) -> int | None:
    """The decimals that values shown side by side share: the most any of them has (at most
    two), so a baseline of 14,2 and a target of 12 read ``14,2`` and ``12,0``. None when none
    has decimals."""
    most = 0
    for v in values:
        if v is None or math.isnan(v):
            continue
        text = f"{abs(v):.2f}".rstrip("0")
        most = max(most, len(text.split(".", 1)[1]))
    return most or None


class Measured(Protocol):
    """A value with the period it is for: a goal's baseline or target, an indicator's value."""

    @property
    def value(self) -> float: ...

    @property
    def period(self) -> Period | None: ...


def side_by_side(points: Sequence[Measured | None], unit: Unit, fmt: Formatter) -> list[str]:
    """Values read side by side (a goal's baseline, latest value and target): each with its
    period, all with the same decimals (:func:`shared_decimals`), ``–`` where there is none."""
    decimals = shared_decimals(*(p.value if p is not None else None for p in points))
    out = []
    for p in points:
        if p is None:
            out.append("–")
            continue
        text = fmt.value(p.value, unit, decimals)
        out.append(f"{text} ({fmt.period(p.period)})" if p.period is not None else text)
    return out


_MONTHS_SV = (
    "jan.", "febr.", "mars", "apr.", "maj", "juni",
    "juli", "aug.", "sept.", "okt.", "nov.", "dec.",
)  # fmt: skip
"""Språkrådet's abbreviations of the months (Svenska skrivregler)."""

_UNIT_SV = {
    Unit.PER_100K: f"per 100{NBSP}000 invånare",
    Unit.PER_1000: f"per 1{NBSP}000 invånare",
    Unit.PERCENT: "procent",
    Unit.COUNT: "antal",
    Unit.INDEX: "index",
}
_UNIT_EN = {
    Unit.PER_100K: "per 100,000 inhabitants",
    Unit.PER_1000: "per 1,000 inhabitants",
    Unit.PERCENT: "per cent",
    Unit.COUNT: "number",
    Unit.INDEX: "index",
}
