"""A plan's indicators against the national figures that ship with trygg.

The difference is computed the way statisticians read it: for a rate (per 100 000 or per
1 000 invånare) the **relative** difference in per cent, for a share (procent) the difference
in **percentage points** (procentenheter). Whether a difference is better or worse follows
the indicator's direction (``bättre: lägre``). A plan's value is compared with the national
value of the *same* period; NTU figures for a police area rather than the kommun, and
preliminary figures, are flagged. A comparison and its trend use the values of one geography
only (the rule in :mod:`trygghet_cli.followup.geography`): a district's figure is never followed
by the city's. As of a date (the brief's quarter end, ``trygg compare --as-of``), only values
whose period has ended and national values published by then count.

pandas does the joining and arithmetic (and CSV for Excel); the results come back as plain
dataclasses for the brief and the renderers. Import this module only from commands that need
it: it imports pandas.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import numpy as np
import pandas as pd

from trygghet_cli.followup.geography import Place, choose_place, other_places, own_place
from trygghet_cli.followup.state import editions_published, value_known_on
from trygghet_cli.model.indicators import Better, Level, Unit
from trygghet_cli.model.national import NationalData
from trygghet_cli.model.periods import Period, PeriodKind
from trygghet_cli.model.plan import Plan


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


# How many of the national series' unit one unit of the plan's indicator is.
_RATE_SCALE = {Unit.PER_100K: 100_000.0, Unit.PER_1000: 1_000.0}

COLUMNS = [
    "plan",
    "kommunkod",
    "indicator",
    "indicator_name",
    "series",
    "series_name",
    "unit",
    "national_unit",
    "better",
    "period",
    "period_start",
    "period_kind",
    "year",
    "value",
    "national",
    "preliminary",
    "national_preliminary",
    "illustrative",
    "level",
    "area",
    "own_level",
    "own_area",
    "edition",
    "national_published",
]


def _scale(unit: Unit, national: Unit) -> float:
    if unit is national:
        return 1.0
    if unit in _RATE_SCALE and national in _RATE_SCALE:
        return _RATE_SCALE[national] / _RATE_SCALE[unit]
    return math.nan


def comparison_frame(
    plans: Sequence[Plan],
    national: NationalData,
    *,
    until: date | None = None,
    indicator: str | None = None,
) -> pd.DataFrame:
    """Every value of every indicator with a national series, next to the national value.

    One row per plan, indicator, period and geography. As of ``until`` (a brief for a past
    quarter shows only what was known then), values whose period ends later are left out and
    a national value not yet published is missing (``national_published`` then holds the day
    it was). ``indicator`` keeps one indicator, by its id in the plan or by the national
    series' id.
    """
    series_by_id = national.by_id()
    editions = editions_published(national)
    rows: list[dict[str, Any]] = []
    for plan in plans:
        kommunkod = plan.municipality.kommunkod if plan.municipality else ""
        own = own_place(plan)
        for ind in plan.indicators_by_id().values():
            series = series_by_id.get(ind.national) if ind.national else None
            if series is None:
                continue
            if indicator is not None and indicator not in (ind.id, series.id):
                continue
            for v in ind.values:
                if until is not None and not value_known_on(v, until, editions):
                    continue
                nat = series.at(v.period)
                published = ""
                if nat is not None and until is not None and not nat.known_on(until):
                    published = nat.published.isoformat() if nat.published else ""
                    nat = None
                rows.append(
                    {
                        "plan": plan.name,
                        "kommunkod": kommunkod,
                        "indicator": ind.id,
                        "indicator_name": ind.name,
                        "series": series.id,
                        "series_name": series.name,
                        "unit": ind.unit.value,
                        "national_unit": series.unit.value,
                        "better": ind.better.value,
                        "period": str(v.period),
                        "period_start": v.period.start.isoformat(),
                        "period_kind": v.period.kind.value,
                        "year": v.period.year,
                        "value": v.value,
                        "national": nat.value if nat is not None else math.nan,
                        "preliminary": v.preliminary,
                        "national_preliminary": bool(nat is not None and nat.preliminary),
                        "illustrative": v.illustrative,
                        "level": v.geography.level.value,
                        "area": v.geography.name or "",
                        "own_level": own.level.value,
                        "own_area": own.name,
                        "edition": v.edition or "",
                        "national_published": published,
                    }
                )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return _with_differences(frame)


def _with_differences(frame: pd.DataFrame) -> pd.DataFrame:
    scale = [
        _scale(Unit(u), Unit(n)) for u, n in zip(frame["unit"], frame["national_unit"], strict=True)
    ]
    frame["scale"] = pd.Series(scale, index=frame.index, dtype="float64")
    frame["value_in_national_unit"] = frame["value"].astype("float64") * frame["scale"]
    share = frame["national_unit"] == Unit.PERCENT.value
    gap = frame["value_in_national_unit"] - frame["national"].astype("float64")
    frame["difference"] = np.where(share, gap, gap / frame["national"] * 100.0)
    frame["difference_kind"] = np.where(
        share, DifferenceKind.POINTS.value, DifferenceKind.RELATIVE.value
    )
    frame["verdict"] = _verdicts(frame["difference"], frame["better"])
    ordered: pd.DataFrame = frame.sort_values(
        ["plan", "series", "indicator", "period_start", "period_kind", "level", "area"]
    )
    result: pd.DataFrame = ordered.reset_index(drop=True)
    return result


def _verdicts(difference: pd.Series, better: pd.Series) -> pd.Series:
    """better/worse/same by the indicator's direction; empty where there is no difference."""
    direction = np.where(better == Better.LOWER.value, -1.0, 1.0)
    score = np.sign(difference.round(1)) * direction
    labels = np.select(
        [score > 0, score < 0, score == 0],
        [Verdict.BETTER.value, Verdict.WORSE.value, Verdict.SAME.value],
        default="",
    )
    result: pd.Series = pd.Series(labels, index=difference.index, dtype="object")
    return result


# --- results as plain data -------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """One period of a trend: the plan's value and, where known, the national one."""

    period: Period
    value: float
    national: float | None
    preliminary: bool
    national_published: str = ""
    """When the national value was not yet published at the cut-off: the day it was."""


@dataclass(frozen=True)
class Trend:
    """Change from the first to the last period available, and whether that is better."""

    first: Point
    last: Point
    change: float
    kind: DifferenceKind
    verdict: Verdict
    national_change: float | None


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
    period: Period
    value: float
    national: float | None
    difference: float | None
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
    national_published: str = ""
    """When the national value is not yet published as of the cut-off: the day it was."""


def comparisons(frame: pd.DataFrame, *, year: int | None = None) -> list[Comparison]:
    """One :class:`Comparison` per plan and indicator, at ``year`` or the latest common period.

    The values compared, and the trend, are those of one geography (see
    :func:`trygghet_cli.followup.geography.trend_geography`; with ``year``, among the
    geographies with a value that year). Without ``year``, the latest period for which both
    that geography and the country have a value; if there is none, its latest value (with a
    note that the national value is missing). With ``year``, that year's value, or nothing
    for an indicator without one.
    """
    out = []
    for _, group in frame.groupby(["plan", "series", "indicator"], sort=True):
        comparison = _comparison(group, year)
        if comparison is not None:
            out.append(comparison)
    return out


def years_with_values(frame: pd.DataFrame) -> list[int]:
    """The years the frame has a value for a whole year (what ``--year`` can choose)."""
    annual = frame[frame["period_kind"] == PeriodKind.YEAR.value]
    return sorted({int(y) for y in annual["year"]})


def _place(row: Any) -> Place:
    return Place(Level(row.level), row.area)


def _comparison(group: pd.DataFrame, year: int | None) -> Comparison | None:
    every: list[Any] = list(group.itertuples(index=False))
    first = every[0]
    own = Place(Level(first.own_level), first.own_area)
    at = None
    if year is not None:
        at = Period.of(PeriodKind.YEAR, year)
        if not any(Period.parse(r.period) == at for r in every):
            return None
    pairs = [(_place(r), Period.parse(r.period)) for r in every]
    place = choose_place(pairs, at=at, own=own)
    rows = [r for r in every if _place(r) == place]
    points = tuple(_point(row) for row in rows)
    if at is not None:
        row = [r for r in rows if Period.parse(r.period) == at][-1]
    else:
        common = [r for r in rows if not math.isnan(r.national)]
        row = common[-1] if common else rows[-1]
    last = rows[-1]
    newer = _point(last) if last is not row and year is None else None
    national = None if math.isnan(row.national) else float(row.national)
    difference = None if math.isnan(row.difference) else float(row.difference)
    notes: list[Note] = []
    if row.level != row.own_level:
        notes.append(Note.GEOGRAPHY)
    if row.preliminary:
        notes.append(Note.PRELIMINARY)
    if row.national_preliminary:
        notes.append(Note.NATIONAL_PRELIMINARY)
    if row.illustrative:
        notes.append(Note.ILLUSTRATIVE)
    if national is None:
        notes.append(
            Note.NATIONAL_NOT_PUBLISHED if row.national_published else Note.NO_NATIONAL_VALUE
        )
    elif math.isnan(row.scale):
        notes.append(Note.UNITS_DIFFER)
    others = tuple(other_places(pairs, place))
    if others:
        notes.append(Note.OTHER_GEOGRAPHIES)
    return Comparison(
        plan=row.plan,
        kommunkod=row.kommunkod,
        indicator=row.indicator,
        indicator_name=row.indicator_name,
        series=row.series,
        series_name=row.series_name,
        unit=Unit(row.unit),
        national_unit=Unit(row.national_unit),
        better=Better(row.better),
        period=Period.parse(row.period),
        value=float(row.value),
        national=national,
        difference=difference,
        kind=DifferenceKind(row.difference_kind),
        verdict=Verdict(row.verdict) if row.verdict else None,
        level=Level(row.level),
        area=row.area,
        own_level=Level(row.own_level),
        notes=tuple(notes),
        points=points,
        trend=trend(points, Unit(row.unit), Better(row.better)),
        newer=newer,
        others=others,
        national_published=row.national_published,
    )


def _point(row: Any) -> Point:
    return Point(
        period=Period.parse(row.period),
        value=float(row.value),
        national=None if math.isnan(row.national) else float(row.national),
        preliminary=bool(row.preliminary),
        national_published=row.national_published,
    )


def change(first: float, last: float, unit: Unit) -> tuple[float, DifferenceKind]:
    """Percentage points for a share, relative per cent for anything else."""
    if unit is Unit.PERCENT:
        return last - first, DifferenceKind.POINTS
    if first == 0:
        return math.nan, DifferenceKind.RELATIVE
    return (last - first) / first * 100.0, DifferenceKind.RELATIVE


def judge(delta: float, better: Better) -> Verdict:
    """Whether a change or difference is for the better, by the indicator's direction."""
    rounded = round(delta, 1)
    if rounded == 0 or math.isnan(delta):
        return Verdict.SAME
    improving = rounded < 0 if better is Better.LOWER else rounded > 0
    return Verdict.BETTER if improving else Verdict.WORSE


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
