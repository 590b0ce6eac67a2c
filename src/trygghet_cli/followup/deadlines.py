"""``trygg deadlines`` as a function: what is overdue and what falls due soon, as of a day.

Paths in, a :class:`DeadlineResult` out; prints nothing. For every plan:

* actions in the meeting log and activities in the plan, by due date and status, and the
  reports of activities' evaluations (:mod:`~trygghet_cli.followup.work`);
* goals and delmål whose date has passed without the target met, as far as the indicators show;
* steering documents due for review or renewal, or whose period ends
  (:mod:`~trygghet_cli.followup.documents`);
* reporting lines, follow-ups in ``mal.yaml`` and meetings by their cadence
  (:mod:`~trygghet_cli.followup.recurring`);
* the obligations of Lag (2023:196) (:mod:`~trygghet_cli.followup.crime_prevention_act`).

Each deadline is also a :class:`~trygghet_cli.diagnostics.Diagnostic` (rules ``TRY4xx``).
Plans are validated first; their errors are returned too. A file that could not be read (a YAML
syntax error, or content that does not validate) hides what it says: a held meeting becomes a
missing one and a late action disappears. Such errors are kept apart
(:attr:`DeadlineResult.unread`): no output is written from a plan read only in part.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from trygghet_cli.checks.batch import validate_paths
from trygghet_cli.checks.runner import DEFAULT_OPTIONS, Options, PlanResult
from trygghet_cli.diagnostics import Diagnostic, Severity, sort_diagnostics
from trygghet_cli.followup.base import Deadline, Kind, PlanContext, Status, Window, uid_prefix
from trygghet_cli.followup.crime_prevention_act import Obligation, law_deadlines
from trygghet_cli.followup.documents import document_deadlines
from trygghet_cli.followup.recurring import Duty, duties
from trygghet_cli.followup.state import ActionView, GoalProgress, actions_as_of, goals_as_of
from trygghet_cli.followup.work import (
    action_deadlines,
    activity_deadlines,
    evaluation_deadlines,
    goal_deadlines,
)
from trygghet_cli.loading.plan import LoadedPlan


@dataclass(frozen=True)
class PlanFollowUp:
    """Follow-up of one plan on one day, computed once: every output (the brief, ``trygg
    deadlines`` in every format, the calendar feed, the export) shows this and nothing else.
    Plain data, cheap enough to compute for hundreds of plans."""

    window: Window
    deadlines: tuple[Deadline, ...]
    """Everything late or due within the window, overdue first, then by date."""
    duties: tuple[Duty, ...]
    """Every recurring duty (reports, follow-ups, meetings) with its account."""
    obligations: tuple[Obligation, ...] = ()
    """The obligations of Lag (2023:196) on the day: lägesbild, åtgärdsplan and
    samordningsfunktion, each current, outdated, not decided by the kommun or missing."""
    goals: tuple[GoalProgress, ...] = ()
    """Every goal and delmål, where it stands as far as the values known on the day show."""
    actions: tuple[ActionView, ...] = ()
    """Every action of the meeting log decided by the day, with its state on the day."""

    @property
    def as_of(self) -> date:
        return self.window.as_of

    @property
    def overdue(self) -> tuple[Deadline, ...]:
        return tuple(d for d in self.deadlines if d.status is Status.OVERDUE)

    def duty(self, kind: Kind, key: str) -> Duty | None:
        return next((d for d in self.duties if d.kind is kind and d.key == key), None)


def follow_up(loaded: LoadedPlan, window: Window) -> PlanFollowUp:
    """The follow-up of one plan as of the window's day."""
    ctx = PlanContext(loaded, window)
    law, about, obligations = law_deadlines(ctx)
    recurring = duties(ctx)
    goals = tuple(goals_as_of(ctx.plan, ctx.as_of))
    actions = tuple(actions_as_of(ctx.plan, ctx.as_of))
    items = [
        *action_deadlines(ctx, actions),
        *activity_deadlines(ctx),
        *evaluation_deadlines(ctx),
        *goal_deadlines(ctx, goals),
        *document_deadlines(ctx, about),
        *(d for duty in recurring for d in duty.deadlines),
        *law,
    ]
    ordered = tuple(sorted(items, key=Deadline.sort_key))
    return PlanFollowUp(
        window, ordered, tuple(recurring), obligations, goals=goals, actions=actions
    )


def plan_deadlines(loaded: LoadedPlan, window: Window) -> list[Deadline]:
    """Every deadline of one plan that is overdue or falls due within the window, in order:
    overdue first, then by date."""
    return list(follow_up(loaded, window).deadlines)


@dataclass
class PlanDeadlines:
    """One plan's deadlines and errors: small, plain data, so that ``trygg deadlines`` over
    hundreds of plans holds one plan's files and models at a time (each plan is read, followed
    up and let go, in worker processes when there are many)."""

    root: Path
    name: str
    uid_prefix: str
    files: list[str]
    deadlines: list[Deadline]
    errors: list[Diagnostic]
    """Errors that ``trygg validate`` finds in the plan."""
    followup: PlanFollowUp | None = None
    """The follow-up the deadlines come from (kept only when asked for: it holds the plan's
    accounts)."""
    unread: list[Diagnostic] = field(default_factory=list)
    """The errors of the files that could not be read, or only in part: the follow-up misses
    what they say, so it is not shown."""


@dataclass
class DeadlineResult:
    window: Window
    plans: list[PlanDeadlines] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Errors in the plans and in finding them (a folder without a plan)."""
    missing: list[str] = field(default_factory=list)

    @property
    def deadlines(self) -> list[Deadline]:
        return [d for p in self.plans for d in p.deadlines]

    @property
    def files(self) -> list[str]:
        return [f for p in self.plans for f in p.files]

    @property
    def unread(self) -> list[Diagnostic]:
        """The errors of files that could not be read (or only in part), in every plan: while
        there are any, the follow-up is incomplete and no output may be written from it."""
        return sort_diagnostics([d for p in self.plans for d in p.unread])

    def count(self, status: Status) -> int:
        return sum(1 for d in self.deadlines if d.status is status)

    def failed(self, threshold: Status | None) -> bool:
        """Errors in the plans always fail; deadlines fail from ``threshold`` up (None: never):
        ``overdue`` fails on an overdue error, ``due-soon`` on anything listed."""
        if self.diagnostics:
            return True
        if threshold is None:
            return False
        if threshold is Status.OVERDUE:
            # trygg's recommendations (warnings even when their day has passed) do not fail
            return any(
                d.status is Status.OVERDUE and d.diagnostic.level is Severity.ERROR
                for d in self.deadlines
            )
        return bool(self.deadlines)


def find_deadlines(
    paths: Iterable[Path],
    window: Window,
    *,
    ignore: Iterable[str] = (),
    keep_followup: bool = False,
    options: Options = DEFAULT_OPTIONS,
    jobs: int | None = None,
) -> DeadlineResult:
    """The deadlines of every plan that ``paths`` name or hold.

    Plans are checked and followed up one at a time (with many files, in one process per
    core, as ``trygg validate`` does), and only their deadlines, errors and file names are
    kept; ``keep_followup`` keeps each plan's follow-up too."""
    digest = partial(plan_deadlines_of, window=window, skip=frozenset(ignore), keep=keep_followup)
    checked = validate_paths(paths, options=options, jobs=jobs, digest=digest)
    result = DeadlineResult(window, missing=checked.missing)
    errors = list(checked.discovery)
    for summary in checked.plans:
        found = summary.digest
        assert isinstance(found, PlanDeadlines)
        result.plans.append(found)
        errors.extend(found.errors)
    result.diagnostics = sort_diagnostics(errors)
    return result


def plan_deadlines_of(
    checked: PlanResult, window: Window, skip: frozenset[str] = frozenset(), keep: bool = False
) -> PlanDeadlines:
    """One checked plan's deadlines as of the window's day (in the process that checked it)."""
    loaded = checked.loaded
    errors = [d for d in checked.diagnostics if d.level is Severity.ERROR]
    found = follow_up(loaded, window)
    items = [d for d in found.deadlines if d.rule not in skip]
    unread = unread_files(loaded)
    return PlanDeadlines(
        loaded.root,
        loaded.plan.name,
        uid_prefix(loaded.plan),
        [f.file for f in loaded.files],
        items,
        errors,
        found if keep else None,
        unread=[d for d in errors if d.file in unread],
    )


def unread_files(loaded: LoadedPlan) -> set[str]:
    """The plan's files that could not be read, or only in part (what the follow-up misses)."""
    return {f.file for f in loaded.files if f.model is None or f.readable_part}
