"""Follow-up as of a date: cadence kept or not, actions open or late, goals on track.

The plan files hold the state as last written (an action ``klar`` with its ``klar_datum``);
everything here is computed for a given day, so a brief for kvartal 1 2021 written in 2022
still shows what was open at the end of March 2021. Shared by ``trygg deadlines`` and the
quarterly brief.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from trygghet_cli.checks.geography import Place, in_place, own_place, trend_geography
from trygghet_cli.model.activities import Activity, ActivityStatus
from trygghet_cli.model.cadence import Cadence, Qualifier
from trygghet_cli.model.documents import Document
from trygghet_cli.model.goals import Goal
from trygghet_cli.model.indicators import Better, Indicator, Value
from trygghet_cli.model.meetings import Action, ActionStatus, MeetingKind
from trygghet_cli.model.organisation import Body, ReportingLine
from trygghet_cli.model.plan import MeetingRecord, Plan

# --- cadence ---------------------------------------------------------------------------------


def expected_occasions(cadence: Cadence, start: date, end: date) -> int:
    """How many occasions the cadence asks for between ``start`` and ``end`` (inclusive).

    Whole occasions only: six meetings a year ask for one in a quarter, not 1,5. Month-based
    cadences count calendar months (February is a whole month); weekly ones count days. An
    occasion counts as due once 95 % of its interval has passed. "Cirka" allows 15 % fewer.
    """
    if cadence.only_when_needed or end < start:
        return 0
    months = cadence.unit.months
    if months is None:
        units = ((end - start).days + 1) / cadence.unit.days
    else:
        units = _months_between(start, end) / months
    raw = cadence.times * units / cadence.every
    if cadence.qualifier is Qualifier.ABOUT:
        raw *= 0.85
    return math.floor(raw + 0.05)


def _months_between(start: date, end: date) -> float:
    """Calendar months from the start of ``start`` to the end of ``end``, with fractions."""
    whole = (end.year - start.year) * 12 + end.month - start.month
    end_fraction = end.day / calendar.monthrange(end.year, end.month)[1]
    start_fraction = (start.day - 1) / calendar.monthrange(start.year, start.month)[1]
    return whole + end_fraction - start_fraction


def next_due(cadence: Cadence, last: date | None, start: date) -> date | None:
    """When the next occasion is due: the interval after the last one (or after ``start``)."""
    interval = cadence.interval_days
    if interval is None:
        return None
    return (last or start) + timedelta(days=math.ceil(interval))


@dataclass(frozen=True)
class CadenceCheck:
    """Occasions held in a window against what a cadence asks for."""

    cadence: Cadence
    start: date
    end: date
    held: tuple[date, ...]
    expected: int
    next_due: date | None

    @property
    def count(self) -> int:
        return len(self.held)

    @property
    def shortfall(self) -> int:
        return max(0, self.expected - self.count)

    @property
    def last(self) -> date | None:
        return self.held[-1] if self.held else None


def check_cadence(
    cadence: Cadence,
    occasions: Iterable[date],
    start: date,
    end: date,
    history: Iterable[date] = (),
) -> CadenceCheck:
    """Compare ``occasions`` inside [start, end] with the cadence.

    ``history`` (occasions before ``start``) only sets when the next one is due.
    """
    held = tuple(sorted(d for d in occasions if start <= d <= end))
    before = sorted(d for d in history if d < start)
    last = held[-1] if held else (before[-1] if before else None)
    return CadenceCheck(
        cadence=cadence,
        start=start,
        end=end,
        held=held,
        expected=expected_occasions(cadence, start, end),
        next_due=next_due(cadence, last, start),
    )


def body_window(body: Body, start: date, end: date) -> tuple[date, date] | None:
    """The part of [start, end] in which the body existed, or None."""
    lo = max(start, body.start) if body.start else start
    hi = min(end, body.end) if body.end else end
    return (lo, hi) if lo <= hi else None


def meetings_of(plan: Plan, body_id: str) -> list[MeetingRecord]:
    return [r for r in plan.meetings if r.meeting.body == body_id]


def regular_meeting_dates(plan: Plan, body_id: str) -> list[date]:
    """Dates of the body's meetings that count towards its cadence (acute ones do not)."""
    return [
        r.meeting.date
        for r in meetings_of(plan, body_id)
        if r.meeting.kind is not MeetingKind.ACUTE
    ]


def meeting_cadence(plan: Plan, start: date, end: date) -> list[tuple[Body, CadenceCheck]]:
    """For every body with a meeting cadence, its meetings in [start, end] against it."""
    out = []
    for body in plan.bodies().values():
        if body.cadence is None or body.cadence.only_when_needed:
            continue
        window = body_window(body, start, end)
        if window is None:
            continue
        dates = regular_meeting_dates(plan, body.id)
        out.append((body, check_cadence(body.cadence, dates, window[0], window[1], dates)))
    return out


def report_deliveries(plan: Plan, line_id: str) -> list[date]:
    """Dates of the meetings at which a reporting line was delivered."""
    return sorted(r.meeting.date for r in plan.meetings if line_id in r.meeting.reports)


def reporting_cadence(
    plan: Plan, start: date, end: date
) -> list[tuple[Body, ReportingLine, CadenceCheck]]:
    out = []
    for body in plan.bodies().values():
        for line in body.reporting:
            lo = max(start, line.since) if line.since else start
            window = body_window(body, lo, end)
            if window is None:
                continue
            dates = report_deliveries(plan, line.id)
            out.append((body, line, check_cadence(line.cadence, dates, *window, dates)))
    return out


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


def goal_progress(
    goal: Goal, indicators: dict[str, Indicator], as_of: date, own: Place | None = None
) -> GoalProgress:
    """Where a goal stands on ``as_of``, as far as its indicator's values show."""
    indicator = indicators.get(goal.indicator) if goal.indicator else None
    if indicator is None or goal.target is None:
        return GoalProgress(goal, indicator, None, GoalState.NOT_MEASURED)
    known = [v for v in comparable_values(indicator, goal, own) if v.period.end <= as_of]
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
    improving = _better(indicator.better, latest.value, goal.baseline.value)
    return GoalProgress(
        goal, indicator, latest, GoalState.ON_TRACK if improving else GoalState.OFF_TRACK
    )


def goals_as_of(plan: Plan, as_of: date) -> list[GoalProgress]:
    indicators = plan.indicators_by_id()
    own = own_place(plan)
    return [goal_progress(g, indicators, as_of, own) for g in plan.goals_list()]


# --- documents -------------------------------------------------------------------------------


def add_interval(cadence: Cadence, day: date) -> date | None:
    """The day one interval of ``cadence`` after ``day``; None for "vid behov".

    Whole months are counted in the calendar (``varje år`` from 1 February is 1 February the
    next year; the 31st becomes the month's last day), weeks and uneven intervals in days.
    """
    interval = cadence.interval_days
    if interval is None:
        return None
    months = cadence.unit.months
    if months is not None and (months * cadence.every) % cadence.times == 0:
        step = months * cadence.every // cadence.times
        index = day.month - 1 + step
        year, month = day.year + index // 12, index % 12 + 1
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    return day + timedelta(days=math.ceil(interval))


class DocumentEvent(str, Enum):
    REVIEW = "revidering"
    EXPIRES = "upphör"


@dataclass(frozen=True)
class DocumentDeadline:
    """A steering document's next review (one interval after adoption) or its last valid day."""

    document: Document
    due: date
    event: DocumentEvent


def document_deadlines(plan: Plan) -> list[DocumentDeadline]:
    """Every document's next review and expiry, in date order; filter by window as needed.

    The review is due one ``revideras`` interval after ``antaget`` (or ``gäller_från``): a
    revised document is adopted again, which moves the date.
    """
    out = []
    for doc in plan.documents_by_id().values():
        start = doc.adopted or doc.valid_from
        if doc.review is not None and start is not None:
            due = add_interval(doc.review, start)
            if due is not None:
                out.append(DocumentDeadline(doc, due, DocumentEvent.REVIEW))
        if doc.valid_to is not None:
            out.append(DocumentDeadline(doc, doc.valid_to, DocumentEvent.EXPIRES))
    return sorted(out, key=lambda d: (d.due, d.document.id, d.event.value))


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
