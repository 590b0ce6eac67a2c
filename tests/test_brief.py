"""The quarterly brief as data, and the follow-up helpers it added to followup/state.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import EXAMPLES, edit, write
from trygghet_cli.analysis.brief import Status, build_brief
from trygghet_cli.analysis.brief_situation import week_in
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.followup.base import Kind
from trygghet_cli.followup.base import Status as DeadlineStatus
from trygghet_cli.followup.state import (
    ActionState,
    GoalState,
    activity_done_by,
    activity_late,
    add_interval,
)
from trygghet_cli.loading.national import national_data
from trygghet_cli.loading.plan import LoadedPlan
from trygghet_cli.model.cadence import parse_cadence
from trygghet_cli.model.meetings import Category
from trygghet_cli.model.periods import IsoWeek, Period
from trygghet_cli.model.plan import Plan

Q1 = Period.parse("2021Q1")


def _loaded(root: Path) -> LoadedPlan:
    result = check_plan(root)
    assert result.ok, result.diagnostics
    return result.loaded


def _plan(root: Path) -> Plan:
    return _loaded(root).plan


def test_add_interval_counts_calendar_months() -> None:
    assert add_interval(parse_cadence("varje år"), date(2021, 2, 1)) == date(2022, 2, 1)
    assert add_interval(parse_cadence("var tredje månad"), date(2021, 1, 31)) == date(2021, 4, 30)
    assert add_interval(parse_cadence("varannan vecka"), date(2021, 1, 1)) == date(2021, 1, 15)
    assert add_interval(parse_cadence("vid behov"), date(2021, 1, 1)) is None


def test_activity_state_as_of_a_date(plan: Path) -> None:
    activity = _plan(plan).activities_by_id()["vandringar"]
    assert not activity_done_by(activity, date(2021, 6, 1))
    assert not activity_late(activity, date(2021, 12, 31))
    assert activity_late(activity, date(2022, 1, 1))


def test_brief_of_the_fixture(plan: Path) -> None:
    brief = build_brief(_loaded(plan), Q1, national_data())
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
    brief = build_brief(_loaded(plan), Period.parse("2021Q2"))
    assert [i.view.action.id for i in brief.actions.overdue] == ["a-1"]
    assert brief.actions.overdue[0].state is ActionState.OVERDUE
    assert [m.status for m in brief.meetings] == [Status.LATE]
    [late] = [m.deadline for m in brief.meetings]
    assert late is not None and late.date == date(2021, 6, 2)
    assert [(d.kind, d.key) for d in brief.overdue] == [
        (Kind.ACTION, "a-1"),
        (Kind.MEETING, "lokala-bra"),
    ]


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
    brief = build_brief(_loaded(plan), Q1)
    found = [(d.date, d.kind, d.key, d.responsible) for d in brief.upcoming]
    assert (date(2021, 5, 10), Kind.ACTION, "a-2", "Samordnare") in found
    assert all(Q1.end <= d.date <= Period.parse("2021Q2").end for d in brief.upcoming)
    assert all(d.status is DeadlineStatus.DUE_SOON for d in brief.upcoming)


def test_fagersta_first_quarter() -> None:
    brief = build_brief(_loaded(EXAMPLES / "fagersta"), Q1, national_data())
    est = next(m for m in brief.meetings if m.body.id == "est-grupp")
    assert (len(est.held), est.expected, est.status) == (6, 6, Status.OK)
    assert brief.situation.entries > 0
    assert {c.indicator for c in brief.comparisons} == {"anmalda-brott", "utsatthet-ntu"}
    # NTU's figure for 2020 was published in October 2021: on 31 March 2021 the latest
    # national figure known was 2019's.
    periods = {c.indicator: (str(c.period), c.national) for c in brief.comparisons}
    assert periods == {"anmalda-brott": ("2020", 15079), "utsatthet-ntu": ("2019", 22.6)}


QUARTERS_2021 = [Period.parse(f"2021Q{i}") for i in range(1, 5)]


def test_a_body_meeting_four_times_a_year_does_not_keep_a_cadence_of_six(plan: Path) -> None:
    """Six a year is one meeting by the end of February, April, June, August, October and
    December; quarters ask for 1, 2, 1 and 2, not one each."""
    edit(plan / "organisation.yaml", "mötesfrekvens: 4 gånger", "mötesfrekvens: 6 gånger")
    for day in ("2021-05-15", "2021-08-15", "2021-11-15"):
        write(plan / f"moten/{day}-lokala-bra.yaml", f"datum: {day}\norgan: lokala-bra\n")
    loaded = _loaded(plan)
    rows = [build_brief(loaded, q).meetings[0] for q in QUARTERS_2021]
    assert [(len(m.held), m.expected) for m in rows] == [(1, 1), (1, 2), (1, 1), (1, 2)]
    assert [m.status for m in rows] == [Status.OK, Status.DUE, Status.LATE, Status.LATE]
    due = [m.deadline.date if m.deadline else None for m in rows]
    assert due == [date(2021, 4, 30), date(2021, 6, 30), date(2021, 8, 31), date(2021, 10, 31)]


def test_the_year_s_quarters_ask_for_the_year_s_cadence() -> None:
    for path in sorted(EXAMPLES.glob("*/kommun.yaml")):
        loaded = _loaded(path.parent)
        briefs = [build_brief(loaded, q) for q in QUARTERS_2021]
        for body in loaded.plan.bodies().values():
            cadence = body.cadence
            if cadence is None or cadence.only_when_needed or body.start or body.end:
                continue
            if cadence.pauses:  # a pause asks for fewer (tests/test_followup_pauses.py)
                continue
            rows = [m for b in briefs for m in b.meetings if m.body.id == body.id]
            if len(rows) == 4 and cadence.qualifier.value != "cirka":
                total = sum(m.expected or 0 for m in rows)
                assert total == round(cadence.per_year), (path.parent.name, body.id)


def test_something_due_on_the_quarter_s_last_day_is_still_to_do(plan: Path) -> None:
    (plan / "moten/2021-03-02-lokala-bra.yaml").unlink()
    brief = build_brief(_loaded(plan), Q1)
    [row] = brief.meetings
    assert (row.held, row.expected, row.status) == ((), 1, Status.DUE)
    assert [(d.kind, d.key, d.date) for d in brief.upcoming][:1] == [
        (Kind.MEETING, "lokala-bra", date(2021, 3, 31))
    ]
    assert brief.overdue == ()
    q2 = build_brief(_loaded(plan), Period.parse("2021Q2"))
    assert [(d.rule, d.date) for d in q2.overdue] == [("TRY406", date(2021, 3, 31))]


def test_an_evaluation_report_due_next_quarter_is_on_the_to_do_list(plan: Path) -> None:
    edit(
        plan / "aktiviteter.yaml",
        "    status: pågående\n",
        "    status: pågående\n    utvärdering:\n      utförare: Brå\n"
        "      rapport_senast: 2021-05-15\n",
    )
    brief = build_brief(_loaded(plan), Q1)
    found = [(d.date, d.key, d.responsible) for d in brief.upcoming]
    assert (date(2021, 5, 15), "vandringar.evaluation", "Brå") in found
