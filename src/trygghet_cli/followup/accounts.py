"""One recurring duty (a body's meetings, a report, a follow-up) as of a day: the occasions its
cadence asks for, the ones held, and what is missed.

The rules, written out for users in ``docs/uppfoljning.md``:

* **Periods and slots.** The duty is counted from a fixed start (its *anchor*: the plan's
  ``planen_gäller_från``, the body's ``start`` or the reporting line's ``från`` when later).
  From there time is cut into periods: calendar years (the first one from the anchor), or, for
  a cadence longer than a year (``vartannat år``), spans of that length from the anchor. Each
  period is cut into the cadence's intervals (*slots*), and each slot asks for one occasion by
  its last day: ``4 gånger per år`` asks for one by 31 March, 30 June, 30 September and
  31 December. ``cirka`` asks for 85 % of a period's slots, rounded down.
* **Counting.** Occasions are taken in date order; each counts for the oldest occasion asked
  for that is still missing, in its own period or an earlier one, never a later one. So a late
  meeting or a late report makes up for the oldest one missed, and a missed occasion stays
  missed, however many periods pass, until a later occasion makes up for it.
* **Late by the count** (:attr:`LateRule.COUNT`): a slot has ended without its occasion.
* **Late by the interval** (:attr:`LateRule.INTERVAL`): more than one interval has passed since
  the last occasion (:func:`~trygghet_cli.followup.state.add_interval`), even if the count is
  kept.
* **Fixed dates** (an årshjul: ``varje år senast 31 december``, ``varje år i februari``,
  ``varje kvartal senast den 15:e``): each calendar year (or quarter, month …) asks for one
  occasion by its fixed day (:func:`~trygghet_cli.followup.state.fixed_periods`), counted from
  the first period that has not ended before the anchor and whose day is not before it, and
  counted in calendar years like the slots (the quarter is what the messages name). The
  interval rule does not apply: the dates are fixed.
* **Planned pauses** (``2 gånger per månad, uppehåll i juli``, or a body's ``uppehåll``): a
  slot that lies wholly in a pause asks for nothing (so the count for the year is smaller), a
  slot that ends in a pause is due on the first day after it, and the days of a pause do not
  count towards the interval after the last occasion. An occasion held in a pause still counts.
* A duty with an end (a working group's ``slut``) asks for nothing after it, and once the end
  has passed nothing more is reported for it.

An :class:`Account` is a plain value, cheap to compute for one duty and one day; every output
(the brief, ``trygg deadlines``, the calendar feed, the export) words the same one.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from trygghet_cli.followup.state import (
    ABOUT_SHARE,
    add_interval,
    after_pause,
    fixed_periods,
    occasion_due,
)
from trygghet_cli.model.cadence import Cadence, Qualifier, Unit

YEAR_MONTHS = 12
MAX_PERIODS = 400
"""A guard against an endless search for the next occasion (400 periods is 400 years)."""


class LateRule(str, Enum):
    """Why a recurring duty is late, or what sets the day its next occasion is due."""

    COUNT = "count"
    """Fewer occasions than the slots that have ended ask for (or, for the next occasion, the
    day its slot ends)."""
    INTERVAL = "interval"
    """More than one interval since the last occasion (or, for the next occasion, one interval
    after the last)."""


@dataclass(frozen=True, slots=True)
class Demand:
    """One occasion the cadence asks for."""

    period: date
    """The first day of the period (a year, or the cadence's span) it belongs to."""
    start: date
    """The first day of its slot."""
    due: date
    """The last day of its slot: the occasion is due by then."""
    covers: tuple[date, date] | None = None
    """For a fixed date: the calendar period (year, quarter …) the occasion is for, which its
    messages name (``rapporten för kvartal 1 2025``); None for a slot, named by itself."""

    @property
    def span(self) -> tuple[date, date]:
        """The days the occasion is for: its fixed date's period, or its slot."""
        return self.covers or (self.start, self.due)


@dataclass(frozen=True, slots=True)
class Account:
    """One recurring duty on one day. Plain data: dates, counts and tuples of them."""

    cadence: Cadence
    anchor: date
    """Where the counting starts (fixed: it never moves with the day judged)."""
    as_of: date
    end: date | None
    """The duty's last day (a working group's ``slut``), if any."""
    occasions: tuple[date, ...]
    """Every occasion on or before ``as_of``, in order (also those before the anchor)."""
    demands: tuple[Demand, ...]
    """Every occasion asked for in the periods begun by ``as_of``, in order of their slots."""
    counted: int
    """How many of :attr:`demands` are met (always the first ones)."""
    since: date
    """The first day of the open account: the period of the oldest missed occasion, or the
    current period when nothing is missed."""
    held: int
    """Occasions that count for the periods from :attr:`since` on."""
    required: int
    """Occasions asked for from :attr:`since` whose slot ended before ``as_of``, and those due
    on ``as_of`` that are already held: an occasion due on the day judged is due, not missing,
    on that day."""
    missed: tuple[Demand, ...]
    """Occasions asked for whose slot ended before ``as_of`` and that no occasion met, oldest
    first."""
    next: Demand | None
    """The first occasion asked for that is not met yet (possibly in a later period); None when
    the duty ends first."""
    after_last: date | None
    """One interval after the last occasion; None when nothing was held, or when that day came
    before the anchor."""
    coming: Demand | None = None
    """The first occasion asked for that is not met and not yet late (due on ``as_of`` or
    later): :attr:`next` when nothing is missed; while something is, the occasion that falls
    due next all the same (the 2026 report while the 2025 one is late). None when the duty
    ends first."""

    @property
    def missing(self) -> int:
        """Occasions asked for whose day has passed and that are not held."""
        return max(0, self.required - self.held)

    @property
    def last(self) -> date | None:
        return self.occasions[-1] if self.occasions else None

    @property
    def due(self) -> date | None:
        """The day the next occasion is due: its slot's last day, or one interval after the
        last occasion when that comes first; None when the duty ends before either."""
        candidates = [d for d in (self.next.due if self.next else None, self.after_last) if d]
        if not candidates:
            return None
        day = min(candidates)
        return None if self.end is not None and day > self.end else day

    @property
    def due_rule(self) -> LateRule | None:
        """Which rule sets :attr:`due`."""
        due = self.due
        if due is None:
            return None
        by_interval = self.after_last is not None and self.after_last == due
        if by_interval and (self.next is None or due < self.next.due):
            return LateRule.INTERVAL
        return LateRule.COUNT

    @property
    def late(self) -> tuple[LateRule, ...]:
        """The rules by which the duty is late on ``as_of`` (empty when it is not)."""
        rules = []
        if self.missed:
            rules.append(LateRule.COUNT)
        if self.interval_passed:
            rules.append(LateRule.INTERVAL)
        return tuple(rules)

    @property
    def interval_passed(self) -> bool:
        """More than one interval has passed since the last occasion (within the duty's end)."""
        return (
            self.after_last is not None
            and self.after_last < self.as_of
            and (self.end is None or self.after_last <= self.end)
        )

    @property
    def late_since(self) -> date | None:
        """The first day the duty has been late from (the day before it, its deadline)."""
        days = []
        if self.missed:
            days.append(self.missed[0].due)
        if self.interval_passed and self.after_last is not None:
            days.append(self.after_last)
        return min(days) if days else None

    def in_range(self, start: date, end: date) -> tuple[Demand, ...]:
        """The occasions asked for whose slot ends in [start, end]."""
        return tuple(d for d in self.demands if start <= d.due <= end)

    def held_in(self, start: date, end: date) -> tuple[date, ...]:
        """The occasions held in [start, end]."""
        return tuple(d for d in self.occasions if start <= d <= end)


def account(
    cadence: Cadence,
    occasions: Iterable[date],
    anchor: date,
    as_of: date,
    end: date | None = None,
) -> Account | None:
    """The duty's account on ``as_of``; None when nothing recurs (``vid behov``) or the duty has
    ended. Before counting begins (``as_of`` before the anchor) nothing is asked for yet, and
    the next occasion is the first one after the anchor: a look-ahead from before a plan's
    start holds what falls due after it."""
    if cadence.only_when_needed or (end is not None and end < as_of):
        return None
    held = sorted(d for d in occasions if d <= as_of and (end is None or d <= end))
    demands: list[Demand] = []
    current = anchor
    following: date | None = None
    upcoming: Demand | None = None
    if cadence.fixed:
        demands, upcoming = fixed_demands(cadence, anchor, as_of, end)
        current = demands[-1].period if demands else anchor
    else:
        for start in _period_starts(cadence, anchor):
            if start > as_of:
                following = start
                break
            current = start
            demands.extend(_demands(cadence, start, _period_end(cadence, anchor, start), end))
    after = upcoming
    counted = 0
    for day in held:
        if day < anchor:
            continue
        if counted < len(demands) and demands[counted].period <= day:
            counted += 1
    missed = tuple(d for d in demands[counted:] if d.due < as_of)
    since = missed[0].period if missed else current
    before = sum(1 for d in demands[:counted] if d.period < since)
    required = sum(
        1
        for i, d in enumerate(demands)
        if d.period >= since and (d.due < as_of or (d.due == as_of and i < counted))
    )
    if after is None and following is not None and (counted == len(demands) or missed):
        after = _first_demand(cadence, anchor, following, end)
    upcoming = demands[counted] if counted < len(demands) else after
    coming = next((d for d in demands[counted:] if d.due >= as_of), after)
    if upcoming is not None and end is not None and upcoming.due > end:
        upcoming = None
    if coming is not None and end is not None and coming.due > end:
        coming = None
    last = held[-1] if held else None
    after_last = add_interval(cadence, last) if last is not None and not cadence.fixed else None
    if after_last is not None and last is not None:
        after_last = _beyond_pauses(cadence, last, after_last)
    if after_last is not None and after_last < anchor:
        after_last = None  # the interval ran out before counting began: the slots decide
    return Account(
        cadence=cadence,
        anchor=anchor,
        as_of=as_of,
        end=end,
        occasions=tuple(held),
        demands=tuple(demands),
        counted=counted,
        since=since,
        held=counted - before,
        required=required,
        missed=missed,
        next=upcoming,
        after_last=after_last,
        coming=coming,
    )


# --- periods and slots -----------------------------------------------------------------------


def span_months(cadence: Cadence) -> int | None:
    """Months in one period of a cadence longer than a year (24 for ``vartannat år``); None for
    a cadence counted in calendar years."""
    months = cadence.unit.months
    if months is None:
        return None
    span = months * cadence.every
    return span if span > YEAR_MONTHS else None


def _span_weeks(cadence: Cadence) -> int | None:
    if cadence.unit is not Unit.WEEK or cadence.every * 7 <= 366:
        return None
    return cadence.every


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _period_starts(cadence: Cadence, anchor: date) -> Iterator[date]:
    months = span_months(cadence)
    weeks = _span_weeks(cadence)
    for n in range(MAX_PERIODS * 12):
        if months is not None:
            yield _add_months(anchor, months * n)
        elif weeks is not None:
            yield anchor + timedelta(weeks=weeks * n)
        elif n == 0:
            yield anchor
        elif anchor.year + n <= date.max.year:
            yield date(anchor.year + n, 1, 1)
        else:
            return


def _period_end(cadence: Cadence, anchor: date, start: date) -> date:
    months = span_months(cadence)
    weeks = _span_weeks(cadence)
    if months is not None:
        # count from the anchor, so that the 31st does not drift to the 28th
        n = round(((start.year - anchor.year) * 12 + start.month - anchor.month) / months)
        return _add_months(anchor, months * (n + 1)) - timedelta(days=1)
    if weeks is not None:
        return start + timedelta(weeks=weeks, days=-1)
    return date(start.year, 12, 31)


def _demands(cadence: Cadence, start: date, last: date, end: date | None) -> list[Demand]:
    """The occasions a period [start, last] asks for, without those due after ``end``."""
    ends: list[date] = []
    while True:
        due = occasion_due(cadence, start, len(ends) + 1)
        if due is None or due > last:
            break
        ends.append(due)
    slots = [(ends[i - 1] + timedelta(days=1) if i else start, due) for i, due in enumerate(ends)]
    if cadence.pauses:
        slots = [s for s in slots if not _wholly_paused(cadence, *s)]
    required = len(slots)
    if cadence.qualifier is Qualifier.ABOUT:
        required = required * ABOUT_SHARE // 100
    out = []
    for j in range(1, required + 1):
        index = -(-j * 100 // ABOUT_SHARE) if cadence.qualifier is Qualifier.ABOUT else j
        slot_start, due = slots[index - 1]
        if cadence.paused(due):
            after = after_pause(cadence, due)
            out.append(Demand(start, slot_start, after, (slot_start, due)))
        else:
            out.append(Demand(start, slot_start, due))
        if end is not None and out[-1].due > end:
            out.pop()
            break
    return out


def _wholly_paused(cadence: Cadence, first: date, last: date) -> bool:
    return all(cadence.paused(first + timedelta(days=n)) for n in range((last - first).days + 1))


def _beyond_pauses(cadence: Cadence, last: date, day: date) -> date:
    """``day`` (one interval after ``last``) moved on by the paused days between them: the days
    of a planned pause do not count towards the interval."""
    counted_to = last
    while cadence.pauses:
        extra = sum(
            1
            for n in range(1, (day - counted_to).days + 1)
            if cadence.paused(counted_to + timedelta(days=n))
        )
        if not extra:
            break
        counted_to, day = day, day + timedelta(days=extra)
    return day


def fixed_demands(
    cadence: Cadence, anchor: date, as_of: date, end: date | None
) -> tuple[list[Demand], Demand | None]:
    """A fixed-date cadence's occasions in the periods begun by ``as_of``, and the first one
    after them (None when the duty ends first)."""
    found: list[Demand] = []
    for first, last, due in fixed_periods(cadence, anchor):
        if due < anchor or last < anchor:
            continue  # its period ended, or its day passed, before counting began
        if end is not None and due > end:
            return found, None
        # counted in calendar years, as the slots of other cadences are
        year = max(date(first.year, 1, 1), anchor)
        demand = Demand(year, max(first, anchor), due, (first, last))
        if first > as_of:
            return found, demand
        found.append(demand)
    return found, None


def _first_demand(cadence: Cadence, anchor: date, start: date, end: date | None) -> Demand | None:
    """The first occasion asked for in the period that begins on ``start`` or a later one."""
    starts = _period_starts(cadence, anchor)
    for period in starts:
        if period < start:
            continue
        if end is not None and period > end:
            return None
        found = _demands(cadence, period, _period_end(cadence, anchor, period), end)
        if found:
            return found[0]
    return None
