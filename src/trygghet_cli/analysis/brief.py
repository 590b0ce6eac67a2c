"""The quarterly brief as data: what happened in a quarter, and what is due in the next.

Everything is computed as of the quarter's last day, so the brief for kvartal 1 2021 shows what
was open or late on 31 March 2021, even when it is written later. A quarter that has not ended
is assessed as of the day the brief is written (``today``): nothing of the rest of the quarter
is read, so a meeting planned for later is not held and a date still to come is not late.
What is late, what falls due and how each body's meetings and each report stand come from the
one follow-up of that day (:func:`~trygghet_cli.followup.deadlines.follow_up`, with the next
quarter as the window), the
same that ``trygg deadlines`` shows: the tables and the sentences word its figures and never
count again. The result is plain dataclasses; wording and formats are the renderer's job.

The brief's actions are summarised in :mod:`trygghet_cli.analysis.brief_actions`, its situation
picture in :mod:`trygghet_cli.analysis.brief_situation`; the meetings, reports, decisions and
goals, and the brief as a whole, here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from trygghet_cli.analysis.brief_actions import ActionsSummary, actions_summary, who
from trygghet_cli.analysis.brief_documents import GoverningDocuments, governing_documents
from trygghet_cli.analysis.brief_situation import SituationSummary, situation_summary
from trygghet_cli.analysis.comparison import Comparison, comparison_rows
from trygghet_cli.analysis.comparison import comparisons as compare
from trygghet_cli.followup import state
from trygghet_cli.followup.accounts import Account
from trygghet_cli.followup.base import Deadline, Kind, Window
from trygghet_cli.followup.base import Status as DeadlineStatus
from trygghet_cli.followup.deadlines import PlanFollowUp, follow_up
from trygghet_cli.followup.recurring import Duty
from trygghet_cli.followup.state import GoalProgress, GoalState
from trygghet_cli.loading.plan import LoadedPlan
from trygghet_cli.model.cadence import Cadence
from trygghet_cli.model.goals import Goal, GoalArea
from trygghet_cli.model.meetings import Decision, MeetingKind
from trygghet_cli.model.national import NationalData
from trygghet_cli.model.organisation import Body
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


def _status(expected: int | None, duty: Duty | None, end: date) -> Status:
    if expected is None or duty is None:
        return Status.NONE
    deadline = duty.deadline
    if deadline is not None and deadline.status is DeadlineStatus.OVERDUE:
        return Status.LATE
    if deadline is not None and deadline.date <= end:
        return Status.DUE
    return Status.OK if expected else Status.NONE


@dataclass(frozen=True)
class SoFar:
    """Held against asked for, from the start of the open account to the quarter's end: the
    figures the status is judged on, and the same that a late line names."""

    held: int
    required: int
    since: date

    @staticmethod
    def of(account: Account) -> SoFar:
        return SoFar(account.held, account.required, account.since)


@dataclass(frozen=True)
class BodyMeetings:
    body: Body
    held: tuple[date, ...]
    extra: tuple[date, ...]
    """Acute meetings: held, but not counted against the cadence."""
    expected: int | None
    """Meetings the cadence asks for in the quarter (those whose slot ends in it); None when
    the body has no schedule (no cadence, ``vid behov`` or ``löpande``) on the quarter's end."""
    duty: Duty | None
    """The body's meetings as the follow-up counts them at the quarter's end."""
    status: Status

    @property
    def cadence(self) -> Cadence | None:
        return self.body.meeting_cadence

    @property
    def deadline(self) -> Deadline | None:
        return self.duty.deadline if self.duty is not None else None

    @property
    def so_far(self) -> SoFar | None:
        return SoFar.of(self.duty.account) if self.duty is not None else None


@dataclass(frozen=True)
class ReportDeliveries:
    duty: Duty
    held: tuple[date, ...]
    """Deliveries in the quarter."""
    expected: int
    """Deliveries the cadence asks for in the quarter."""
    status: Status

    @property
    def sender(self) -> str:
        return self.duty.name

    @property
    def recipients(self) -> tuple[str, ...]:
        return self.duty.recipients

    @property
    def content(self) -> str:
        return self.duty.content

    @property
    def cadence(self) -> Cadence:
        return self.duty.account.cadence

    @property
    def deadline(self) -> Deadline | None:
        return self.duty.deadline

    @property
    def so_far(self) -> SoFar:
        return SoFar.of(self.duty.account)

    @property
    def count(self) -> int:
        return len(self.held)


@dataclass(frozen=True)
class MeetingDecisions:
    day: date
    body: str
    kind: MeetingKind
    decisions: tuple[Decision, ...]
    illustrative: bool = False
    """The meeting is made up for the example."""


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
    followup: PlanFollowUp
    """The follow-up as of the quarter's last day, with the next quarter as the window: what
    ``trygg deadlines`` gives for that day."""
    documents: GoverningDocuments
    """Documents adopted in the quarter, ending or due for review in it or the next, and the
    obligations of Lag (2023:196) at its end."""
    comparisons: tuple[Comparison, ...] = field(default=())
    """The plan's indicators against the national figures known at the quarter's end."""
    illustrative: bool = False
    as_of: date | None = None
    """The day the brief is assessed on, when the quarter had not ended then."""

    @property
    def start(self) -> date:
        return self.quarter.start

    @property
    def end(self) -> date:
        """The day everything is assessed on: the quarter's last day, or the day the brief
        was written when the quarter had not ended then."""
        return self.as_of or self.quarter.end

    @property
    def ongoing(self) -> bool:
        """The quarter had not ended on the day the brief was written."""
        return self.as_of is not None

    @property
    def next_quarter(self) -> Period:
        return self.quarter.next()

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """Overdue first, then by date."""
        return self.followup.deadlines

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


def assessed_on(quarter: Period, today: date | None) -> date:
    """The day a brief for ``quarter`` written on ``today`` is assessed on: the quarter's last
    day, or ``today`` while the quarter has not ended."""
    return quarter.end if today is None else min(quarter.end, today)


def deadline_window(quarter: Period, today: date | None = None) -> Window:
    """As of the quarter's last day (or ``today`` while it has not ended), up to the end of the
    next quarter."""
    day = assessed_on(quarter, today)
    return Window(day, (quarter.next().end - day).days)


def build_brief(
    loaded: LoadedPlan,
    quarter: Period,
    national: NationalData | None = None,
    *,
    today: date | None = None,
) -> Brief:
    """The brief for ``quarter`` (any period works; briefs are written per quarter), written on
    ``today`` (None: after the quarter). A quarter that has not begun by ``today`` has no
    brief; the command refuses it before asking."""
    plan = loaded.plan
    end = assessed_on(quarter, today)
    start = quarter.start
    assert start <= end, "a brief for a quarter that has not begun"
    in_quarter = [r for r in plan.meetings if start <= r.meeting.date <= end]
    followup = follow_up(loaded, deadline_window(quarter, today))
    comparisons: tuple[Comparison, ...] = ()
    if national is not None:
        comparisons = tuple(compare(comparison_rows([plan], national, until=end)))
    return Brief(
        plan=plan,
        quarter=quarter,
        meetings=tuple(_meetings(plan, followup, quarter, end)),
        reports=tuple(_reports(followup, quarter, end)),
        decisions=tuple(_decisions(plan, in_quarter)),
        actions=actions_summary(plan, followup.actions, start, end),
        goals=tuple(_goals(plan, followup.goals)),
        situation=situation_summary(plan, quarter, end),
        followup=followup,
        documents=governing_documents(
            plan.documents_by_id().values(), followup.obligations, quarter, end
        ),
        comparisons=comparisons,
        illustrative=_uses_illustrative(plan, in_quarter),
        as_of=end if end < quarter.end else None,
    )


def _dates_in(dates: Iterable[date], lo: date, hi: date) -> tuple[date, ...]:
    return tuple(sorted(d for d in dates if lo <= d <= hi))


def _meetings(
    plan: Plan, followup: PlanFollowUp, quarter: Period, end: date
) -> Iterable[BodyMeetings]:
    for body in plan.bodies().values():
        if not body.kind.meets:
            continue
        window = state.body_window(body, quarter.start, end)
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
        held = _dates_in(state.regular_meeting_dates(plan, body.id), *window)
        duty = followup.duty(Kind.MEETING, body.id)
        if duty is None and not held and not acute:
            continue
        expected = len(duty.account.in_range(*window)) if duty is not None else None
        status = _status(expected, duty, end)
        yield BodyMeetings(body, held, acute, expected, duty, status)


def _reports(followup: PlanFollowUp, quarter: Period, end: date) -> Iterable[ReportDeliveries]:
    for duty in followup.duties:
        if duty.kind is not Kind.REPORT:
            continue
        acc = duty.account
        lo = max(quarter.start, acc.anchor)
        held = acc.held_in(lo, end)
        expected = len(acc.in_range(lo, end))
        yield ReportDeliveries(duty, held, expected, _status(expected, duty, end))


def _decisions(plan: Plan, records: list[MeetingRecord]) -> Iterable[MeetingDecisions]:
    bodies = plan.bodies()
    for rec in sorted(records, key=lambda r: (r.meeting.date, r.file)):
        m = rec.meeting
        if m.decisions:
            name = bodies[m.body].name if m.body in bodies else m.body
            yield MeetingDecisions(m.date, name, m.kind, tuple(m.decisions), m.illustrative)


def _goals(plan: Plan, progress: Iterable[GoalProgress]) -> Iterable[GoalItem]:
    if plan.goals is None:
        return
    by_goal = {id(p.goal): p for p in progress}
    for area in plan.goals.areas:
        for top in area.goals:
            for goal, _ in top.walk(()):
                owner = who(plan, goal.owner) if goal.owner else ""
                yield GoalItem(area, by_goal[id(goal)], owner)


def _uses_illustrative(plan: Plan, records: list[MeetingRecord]) -> bool:
    """Whether the brief may show something made up for the example: a meeting of the
    quarter, an action from any meeting, a goal, a value or a reporting line."""
    if any(r.meeting.illustrative for r in records):
        return True
    if any(r.meeting.illustrative and r.meeting.actions for r in plan.meetings):
        return True
    if any(g.illustrative for g in plan.goals_list()):
        return True
    if any(line.illustrative for b in plan.bodies().values() for line in b.reporting):
        return True
    return any(v.illustrative for i in plan.indicators_by_id().values() for v in i.values)
