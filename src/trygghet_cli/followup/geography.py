"""One geography per trend: a district's figures never run on into the city's.

An indicator may hold values for several geographies: NTU's figures for the police area beside
the kommun's own survey, or Göteborg's Kolada figure beside Angered's. A trend, a goal's
progress, a comparison with the country and a chart each use the values of *one* geography,
chosen by one rule (:func:`trend_geography`), and say when there are others
(:func:`other_geographies`). Shared by the goals in ``followup``, ``trygg compare``, the brief
and the export.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from trygghet_cli.model.indicators import Geography, Level, Value
from trygghet_cli.model.periods import Period
from trygghet_cli.model.plan import Plan


@dataclass(frozen=True, order=True)
class Place:
    """A geography as a hashable key: its level and (for anything but the kommun) its name."""

    level: Level
    name: str = ""

    @staticmethod
    def of(geography: Geography) -> Place:
        return Place(geography.level, geography.name or "")


def own_place(plan: Plan) -> Place:
    """The geography a plan is about: the kommun, or the stadsdel for a district plan."""
    m = plan.municipality
    if m is not None and m.district:
        return Place(Level.DISTRICT, m.district)
    return Place(Level.MUNICIPALITY)


def trend_geography(
    values: Iterable[Value], *, at: Period | None = None, own: Place | None = None
) -> Place | None:
    """The geography an indicator's trend is drawn in: the rule.

    The candidates are the geographies with a value for ``at`` (a goal's baseline, the year
    asked for) when there are any, else every geography the indicator has values for. Of
    those: the plan's own geography (by name, then by level); then the one with the most
    values; then the one with the latest value; then a fixed order (by level and name).
    """
    return choose_place([(Place.of(v.geography), v.period) for v in values], at=at, own=own)


def choose_place(
    every: Sequence[tuple[Place, Period]], *, at: Period | None = None, own: Place | None = None
) -> Place | None:
    """:func:`trend_geography` over (geography, period) pairs, one per value."""
    if not every:
        return None
    counts = Counter(place for place, _ in every)
    latest: dict[Place, Period] = {}
    for place, period in every:
        if place not in latest or period > latest[place]:
            latest[place] = period
    candidates = sorted({place for place, period in every if period == at} or set(counts))

    def rank(place: Place) -> tuple[bool, bool, int, Period]:
        same = own is not None and place == own
        level = own is not None and place.level is own.level
        return (same, level, counts[place], latest[place])

    return max(candidates, key=rank)  # the first of equals in the fixed order


def in_place(values: Iterable[Value], place: Place | None) -> list[Value]:
    """The values of one geography, in period order."""
    return sorted(
        (v for v in values if Place.of(v.geography) == place),
        key=lambda v: v.period,
    )


def other_geographies(
    values: Iterable[Value], place: Place | None
) -> list[tuple[Place, tuple[Period, ...]]]:
    """The geographies other than ``place`` that have values, with their periods, in order."""
    return other_places([(Place.of(v.geography), v.period) for v in values], place)


def other_places(
    every: Iterable[tuple[Place, Period]], place: Place | None
) -> list[tuple[Place, tuple[Period, ...]]]:
    """:func:`other_geographies` over (geography, period) pairs, one per value."""
    others: dict[Place, set[Period]] = {}
    for key, period in every:
        if key != place:
            others.setdefault(key, set()).add(period)
    return [(key, tuple(sorted(periods))) for key, periods in sorted(others.items())]
