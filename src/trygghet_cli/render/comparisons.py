"""Comparisons with the national figures in words and tables, for the brief, the export and
``trygg compare`` (table, Markdown, CSV for Excel, JSON)."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pandas as pd

from trygghet_cli.analysis.comparison import (
    Comparison,
    DifferenceKind,
    Note,
    Row,
    Trend,
    Verdict,
)
from trygghet_cli.analysis.national import NationalSource
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.indicators import Better, Unit
from trygghet_cli.model.national import NationalData
from trygghet_cli.render import tables
from trygghet_cli.render.labels import level_name
from trygghet_cli.render.tables import Table
from trygghet_cli.rounding import rounded
from trygghet_cli.wording import Formatter, at_least, decimals_by_unit, shared_decimals

VERDICT = {
    Verdict.BETTER: Text("bättre", "better"),
    Verdict.WORSE: Text("sämre", "worse"),
    Verdict.SAME: Text("lika", "same"),
}
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"


def footnote_mark(n: int) -> str:
    """¹, ², … ⁹, then [10], [11]."""
    return SUPERSCRIPTS[n - 1] if 1 <= n <= len(SUPERSCRIPTS) else f"[{n}]"


def difference(c: Comparison, fmt: Formatter) -> str:
    """``−21,9 %`` (a rate, relative) or ``−2,8 procentenheter`` (a share)."""
    if c.difference is None:
        return "–"
    return delta(c.difference, c.kind, fmt)


def delta(value: Decimal | None, kind: DifferenceKind, fmt: Formatter) -> str:
    if value is None or value.is_nan():
        return "–"
    if kind is DifferenceKind.POINTS:
        return fmt.percentage_points(value)
    return fmt.signed_percent(value)


DIRECTION = {
    Better.LOWER: Text("lägre är bättre", "lower is better"),
    Better.HIGHER: Text("högre är bättre", "higher is better"),
}


def verdict(c: Comparison, lang: Lang) -> str:
    return VERDICT[c.verdict](lang) if c.verdict is not None else "–"


def trend(t: Trend | None, fmt: Formatter) -> str:
    """``−2,7 % sedan 2019 (bättre); riket +0,3 %``."""
    if t is None:
        return "–"
    lang = fmt.lang
    since = Text("sedan", "since")(lang)
    text = f"{delta(t.change, t.kind, fmt)} {since} {fmt.period(t.first.period)}"
    text += f" ({VERDICT[t.verdict](lang)})"
    if t.national_change is not None:
        text += Text("; riket ", "; national ")(lang) + delta(t.national_change, t.kind, fmt)
    return text


def table_decimals(items: Sequence[Comparison]) -> dict[Unit, int | None]:
    """The decimals a table of comparisons shows per unit, kommun and national values alike
    (:func:`~trygghet_cli.wording.decimals_by_unit`)."""
    return decimals_by_unit(
        pair
        for c in items
        for pair in ((c.unit, c.value), (c.national_unit, c.national))
        if pair[1] is not None
    )


def side_by_side_values(
    c: Comparison, fmt: Formatter, table: dict[Unit, int | None] | None = None
) -> tuple[str, str]:
    """The kommun's value and the country's with the same decimals, as they are read against
    each other: ``25,4 %`` and ``27,0 %``, not ``27 %`` (``–`` when there is no national
    value); in a table, at least the decimals of the table's values of the unit
    (:func:`table_decimals`)."""
    own = (table or {}).get(c.unit)
    if c.national is None:
        return fmt.value(c.value, c.unit, own), "–"
    national = (table or {}).get(c.national_unit)
    decimals = at_least(at_least(shared_decimals(c.value, c.national), own), national)
    return fmt.value(c.value, c.unit, decimals), fmt.value(c.national, c.national_unit, decimals)


def series_text(c: Comparison, fmt: Formatter, table: dict[Unit, int | None] | None = None) -> str:
    """``12 104 → 11 777``: the plan's values over the trend's periods, with the same
    decimals (``25,0 % → 24,1 %``)."""
    own = (table or {}).get(c.unit)
    if c.trend is None:
        return fmt.value(c.value, c.unit, own)
    first, last = c.trend.first.value, c.trend.last.value
    decimals = at_least(shared_decimals(first, last), own)
    return f"{fmt.value(first, c.unit, decimals)} → {fmt.value(last, c.unit, decimals)}"


def notes(c: Comparison, fmt: Formatter) -> list[str]:
    """Sentences on how to read the comparison: geography, preliminary, illustrative."""
    lang = fmt.lang
    out = []
    for note in c.notes:
        if note is Note.GEOGRAPHY:
            out.append(
                Text(
                    "Värdet gäller {where}, inte {own}.", "The value is for {where}, not {own}."
                ).format(
                    where=level_name(c.level, lang, c.area), own=level_name(c.own_level, lang)
                )(lang)
            )
        elif note is Note.PRELIMINARY:
            out.append(Text("Värdet är preliminärt.", "The value is preliminary.")(lang))
        elif note is Note.NATIONAL_PRELIMINARY:
            out.append(
                Text("Rikets värde är preliminärt.", "The national value is preliminary.")(lang)
            )
        elif note is Note.ILLUSTRATIVE:
            out.append(
                Text(
                    "Värdet är illustrativt (påhittat för exemplet).",
                    "The value is illustrative (made up for the example).",
                )(lang)
            )
        elif note is Note.NO_NATIONAL_VALUE:
            out.append(
                Text(
                    "Det finns inget värde för riket för {period}, varken i planen, från "
                    "Kolada eller i trygg:s serie.",
                    "There is no national value for {period}: not in the plan, not from "
                    "Kolada, not in trygg's series.",
                ).format(period=fmt.period(c.period))(lang)
            )
        elif note is Note.NATIONAL_NOT_PUBLISHED:
            out.append(
                Text(
                    "Rikets värde för {period} publicerades först {day}.",
                    "The national value for {period} was only published on {day}.",
                ).format(
                    period=fmt.period(c.period),
                    day=fmt.date(c.national_published) if c.national_published else "–",
                )(lang)
            )
        elif note is Note.OTHER_GEOGRAPHIES:
            out.append(other_geographies(c, fmt))
        elif note is Note.NATIONAL_SOURCE:
            out.append(source_sentence(c, fmt))
        elif note is Note.DIRECTION_DIFFERS:
            out.append(
                Text(
                    "Planen anger att {own} för nyckeltalet, medan rikets serie räknar att "
                    "{series}; bedömningen följer planen.",
                    "The plan says {own} for the indicator, while the national series counts "
                    "{series}; the verdict follows the plan.",
                ).format(own=DIRECTION[c.better](lang), series=DIRECTION[c.series_better](lang))(
                    lang
                )
            )
        elif note is Note.UNITS_DIFFER:
            out.append(
                Text(
                    "Enheterna ({unit}, {national}) går inte att jämföra.",
                    "The units ({unit}, {national}) cannot be compared.",
                ).format(unit=fmt.unit(c.unit), national=fmt.unit(c.national_unit))(lang)
            )
    if c.newer is not None and c.newer.national_published:
        out.append(
            Text(
                "Det nyare värdet för {newer}, {value}, jämförs inte: rikets värde för "
                "{newer} publicerades först {day}.",
                "The newer value for {newer}, {value}, is not compared: the national value "
                "for {newer} was only published on {day}.",
            ).format(
                newer=fmt.period(c.newer.period),
                value=fmt.value(c.newer.value, c.unit),
                day=fmt.date(c.newer.national_published),
            )(lang)
        )
    elif c.newer is not None and Note.EARLIER_COMMON_PERIOD in c.notes:
        out.append(
            Text(
                "Kommunens senaste värde, {value} för {newer}, har inget värde för riket att "
                "jämföras med; jämförelsen gäller {period}, det senaste som både kommunen och "
                "riket har.",
                "The kommun's latest value, {value} for {newer}, has no national value to "
                "compare with; the comparison is of {period}, the latest that both the kommun "
                "and the country have.",
            ).format(
                newer=fmt.period(c.newer.period),
                value=fmt.value(c.newer.value, c.unit),
                period=fmt.period(c.period),
            )(lang)
        )
    elif c.newer is not None:
        out.append(
            Text(
                "Det nyare värdet för {newer}, {value}, har ännu inget värde för riket att "
                "jämföras med.",
                "The newer value for {newer}, {value}, has no national value to compare with yet.",
            ).format(newer=fmt.period(c.newer.period), value=fmt.value(c.newer.value, c.unit))(lang)
        )
    if Note.NATIONAL_OUTDATED in c.notes and c.newer is not None:
        years = c.newer.period.year - c.period.year
        out.append(
            Text(
                "Varning: rikets värde gäller {period}, {years} år före kommunens senaste "
                "({newer}). För in rikets värde för {newer} med 'trygg indicator set "
                "{indicator} {newer_id} VÄRDE --geography riket', eller hämta det ur Kolada "
                "med 'trygg indicator fetch'.",
                "Warning: the national value is for {period}, {years} years before the "
                "kommun's latest ({newer}). Record the national value for {newer} with 'trygg "
                "indicator set {indicator} {newer_id} VALUE --geography riket', or fetch it "
                "from Kolada with 'trygg indicator fetch'.",
            ).format(
                period=fmt.period(c.period),
                years=years,
                newer=fmt.period(c.newer.period),
                newer_id=str(c.newer.period),
                indicator=c.indicator,
            )(lang)
        )
    return out


def source_sentence(c: Comparison, fmt: Formatter) -> str:
    """Where the national value compared came from, and when it was published: ``Rikets
    värde för 2020 kommer från trygg:s serie (Brå, …)``."""
    figure = c.source
    lang = fmt.lang
    if figure is None:
        return ""
    period = fmt.period(figure.period)
    if figure.source is NationalSource.PLAN:
        text = Text(
            "Rikets värde för {period} står i planen (nyckeltal.yaml){origin}.",
            "The national value for {period} is the plan's own (nyckeltal.yaml){origin}.",
        ).format(period=period, origin=f": {figure.origin}" if figure.origin else "")(lang)
    elif figure.source is NationalSource.KOLADA:
        kpi = f"{figure.origin}, " if figure.origin else ""
        text = Text(
            "Rikets värde för {period} är hämtat ur Kolada ({kpi}0000 Riket).",
            "The national value for {period} was fetched from Kolada ({kpi}0000 Riket).",
        ).format(period=period, kpi=kpi)(lang)
    else:
        published = (
            Text(", publicerat {day}", ", published on {day}").format(
                day=fmt.date(figure.published)
            )(lang)
            if figure.published
            else ""
        )
        text = Text(
            "Rikets värde för {period} kommer från trygg:s serie: {origin}{published}.",
            "The national value for {period} comes from trygg's series: {origin}{published}.",
        ).format(period=period, origin=figure.origin, published=published)(lang)
    if figure.approximate:
        text += Text(" Källan anger det ungefärligt.", " The source gives it roughly.")(lang)
    if figure.secondhand:
        text += Text(
            " Uppgiften är från en andrahandskälla och inte kontrollerad mot utgivaren.",
            " The figure is from a secondary source, not checked against its publisher.",
        )(lang)
    return text


def other_geographies(c: Comparison, fmt: Formatter) -> str:
    """``Nyckeltalet har också värden för kommunen Göteborg (2021); de ingår inte …``"""
    lang = fmt.lang
    where = [
        f"{level_name(place.level, lang, place.name)} ({', '.join(fmt.period(p) for p in periods)})"
        for place, periods in c.others
    ]
    and_ = Text(" och ", " and ")(lang)
    listed = ", ".join(where[:-1]) + and_ + where[-1] if len(where) > 1 else where[0]
    return Text(
        "Nyckeltalet har också värden för {where}; de ingår inte i jämförelsen eller trenden.",
        "The indicator also has values for {where}; they are not part of the comparison or "
        "the trend.",
    ).format(where=listed)(lang)


# --- trygg compare ---------------------------------------------------------------------------


def _headers(lang: Lang) -> tuple[str, ...]:
    return tuple(
        t(lang)
        for t in (
            Text("Plan", "Plan"),
            Text("Period", "Period"),
            Text("Värde", "Value"),
            Text("Riket", "National"),
            Text("Skillnad", "Difference"),
            Text("Bedömning", "Verdict"),
            Text("Utveckling", "Over time"),
            Text("Trend", "Trend"),
        )
    )


def grouped(items: Sequence[Comparison], fmt: Formatter) -> list[tuple[str, str, Table, list[str]]]:
    """Per national series: (title, subtitle, table of plans side by side, footnotes)."""
    groups: dict[str, list[Comparison]] = {}
    for c in items:
        groups.setdefault(c.series, []).append(c)
    out = []
    lang = fmt.lang
    for series in sorted(groups):
        rows = []
        foot: list[str] = []
        decimals = table_decimals(groups[series])
        for c in groups[series]:
            marks = ""
            lines = notes(c, fmt)
            if lines:
                foot.append(f"{footnote_mark(len(foot) + 1)} {c.plan}: {' '.join(lines)}")
                marks = footnote_mark(len(foot))
            rows.append(
                (
                    c.plan + marks,
                    fmt.period(c.period),
                    *side_by_side_values(c, fmt, decimals),
                    difference(c, fmt),
                    verdict(c, lang),
                    series_text(c, fmt, decimals),
                    trend(c.trend, fmt),
                )
            )
        first = groups[series][0]
        how = (
            Text("skillnad i procentenheter", "difference in percentage points")
            if first.kind is DifferenceKind.POINTS
            else Text("relativ skillnad i procent", "relative difference in per cent")
        )
        subtitle = f"{fmt.unit(first.national_unit)}; {how(lang)}"
        directions = {c.better for c in groups[series]}
        if len(directions) == 1:  # the plans' own direction, shared by all in the table
            subtitle += f"; {DIRECTION[first.better](lang)}"
        table = Table(_headers(lang), tuple(rows), (False, False, True, True, True, False, False))
        out.append((first.series_name, subtitle, table, foot))
    return out


def as_text(
    items: Sequence[Comparison],
    fmt: Formatter,
    *,
    year: int | None = None,
    years: Sequence[int] = (),
) -> str:
    if not items:
        return _nothing(fmt, year, years) + "\n"
    parts = []
    for title, subtitle, table, foot in grouped(items, fmt):
        block = f"{title}\n({subtitle})\n\n{tables.text(table)}"
        if foot:
            block += "\n" + "\n".join(foot) + "\n"
        parts.append(block)
    return "\n".join(parts)


def as_markdown(
    items: Sequence[Comparison],
    fmt: Formatter,
    *,
    year: int | None = None,
    years: Sequence[int] = (),
) -> str:
    from trygghet_cli.render.templating import md_escape

    heading = Text("Jämförelse med riket", "Comparison with the national figures")(fmt.lang)
    parts = [f"# {heading}\n"]
    if not items:
        parts.append(md_escape(_nothing(fmt, year, years)) + "\n")
    for title, subtitle, table, foot in grouped(items, fmt):
        block = f"## {md_escape(title)}\n\n{md_escape(subtitle)}\n\n{tables.markdown(table)}"
        if foot:
            block += "\n" + "\n".join(f"- {md_escape(f)}" for f in foot) + "\n"
        parts.append(block)
    return "\n".join(parts)


def _nothing(fmt: Formatter, year: int | None, years: Sequence[int]) -> str:
    """Why there is nothing to show: no values for the year asked for, or no indicator with a
    national series at all."""
    lang = fmt.lang
    if year is not None and years:
        listed = ", ".join(str(y) for y in years[:-1])
        listed = listed + Text(" och ", " and ")(lang) + str(years[-1]) if listed else str(years[0])
        return Text(
            "Inga värden för {year}. Nyckeltalen med en nationell jämförelseserie har värden "
            "för {years}.",
            "No values for {year}. The indicators with a national series have values for {years}.",
        ).format(year=year, years=listed)(lang)
    return Text(
        "Inga nyckeltal med en nationell jämförelseserie (nationell_serie i nyckeltal.yaml).",
        "No indicators with a national series (nationell_serie in nyckeltal.yaml).",
    )(lang)


def as_json(items: Sequence[Comparison]) -> str:
    payload = [_record(c) for c in items]
    return json.dumps({"comparisons": payload}, ensure_ascii=False, indent=2) + "\n"


def _json_number(value: Decimal | None, places: int = 4) -> float | None:
    """A difference for JSON: rounded half away from zero, None where there is none."""
    if value is None or value.is_nan():
        return None
    return float(rounded(value, places))


def _record(c: Comparison) -> dict[str, Any]:
    return {
        "plan": c.plan,
        "kommunkod": c.kommunkod,
        "indicator": c.indicator,
        "indicator_name": c.indicator_name,
        "series": c.series,
        "series_name": c.series_name,
        "unit": c.unit.value,
        "national_unit": c.national_unit.value,
        "better": c.better.value,
        "national_better": c.series_better.value,
        "period": str(c.period),
        "value": c.value,
        "national": c.national,
        "difference": _json_number(c.difference),
        "difference_kind": c.kind.value,
        "verdict": c.verdict.value if c.verdict else None,
        "geography": {"level": c.level.value, "name": c.area or None},
        "notes": [n.value for n in c.notes],
        "other_geographies": [
            {
                "level": place.level.value,
                "name": place.name or None,
                "periods": [str(p) for p in periods],
            }
            for place, periods in c.others
        ],
        "national_published": c.national_published.isoformat() if c.national_published else None,
        "national_source": None
        if c.source is None
        else {
            "source": c.source.source.value,
            "period": str(c.source.period),
            "origin": c.source.origin or None,
            "url": c.source.url,
            "published": c.source.published.isoformat() if c.source.published else None,
            "secondhand": c.source.secondhand,
            "approximate": c.source.approximate,
        },
        "trend": [
            {
                "period": str(p.period),
                "value": p.value,
                "national": p.national,
                "preliminary": p.preliminary,
            }
            for p in c.points
        ],
        "change": None
        if c.trend is None
        else {
            "from": str(c.trend.first.period),
            "to": str(c.trend.last.period),
            "change": _json_number(c.trend.change),
            "kind": c.trend.kind.value,
            "verdict": c.trend.verdict.value,
            "national_change": _json_number(c.trend.national_change),
        },
    }


_CSV_COLUMNS = {
    "plan": Text("plan", "plan"),
    "kommunkod": Text("kommunkod", "municipality_code"),
    "indicator": Text("nyckeltal", "indicator"),
    "indicator_name": Text("namn", "name"),
    "series": Text("nationell_serie", "national_series"),
    "unit": Text("enhet", "unit"),
    "better": Text("bättre", "better"),
    "period": Text("period", "period"),
    "value": Text("värde", "value"),
    "national": Text("riket", "national"),
    "national_source": Text("riket_källa", "national_source"),
    "difference": Text("skillnad", "difference"),
    "difference_kind": Text("skillnad_avser", "difference_kind"),
    "verdict": Text("bedömning", "verdict"),
    "level": Text("geografi", "geography"),
    "area": Text("område", "area"),
    "preliminary": Text("preliminär", "preliminary"),
    "national_preliminary": Text("riket_preliminär", "national_preliminary"),
    "illustrative": Text("illustrativ", "illustrative"),
}

_KIND_WORDS = {
    DifferenceKind.RELATIVE: Text("procent", "per_cent"),
    DifferenceKind.POINTS: Text("procentenheter", "percentage_points"),
}
_SOURCE_WORDS = {
    NationalSource.PLAN: Text("planen", "plan"),
    NationalSource.KOLADA: Text("Kolada", "Kolada"),
    NationalSource.TRYGG: Text("trygg", "trygg"),
}
_BETTER_WORDS = {Better.LOWER: Text("lägre", "lower"), Better.HIGHER: Text("högre", "higher")}

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet takes as the start of a formula in a text cell (OWASP, CSV injection)."""


def spreadsheet_text(text: str) -> str:
    """A text cell that a spreadsheet shows as text: one that would start a formula is
    prefixed with an apostrophe, as OWASP advises against CSV injection."""
    return "'" + text if text.startswith(FORMULA_START) else text


def as_csv(rows: Sequence[Row], lang: Lang, year: int | None = None) -> str:
    """Every value as a row (the trend is in the rows). Swedish: ``;`` and decimal comma.

    Text cells that would start a formula (``=``, ``+``, ``-``, ``@``) begin with an
    apostrophe (:func:`spreadsheet_text`); numbers stay numbers.
    """
    yes, no = Text("ja", "yes")(lang), Text("nej", "no")(lang)
    records = []
    for r in rows:
        if year is not None and r.period.year != year:
            continue
        difference = None
        if r.difference is not None and not r.difference.is_nan():
            difference = float(rounded(r.difference, 2))
        records.append(
            {
                "plan": spreadsheet_text(r.plan),
                "kommunkod": r.kommunkod,
                "indicator": r.indicator.id,
                "indicator_name": spreadsheet_text(r.indicator.name),
                "series": r.series.id if r.series is not None else "",
                "unit": r.indicator.unit.value,
                "better": _BETTER_WORDS[r.indicator.better](lang),
                "period": str(r.period),
                "value": r.value.value,
                "national": r.national_value,
                "national_source": _SOURCE_WORDS[r.national.source](lang)
                if r.national is not None
                else "",
                "difference": difference,
                "difference_kind": _KIND_WORDS[r.kind](lang) if difference is not None else "",
                "verdict": VERDICT[r.verdict](lang) if r.verdict is not None else "",
                "level": r.value.geography.level.value,
                "area": spreadsheet_text(r.value.geography.name or ""),
                "preliminary": yes if r.value.preliminary else no,
                "national_preliminary": yes
                if r.national is not None and r.national.preliminary
                else no,
                "illustrative": yes if r.value.illustrative else no,
            }
        )
    data = pd.DataFrame.from_records(records, columns=list(_CSV_COLUMNS))
    for column in ("value", "national", "difference"):
        data[column] = data[column].astype("float64")
    data.columns = pd.Index([_CSV_COLUMNS[c](lang) for c in data.columns])
    return excel_csv(data, lang)


def excel_csv(data: pd.DataFrame, lang: Lang) -> str:
    """A table as CSV that Excel opens with a double-click: in Swedish with ``;``, decimal
    comma, a byte order mark and CRLF; in English with ``,``. Text cells that would start a
    formula begin with an apostrophe (:func:`spreadsheet_text`)."""
    data = data.copy()
    for column in data.columns:
        if _textual(data[column]):
            data[column] = data[column].map(
                lambda v: spreadsheet_text(v) if isinstance(v, str) else v
            )
    dialect = _CSV_DIALECTS[lang]
    buffer = io.StringIO()
    data.to_csv(
        buffer,
        sep=dialect.separator,
        decimal=dialect.decimal,
        float_format="%.10g",
        index=False,
        lineterminator=dialect.line_end,
    )
    return dialect.head + buffer.getvalue()


@dataclass(frozen=True)
class _CsvDialect:
    separator: str
    decimal: str
    line_end: str
    head: str = ""
    """What goes before the first row: the byte order mark Excel needs to read UTF-8."""


_CSV_DIALECTS: dict[Lang, _CsvDialect] = {
    "sv": _CsvDialect(";", ",", "\r\n", "\ufeff"),
    "en": _CsvDialect(",", ".", "\n"),
}
"""How Excel in each language opens a CSV file with a double-click."""


def series_list(national: NationalData, fmt: Formatter) -> str:
    """``trygg compare --list``: the national series trygg ships, with their values."""
    lang = fmt.lang
    rows = []
    for s in national.series:
        values = ", ".join(
            f"{fmt.period(v.period)}: {'≈' if v.approximate else ''}{fmt.value(v.value, s.unit)}"
            + (Text(" (prel.)", " (prel.)")(lang) if v.preliminary else "")
            + (Text(" (andrahand)", " (secondhand)")(lang) if v.secondhand else "")
            for v in s.values
        )
        rows.append((s.id, s.name, values))
    headers = (Text("Id", "Id")(lang), Text("Namn", "Name")(lang), Text("Värden", "Values")(lang))
    return tables.text(Table(headers, tuple(rows)))


def _textual(column: pd.Series) -> bool:
    """A column that may hold text (object, or pandas' own string type)."""
    return pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)
