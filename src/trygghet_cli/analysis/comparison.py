"""A plan's indicators against the national figures.

The difference is computed the way statisticians read it: for a rate (per 100 000 or per
1 000 invånare) the **relative** difference in per cent, for a share (procent) the difference
in **percentage points** (procentenheter). Differences are computed in decimal and rounded half
away from zero (:mod:`trygghet_cli.rounding`); the verdict is that of the difference as shown,
to one decimal, so +0,05 and −0,05 procentenheter are both a difference, of 0,1. Whether a
difference is better or worse follows the **plan's** direction (``bättre: lägre``), also where
the national series counts the other way (``trygg validate`` warns, TRY215).

A plan's value is compared with the national value of the *same* period; NTU figures for a
police area rather than the kommun, and preliminary figures, are flagged. A comparison and its
trend use the values of one geography only (the rule in :mod:`trygghet_cli.followup.geography`):
a district's figure is never followed by the city's. As of a date (the brief's quarter end,
``trygg compare --as-of``), only values whose period has ended and national values published by
then count.

Plain Python and plain data: one :class:`Row` per value, one :class:`Comparison` per plan and
indicator. The CSV table for Excel is made from the rows in :mod:`trygghet_cli.render.comparisons`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

from trygghet_cli.analysis.national import (
    NationalFigure,
    has_national,
    is_national,
    national_figures,
)
from trygghet_cli.followup.geography import Place, choose_place, other_places, own_place
from trygghet_cli.followup.state import editions_published, value_known_on
from trygghet_cli.model.indicators import Better, Indicator, Level, Unit, Value
from trygghet_cli.model.national import NationalData, NationalSeries
from trygghet_cli.model.periods import Period, PeriodKind
from trygghet_cli.model.plan import Plan
from trygghet_cli.rounding import CONTEXT, divide, exact, rounded

if TYPE_CHECKING:
    from trygghet_cli.checks.runner import PlanResult


class DifferenceKind(str, Enum):
    RELATIVE = "relative_percent"
    POINTS = "percentage_points"


class Verdict(str, Enum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"


class Note(str, Enum):
    """Why a figure should be read with care."""

    GEOGRAPHY = "geography"
    PRELIMINARY = "preliminary"
    NATIONAL_PRELIMINARY = "national_preliminary"
    ILLUSTRATIVE = "illustrative"
    NO_NATIONAL_VALUE = "no_national_value"
    NATIONAL_NOT_PUBLISHED = "national_not_published"
    UNITS_DIFFER = "units_differ"
    OTHER_GEOGRAPHIES = "other_geographies"
    DIRECTION_DIFFERS = "direction_differs"
    NATIONAL_SOURCE = "national_source"
    """Where the national value came from (the plan, Kolada or trygg) and when it was
    published, where known."""
    EARLIER_COMMON_PERIOD = "earlier_common_period"
    """The kommun's latest value has no national value of its period; an earlier period that
    both have is compared."""
    NATIONAL_OUTDATED = "national_outdated"
    """The national value compared is more than two years older than the kommun's latest."""


OUTDATED_YEARS = 2
"""How many years older than the kommun's latest value a national value may be before the
comparison warns."""


VERDICT_PLACES = 1
"""Decimals a difference is shown with, and judged by."""

# How many of the national series' unit one unit of the plan's indicator is.
_RATE_SCALE = {Unit.PER_100K: Decimal(100_000), Unit.PER_1000: Decimal(1_000)}


def scale(unit: Unit, national: Unit) -> Decimal | None:
    """The factor that turns ``unit`` into ``national``; None when they cannot be compared."""
    if unit is national:
        return Decimal(1)
    if unit in _RATE_SCALE and national in _RATE_SCALE:
        return divide(_RATE_SCALE[national], _RATE_SCALE[unit])
    return None


def change(first: float, last: float, unit: Unit) -> tuple[Decimal | None, DifferenceKind]:
    """From ``first`` to ``last``: percentage points for a share, relative per cent for
    anything else (None when ``first`` is 0, from which no relative change can be told)."""
    gap = CONTEXT.subtract(exact(last), exact(first))
    if unit is Unit.PERCENT:
        return gap, DifferenceKind.POINTS
    if first == 0:
        return None, DifferenceKind.RELATIVE
    return CONTEXT.multiply(divide(gap, exact(first)), Decimal(100)), DifferenceKind.RELATIVE


def judge(delta: Decimal | None, better: Better) -> Verdict:
    """Whether a change or difference is for the better, by the direction given, on the
    difference as shown (rounded half away from zero to one decimal)."""
    if delta is None or delta.is_nan():
        return Verdict.SAME
    shown = rounded(delta, VERDICT_PLACES)
    if shown == 0:
        return Verdict.SAME
    improving = shown < 0 if better is Better.LOWER else shown > 0
    return Verdict.BETTER if improving else Verdict.WORSE


# --- one row per value -----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One value of a plan's indicator, beside the national value of the same period."""

    plan: str
    kommunkod: str
    indicator: Indicator
    series: NationalSeries | None
    """trygg's series, when the indicator names one (``nationell_serie``)."""
    value: Value
    own: Place
    national: NationalFigure | None
    """The national value of the period, from the first source that has it (the plan,
    Kolada, trygg), as known at the cut-off."""
    national_published: date | None
    """When the national value exists but was not yet published at the cut-off: the day it
    was."""

    @property
    def place(self) -> Place:
        return Place.of(self.value.geography)

    @property
    def period(self) -> Period:
        return self.value.period

    @property
    def series_id(self) -> str:
        """What the comparison is grouped by: trygg's series, else the indicator's own."""
        return self.series.id if self.series is not None else self.indicator.id

    @property
    def national_unit(self) -> Unit:
        """The unit national values are shown in: trygg's series', else the indicator's."""
        return self.series.unit if self.series is not None else self.indicator.unit

    @property
    def national_value(self) -> float | None:
        """The national value in :attr:`national_unit` (a plan's own national value, in the
        indicator's unit, converted: per 1 000 to per 100 000)."""
        if self.national is None:
            return None
        if self.national.plan_value is None:
            return self.national.value
        factor = scale(self.indicator.unit, self.national_unit)
        if factor is None:
            return self.national.value
        return float(CONTEXT.multiply(exact(self.national.value), factor))

    @property
    def units_differ(self) -> bool:
        return scale(self.indicator.unit, self.national_unit) is None

    @property
    def kind(self) -> DifferenceKind:
        return (
            DifferenceKind.POINTS if self.national_unit is Unit.PERCENT else DifferenceKind.RELATIVE
        )

    @property
    def difference(self) -> Decimal | None:
        """The plan's value against the national one, in the national unit: percentage
        points for a share, relative per cent for a rate."""
        return _difference(
            self.indicator.unit, self.national_unit, self.value.value, self.national_value
        )

    @property
    def verdict(self) -> Verdict | None:
        difference = self.difference
        return None if difference is None else judge(difference, self.indicator.better)


def comparison_rows(
    plans: Sequence[Plan],
    national: NationalData,
    *,
    until: date | None = None,
    indicator: str | None = None,
) -> list[Row]:
    """Every value of every indicator with national figures, next to the national value.

    An indicator has national figures when it names trygg's series (``nationell_serie``) or
    has values for Riket of its own (``geografi: {nivå: riket}``, written in the plan or
    fetched from Kolada); per period the first source that has a value gives it
    (:func:`~trygghet_cli.analysis.national.national_figures`).

    One row per plan, indicator, period and geography (the plan's own values, never Riket's),
    in the order plan, series, indicator, period, geography. As of ``until`` (a brief for a
    past quarter shows only what was known then), values whose period ends later are left out
    and a national value not yet published is missing (``national_published`` then holds the
    day it was). ``indicator`` keeps one indicator, by its id in the plan or by the national
    series' id.
    """
    series_by_id = national.by_id()
    editions = editions_published(national)
    rows: list[Row] = []
    for plan in plans:
        kommunkod = plan.municipality.kommunkod if plan.municipality else ""
        own = own_place(plan)
        for ind in plan.indicators_by_id().values():
            series = series_by_id.get(ind.national) if ind.national else None
            if not has_national(ind, series):
                continue
            if indicator is not None and indicator not in (ind.id, ind.national):
                continue
            figures = national_figures(ind, series, until=until, editions=editions)
            for v in ind.values:
                if is_national(v):
                    continue
                if until is not None and not value_known_on(v, until, editions):
                    continue
                nat = figures.get(v.period)
                published = None
                if nat is not None and until is not None and not nat.known_on(until, editions):
                    published = nat.known_from(editions)
                    nat = None
                row = Row(plan.name, kommunkod, ind, series, v, own, nat, published)
                rows.append(row)
    return ordered(rows)


def ordered(rows: Sequence[Row]) -> list[Row]:
    """Rows in the order plan, series, indicator, period, geography."""
    return sorted(rows, key=_row_order)


@dataclass(frozen=True)
class PlanRows:
    """One plan's rows, and the ids of its indicators with a national series: what ``trygg
    compare`` keeps of a plan, so that many plans need the memory of one."""

    rows: tuple[Row, ...]
    indicators: tuple[str, ...]


def plan_comparison_rows(
    checked: PlanResult, *, until: date | None = None, indicator: str | None = None
) -> PlanRows:
    """:func:`comparison_rows` of one checked plan (in the process that checked it)."""
    from trygghet_cli.loading.national import national_data

    plan = checked.loaded.plan
    rows = comparison_rows([plan], national_data(), until=until, indicator=indicator)
    ids = tuple(
        i.id
        for i in plan.indicators_by_id().values()
        if i.national or any(is_national(v) for v in i.values)
    )
    return PlanRows(tuple(rows), ids)


def _row_order(row: Row) -> tuple[str, str, str, Period, str, str]:
    level, area = row.value.geography.level.value, row.value.geography.name or ""
    return (row.plan, row.series_id, row.indicator.id, row.period, level, area)


def _difference(
    unit: Unit, national_unit: Unit, value: float, national: float | None
) -> Decimal | None:
    """The plan's value against the national one, in the national unit."""
    factor = scale(unit, national_unit)
    if national is None or factor is None:
        return None
    in_national_unit = CONTEXT.multiply(exact(value), factor)
    gap = CONTEXT.subtract(in_national_unit, exact(national))
    if national_unit is Unit.PERCENT:
        return gap
    if national == 0:
        return None
    return CONTEXT.multiply(divide(gap, exact(national)), Decimal(100))


def years_with_values(rows: Sequence[Row]) -> list[int]:
    """The years with a value for a whole year (what ``--year`` can choose)."""
    return sorted({r.period.year for r in rows if r.period.kind is PeriodKind.YEAR})


# --- one comparison per plan and indicator ---------------------------------------------------


@dataclass(frozen=True)
class Point:
    """One period of a trend: the plan's value and, where known, the national one."""

    period: Period
    value: float
    national: float | None
    preliminary: bool
    national_published: date | None = None
    """When the national value was not yet published at the cut-off: the day it was."""


@dataclass(frozen=True)
class Trend:
    """Change from the first to the last period available, and whether that is better."""

    first: Point
    last: Point
    change: Decimal | None
    kind: DifferenceKind
    verdict: Verdict
    national_change: Decimal | None


@dataclass(frozen=True)
class Comparison:
    """One plan's indicator against its national series, at one period, with the trend."""

    plan: str
    kommunkod: str
    indicator: str
    indicator_name: str
    series: str
    series_name: str
    unit: Unit
    national_unit: Unit
    better: Better
    """The plan's direction, by which every verdict is made."""
    series_better: Better
    """The national series' direction (it may differ: TRY215)."""
    period: Period
    value: float
    national: float | None
    difference: Decimal | None
    kind: DifferenceKind
    verdict: Verdict | None
    level: Level
    area: str
    own_level: Level
    notes: tuple[Note, ...]
    points: tuple[Point, ...]
    trend: Trend | None
    newer: Point | None
    """A later value of the plan for which there is no national figure yet."""
    others: tuple[tuple[Place, tuple[Period, ...]], ...] = ()
    """Other geographies the indicator has values for, left out of the trend."""
    national_published: date | None = None
    """When the national value is not yet published as of the cut-off: the day it was."""
    source: NationalFigure | None = None
    """The national value compared, with where it came from."""


def comparisons(rows: Sequence[Row], *, year: int | None = None) -> list[Comparison]:
    """One :class:`Comparison` per plan and indicator, at ``year`` or the latest common period.

    The values compared, and the trend, are those of one geography (see
    :func:`trygghet_cli.followup.geography.trend_geography`; with ``year``, among the
    geographies with a value that year). Without ``year``, the latest period for which both
    that geography and the country have a value; if there is none, its latest value (with a
    note that the national value is missing). With ``year``, that year's value, or nothing
    for an indicator without one.
    """
    groups: dict[tuple[str, str, str], list[Row]] = {}
    for row in rows:
        groups.setdefault((row.plan, row.series_id, row.indicator.id), []).append(row)
    out = []
    for key in sorted(groups):
        comparison = _comparison(groups[key], year)
        if comparison is not None:
            out.append(comparison)
    return out


def _comparison(every: list[Row], year: int | None) -> Comparison | None:
    first = every[0]
    at = None
    if year is not None:
        at = Period.of(PeriodKind.YEAR, year)
        if not any(r.period == at for r in every):
            return None
    pairs = [(r.place, r.period) for r in every]
    place = choose_place(pairs, at=at, own=first.own)
    rows = [r for r in every if r.place == place]
    points = tuple(_point(r) for r in rows)
    if at is not None:
        row = [r for r in rows if r.period == at][-1]
    else:
        common = [r for r in rows if r.national is not None]
        row = common[-1] if common else rows[-1]
    last = rows[-1]
    newer = _point(last) if last is not row and year is None else None
    ind, series = row.indicator, row.series
    notes: list[Note] = []
    if row.place.level is not row.own.level:
        notes.append(Note.GEOGRAPHY)
    if row.value.preliminary:
        notes.append(Note.PRELIMINARY)
    if row.national is not None and row.national.preliminary:
        notes.append(Note.NATIONAL_PRELIMINARY)
    if row.value.illustrative:
        notes.append(Note.ILLUSTRATIVE)
    if row.national is None:
        notes.append(
            Note.NATIONAL_NOT_PUBLISHED if row.national_published else Note.NO_NATIONAL_VALUE
        )
    else:
        notes.append(Note.NATIONAL_SOURCE)
        if row.units_differ:
            notes.append(Note.UNITS_DIFFER)
    if newer is not None and row.national is not None:
        notes.append(Note.EARLIER_COMMON_PERIOD)
        if newer.period.year - row.period.year > OUTDATED_YEARS:
            notes.append(Note.NATIONAL_OUTDATED)
    series_better = series.better if series is not None else ind.better
    if ind.better is not series_better:
        notes.append(Note.DIRECTION_DIFFERS)
    others = tuple(other_places(pairs, place))
    if others:
        notes.append(Note.OTHER_GEOGRAPHIES)
    return Comparison(
        plan=row.plan,
        kommunkod=row.kommunkod,
        indicator=ind.id,
        indicator_name=ind.name,
        series=row.series_id,
        series_name=series.name if series is not None else f"{ind.name}, riket",
        unit=ind.unit,
        national_unit=row.national_unit,
        better=ind.better,
        series_better=series_better,
        period=row.period,
        value=row.value.value,
        national=row.national_value,
        difference=row.difference,
        kind=row.kind,
        verdict=row.verdict,
        level=row.place.level,
        area=row.place.name,
        own_level=row.own.level,
        notes=tuple(notes),
        points=points,
        trend=trend(points, ind.unit, ind.better),
        newer=newer,
        others=others,
        national_published=row.national_published,
        source=row.national,
    )


def _point(row: Row) -> Point:
    return Point(
        period=row.period,
        value=row.value.value,
        national=row.national_value,
        preliminary=row.value.preliminary,
        national_published=row.national_published,
    )


def trend(points: Sequence[Point], unit: Unit, better: Better) -> Trend | None:
    """The change over the periods of the latest period's kind (years, mostly)."""
    if not points:
        return None
    kind = points[-1].period.kind
    same = [p for p in points if p.period.kind is kind]
    if len(same) < 2:
        return None
    first, last = same[0], same[-1]
    delta, how = change(first.value, last.value, unit)
    national_change = None
    if first.national is not None and last.national is not None:
        national_change, _ = change(first.national, last.national, unit)
    return Trend(first, last, delta, how, judge(delta, better), national_change)
