"""The quarterly brief as data: what happened in a quarter, and what is due in the next.

Everything is computed as of the quarter's last day with :mod:`trygghet_cli.checks.followup`,
so the brief for kvartal 1 2021 shows what was open or late on 31 March 2021, even when it is
written later. The result is plain dataclasses; wording and formats are the renderer's job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from typing import TYPE_CHECKING

from trygghet_cli.checks import followup
from trygghet_cli.checks.followup import (
    ActionState,
    ActionView,
    CadenceCheck,
    DocumentDeadline,
    GoalProgress,
    GoalState,
)
from trygghet_cli.model.activities import Activity
from trygghet_cli.model.cadence import Cadence
from trygghet_cli.model.goals import Goal, GoalArea
from trygghet_cli.model.meetings import Category, Decision, MeetingKind, SituationEntry
from trygghet_cli.model.national import NationalData
from trygghet_cli.model.organisation import Body, ReportingLine
from trygghet_cli.model.periods import IsoWeek, Period
from trygghet_cli.model.plan import MeetingRecord, Plan

if TYPE_CHECKING:
    from trygghet_cli.analysis.comparison import Comparison


class Status(str, Enum):
    """How a row stands: kept, short of its cadence, or without a schedule to keep."""

    OK = "ok"
    LATE = "late"
    NONE = "none"


@dataclass(frozen=True)
class BodyMeetings:
    body: Body
    held: tuple[date, ...]
    extra: tuple[date, ...]
    """Acute meetings: held, but not counted against the cadence."""
    check: CadenceCheck | None
    """None when the body has no schedule (no cadence, ``vid behov`` or ``löpande``)."""

    @property
    def cadence(self) -> Cadence | None:
        return self.body.cadence

    @property
    def expected(self) -> int | None:
        return self.check.expected if self.check else None

    @property
    def status(self) -> Status:
        if self.check is None or self.check.expected == 0:
            return Status.NONE
        return Status.LATE if self.check.shortfall else Status.OK


@dataclass(frozen=True)
class ReportDeliveries:
    body: Body
    line: ReportingLine
    recipients: tuple[str, ...]
    check: CadenceCheck

    @property
    def status(self) -> Status:
        if self.check.expected == 0:
            return Status.NONE
        return Status.LATE if self.check.shortfall else Status.OK


@dataclass(frozen=True)
class DecisionItem:
    day: date
    body: str
    decision: Decision


@dataclass(frozen=True)
class MeetingDecisions:
    day: date
    body: str
    kind: MeetingKind
    decisions: tuple[Decision, ...]


@dataclass(frozen=True)
class ActionItem:
    view: ActionView
    owner: str
    body: str

    @property
    def state(self) -> ActionState:
        return self.view.state


@dataclass(frozen=True)
class ActionsSummary:
    opened: tuple[ActionItem, ...]
    """Decided during the quarter, with their state at its end."""
    completed: tuple[ActionItem, ...]
    """Done during the quarter, whenever they were decided."""
    overdue: tuple[ActionItem, ...]
    """Past their due date and not done at the quarter's end."""
    open: tuple[ActionItem, ...]
    """Not yet due at the quarter's end."""
    due_in_quarter: int
    """Actions whose due date fell in the quarter."""
    done_on_time: int
    """Of those, how many were done by their due date."""
    done_late: tuple[ActionItem, ...] = ()
    """Completed in the quarter, but after their due date."""


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
    top_category: Category


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


class UpcomingKind(str, Enum):
    ACTION = "action"
    ACTIVITY = "activity"
    GOAL = "goal"
    EVALUATION = "evaluation"
    DOCUMENT_REVIEW = "document_review"
    DOCUMENT_EXPIRES = "document_expires"
    REPORT = "report"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class Upcoming:
    due: date
    kind: UpcomingKind
    what: str
    owner: str


@dataclass(frozen=True)
class LateActivity:
    activity: Activity
    owner: str


@dataclass(frozen=True)
class Brief:
    plan: Plan
    quarter: Period
    meetings: tuple[BodyMeetings, ...]
    reports: tuple[ReportDeliveries, ...]
    decisions: tuple[MeetingDecisions, ...]
    actions: ActionsSummary
    goals: tuple[GoalItem, ...]
    late_activities: tuple[LateActivity, ...]
    overdue_documents: tuple[DocumentDeadline, ...]
    situation: SituationSummary
    upcoming: tuple[Upcoming, ...]
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
    def meeting_count(self) -> int:
        return sum(len(m.held) + len(m.extra) for m in self.meetings)

    @property
    def decision_count(self) -> int:
        return sum(len(m.decisions) for m in self.decisions)


def who(plan: Plan, ref: str) -> str:
    """A role's title or a body's name, short enough for a table cell."""
    role = plan.roles().get(ref)
    if role is not None:
        return role.title
    body = plan.bodies().get(ref)
    return body.name if body is not None else ref


def build_brief(plan: Plan, quarter: Period, national: NationalData | None = None) -> Brief:
    """The brief for ``quarter`` (any period works; briefs are written per quarter)."""
    start, end = quarter.start, quarter.end
    in_quarter = [r for r in plan.meetings if start <= r.meeting.date <= end]
    comparisons: tuple[Comparison, ...] = ()
    if national is not None:
        from trygghet_cli.analysis.comparison import comparison_frame
        from trygghet_cli.analysis.comparison import comparisons as compare

        comparisons = tuple(compare(comparison_frame([plan], national, until=end)))
    return Brief(
        plan=plan,
        quarter=quarter,
        meetings=tuple(_meetings(plan, start, end)),
        reports=tuple(_reports(plan, start, end)),
        decisions=tuple(_decisions(plan, in_quarter)),
        actions=_actions(plan, start, end),
        goals=tuple(_goals(plan, end)),
        late_activities=tuple(_late_activities(plan, end)),
        overdue_documents=tuple(
            d
            for d in followup.document_deadlines(plan)
            if d.due <= end and _document_current(d, end)
        ),
        situation=_situation(plan, quarter),
        upcoming=tuple(_upcoming(plan, quarter)),
        comparisons=comparisons,
        illustrative=_uses_illustrative(plan, in_quarter),
    )


def _late_activities(plan: Plan, as_of: date) -> list[LateActivity]:
    late = [a for a in plan.activities_by_id().values() if followup.activity_late(a, as_of)]
    late.sort(key=lambda a: (a.due or as_of, a.id))
    return [LateActivity(a, who(plan, a.owner)) for a in late]


def _document_current(deadline: DocumentDeadline, as_of: date) -> bool:
    """An overdue review counts only while the document is still in force."""
    doc = deadline.document
    if deadline.event is followup.DocumentEvent.EXPIRES:
        return False
    return doc.valid_to is None or doc.valid_to >= as_of


def _meetings(plan: Plan, start: date, end: date) -> Iterable[BodyMeetings]:
    for body in plan.bodies().values():
        if not body.kind.meets:
            continue
        window = followup.body_window(body, start, end)
        if window is None:
            continue
        records = followup.meetings_of(plan, body.id)
        regular = followup.regular_meeting_dates(plan, body.id)
        acute = tuple(
            sorted(
                r.meeting.date
                for r in records
                if r.meeting.kind is MeetingKind.ACUTE and window[0] <= r.meeting.date <= window[1]
            )
        )
        held = tuple(sorted(d for d in regular if window[0] <= d <= window[1]))
        check = None
        if body.cadence is not None and not body.cadence.only_when_needed:
            check = followup.check_cadence(body.cadence, regular, window[0], window[1], regular)
        if check is None and not held and not acute:
            continue
        yield BodyMeetings(body, held, acute, check)


def _reports(plan: Plan, start: date, end: date) -> Iterable[ReportDeliveries]:
    bodies = plan.bodies()
    for body, line, check in followup.reporting_cadence(plan, start, end):
        if line.cadence.only_when_needed and not check.held:
            continue
        names = tuple(bodies[r].name if r in bodies else r for r in line.to)
        yield ReportDeliveries(body, line, names, check)


def _decisions(plan: Plan, records: list[MeetingRecord]) -> Iterable[MeetingDecisions]:
    bodies = plan.bodies()
    for rec in sorted(records, key=lambda r: (r.meeting.date, r.file)):
        m = rec.meeting
        if m.decisions:
            name = bodies[m.body].name if m.body in bodies else m.body
            yield MeetingDecisions(m.date, name, m.kind, tuple(m.decisions))


def _actions(plan: Plan, start: date, end: date) -> ActionsSummary:
    bodies = plan.bodies()
    views = followup.actions_as_of(plan, end)

    def item(v: ActionView) -> ActionItem:
        body = v.record.meeting.body
        return ActionItem(
            v, who(plan, v.action.owner), bodies[body].name if body in bodies else body
        )

    done = (ActionState.DONE, ActionState.DONE_LATE)
    opened = [item(v) for v in views if start <= v.created <= end]
    completed = [
        item(v)
        for v in views
        if v.state in done and v.action.done_date is not None and start <= v.action.done_date <= end
    ]
    overdue = [item(v) for v in views if v.state is ActionState.OVERDUE]
    still_open = [item(v) for v in views if v.state is ActionState.OPEN]
    due_here = [
        v for v in views if start <= v.action.due <= end and v.state is not ActionState.CANCELLED
    ]
    on_time = [v for v in due_here if v.state is ActionState.DONE]
    return ActionsSummary(
        opened=tuple(opened),
        completed=tuple(completed),
        overdue=tuple(overdue),
        open=tuple(still_open),
        due_in_quarter=len(due_here),
        done_late=tuple(i for i in completed if i.state is ActionState.DONE_LATE),
        done_on_time=len(on_time),
    )


def _goals(plan: Plan, as_of: date) -> Iterable[GoalItem]:
    if plan.goals is None:
        return
    indicators = plan.indicators_by_id()
    for area in plan.goals.areas:
        for top in area.goals:
            for goal, _ in top.walk(()):
                progress = followup.goal_progress(goal, indicators, as_of)
                owner = who(plan, goal.owner) if goal.owner else ""
                yield GoalItem(area, progress, owner)


def week_in(week: IsoWeek, period: Period) -> bool:
    """An ISO week belongs to the period its Thursday falls in (as it does to its year)."""
    return period.contains(week.monday + timedelta(days=3))


def _situation(plan: Plan, quarter: Period) -> SituationSummary:
    previous = quarter.previous()
    current: list[tuple[MeetingRecord, SituationEntry]] = []
    before: list[SituationEntry] = []
    for rec in sorted(plan.meetings, key=lambda r: (r.meeting.date, r.file)):
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
    categories = [
        CategoryCount(cat, len(items), _events(items), prev_counts.get(cat, 0))
        for cat, items in by_cat.items()
    ]
    categories.sort(key=lambda c: (-c.entries, -c.events, c.category.value))
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


def _top(entries: list[SituationEntry]) -> Category:
    """The category with the most entries; ties go to the one with the most incidents."""
    counts = Counter(e.category for e in entries)
    events = Counter[Category]()
    for e in entries:
        events[e.category] += e.count or 1
    return min(counts, key=lambda c: (-counts[c], -events[c], c.value))


def _upcoming(plan: Plan, quarter: Period) -> Iterable[Upcoming]:
    """Deadlines in the next quarter, in date order."""
    nxt = quarter.next()
    end = quarter.end
    items: list[Upcoming] = []

    def add(due: date | None, kind: UpcomingKind, what: str, owner: str) -> None:
        if due is not None and nxt.contains(due):
            items.append(Upcoming(due, kind, what, owner))

    for v in followup.actions_as_of(plan, end):
        if v.state in (ActionState.OPEN, ActionState.OVERDUE):
            add(v.action.due, UpcomingKind.ACTION, v.action.text, who(plan, v.action.owner))
    for a in plan.activities_by_id().values():
        if not followup.activity_done_by(a, end):
            add(a.due, UpcomingKind.ACTIVITY, a.name, who(plan, a.owner))
        if a.evaluation is not None:
            add(a.evaluation.report_due, UpcomingKind.EVALUATION, a.name, a.evaluation.by)
    for g in plan.goals_list():
        owner = who(plan, g.owner) if g.owner else ""
        add(g.due, UpcomingKind.GOAL, g.text, owner)
    for d in followup.document_deadlines(plan):
        kind = (
            UpcomingKind.DOCUMENT_REVIEW
            if d.event is followup.DocumentEvent.REVIEW
            else UpcomingKind.DOCUMENT_EXPIRES
        )
        owner = who(plan, d.document.owner) if d.document.owner else ""
        add(d.due, kind, d.document.title, owner)
    for body, line, check in followup.reporting_cadence(plan, quarter.start, end):
        if check.next_due is not None:
            add(check.next_due, UpcomingKind.REPORT, line.content, body.name)
    if plan.goals is not None:
        for f in plan.goals.follow_up:
            if f.cadence is None:
                continue
            done = [d for d in f.done if d <= end]
            if done:
                due = followup.add_interval(f.cadence, max(done))
                owner = who(plan, f.owner) if f.owner else ""
                add(due, UpcomingKind.FOLLOW_UP, f.description, owner)
    kinds = list(UpcomingKind)
    return sorted(items, key=lambda u: (u.due, kinds.index(u.kind), u.what))


def _uses_illustrative(plan: Plan, records: list[MeetingRecord]) -> bool:
    if any(r.meeting.illustrative for r in records):
        return True
    if any(g.illustrative for g in plan.goals_list()):
        return True
    return any(v.illustrative for i in plan.indicators_by_id().values() for v in i.values)
