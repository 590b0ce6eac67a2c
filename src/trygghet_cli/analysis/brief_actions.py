"""The quarterly brief's actions: what was decided, done and late, as of the quarter's last day.

Each action's state is the follow-up's (:func:`trygghet_cli.followup.state.actions_as_of`) on
the quarter's last day, so an action done after the quarter still counts as open or overdue in it.
Part of :class:`~trygghet_cli.analysis.brief.Brief`, built by
:func:`~trygghet_cli.analysis.brief.build_brief`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from trygghet_cli.followup.state import ActionState, ActionView
from trygghet_cli.model.plan import Plan


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
    not_on_time: int = 0
    """Of those due in the quarter, how many were done late or were still not done (overdue)
    at its end; one due on the quarter's last day and still open is neither."""


def who(plan: Plan, ref: str) -> str:
    """A role's title or a body's name, short enough for a table cell (also for the brief's
    goals)."""
    role = plan.roles().get(ref)
    if role is not None:
        return role.title
    body = plan.bodies().get(ref)
    return body.name if body is not None else ref


def actions_summary(
    plan: Plan, views: Iterable[ActionView], start: date, end: date
) -> ActionsSummary:
    """The actions of ``plan`` between ``start`` and ``end``, with their states at ``end`` (the
    follow-up's ``views``, as of ``end``)."""
    bodies = plan.bodies()

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
    late = [v for v in due_here if v.state in (ActionState.DONE_LATE, ActionState.OVERDUE)]
    return ActionsSummary(
        opened=tuple(opened),
        completed=tuple(completed),
        overdue=tuple(overdue),
        open=tuple(still_open),
        due_in_quarter=len(due_here),
        done_late=tuple(i for i in completed if i.state is ActionState.DONE_LATE),
        done_on_time=len(on_time),
        not_on_time=len(late),
    )
