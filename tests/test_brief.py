"""The quarterly brief as data, and the follow-up helpers it added to checks/followup.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import EXAMPLES, edit, write
from trygghet_cli.analysis.brief import Status, UpcomingKind, build_brief, week_in
from trygghet_cli.checks.followup import (
    ActionState,
    DocumentEvent,
    GoalState,
    activity_done_by,
    activity_late,
    add_interval,
    document_deadlines,
)
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.loading.national import national_data
from trygghet_cli.model.cadence import parse_cadence
from trygghet_cli.model.meetings import Category
from trygghet_cli.model.periods import IsoWeek, Period
from trygghet_cli.model.plan import Plan

Q1 = Period.parse("2021Q1")


def _plan(root: Path) -> Plan:
    result = check_plan(root)
    assert result.ok, result.diagnostics
    return result.loaded.plan


def test_add_interval_counts_calendar_months() -> None:
    assert add_interval(parse_cadence("varje år"), date(2021, 2, 1)) == date(2022, 2, 1)
    assert add_interval(parse_cadence("var tredje månad"), date(2021, 1, 31)) == date(2021, 4, 30)
    assert add_interval(parse_cadence("varannan vecka"), date(2021, 1, 1)) == date(2021, 1, 15)
    assert add_interval(parse_cadence("vid behov"), date(2021, 1, 1)) is None


def test_document_deadlines(plan: Path) -> None:
    found = [(d.document.id, d.event, d.due) for d in document_deadlines(_plan(plan))]
    assert found == [
        ("medborgarlofte", DocumentEvent.EXPIRES, date(2021, 12, 31)),
        ("medborgarlofte", DocumentEvent.REVIEW, date(2022, 2, 1)),
    ]


def test_activity_state_as_of_a_date(plan: Path) -> None:
    activity = _plan(plan).activities_by_id()["vandringar"]
    assert not activity_done_by(activity, date(2021, 6, 1))
    assert not activity_late(activity, date(2021, 12, 31))
    assert activity_late(activity, date(2022, 1, 1))


def test_brief_of_the_fixture(plan: Path) -> None:
    brief = build_brief(_plan(plan), Q1, national_data())
    [meetings] = brief.meetings
    assert (meetings.body.id, meetings.held, meetings.expected) == (
        "lokala-bra",
        (date(2021, 3, 2),),
        1,
    )
    assert meetings.status is Status.OK
    assert [d.text for m in brief.decisions for d in m.decisions] == [
        "Genomföra trygghetsvandring i centrum."
    ]
    actions = brief.actions
    assert [i.view.action.id for i in actions.opened] == ["a-1"]
    assert [i.view.action.id for i in actions.completed] == ["a-1"]
    assert (actions.due_in_quarter, actions.done_on_time) == (0, 0)
    [goal] = brief.goals
    assert goal.progress.state is GoalState.NO_DATA
    assert brief.situation.entries == 1
    assert brief.situation.by_category[0].category is Category.GRAFFITI
    assert [c.indicator for c in brief.comparisons] == ["anmalda-brott"]


def test_an_overdue_action_and_a_missing_meeting_are_late(plan: Path) -> None:
    edit(plan / "moten/2021-03-02-lokala-bra.yaml", "status: klar", "status: öppen")
    edit(plan / "moten/2021-03-02-lokala-bra.yaml", "    klar_datum: 2021-03-20\n", "")
    brief = build_brief(_plan(plan), Period.parse("2021Q2"))
    assert [i.view.action.id for i in brief.actions.overdue] == ["a-1"]
    assert brief.actions.overdue[0].state is ActionState.OVERDUE
    assert [m.status for m in brief.meetings] == [Status.LATE]


def test_situation_weeks_belong_to_the_quarter_of_their_thursday() -> None:
    assert week_in(IsoWeek.parse("2020-W53"), Period.parse("2020Q4"))
    assert not week_in(IsoWeek.parse("2020-W53"), Q1)
    assert week_in(IsoWeek.parse("2021-W12"), Q1)
    assert week_in(IsoWeek.parse("2021-W13"), Period.parse("2021Q2"))  # Thursday 1 April


def test_upcoming_deadlines_in_the_next_quarter(plan: Path) -> None:
    write(
        plan / "moten/2021-03-20-lokala-bra.yaml",
        "datum: 2021-03-20\norgan: lokala-bra\nåtgärder:\n"
        "  - id: a-2\n    text: Ta fram lägesbild\n    ansvarig: samordnare\n"
        "    senast: 2021-05-10\n    status: öppen\n",
    )
    brief = build_brief(_plan(plan), Q1)
    kinds = [(u.due, u.kind, u.what) for u in brief.upcoming]
    assert (date(2021, 5, 10), UpcomingKind.ACTION, "Ta fram lägesbild") in kinds
    assert all(Period.parse("2021Q2").contains(u.due) for u in brief.upcoming)


def test_fagersta_first_quarter() -> None:
    brief = build_brief(_plan(EXAMPLES / "fagersta"), Q1, national_data())
    est = next(m for m in brief.meetings if m.body.id == "est-grupp")
    assert (len(est.held), est.expected, est.status) == (6, 6, Status.OK)
    assert brief.situation.entries > 0
    assert {c.indicator for c in brief.comparisons} == {"anmalda-brott", "utsatthet-ntu"}
    # NTU's figure for 2020 was published in October 2021: on 31 March 2021 the latest
    # national figure known was 2019's.
    periods = {c.indicator: (str(c.period), c.national) for c in brief.comparisons}
    assert periods == {"anmalda-brott": ("2020", 15079), "utsatthet-ntu": ("2019", 22.6)}
