"""Dates, numbers and counted words as :class:`~trygghet_cli.i18n.Text`, through Babel.

Findings are made in the core and shown later in either language, so a date inside a message
is a ``Text`` holding both spellings: ``13 december 2021`` and ``13 December 2021``; a number
``11 777`` and ``11,777``; ``12,6`` and ``12.6``.
"""

from __future__ import annotations

from datetime import date
from decimal import localcontext
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.periods import Period, PeriodKind
from trygghet_cli.rounding import CONTEXT, rounded

LOCALES: dict[Lang, str] = {"sv": "sv_SE", "en": "en_GB"}


@lru_cache(maxsize=4096)
def date_label(day: date, lang: Lang) -> str:
    """``13 december 2021`` / ``13 December 2021``."""
    return format_date(day, "d MMMM y", locale=_locale(lang))


@cache
def _locale(lang: Lang) -> Locale:
    return Locale.parse(LOCALES[lang])


def date_text(day: date) -> Text:
    return Text(date_label(day, "sv"), date_label(day, "en"))


def number_label(value: float, lang: Lang) -> str:
    """``11 777``, ``12,6`` / ``11,777``, ``12.6``: at most two decimals, none when whole,
    rounded half away from zero (:mod:`trygghet_cli.rounding`)."""
    with localcontext(CONTEXT):
        return format_decimal(rounded(value, 2), format="#,##0.##", locale=_locale(lang))


def number_text(value: float) -> Text:
    return Text(number_label(value, "sv"), number_label(value, "en"))


def count_text(n: int, sv: tuple[str, str], en: tuple[str, str]) -> Text:
    """``1 möte``, ``3 möten`` / ``1 meeting``, ``3 meetings``: (singular, plural) per language."""
    return Text(
        f"{number_label(n, 'sv')} {sv[0] if n == 1 else sv[1]}",
        f"{number_label(n, 'en')} {en[0] if n == 1 else en[1]}",
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
            return Text(period.label("sv"), period.label("en"))
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
