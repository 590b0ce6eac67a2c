"""The quarterly brief's situation picture: what the meetings' lägesbild recorded in a quarter.

Entries are counted per category and per area, against the quarter before; those assessed 3 or
4 (of 4) are listed. An entry belongs to the quarter its ISO week's Thursday falls in, and it
counts only if it was recorded by the quarter's end (at a meeting on or before its last day):
a brief is the same whenever it is written. Every category of either quarter has a row; the
most common category of an area names every category tied for the most entries. Part of
:class:`~trygghet_cli.analysis.brief.Brief`, built by
:func:`~trygghet_cli.analysis.brief.build_brief`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from trygghet_cli.model.meetings import Category, SituationEntry
from trygghet_cli.model.periods import IsoWeek, Period
from trygghet_cli.model.plan import MeetingRecord, Plan


@dataclass(frozen=True)
class CategoryCount:
    category: Category
    entries: int
    events: int
    previous_entries: int


@dataclass(frozen=True)
class AreaCount:
    area: str
    entries: int
    events: int
    top_categories: tuple[Category, ...]
    """The categories with the most entries in the area (more than one when they tie)."""


@dataclass(frozen=True)
class SituationSummary:
    entries: int
    events: int
    previous_entries: int
    meetings: int
    by_category: tuple[CategoryCount, ...]
    by_area: tuple[AreaCount, ...]
    serious: tuple[tuple[date, str, SituationEntry], ...]
    """Entries assessed 3 or 4 (of 4), with the meeting's date and body."""
    weeks: tuple[IsoWeek, IsoWeek] | None
    """The first and last week with entries."""


def week_in(week: IsoWeek, period: Period) -> bool:
    """An ISO week belongs to the period its Thursday falls in (as it does to its year)."""
    return period.contains(week.monday + timedelta(days=3))


def situation_summary(plan: Plan, quarter: Period, end: date | None = None) -> SituationSummary:
    """The situation entries of ``plan`` in ``quarter``, counted and compared with the
    quarter before, as recorded by ``end`` (the quarter's last day unless given)."""
    known = quarter.end if end is None else end
    previous = quarter.previous()
    current: list[tuple[MeetingRecord, SituationEntry]] = []
    before: list[SituationEntry] = []
    for rec in sorted(plan.meetings, key=lambda r: (r.meeting.date, r.file)):
        if rec.meeting.date > known:
            continue  # recorded after the quarter: not known when it ended
        for entry in rec.meeting.situation:
            if week_in(entry.week, quarter):
                current.append((rec, entry))
            elif week_in(entry.week, previous):
                before.append(entry)
    entries = [e for _, e in current]
    prev_counts = Counter(e.category for e in before)
    by_cat: dict[Category, list[SituationEntry]] = {}
    for e in entries:
        by_cat.setdefault(e.category, []).append(e)
    categories = []
    for cat in {*by_cat, *prev_counts}:  # every category of either quarter
        items = by_cat.get(cat, [])
        categories.append(CategoryCount(cat, len(items), _events(items), prev_counts[cat]))
    categories.sort(key=lambda c: (-c.entries, -c.events, -c.previous_entries, c.category.value))
    by_area: dict[str, list[SituationEntry]] = {}
    for e in entries:
        by_area.setdefault(e.area, []).append(e)
    areas = [
        AreaCount(area, len(items), _events(items), _top(items)) for area, items in by_area.items()
    ]
    areas.sort(key=lambda a: (-a.entries, -a.events, a.area))
    bodies = plan.bodies()
    serious = tuple(
        (
            rec.meeting.date,
            bodies[rec.meeting.body].name if rec.meeting.body in bodies else rec.meeting.body,
            e,
        )
        for rec, e in current
        if e.assessment is not None and e.assessment >= 3
    )
    return SituationSummary(
        entries=len(entries),
        events=_events(entries),
        previous_entries=len(before),
        meetings=len({rec.file for rec, _ in current}),
        by_category=tuple(categories),
        by_area=tuple(areas),
        serious=serious,
        weeks=(min(e.week for e in entries), max(e.week for e in entries)) if entries else None,
    )


def _events(entries: Iterable[SituationEntry]) -> int:
    return sum(e.count or 1 for e in entries)


def _top(entries: list[SituationEntry]) -> tuple[Category, ...]:
    """The categories with the most entries, in the order of their names' values when they
    tie (a tie is shown as a tie, not settled by a rule the reader cannot see)."""
    counts = Counter(e.category for e in entries)
    most = max(counts.values())
    return tuple(sorted((c for c, n in counts.items() if n == most), key=lambda c: c.value))
