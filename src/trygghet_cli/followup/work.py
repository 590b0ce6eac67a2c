"""Deadlines of the work itself: actions in the meeting log, activities, goals and delmål.

Each is judged as of the window's day with :mod:`trygghet_cli.followup.state`: an action done
after that day was still open on it; a goal counts as missed only as far as its indicator's
values show.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from trygghet_cli.checks.context import Site
from trygghet_cli.followup.base import Deadline, Kind, PlanContext, Status, first_sentence
from trygghet_cli.followup.state import (
    ActionState,
    ActionView,
    GoalProgress,
    GoalState,
    activity_done_by,
)
from trygghet_cli.i18n import Text
from trygghet_cli.model.goals import Goals
from trygghet_cli.wording import date_text, number_text, period_text

_ACTION_DUE = {
    Status.OVERDUE: Text("skulle ha varit klar", "was due"),
    Status.DUE_SOON: Text("ska vara klar", "is due"),
}


def action_deadlines(ctx: PlanContext, views: Iterable[ActionView]) -> Iterator[Deadline]:
    """Open actions from the meeting log (their states as of the day, from
    :func:`~trygghet_cli.followup.state.actions_as_of`) that are late or due within the
    window."""
    for view in views:
        if view.state not in (ActionState.OPEN, ActionState.OVERDUE):
            continue
        status = ctx.window.status(view.action.due)
        loaded = ctx.meeting_file(view.record.file)
        if status is None or loaded is None:
            continue
        index = next(i for i, a in enumerate(view.record.meeting.actions) if a is view.action)
        text = first_sentence(view.action.text)
        yield ctx.deadline(
            Kind.ACTION,
            view.action.id,
            view.action.due,
            status,
            Text(f"Åtgärd: {text}", f"Action: {text}"),
            Site(loaded, ("åtgärder", index, "senast")),
            "TRY401",
            responsible=ctx.actor(view.action.owner),
            value=view.action.id,
            due=_ACTION_DUE[status],
            date=date_text(view.action.due),
            text=text,
            owner=ctx.actor(view.action.owner),
        )


def activity_deadlines(ctx: PlanContext) -> Iterator[Deadline]:
    """Activities not done by their ``klart_senast``, or due within the window."""
    loaded = ctx.file("aktiviteter")
    if loaded is None or ctx.plan.activities is None:
        return
    for i, activity in enumerate(ctx.plan.activities.activities):
        if activity.due is None or activity_done_by(activity, ctx.as_of):
            continue
        status = ctx.window.status(activity.due)
        if status is None:
            continue
        name = first_sentence(activity.name)
        yield ctx.deadline(
            Kind.ACTIVITY,
            activity.id,
            activity.due,
            status,
            Text(f"Aktivitet klar: {name}", f"Activity due: {name}"),
            Site(loaded, ("aktiviteter", i, "klart_senast")),
            "TRY402",
            responsible=ctx.actor(activity.owner),
            value=activity.id,
            name=name,
            due=_ACTION_DUE[status],
            date=date_text(activity.due),
            owner=ctx.actor(activity.owner),
        )


_EVALUATION_DUE = {
    Status.OVERDUE: Text("skulle ha redovisats senast", "was due by"),
    Status.DUE_SOON: Text("ska redovisas senast", "is due by"),
}


def evaluation_deadlines(ctx: PlanContext) -> Iterator[Deadline]:
    """Evaluations of activities (``utvärdering``) whose report (``rapport_senast``) is late or
    due within the window, until they are reported (``redovisad``)."""
    loaded = ctx.file("aktiviteter")
    if loaded is None or ctx.plan.activities is None:
        return
    for i, activity in enumerate(ctx.plan.activities.activities):
        evaluation = activity.evaluation
        if evaluation is None or evaluation.report_due is None:
            continue
        if evaluation.reported is not None and evaluation.reported <= ctx.as_of:
            continue
        status = ctx.window.status(evaluation.report_due)
        if status is None:
            continue
        name = first_sentence(activity.name)
        yield ctx.deadline(
            Kind.ACTIVITY,
            f"{activity.id}.evaluation",
            evaluation.report_due,
            status,
            Text(f"Utvärdering redovisas: {name}", f"Evaluation report: {name}"),
            Site(loaded, ("aktiviteter", i, "utvärdering", "rapport_senast")),
            "TRY412",
            responsible=evaluation.by,
            value=activity.id,
            name=name,
            by=evaluation.by,
            due=_EVALUATION_DUE[status],
            date=date_text(evaluation.report_due),
        )


_GOAL_DUE = {
    Status.OVERDUE: Text("skulle vara nått", "was to be reached by"),
    Status.DUE_SOON: Text("ska vara nått", "is to be reached by"),
}
_OPEN_GOAL = (
    GoalState.MISSED,
    GoalState.ON_TRACK,
    GoalState.OFF_TRACK,
    GoalState.UNCHANGED,
    GoalState.NO_DATA,
)


def goal_deadlines(ctx: PlanContext, goals: Iterable[GoalProgress]) -> Iterator[Deadline]:
    """Goals and delmål (where they stand as of the day, from
    :func:`~trygghet_cli.followup.state.goals_as_of`) whose date has passed without the target
    met, or comes soon.

    Only goals with an indicator and a target count: without them nothing shows whether the goal
    was reached (TRY207 asks for them on effect goals).
    """
    loaded = ctx.file("mal")
    if loaded is None or not isinstance(loaded.model, Goals):
        return
    paths = {id(goal): path for goal, path in loaded.model.all_goals()}
    for progress in goals:
        goal = progress.goal
        if goal.due is None or progress.state not in _OPEN_GOAL:
            continue
        status = ctx.window.status(goal.due)
        path = paths.get(id(goal))
        if status is None or path is None:
            continue
        sub = "delmål" in path
        yield ctx.deadline(
            Kind.GOAL,
            goal.id,
            goal.due,
            status,
            Text(
                f"{'Delmål' if sub else 'Mål'}: {first_sentence(goal.text)}",
                f"{'Sub-goal' if sub else 'Goal'}: {first_sentence(goal.text)}",
            ),
            Site(loaded, (*path, "senast")),
            "TRY403",
            responsible=ctx.actor(goal.owner) if goal.owner else "",
            goal=Text("Delmålet", "The sub-goal") if sub else Text("Målet", "The goal"),
            value=goal.id,
            name=first_sentence(goal.text),
            due=_GOAL_DUE[status],
            date=date_text(goal.due),
            progress=_progress(progress),
        )


def _progress(progress: GoalProgress) -> Text:
    latest, target = progress.latest, progress.target
    baseline = progress.goal.baseline
    if target is None:  # pragma: no cover - goals without a target are never open
        return Text("målvärde saknas", "there is no target")
    if latest is not None and (
        baseline is None or baseline.period is None or latest.period > baseline.period
    ):
        return Text(
            "senaste värdet {latest} ({period}) når inte målvärdet {target}",
            "the latest value {latest} ({period}) does not reach the target {target}",
        ).format(
            latest=number_text(latest.value),
            period=period_text(latest.period),
            target=number_text(target),
        )
    if baseline is not None and baseline.period is not None:
        period = baseline.period
        return Text(
            "det finns inget värde efter utgångsläget ({period}) ännu",
            "there is no value after the baseline ({period}) yet",
        ).format(period=period_text(period))
    indicator = progress.indicator.name if progress.indicator else progress.goal.indicator or ""
    return Text(
        f"nyckeltalet ”{indicator}” har inget värde ännu",
        f"the indicator “{indicator}” has no value yet",
    )
