"""Follow-up as of a date: cadence kept or not, actions open or late, goals on track.

The plan files hold the state as last written (an action ``klar`` with its ``klar_datum``);
everything here is computed for a given day, so a brief for kvartal 1 2021 written in 2022
still shows what was open at the end of March 2021. Shared by ``trygg deadlines`` and the
quarterly brief.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache

from trygghet_cli.followup.geography import Place, in_place, own_place, trend_geography
from trygghet_cli.model.activities import Activity, ActivityStatus
from trygghet_cli.model.cadence import Cadence, Qualifier
from trygghet_cli.model.goals import Goal
from trygghet_cli.model.indicators import Better, Indicator, Value
from trygghet_cli.model.meetings import Action, ActionStatus, MeetingKind
from trygghet_cli.model.national import NationalData
from trygghet_cli.model.organisation import Body
from trygghet_cli.model.plan import MeetingRecord, Plan

# --- cadence ---------------------------------------------------------------------------------
#
# The arithmetic of every recurring duty (meetings, reports, follow-ups); the accounting of
# occasions held against it is :mod:`trygghet_cli.followup.accounts`:
#
# * **slots**: a period (a year from 1 January, or from when the plan, the body or the duty
#   starts) is cut into the cadence's intervals, and each interval asks for one occasion by its
#   last day. Four times a year from 1 January asks for one by 31 March, 30 June, 30 September
#   and 31 December; every other week, by 14 January, 28 January …; that is, the n-th occasion
#   is due the day before n intervals have passed (:func:`occasion_due`). "Cirka" asks for 85 %
#   of the slots, rounded down.
# * **interval**: the next occasion is also due one interval after the last one
#   (:func:`add_interval`), whichever of the two comes first.
#
# Both count intervals the same way: whole calendar months where the interval is a whole number
# of months, else days.
#
# A **fixed date** (an årshjul date: ``varje år senast 31 december``, ``varje kvartal senast den
# 15:e``) has neither: each calendar period (a year, or a quarter, month, tertial or half-year
# from 1 January) asks for one occasion by its fixed day (:func:`fixed_periods`).

YEAR_MONTHS = 12
ABOUT_SHARE = 85
"""Percent of its slots that a "cirka" cadence asks for."""


def add_interval(cadence: Cadence, day: date) -> date | None:
    """The day one interval of ``cadence`` after ``day``; None for "vid behov".

    Whole months are counted in the calendar (``varje år`` from 1 February is 1 February the
    next year; the 31st becomes the month's last day, and a month's last day stays the last
    day: quarterly from 30 September is 31 December), weeks and uneven intervals in days
    (rounded to the nearest day).
    """
    interval = cadence.interval_days
    if interval is None:
        return None
    if cadence.fixed:
        return next((due for _, _, due in fixed_periods(cadence, day) if due > day), None)
    months = cadence.unit.months
    if months is not None and (months * cadence.every) % cadence.times == 0:
        step = months * cadence.every // cadence.times
        index = day.month - 1 + step
        year, month = day.year + index // 12, index % 12 + 1
        last = calendar.monthrange(year, month)[1]
        if day.day == calendar.monthrange(day.year, day.month)[1]:
            return date(year, month, last)  # 31 March, 30 June, 30 September, 31 December
        return date(year, month, min(day.day, last))
    return day + timedelta(days=math.floor(interval + 0.5))


def after_pause(cadence: Cadence, day: date) -> date:
    """The first day on or after ``day`` that is not in one of the cadence's planned pauses:
    what falls due in a pause is due the day after it."""
    while cadence.paused(day):
        day += timedelta(days=1)
    return day


def fixed_periods(cadence: Cadence, start: date) -> Iterator[tuple[date, date, date]]:
    """The calendar periods of a fixed-date cadence from the one that holds ``start``, each as
    (first day, last day, due day), in order (for 400 years at most).

    * ``varje år senast 31 december``, ``varje år i februari``: each calendar year, due on the
      day (a month alone: its last day; 29 February: 28 February in other years) of that year;
    * ``varje kvartal senast den 15:e`` (likewise ``månad``, ``tertial``, ``halvår``): each
      calendar quarter, due on the 15th of the month after it (kvartal 1 by 15 April, kvartal 4
      by 15 January the next year; a day the month lacks is its last day).
    """
    months = cadence.unit.months or YEAR_MONTHS
    first = date(start.year, (start.month - 1) // months * months + 1, 1)
    for n in range(400 * YEAR_MONTHS // months):
        index = first.month - 1 + n * months
        year, month = first.year + index // YEAR_MONTHS, index % YEAR_MONTHS + 1
        if year + 1 > date.max.year:
            return
        period_start = date(year, month, 1)
        after = _month_start(period_start, months)
        last = after - timedelta(days=1)
        if cadence.due_month is not None:
            due_year, due_month = year, cadence.due_month
        else:
            due_year, due_month = after.year, after.month
        days = calendar.monthrange(due_year, due_month)[1]
        day = days if cadence.due_day is None else min(cadence.due_day, days)
        yield period_start, last, date(due_year, due_month, day)


def _month_start(day: date, months: int) -> date:
    """The first of the month ``months`` months after ``day``'s month."""
    index = day.month - 1 + months
    return date(day.year + index // YEAR_MONTHS, index % YEAR_MONTHS + 1, 1)


def occasion_due(cadence: Cadence, start: date, n: int) -> date | None:
    """The last day of the ``n``-th slot of a period that begins on ``start``: the day before
    ``n`` intervals after it, counted at once (so that the 31st does not drift to the 28th)."""
    following = add_interval(replace(cadence, every=cadence.every * n), start)
    return following - timedelta(days=1) if following is not None else None


def _required(cadence: Cadence, slots: int) -> int:
    """Occasions that ``slots`` slots ask for: all of them, or 85 % for "cirka"."""
    if cadence.qualifier is Qualifier.ABOUT:
        return slots * ABOUT_SHARE // 100
    return slots


def required_due(cadence: Cadence, start: date, k: int) -> date | None:
    """When the ``k``-th occasion the cadence asks for in the period is due (``k`` ≥ 1)."""
    slot = k
    if cadence.qualifier is Qualifier.ABOUT:
        slot = -(-k * 100 // ABOUT_SHARE)  # the first slot count that asks for k
    return occasion_due(cadence, start, slot)


def expected_occasions(cadence: Cadence, start: date, end: date) -> int:
    """How many occasions the cadence asks for by ``end`` in a period that began on ``start``:
    the slots that end on or before ``end`` (85 % of them for "cirka")."""
    if cadence.only_when_needed or end < start:
        return 0
    slots = 0
    while True:
        due = occasion_due(cadence, start, slots + 1)
        if due is None or due > end:
            return _required(cadence, slots)
        slots += 1


def body_window(body: Body, start: date, end: date) -> tuple[date, date] | None:
    """The part of [start, end] in which the body existed, or None."""
    lo = max(start, body.start) if body.start else start
    hi = min(end, body.end) if body.end else end
    return (lo, hi) if lo <= hi else None


def meetings_held_by(plan: Plan, day: date) -> list[MeetingRecord]:
    """The meetings of the log held on or before ``day``, by date: one dated later has not
    been held, whatever its file says (every output counts these and no others)."""
    return sorted(
        (r for r in plan.meetings if r.meeting.date <= day),
        key=lambda r: (r.meeting.date, r.file),
    )


def meetings_of(plan: Plan, body_id: str) -> list[MeetingRecord]:
    return [r for r in plan.meetings if r.meeting.body == body_id]


def regular_meeting_dates(plan: Plan, body_id: str) -> list[date]:
    """Dates of the body's meetings that count towards its cadence (acute ones do not)."""
    return [
        r.meeting.date
        for r in meetings_of(plan, body_id)
        if r.meeting.kind is not MeetingKind.ACUTE
    ]


def report_deliveries(plan: Plan, line_id: str) -> list[date]:
    """Dates of the meetings at which a reporting line was delivered."""
    return sorted(r.meeting.date for r in plan.meetings if line_id in r.meeting.reports)


# --- actions ---------------------------------------------------------------------------------


class ActionState(str, Enum):
    OPEN = "öppen"
    OVERDUE = "försenad"
    DONE = "klar"
    DONE_LATE = "klar_sent"
    CANCELLED = "avbruten"


@dataclass(frozen=True)
class ActionView:
    record: MeetingRecord
    action: Action
    state: ActionState

    @property
    def created(self) -> date:
        return self.action.created or self.record.meeting.date


def action_state(action: Action, created: date, as_of: date) -> ActionState | None:
    """The action's state on ``as_of``; None if it did not exist yet."""
    if created > as_of:
        return None
    done = action.status is ActionStatus.DONE and (
        action.done_date is None or action.done_date <= as_of
    )
    if done:
        late = action.done_date is not None and action.done_date > action.due
        return ActionState.DONE_LATE if late else ActionState.DONE
    if action.status is ActionStatus.CANCELLED:
        return ActionState.CANCELLED
    return ActionState.OVERDUE if action.due < as_of else ActionState.OPEN


def actions_as_of(plan: Plan, as_of: date) -> list[ActionView]:
    out = []
    for record, action in plan.actions():
        created = action.created or record.meeting.date
        state = action_state(action, created, as_of)
        if state is not None:
            out.append(ActionView(record, action, state))
    return sorted(out, key=lambda v: (v.action.due, v.action.id))


# --- goals -----------------------------------------------------------------------------------


class GoalState(str, Enum):
    ACHIEVED = "uppnått"
    ON_TRACK = "på_väg"
    OFF_TRACK = "fel_håll"
    UNCHANGED = "oförändrat"
    MISSED = "ej_uppnått"
    NO_DATA = "saknar_mätning"
    NOT_MEASURED = "mäts_inte"


@dataclass(frozen=True)
class GoalProgress:
    goal: Goal
    indicator: Indicator | None
    latest: Value | None
    state: GoalState

    @property
    def baseline(self) -> float | None:
        return self.goal.baseline.value if self.goal.baseline else None

    @property
    def target(self) -> float | None:
        return self.goal.target.value if self.goal.target else None


def _better(direction: Better, value: float, reference: float) -> bool:
    return value < reference if direction is Better.LOWER else value > reference


def _reached(direction: Better, value: float, target: float) -> bool:
    return value <= target if direction is Better.LOWER else value >= target


def comparable_values(indicator: Indicator, goal: Goal, own: Place | None = None) -> list[Value]:
    """The indicator's values in the geography the goal is measured in, in period order.

    The rule of :func:`trend_geography`, with the goal's baseline period as the reference: a
    national figure, or the city's figure in a district's plan, never counts as the plan's
    own. ``own`` is the plan's geography (:func:`own_place`), preferred when there is a choice.
    """
    at = goal.baseline.period if goal.baseline is not None else None
    return in_place(indicator.values, trend_geography(indicator.values, at=at, own=own))


def edition_key(edition: str) -> str:
    """An edition's name as it is compared: ``NTU  2021`` and ``ntu 2021`` alike."""
    return " ".join(edition.split()).casefold()


def editions_published(national: NationalData) -> dict[str, date]:
    """The day each publication (``utgåva``) of the national figures came out, where the
    source gives it: ``NTU 2021`` → 12 October 2021."""
    out: dict[str, date] = {}
    for series in national.series:
        for v in series.values:
            if v.edition and v.published:
                key = edition_key(v.edition)
                out[key] = min(out.get(key, v.published), v.published)
    return out


@lru_cache(maxsize=1)
def _shipped_editions() -> dict[str, date]:
    from trygghet_cli.loading.national import national_data

    return editions_published(national_data())


def value_known_on(value: Value, day: date, editions: dict[str, date] | None = None) -> bool:
    """Whether a plan's value could be known on ``day``: its period has ended, and a value
    from a publication whose date is known (``utgåva: NTU 2021``, out 12 October 2021; from
    ``editions``, by default trygg's national figures) had been published. The kommun's NTU
    figure for 2020 comes in the same release as the country's, so a brief for kvartal 1 2021
    has neither."""
    if value.period.end > day:
        return False
    if not value.edition:
        return True
    published = (_shipped_editions() if editions is None else editions).get(
        edition_key(value.edition)
    )
    return published is None or published <= day


def goal_progress(
    goal: Goal, indicators: dict[str, Indicator], as_of: date, own: Place | None = None
) -> GoalProgress:
    """Where a goal stands on ``as_of``, as far as its indicator's values show."""
    indicator = indicators.get(goal.indicator) if goal.indicator else None
    if indicator is None or goal.target is None:
        return GoalProgress(goal, indicator, None, GoalState.NOT_MEASURED)
    known = [v for v in comparable_values(indicator, goal, own) if value_known_on(v, as_of)]
    baseline_period = goal.baseline.period if goal.baseline else None
    later = [v for v in known if baseline_period is None or v.period > baseline_period]
    latest = known[-1] if known else None
    if (
        latest is not None
        and _reached(indicator.better, latest.value, goal.target.value)
        and (later or goal.baseline is None)
    ):
        return GoalProgress(goal, indicator, latest, GoalState.ACHIEVED)
    if goal.due is not None and goal.due < as_of:
        return GoalProgress(goal, indicator, latest, GoalState.MISSED)
    if not later or latest is None or goal.baseline is None:
        return GoalProgress(goal, indicator, latest, GoalState.NO_DATA)
    if latest.value == goal.baseline.value:
        return GoalProgress(goal, indicator, latest, GoalState.UNCHANGED)
    improving = _better(indicator.better, latest.value, goal.baseline.value)
    return GoalProgress(
        goal, indicator, latest, GoalState.ON_TRACK if improving else GoalState.OFF_TRACK
    )


def goals_as_of(plan: Plan, as_of: date) -> list[GoalProgress]:
    indicators = plan.indicators_by_id()
    own = own_place(plan)
    return [goal_progress(g, indicators, as_of, own) for g in plan.goals_list()]


# --- activities ------------------------------------------------------------------------------


def activity_done_by(activity: Activity, as_of: date) -> bool:
    """Whether the activity was done (or cancelled) on ``as_of``, as far as the plan shows."""
    if activity.status is ActivityStatus.CANCELLED:
        return True
    if activity.status is not ActivityStatus.DONE:
        return False
    return activity.done_date is None or activity.done_date <= as_of


def activity_late(activity: Activity, as_of: date) -> bool:
    """Past its ``klart_senast`` on ``as_of`` and not done by then."""
    return (
        activity.due is not None and activity.due < as_of and not activity_done_by(activity, as_of)
    )
