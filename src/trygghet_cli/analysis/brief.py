"""The quarterly brief as data: what happened in a quarter, and what is due in the next.

Everything is computed as of the quarter's last day, so the brief for kvartal 1 2021 shows what
was open or late on 31 March 2021, even when it is written later. What is late and what falls
due comes from the same core as ``trygg deadlines``
(:func:`~trygghet_cli.followup.deadlines.plan_deadlines`, as of the quarter's last day with the
next quarter as the window), so the two always agree; the tables of meetings and reports per
quarter count with :mod:`trygghet_cli.followup.state`, as the deadlines do. The result is
plain dataclasses; wording and formats are the renderer's job.

The brief's actions are summarised in :mod:`trygghet_cli.analysis.brief_actions`, its situation
picture in :mod:`trygghet_cli.analysis.brief_situation`; the meetings, reports, decisions and
goals, and the brief as a whole, here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from trygghet_cli.analysis.brief_actions import ActionsSummary, actions_summary, who
from trygghet_cli.analysis.brief_situation import SituationSummary, situation_summary
from trygghet_cli.analysis.comparison import Comparison, comparison_rows
from trygghet_cli.analysis.comparison import comparisons as compare
from trygghet_cli.followup import state
from trygghet_cli.followup.base import Deadline, Kind, PlanContext, Window
from trygghet_cli.followup.base import Status as DeadlineStatus
from trygghet_cli.followup.deadlines import plan_deadlines
from trygghet_cli.followup.geography import own_place
from trygghet_cli.followup.recurring import meeting_window, report_window
from trygghet_cli.followup.state import GoalProgress, GoalState
from trygghet_cli.loading.plan import LoadedPlan
from trygghet_cli.model.cadence import Cadence
from trygghet_cli.model.goals import Goal, GoalArea
from trygghet_cli.model.meetings import Decision, MeetingKind
from trygghet_cli.model.national import NationalData
from trygghet_cli.model.organisation import Body, ReportingLine
from trygghet_cli.model.periods import Period
from trygghet_cli.model.plan import MeetingRecord, Plan


class Status(str, Enum):
    """How a body's meetings or a reporting line stand at the quarter's end, judged as
    ``trygg deadlines`` judges them on that day."""

    OK = "ok"
    LATE = "late"
    """The next occasion is overdue: fewer than the cadence asked for in the year so far, or
    none within one interval of the last."""
    DUE = "due"
    """The next occasion falls due on the quarter's last day and has not been held."""
    NONE = "none"
    """No schedule (no cadence, ``vid behov``), or nothing asked for in the quarter."""


def _status(expected: int | None, deadline: Deadline | None, end: date) -> Status:
    if expected is None:
        return Status.NONE
    if deadline is not None and deadline.status is DeadlineStatus.OVERDUE:
        return Status.LATE
    if deadline is not None and deadline.date <= end:
        return Status.DUE
    return Status.OK if expected else Status.NONE


@dataclass(frozen=True)
class BodyMeetings:
    body: Body
    held: tuple[date, ...]
    extra: tuple[date, ...]
    """Acute meetings: held, but not counted against the cadence."""
    expected: int | None
    """Meetings the cadence asks for in the quarter (the year's slots that end in it); None
    when the body has no schedule (no cadence, ``vid behov`` or ``löpande``)."""
    deadline: Deadline | None
    """The body's meeting deadline as ``trygg deadlines`` gives it at the quarter's end."""
    status: Status
    so_far: tuple[int, int] | None = None
    """Meetings held and asked for in the year so far, at the quarter's end (its period: from
    1 January, or from when the plan or the body starts)."""

    @property
    def cadence(self) -> Cadence | None:
        return self.body.cadence


@dataclass(frozen=True)
class ReportDeliveries:
    body: Body
    line: ReportingLine
    recipients: tuple[str, ...]
    held: tuple[date, ...]
    """Deliveries in the quarter."""
    expected: int
    """Deliveries the cadence asks for in the quarter."""
    deadline: Deadline | None
    status: Status
    so_far: tuple[int, int] | None = None
    """Deliveries made and asked for in the year so far, at the quarter's end."""

    @property
    def count(self) -> int:
        return len(self.held)


@dataclass(frozen=True)
class MeetingDecisions:
    day: date
    body: str
    kind: MeetingKind
    decisions: tuple[Decision, ...]


@dataclass(frozen=True)
class GoalItem:
    area: GoalArea
    progress: GoalProgress
    owner: str

    @property
    def goal(self) -> Goal:
        return self.progress.goal

    @property
    def status(self) -> Status:
        state = self.progress.state
        if state in (GoalState.ACHIEVED, GoalState.ON_TRACK):
            return Status.OK
        if state in (GoalState.OFF_TRACK, GoalState.MISSED):
            return Status.LATE
        return Status.NONE


@dataclass(frozen=True)
class Brief:
    plan: Plan
    quarter: Period
    meetings: tuple[BodyMeetings, ...]
    reports: tuple[ReportDeliveries, ...]
    decisions: tuple[MeetingDecisions, ...]
    actions: ActionsSummary
    goals: tuple[GoalItem, ...]
    situation: SituationSummary
    deadlines: tuple[Deadline, ...]
    """What ``trygg deadlines`` gives as of the quarter's last day, with the next quarter as
    the window: overdue first, then by date."""
    comparisons: tuple[Comparison, ...] = field(default=())
    """The plan's indicators against the national figures known at the quarter's end."""
    illustrative: bool = False

    @property
    def start(self) -> date:
        return self.quarter.start

    @property
    def end(self) -> date:
        return self.quarter.end

    @property
    def next_quarter(self) -> Period:
        return self.quarter.next()

    @property
    def overdue(self) -> tuple[Deadline, ...]:
        """Late at the quarter's end."""
        return tuple(d for d in self.deadlines if d.status is DeadlineStatus.OVERDUE)

    @property
    def upcoming(self) -> tuple[Deadline, ...]:
        """Not late yet, and due by the end of the next quarter (or on the quarter's last
        day)."""
        return tuple(d for d in self.deadlines if d.status is DeadlineStatus.DUE_SOON)

    @property
    def meeting_count(self) -> int:
        return sum(len(m.held) + len(m.extra) for m in self.meetings)

    @property
    def decision_count(self) -> int:
        return sum(len(m.decisions) for m in self.decisions)


def deadline_window(quarter: Period) -> Window:
    """As of the quarter's last day, up to the end of the next quarter."""
    return Window(quarter.end, (quarter.next().end - quarter.end).days)


def build_brief(loaded: LoadedPlan, quarter: Period, national: NationalData | None = None) -> Brief:
    """The brief for ``quarter`` (any period works; briefs are written per quarter)."""
    plan = loaded.plan
    start, end = quarter.start, quarter.end
    in_quarter = [r for r in plan.meetings if start <= r.meeting.date <= end]
    window = deadline_window(quarter)
    deadlines = tuple(plan_deadlines(loaded, window))
    ctx = PlanContext(loaded, window)
    by_key = {(d.kind, d.key): d for d in deadlines}
    comparisons: tuple[Comparison, ...] = ()
    if national is not None:
        comparisons = tuple(compare(comparison_rows([plan], national, until=end)))
    return Brief(
        plan=plan,
        quarter=quarter,
        meetings=tuple(_meetings(ctx, quarter, by_key)),
        reports=tuple(_reports(ctx, quarter, by_key)),
        decisions=tuple(_decisions(plan, in_quarter)),
        actions=actions_summary(plan, start, end),
        goals=tuple(_goals(plan, end)),
        situation=situation_summary(plan, quarter),
        deadlines=deadlines,
        comparisons=comparisons,
        illustrative=_uses_illustrative(plan, in_quarter),
    )


@dataclass(frozen=True)
class _Count:
    in_quarter: int
    so_far: tuple[int, int] | None


def _count(
    cadence: Cadence, period: tuple[date, date] | None, occasions: Iterable[date], quarter: Period
) -> _Count:
    """What the year's slots ask for inside the quarter, and held against asked for in the
    year so far (``period``: the duty's period so far at the quarter's end, whose start
    anchors the slots)."""
    if period is None:
        return _Count(0, None)
    lo, hi = period
    before = state.expected_occasions(cadence, lo, quarter.start - timedelta(days=1))
    so_far = state.expected_occasions(cadence, lo, hi)
    held = sum(1 for d in occasions if lo <= d <= hi)
    return _Count(so_far - before, (held, so_far))


def _dates_in(dates: Iterable[date], lo: date, hi: date) -> tuple[date, ...]:
    return tuple(sorted(d for d in dates if lo <= d <= hi))


_Keyed = dict[tuple[Kind, str], Deadline]


def _meetings(ctx: PlanContext, quarter: Period, deadlines: _Keyed) -> Iterable[BodyMeetings]:
    plan = ctx.plan
    for body in plan.bodies().values():
        if not body.kind.meets:
            continue
        window = state.body_window(body, quarter.start, quarter.end)
        if window is None:
            continue
        acute = _dates_in(
            (
                r.meeting.date
                for r in state.meetings_of(plan, body.id)
                if r.meeting.kind is MeetingKind.ACUTE
            ),
            *window,
        )
        regular = state.regular_meeting_dates(plan, body.id)
        held = _dates_in(regular, *window)
        count = None
        if body.cadence is not None and not body.cadence.only_when_needed:
            count = _count(body.cadence, meeting_window(ctx, body), regular, quarter)
        if count is None and not held and not acute:
            continue
        expected = count.in_quarter if count else None
        deadline = deadlines.get((Kind.MEETING, body.id))
        status = _status(expected, deadline, quarter.end)
        so_far = count.so_far if count else None
        yield BodyMeetings(body, held, acute, expected, deadline, status, so_far)


def _reports(ctx: PlanContext, quarter: Period, deadlines: _Keyed) -> Iterable[ReportDeliveries]:
    plan = ctx.plan
    bodies = plan.bodies()
    for body in bodies.values():
        for line in body.reporting:
            lo = max(quarter.start, line.since) if line.since else quarter.start
            window = state.body_window(body, lo, quarter.end)
            if window is None:
                continue
            deliveries = state.report_deliveries(plan, line.id)
            held = _dates_in(deliveries, *window)
            count = None
            if not line.cadence.only_when_needed:
                count = _count(line.cadence, report_window(ctx, body, line), deliveries, quarter)
            elif not held:
                continue
            expected = count.in_quarter if count else None
            deadline = deadlines.get((Kind.REPORT, line.id))
            status = _status(expected, deadline, quarter.end)
            names = tuple(bodies[r].name if r in bodies else r for r in line.to)
            so_far = count.so_far if count else None
            yield ReportDeliveries(body, line, names, held, expected or 0, deadline, status, so_far)


def _decisions(plan: Plan, records: list[MeetingRecord]) -> Iterable[MeetingDecisions]:
    bodies = plan.bodies()
    for rec in sorted(records, key=lambda r: (r.meeting.date, r.file)):
        m = rec.meeting
        if m.decisions:
            name = bodies[m.body].name if m.body in bodies else m.body
            yield MeetingDecisions(m.date, name, m.kind, tuple(m.decisions))


def _goals(plan: Plan, as_of: date) -> Iterable[GoalItem]:
    if plan.goals is None:
        return
    indicators = plan.indicators_by_id()
    own = own_place(plan)
    for area in plan.goals.areas:
        for top in area.goals:
            for goal, _ in top.walk(()):
                progress = state.goal_progress(goal, indicators, as_of, own)
                owner = who(plan, goal.owner) if goal.owner else ""
                yield GoalItem(area, progress, owner)


def _uses_illustrative(plan: Plan, records: list[MeetingRecord]) -> bool:
    if any(r.meeting.illustrative for r in records):
        return True
    if any(g.illustrative for g in plan.goals_list()):
        return True
    return any(v.illustrative for i in plan.indicators_by_id().values() for v in i.values)
