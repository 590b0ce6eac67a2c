"""Follow-up as of a date: cadence, actions and goals."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import edit, write
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.followup.accounts import LateRule, account
from trygghet_cli.followup.state import (
    ActionState,
    GoalState,
    actions_as_of,
    expected_occasions,
    goals_as_of,
    occasion_due,
    regular_meeting_dates,
    report_deliveries,
    required_due,
    value_known_on,
)
from trygghet_cli.model.cadence import parse_cadence
from trygghet_cli.model.plan import Plan


@pytest.mark.parametrize(
    ("phrase", "start", "end", "expected"),
    [
        ("6 gånger per år", date(2021, 1, 1), date(2021, 12, 31), 6),
        ("6 gånger per år", date(2021, 1, 1), date(2021, 3, 31), 1),
        ("6 gånger per år", date(2021, 1, 1), date(2021, 6, 30), 3),
        ("varannan vecka", date(2021, 1, 1), date(2021, 3, 31), 6),
        ("varannan vecka", date(2021, 1, 1), date(2021, 12, 31), 26),
        ("varje månad", date(2021, 1, 1), date(2021, 6, 30), 6),
        ("varje månad", date(2021, 2, 1), date(2021, 2, 28), 1),
        ("varje månad", date(2021, 2, 15), date(2021, 3, 15), 1),
        ("6 gånger per år", date(2021, 1, 1), date(2021, 2, 27), 0),
        ("6 gånger per år", date(2021, 1, 1), date(2021, 2, 28), 1),
        ("4 gånger per år", date(2021, 1, 1), date(2021, 3, 30), 0),
        ("4 gånger per år", date(2021, 1, 1), date(2021, 3, 31), 1),
        ("5 gånger per år", date(2021, 1, 1), date(2021, 12, 31), 5),
        ("5 gånger per år", date(2021, 1, 1), date(2021, 12, 30), 4),
        # "cirka" asks for 85 % of the slots: the first of six is not asked for
        ("cirka 6 gånger per år", date(2021, 1, 1), date(2021, 3, 31), 0),
        ("cirka 6 gånger per år", date(2021, 1, 1), date(2021, 4, 30), 1),
        ("minst 4 gånger per år", date(2021, 1, 1), date(2021, 12, 31), 4),
        ("var tredje månad", date(2021, 1, 1), date(2021, 12, 31), 4),
        ("vartannat år", date(2021, 1, 1), date(2021, 12, 31), 0),
        ("vartannat år", date(2020, 1, 1), date(2021, 12, 31), 1),
        ("cirka 6 gånger per år", date(2021, 1, 1), date(2021, 12, 31), 5),
        ("vid behov", date(2021, 1, 1), date(2021, 12, 31), 0),
        ("6 gånger per år", date(2021, 6, 1), date(2021, 5, 1), 0),
    ],
)
def test_expected_occasions(phrase: str, start: date, end: date, expected: int) -> None:
    assert expected_occasions(parse_cadence(phrase), start, end) == expected


@pytest.mark.parametrize(
    ("phrase", "n", "due"),
    [
        ("4 gånger per år", 1, date(2021, 3, 31)),
        ("4 gånger per år", 4, date(2021, 12, 31)),
        ("6 gånger per år", 1, date(2021, 2, 28)),
        ("6 gånger per år", 3, date(2021, 6, 30)),
        ("varje månad", 2, date(2021, 2, 28)),
        ("varannan vecka", 1, date(2021, 1, 14)),
        ("varannan vecka", 26, date(2021, 12, 30)),
        ("5 gånger per år", 5, date(2021, 12, 31)),
        ("varje år", 1, date(2021, 12, 31)),
    ],
)
def test_each_interval_of_the_year_is_a_slot_due_on_its_last_day(
    phrase: str, n: int, due: date
) -> None:
    assert occasion_due(parse_cadence(phrase), date(2021, 1, 1), n) == due


def test_the_slots_and_the_count_agree() -> None:
    """An occasion is asked for from the day after its slot ends, never earlier."""
    for phrase in ("6 gånger per år", "cirka 6 gånger per år", "varje månad", "varannan vecka"):
        cadence = parse_cadence(phrase)
        start = date(2021, 1, 1)
        for k in range(1, 6):
            due = required_due(cadence, start, k)
            assert due is not None
            assert expected_occasions(cadence, start, due - timedelta(days=1)) == k - 1
            assert expected_occasions(cadence, start, due) == k


def test_an_account_counts_and_dates_the_next_occasion() -> None:
    cadence = parse_cadence("varannan vecka")
    held = [date(2021, 1, 13), date(2021, 1, 27), date(2021, 2, 10)]
    acc = account(cadence, held, date(2021, 1, 1), date(2021, 3, 31))
    assert acc is not None
    # slots end 14 and 28 January, 11 and 25 February, 11 and 25 March: six by 31 March
    assert (acc.held, acc.required, acc.missing) == (3, 6, 3)
    assert [d.due for d in acc.missed] == [date(2021, 2, 25), date(2021, 3, 11), date(2021, 3, 25)]
    assert acc.last == date(2021, 2, 10)
    # the fourth slot ended 25 February, but two weeks after the last meeting came first
    assert acc.due == date(2021, 2, 24)
    assert acc.late == (LateRule.COUNT, LateRule.INTERVAL)
    assert acc.late_since == date(2021, 2, 24)


def test_the_next_occasion_is_due_on_its_slot_when_that_comes_first() -> None:
    cadence = parse_cadence("4 gånger per år")
    acc = account(cadence, [date(2021, 1, 5), date(2021, 2, 1)], date(2021, 1, 1), date(2021, 3, 1))
    assert acc is not None and not acc.missed
    assert acc.due == date(2021, 5, 1)  # one interval after 1 February, before 30 June
    assert acc.due_rule is LateRule.INTERVAL
    acc = account(cadence, [date(2021, 3, 15)], date(2021, 1, 1), date(2021, 3, 20))
    assert acc is not None and acc.due == date(2021, 6, 15)
    acc = account(cadence, [date(2021, 1, 5)], date(2021, 1, 1), date(2021, 1, 6))
    assert acc is not None and acc.due == date(2021, 4, 5)  # before the second slot ends
    acc = account(cadence, [], date(2021, 1, 1), date(2021, 1, 6))
    assert acc is not None and (acc.due, acc.due_rule) == (date(2021, 3, 31), LateRule.COUNT)


def test_history_before_the_anchor_sets_the_next_due_date() -> None:
    cadence = parse_cadence("6 gånger per år")
    acc = account(cadence, [date(2020, 12, 20)], date(2021, 1, 1), date(2021, 1, 31))
    assert acc is not None
    assert (acc.held, acc.required, acc.last) == (0, 0, date(2020, 12, 20))
    assert acc.due == date(2021, 2, 20)
    # an interval that ran out before counting began does not make the duty late
    acc = account(cadence, [date(2019, 12, 20)], date(2021, 1, 1), date(2021, 1, 31))
    assert acc is not None and acc.after_last is None and acc.due == date(2021, 2, 28)


def test_a_duty_that_ends_has_nothing_due_after_it() -> None:
    cadence = parse_cadence("var tredje vecka")
    acc = account(
        cadence, [date(2021, 4, 20)], date(2021, 4, 1), date(2021, 4, 25), date(2021, 4, 30)
    )
    assert acc is not None and acc.due is None
    assert account(cadence, [], date(2021, 4, 1), date(2021, 5, 1), date(2021, 4, 30)) is None


def test_a_cadence_longer_than_a_year_counts_spans_from_the_anchor() -> None:
    cadence = parse_cadence("vartannat år")
    acc = account(cadence, [], date(2021, 3, 1), date(2025, 3, 1))
    assert acc is not None
    assert [(d.start, d.due) for d in acc.demands] == [
        (date(2021, 3, 1), date(2023, 2, 28)),
        (date(2023, 3, 1), date(2025, 2, 28)),
        (date(2025, 3, 1), date(2027, 2, 28)),
    ]
    assert (acc.held, acc.required, len(acc.missed)) == (0, 2, 2)


def test_cirka_forgives_the_slots_it_does_not_ask_for() -> None:
    cadence = parse_cadence("cirka 6 gånger per år")
    # six slots, 85 % of them asked for: five, due at the end of slots 2, 3, 4, 5 and 6
    acc = account(cadence, [], date(2021, 1, 1), date(2021, 12, 31))
    assert acc is not None
    assert [d.due for d in acc.demands] == [
        date(2021, 4, 30),
        date(2021, 6, 30),
        date(2021, 8, 31),
        date(2021, 10, 31),
        date(2021, 12, 31),
    ]


def _plan(plan_dir: Path) -> Plan:
    return check_plan(plan_dir).loaded.plan


def test_meeting_cadence_of_the_fixture(plan: Path) -> None:
    write(
        plan / "moten/2021-02-01-lokala-bra.yaml",
        "datum: 2021-02-01\norgan: lokala-bra\ntyp: akut\n",
    )
    dates = regular_meeting_dates(_plan(plan), "lokala-bra")
    assert dates == [date(2021, 3, 2)]
    acc = account(parse_cadence("4 gånger per år"), dates, date(2021, 1, 1), date(2021, 7, 1))
    assert acc is not None and (acc.held, acc.required) == (1, 2)


def test_reporting_lines(plan: Path) -> None:
    assert report_deliveries(_plan(plan), "arsrapport") == [date(2021, 3, 2)]
    assert report_deliveries(_plan(plan), "finns-inte") == []


def test_action_states_over_time(plan: Path) -> None:
    meeting = plan / "moten/2021-03-02-lokala-bra.yaml"
    edit(
        meeting,
        "rapporter: [arsrapport]",
        "  - id: a-2\n    text: Ta fram lägesbild\n    ansvarig: samordnare\n"
        "    senast: 2021-04-15\n    status: klar\n    klar_datum: 2021-05-01\n"
        "  - id: a-3\n    text: Avbokat\n    ansvarig: samordnare\n"
        "    senast: 2021-04-15\n    status: avbruten\n"
        "  - id: a-4\n    text: Fortfarande öppen\n    ansvarig: samordnare\n"
        "    senast: 2021-06-30\n    status: pågående\n"
        "rapporter: [arsrapport]",
    )
    p = _plan(plan)
    assert actions_as_of(p, date(2021, 3, 1)) == []

    def states(day: date) -> dict[str, ActionState]:
        return {v.action.id: v.state for v in actions_as_of(p, day)}

    assert states(date(2021, 3, 31)) == {
        "a-1": ActionState.DONE,
        "a-2": ActionState.OPEN,
        "a-3": ActionState.CANCELLED,
        "a-4": ActionState.OPEN,
    }
    assert states(date(2021, 4, 30))["a-2"] is ActionState.OVERDUE
    assert states(date(2021, 5, 31))["a-2"] is ActionState.DONE_LATE
    assert states(date(2021, 7, 1))["a-4"] is ActionState.OVERDUE


def test_goal_states(plan: Path) -> None:
    indicators = plan / "nyckeltal.yaml"

    def state(day: date) -> GoalState:
        return goals_as_of(_plan(plan), day)[0].state

    assert state(date(2021, 6, 30)) is GoalState.NO_DATA
    with indicators.open("a", encoding="utf-8") as f:
        f.write("      - period: 2021\n        värde: 8800\n        geografi: {nivå: kommun}\n")
    assert state(date(2021, 6, 30)) is GoalState.NO_DATA
    assert state(date(2022, 1, 31)) is GoalState.ON_TRACK
    edit(indicators, "värde: 8800", "värde: 9100")
    assert state(date(2022, 1, 31)) is GoalState.OFF_TRACK
    assert state(date(2023, 1, 31)) is GoalState.MISSED
    edit(indicators, "värde: 9100", "värde: 8400")
    assert state(date(2023, 1, 31)) is GoalState.ACHIEVED


def test_goal_progress_ignores_other_geographies(plan: Path) -> None:
    """A national value must never count as the kommun's own, whatever the file order."""
    indicators = plan / "nyckeltal.yaml"
    national = "      - period: 2021\n        värde: 100\n        geografi: {nivå: riket}\n"
    local = "      - period: 2021\n        värde: 9100\n        geografi: {nivå: kommun}\n"
    for order in ([national, local], [local, national]):
        text = indicators.read_text(encoding="utf-8").split("      - period: 2021")[0]
        indicators.write_text(text + "".join(order), encoding="utf-8")
        progress = goals_as_of(_plan(plan), date(2022, 1, 31))[0]
        assert progress.state is GoalState.OFF_TRACK
        assert progress.latest is not None and progress.latest.value == 9100


def test_a_value_from_a_dated_release_counts_from_that_day(plan: Path) -> None:
    """NTU 2021 (utsatthet during 2020) came out on 12 October 2021, the kommun's figure with
    the country's: before that day it was not known, whatever its period."""
    indicators = plan / "nyckeltal.yaml"
    with indicators.open("a", encoding="utf-8") as f:
        f.write(
            "      - period: 2021\n        värde: 8800\n        geografi: {nivå: kommun}\n"
            "        utgåva: NTU 2022\n"
        )
    value = _plan(plan).indicators_by_id()["anmalda-brott"].values[-1]
    assert value.edition == "NTU 2022"
    assert not value_known_on(value, date(2022, 10, 10))
    assert value_known_on(value, date(2022, 10, 11))  # NTU 2022's day in trygg's figures

    def state(day: date) -> GoalState:
        return goals_as_of(_plan(plan), day)[0].state

    assert state(date(2022, 3, 31)) is GoalState.NO_DATA
    assert state(date(2022, 12, 31)) is GoalState.ON_TRACK
    edit(indicators, "utgåva: NTU 2022", "utgåva: Egen enkät 2021")  # no date known: period end
    assert state(date(2022, 3, 31)) is GoalState.ON_TRACK


def test_a_latest_value_equal_to_the_baseline_is_unchanged_not_off_track(plan: Path) -> None:
    """Issue 11, item 4: 9 000 in 2021 against a baseline of 9 000 (2020) neither improves nor
    worsens; it is *oförändrat*, not "går åt fel håll"."""
    with (plan / "nyckeltal.yaml").open("a", encoding="utf-8") as f:
        f.write("      - period: 2021\n        värde: 9000\n        geografi: {nivå: kommun}\n")
    progress = goals_as_of(_plan(plan), date(2022, 1, 31))[0]
    assert progress.state is GoalState.UNCHANGED
    assert progress.state.value == "oförändrat"
