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
Plans are validated first; their errors are returned too, since a file that could not be read
hides its deadlines.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from trygghet_cli.checks.runner import check_plan
from trygghet_cli.diagnostics import Diagnostic, Severity, sort_diagnostics
from trygghet_cli.followup.base import Deadline, PlanContext, Status, Window, uid_prefix
from trygghet_cli.followup.crime_prevention_act import law_deadlines
from trygghet_cli.followup.documents import document_deadlines
from trygghet_cli.followup.recurring import follow_up_deadlines, meeting_deadlines, report_deadlines
from trygghet_cli.followup.work import (
    action_deadlines,
    activity_deadlines,
    evaluation_deadlines,
    goal_deadlines,
)
from trygghet_cli.loading.plan import LoadedPlan, discover


def plan_deadlines(loaded: LoadedPlan, window: Window) -> list[Deadline]:
    """Every deadline of one plan that is overdue or falls due within the window, in order:
    overdue first, then by date."""
    ctx = PlanContext(loaded, window)
    law, about = law_deadlines(ctx)
    items = [
        *action_deadlines(ctx),
        *activity_deadlines(ctx),
        *evaluation_deadlines(ctx),
        *goal_deadlines(ctx),
        *document_deadlines(ctx, about),
        *report_deadlines(ctx),
        *follow_up_deadlines(ctx),
        *meeting_deadlines(ctx),
        *law,
    ]
    return sorted(items, key=Deadline.sort_key)


@dataclass
class PlanDeadlines:
    loaded: LoadedPlan
    deadlines: list[Deadline]
    errors: list[Diagnostic]
    """Errors that ``trygg validate`` finds in the plan."""

    @property
    def name(self) -> str:
        return self.loaded.plan.name

    @property
    def uid_prefix(self) -> str:
        return uid_prefix(self.loaded.plan)

    @property
    def files(self) -> list[str]:
        return [f.file for f in self.loaded.files]


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

    def count(self, status: Status) -> int:
        return sum(1 for d in self.deadlines if d.status is status)

    def failed(self, threshold: Status | None) -> bool:
        """Errors in the plans always fail; deadlines fail from ``threshold`` up (None: never)."""
        if self.diagnostics:
            return True
        if threshold is None:
            return False
        worst = {Status.OVERDUE} if threshold is Status.OVERDUE else set(Status)
        return any(d.status in worst for d in self.deadlines)


def find_deadlines(
    paths: Iterable[Path], window: Window, *, ignore: Iterable[str] = ()
) -> DeadlineResult:
    """The deadlines of every plan that ``paths`` name or hold."""
    found = discover(paths)
    result = DeadlineResult(window, missing=found.missing)
    errors = list(found.diagnostics)
    skip = set(ignore)
    for root in found.plans:
        checked = check_plan(root)
        plan_errors = [d for d in checked.diagnostics if d.level is Severity.ERROR]
        items = [d for d in plan_deadlines(checked.loaded, window) if d.rule not in skip]
        result.plans.append(PlanDeadlines(checked.loaded, items, plan_errors))
        errors.extend(plan_errors)
    result.diagnostics = sort_diagnostics(errors)
    return result
