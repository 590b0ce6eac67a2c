"""Helpers that every page of the export shares."""

from __future__ import annotations

from datetime import date

from trygghet_cli.followup.base import Status
from trygghet_cli.followup.recurring import Duty
from trygghet_cli.i18n import Text
from trygghet_cli.model.plan import Plan
from trygghet_cli.wording import Formatter

PAGES = (
    ("index", Text("Översikt", "Overview")),
    ("organisation", Text("Organisation", "Organisation")),
    ("styrdokument", Text("Styrdokument", "Documents")),
    ("mal", Text("Mål", "Goals")),
    ("aktiviteter", Text("Aktiviteter", "Activities")),
    ("nyckeltal", Text("Nyckeltal", "Indicators")),
    ("moten", Text("Möten", "Meetings")),
)


def who(plan: Plan, ref: str | None) -> str:
    if not ref:
        return ""
    return plan.actor_name(ref)


def names(plan: Plan, refs: list[str]) -> str:
    return ", ".join(who(plan, r) for r in refs)


def day(fmt: Formatter, day: date | None) -> str:
    return fmt.date(day) if day is not None else ""


def has_illustrative(plan: Plan) -> bool:
    """Whether anything the pages show is marked as made up for the example."""
    bodies = plan.bodies().values()
    items: list[bool] = [
        *(r.meeting.illustrative for r in plan.meetings),
        *(d.illustrative for d in plan.documents_by_id().values()),
        *(a.illustrative for a in plan.activities_by_id().values()),
        *(g.illustrative for g in plan.goals_list()),
        *(f.illustrative for f in (plan.goals.follow_up if plan.goals else [])),
        *(b.illustrative for b in bodies),
        *(line.illustrative for b in bodies for line in b.reporting),
        *(v.illustrative for i in plan.indicators_by_id().values() for v in i.values),
    ]
    return any(items)


def duty_status(duty: Duty | None, fmt: Formatter) -> str:
    """A recurring duty on the follow-up's day: ``Försenad sedan 26 mars 2021``,
    ``Senast 8 april 2021``, ``Enligt plan``, or ``–`` when nothing recurs."""
    if duty is None:
        return "–"
    deadline = duty.deadline
    if deadline is not None and deadline.status is Status.OVERDUE:
        return Text("Försenad sedan {d}", "Overdue since {d}").format(d=fmt.date(deadline.date))(
            fmt.lang
        )
    if duty.account.due is not None:
        return Text("Senast {d}", "Due {d}").format(d=fmt.date(duty.account.due))(fmt.lang)
    return Text("Enligt plan", "On track")(fmt.lang)
