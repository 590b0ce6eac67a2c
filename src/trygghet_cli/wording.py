"""The one formatting module: numbers, percentages, dates, month names, periods, cadences and
plurals in Swedish or English, through Babel.

Swedish: ``15 079`` (a non-breaking space between groups), ``22,6 %``, ``−3,2 %`` (a real
minus sign), ``13 december 2021``, ``1 januari–31 mars 2021``, ``kvartal 1 2021``. English:
``15,079``, ``22.6%``, ``13 December 2021``, ``Q1 2021``. Years are never grouped (``2021``).

Findings are made in the core and shown later in either language, so a date inside a message
is a :class:`~trygghet_cli.i18n.Text` holding both spellings (:func:`date_text`,
:func:`number_text`, :func:`period_text`, :func:`cadence_text`). What reports, comparisons and
exports show goes through :class:`Formatter`, for one language, so the same number looks the
same everywhere. The model holds no words of either language beyond the plan's own phrases.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from functools import cache, lru_cache
from typing import Protocol, TypeVar

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.cadence import Cadence, Pause, Qualifier
from trygghet_cli.model.cadence import Unit as CadenceUnit
from trygghet_cli.model.indicators import Unit
from trygghet_cli.model.periods import IsoWeek, Period, PeriodKind
from trygghet_cli.rounding import CONTEXT, rounded

LOCALES: dict[Lang, str] = {"sv": "sv_SE", "en": "en_GB"}
"""The one map from trygg's languages to Babel's locales."""

T = TypeVar("T")


@lru_cache(maxsize=4096)
def date_label(day: date, lang: Lang) -> str:
    """``13 december 2021`` / ``13 December 2021``."""
    return format_date(day, "d MMMM y", locale=_locale(lang))


@cache
def _locale(lang: Lang) -> Locale:
    return Locale.parse(LOCALES[lang])


def date_text(day: date) -> Text:
    return Text(date_label(day, "sv"), date_label(day, "en"))


def number_label(value: float | Decimal, lang: Lang, decimals: int | None = None) -> str:
    """``11 777``, ``12,6``, ``−3,2`` / ``11,777``, ``12.6``, ``−3.2``: the one number format,
    :meth:`Formatter.number` (at most two decimals unless ``decimals`` says, none when whole,
    rounded half away from zero)."""
    return Formatter(lang).number(value, decimals)


def number_text(value: float | Decimal, decimals: int | None = None) -> Text:
    """A number in both languages, for a message made before its language is known."""
    return Text(number_label(value, "sv", decimals), number_label(value, "en", decimals))


def plural(n: int, one: T, many: T) -> T:
    """The word (or ``Text``) for ``n`` things: ``one`` for exactly one, else ``many``. Swedish
    and English agree on where the plural begins (0 möten, 1 möte, 2 möten), so one rule
    serves both."""
    return one if n == 1 else many


def count_text(n: int, sv: tuple[str, str], en: tuple[str, str]) -> Text:
    """``1 möte``, ``3 möten`` / ``1 meeting``, ``3 meetings``: (singular, plural) per language."""
    return Text(
        f"{number_label(n, 'sv')} {plural(n, *sv)}",
        f"{number_label(n, 'en')} {plural(n, *en)}",
    )


def join_text(parts: list[Text]) -> Text:
    """``A, B och C`` / ``A, B and C``."""
    return Text(_join([p.sv for p in parts], "och"), _join([p.en for p in parts], "and"))


def _join(items: list[str], word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def span_text(start: date, end: date) -> Text:
    """A span of days as people name it: ``kvartal 2 2021``, ``mars 2021``, ``2021``,
    ``2021–2022``, or else ``1 januari–28 februari 2021`` (English likewise)."""
    for kind in PeriodKind:
        if (start.month - 1) % kind.months:
            continue
        period = Period.of(kind, start.year, (start.month - 1) // kind.months + 1)
        if period.start == start and period.end == end:
            return period_text(period)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return Text(f"{start.year}–{end.year}", f"{start.year}–{end.year}")
    return Text(_range_label(start, end, "sv"), _range_label(start, end, "en"))


def _range_label(start: date, end: date, lang: Lang) -> str:
    if start.year != end.year:
        return f"{date_label(start, lang)}–{date_label(end, lang)}"
    if start.month == end.month:
        return f"{start.day}–{date_label(end, lang)}"
    head = format_date(start, "d MMMM", locale=_locale(lang))
    return f"{head}–{date_label(end, lang)}"


# --- periods, weeks and cadences ------------------------------------------------------------

_PERIOD_CODE_EN = {PeriodKind.HALF: "H", PeriodKind.TERTIAL: "T", PeriodKind.QUARTER: "Q"}


@lru_cache(maxsize=1024)
def period_text(period: Period) -> Text:
    """``kvartal 1 2021`` / ``Q1 2021``; ``mars 2021`` / ``March 2021``; ``2021``."""
    if period.kind is PeriodKind.YEAR:
        return Text(str(period.year), str(period.year))
    if period.kind is PeriodKind.MONTH:
        return Text(
            f"{month_name(period.start_month, 'sv')} {period.year}",
            f"{month_name(period.start_month, 'en')} {period.year}",
        )
    code = _PERIOD_CODE_EN[period.kind]
    return Text(
        f"{period.kind.value} {period.index} {period.year}",
        f"{code}{period.index} {period.year}",
    )


def month_name(month: int, lang: Lang) -> str:
    """``mars`` / ``March``, from Babel."""
    return str(_locale(lang).months["format"]["wide"][month])


_SHORT_MONTHS: dict[Lang, tuple[str, ...]] = {
    "sv": (
        "jan.", "febr.", "mars", "apr.", "maj", "juni",
        "juli", "aug.", "sept.", "okt.", "nov.", "dec.",
    ),
}  # fmt: skip
"""Month abbreviations where a language's own style guide differs from CLDR: Swedish as
Språkrådet's Svenska skrivregler shortens them (``febr.``, ``sept.``; ``mars``, ``maj``,
``juni`` and ``juli`` in full), not as CLDR does (``feb.``, ``sep.``)."""


def short_month_name(month: int, lang: Lang) -> str:
    """``febr.``, ``sept.``, ``mars`` / ``Feb``, ``Sept``: for tables where space is short."""
    own = _SHORT_MONTHS.get(lang)
    if own is not None:
        return own[month - 1]
    return str(_locale(lang).months["format"]["abbreviated"][month])


def week_text(week: IsoWeek) -> Text:
    """``vecka 9 2021`` / ``week 9 2021``."""
    return Text(f"vecka {week.week} {week.year}", f"week {week.week} {week.year}")


def cadence_text(cadence: Cadence) -> Text:
    """A cadence as people say it: ``6 gånger per år`` (the plan's own phrase) / ``6 times a
    year``."""
    return Text(str(cadence), _cadence_en(cadence))


def _cadence_en(c: Cadence) -> str:
    if c.unknown:
        return "not known"
    if c.continuous:
        return "continuously"
    if c.only_when_needed:
        return "when needed"
    text = _fixed_en(c) if c.fixed else _describe_en(c)
    if c.pauses:
        text += _pauses_en(c.pauses)
    return text + ", and also when needed" if c.also_when_needed else text


def _pause_en(p: Pause) -> str:
    if p.once is not None:
        since, until = p.once
        year = f" {since.year}" if since.year != until.year else ""
        return (
            f"{since.day} {month_name(since.month, 'en')}{year}"
            f"–{until.day} {month_name(until.month, 'en')} {until.year}"
        )
    months = p.whole_months
    if months is not None:
        first, last = months
        if first == last:
            return month_name(first, "en")
        return f"{month_name(first, 'en')}–{month_name(last, 'en')}"
    (m1, d1), (m2, d2) = p.first, p.last
    return f"{d1} {month_name(m1, 'en')}–{d2} {month_name(m2, 'en')}"


def _pauses_en(pauses: tuple[Pause, ...]) -> str:
    """``, break in July and 20 December–6 January``."""
    parts = [_pause_en(p) for p in pauses]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    prefix = "in " if pauses[0].whole_months is not None else ""
    return f", break {prefix}{joined}"


def _fixed_en(c: Cadence) -> str:
    if c.due_month is None:
        day = c.due_day or 0
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(day % 10 if day not in (11, 12, 13) else 0, "th")
        return f"every {_EN_UNIT[c.unit]}, by the {day}{suffix} of the following month"
    month = month_name(c.due_month, "en")
    if c.due_day is not None:
        return f"every year by {c.due_day} {month}"
    return f"every year in {month}" if c.in_month else f"every year by the end of {month}"


_EN_UNIT = {
    CadenceUnit.WEEK: "week",
    CadenceUnit.MONTH: "month",
    CadenceUnit.QUARTER: "quarter",
    CadenceUnit.TERTIAL: "tertial",
    CadenceUnit.HALF_YEAR: "half year",
    CadenceUnit.YEAR: "year",
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


# --- one language at a time: reports, comparisons, exports ---------------------------------

NBSP = "\u00a0"
MINUS = "\u2212"


@dataclass(frozen=True)
class Formatter:
    """Formats values for one language."""

    lang: Lang

    @property
    def locale(self) -> str:
        return LOCALES[self.lang]

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
        unit = Text("procentenheter", "percentage points")(self.lang)
        return f"{self.signed(value, decimals)}{NBSP}{unit}"

    @property
    def _percent_sign(self) -> str:
        return Text(f"{NBSP}%", "%")(self.lang)

    def value(self, value: float, unit: Unit, decimals: int | None = None) -> str:
        """An indicator's value in its unit: ``11 777``, ``18,1 %``, ``14,2``; ``decimals``
        fixes the number of decimals (see :func:`shared_decimals`)."""
        if unit is Unit.PERCENT:
            return self.percent(value, decimals)
        return self.number(value, decimals)

    def unit(self, unit: Unit) -> str:
        """The unit's name: ``per 100 000 invånare``, ``procent``."""
        return _UNITS[unit](self.lang)

    def count(self, n: int, one: str, many: str) -> str:
        """``1 möte``, ``3 möten`` (words chosen by the caller in the right language)."""
        return f"{self.number(n)} {plural(n, one, many)}"

    # --- dates and periods -------------------------------------------------------------------

    def date(self, day: dt.date) -> str:
        """``13 december 2021`` / ``13 December 2021``."""
        return date_label(day, self.lang)

    def short_date(self, day: dt.date) -> str:
        """``13 dec. 2021``: for tables where space is short."""
        return f"{self.day_month(day)} {day.year}"

    def day_month(self, day: dt.date) -> str:
        """``13 dec.``: inside a period whose year is already given (see
        :func:`short_month_name`)."""
        return f"{day.day} {short_month_name(day.month, self.lang)}"

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
        return period_text(period)(self.lang)

    def quarter(self, period: Period) -> str:
        return self.period(period)

    def week(self, week: IsoWeek) -> str:
        return week_text(week)(self.lang)


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


def decimals_by_unit(values: Iterable[tuple[Unit, float | None]]) -> dict[Unit, int | None]:
    """One decimal convention per unit for a whole table: the decimals that all its values of
    a unit share (:func:`shared_decimals`), so a column reads ``27,3 %`` above ``46,0 %`` and a
    year's ``24,1 %`` under ``25,0 %``. Values of another unit (``11 777`` brott per 100 000
    beside ``14,2`` per 1 000) keep their own."""
    by_unit: dict[Unit, list[float | None]] = {}
    for unit, value in values:
        by_unit.setdefault(unit, []).append(value)
    return {unit: shared_decimals(*vs) for unit, vs in by_unit.items()}


def at_least(decimals: int | None, table: int | None) -> int | None:
    """A row's decimals raised to its table's (:func:`decimals_by_unit`)."""
    return max(decimals or 0, table or 0) or None


def side_by_side(
    points: Sequence[Measured | None], unit: Unit, fmt: Formatter, table: int | None = None
) -> list[str]:
    """Values read side by side (a goal's baseline, latest value and target): each with its
    period, all with the same decimals (:func:`shared_decimals`), at least the table's
    (``table``, :func:`decimals_by_unit`), ``–`` where there is none."""
    decimals = shared_decimals(*(p.value if p is not None else None for p in points))
    decimals = at_least(decimals, table)
    out = []
    for p in points:
        if p is None:
            out.append("–")
            continue
        text = fmt.value(p.value, unit, decimals)
        out.append(f"{text} ({fmt.period(p.period)})" if p.period is not None else text)
    return out


_UNITS = {
    Unit.PER_100K: Text(f"per 100{NBSP}000 invånare", "per 100,000 inhabitants"),
    Unit.PER_1000: Text(f"per 1{NBSP}000 invånare", "per 1,000 inhabitants"),
    Unit.PERCENT: Text("procent", "per cent"),
    Unit.COUNT: Text("antal", "number"),
    Unit.INDEX: Text("index", "index"),
}
