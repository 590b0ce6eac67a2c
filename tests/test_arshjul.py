"""Fixed dates of an årshjul (issue 11): ``varje år senast 31 december``, ``varje år i
februari``, ``varje kvartal senast den 15:e``, each on a small plan whose answer is worked out
here by hand. Every plan starts on 1 January 2024 unless the test says otherwise."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Run
from tests.deadline_support import message, of_kind, summary
from tests.plan_builder import body, follow_up, make_plan
from trygghet_cli.followup.accounts import account
from trygghet_cli.followup.base import Kind
from trygghet_cli.followup.state import add_interval
from trygghet_cli.model.cadence import Cadence, CadenceError, Unit, parse_cadence


def _bra(*reports: tuple[str, str]) -> str:
    return body("bra", "vid behov", name="Karlsborgs BRÅ", reports=list(reports))


# --- reading the phrases -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "unit", "month", "day", "canonical", "english"),
    [
        (
            "varje år senast 31 december",
            Unit.YEAR,
            12,
            31,
            "varje år senast 31 december",
            "every year by 31 December",
        ),
        (
            "Varje år, senast den 31 december",
            Unit.YEAR,
            12,
            31,
            "varje år senast 31 december",
            "every year by 31 December",
        ),
        (
            "varje år, senast i december",
            Unit.YEAR,
            12,
            None,
            "varje år senast i december",
            "every year by the end of December",
        ),
        (
            "varje år i februari",
            Unit.YEAR,
            2,
            None,
            "varje år i februari",
            "every year in February",
        ),
        ("årligen i februari", Unit.YEAR, 2, None, "varje år i februari", "every year in February"),
        (
            "varje kvartal senast den 15:e",
            Unit.QUARTER,
            None,
            15,
            "varje kvartal senast den 15:e",
            "every quarter, by the 15th of the following month",
        ),
        (
            "varje månad senast den 1",
            Unit.MONTH,
            None,
            1,
            "varje månad senast den 1:a",
            "every month, by the 1st of the following month",
        ),
        (
            "varje halvår senast den 22:a",
            Unit.HALF_YEAR,
            None,
            22,
            "varje halvår senast den 22:a",
            "every half year, by the 22nd of the following month",
        ),
    ],
)
def test_fixed_dates_are_read_and_written_back(
    phrase: str, unit: Unit, month: int | None, day: int | None, canonical: str, english: str
) -> None:
    c = parse_cadence(phrase)
    assert (c.unit, c.due_month, c.due_day, c.fixed) == (unit, month, day, True)
    assert (c.describe("sv"), c.describe("en")) == (canonical, english)
    assert parse_cadence(canonical) == c


@pytest.mark.parametrize(
    "phrase",
    [
        "varje år senast 30 februari",
        "varje år senast 31 april",
        "varje år senast 0 maj",
        "varje kvartal senast den 32:e",
        "varje år senast den 15:e",  # which month? a year needs one
        "varje år i smörmånad",
    ],
)
def test_impossible_fixed_dates_are_refused(phrase: str) -> None:
    with pytest.raises(CadenceError):
        parse_cadence(phrase)


def test_a_document_revised_on_a_fixed_date_is_due_on_the_next_one() -> None:
    december = parse_cadence("varje år senast 31 december")
    assert add_interval(december, date(2024, 3, 1)) == date(2024, 12, 31)
    assert add_interval(december, date(2024, 12, 31)) == date(2025, 12, 31)
    # 29 February is 28 February in other years than leap years
    assert add_interval(parse_cadence("varje år senast 29 februari"), date(2024, 3, 1)) == date(
        2025, 2, 28
    )


# --- 'varje år senast 31 december' -----------------------------------------------------------


def test_by_31_december_is_late_on_new_year_s_day_and_stays_late(tmp_path: Path) -> None:
    plan = make_plan(tmp_path, [_bra(("handlingsprogram", "varje år senast 31 december"))])
    # 2024 asks for one, by 31 December 2024: due that day, not yet late
    assert summary(of_kind(plan, Kind.REPORT, date(2024, 12, 31))) == [
        ("TRY409", "handlingsprogram", "due-soon", "2024-12-31")
    ]
    [item] = of_kind(plan, Kind.REPORT, date(2025, 1, 1))
    assert summary([item]) == [("TRY408", "handlingsprogram", "overdue", "2024-12-31")]
    assert message(item) == (
        "Rapporteringen 'handlingsprogram' från Karlsborgs BRÅ till Kommunstyrelsen har lämnats "
        "0 av 1 gång sedan 1 januari 2024 (varje år senast 31 december): rapporten för 2024 "
        "skulle ha lämnats senast 31 december 2024"
    )
    assert message(item, "en") == (
        "The report 'handlingsprogram' from Karlsborgs BRÅ to Kommunstyrelsen has been delivered "
        "0 of 1 time since 1 January 2024 (every year by 31 December): the report for 2024 was "
        "due by 31 December 2024"
    )
    # still late in the summer, and after the next new year two are missing, 2024's first
    assert summary(of_kind(plan, Kind.REPORT, date(2025, 7, 1))) == [
        ("TRY408", "handlingsprogram", "overdue", "2024-12-31")
    ]
    [later] = of_kind(plan, Kind.REPORT, date(2026, 1, 1))
    assert "0 av 2 gånger sedan 1 januari 2024" in message(later)
    assert "2 rapporter saknas, den första för 2024, som skulle ha lämnats senast" in message(later)


def test_by_31_december_delivered_late_closes_2024_and_leaves_2025_open(tmp_path: Path) -> None:
    plan = make_plan(
        tmp_path,
        [_bra(("handlingsprogram", "varje år senast 31 december"))],
        reports_at=[(date(2025, 3, 10), "bra", "handlingsprogram")],
    )
    assert summary(of_kind(plan, Kind.REPORT, date(2025, 3, 9))) == [
        ("TRY408", "handlingsprogram", "overdue", "2024-12-31")
    ]
    # 10 March 2025 delivers 2024's; 2025's is due by 31 December 2025, not a year after
    # 10 March (fixed dates know no interval)
    assert of_kind(plan, Kind.REPORT, date(2025, 3, 10)) == []
    assert of_kind(plan, Kind.REPORT, date(2025, 11, 30)) == []
    assert summary(of_kind(plan, Kind.REPORT, date(2025, 12, 1))) == [
        ("TRY409", "handlingsprogram", "due-soon", "2025-12-31")
    ]
    [late] = of_kind(plan, Kind.REPORT, date(2026, 1, 1))
    assert "rapporten för 2025 skulle ha lämnats senast 31 december 2025" in message(late)


# --- 'varje år i februari' -------------------------------------------------------------------


def test_in_february_delivered_on_10_february_is_on_time(tmp_path: Path) -> None:
    plan = make_plan(
        tmp_path,
        [_bra(("utvardering", "varje år i februari"))],
        plan_date=date(2025, 1, 1),
        reports_at=[(date(2025, 2, 10), "bra", "utvardering")],
    )
    for day in (date(2025, 2, 10), date(2025, 2, 28), date(2025, 3, 1), date(2026, 1, 20)):
        assert of_kind(plan, Kind.REPORT, day) == [], day
    # the next: 2026's, by 28 February 2026
    assert summary(of_kind(plan, Kind.REPORT, date(2026, 2, 1))) == [
        ("TRY409", "utvardering", "due-soon", "2026-02-28")
    ]


def test_in_february_delivered_on_3_march_is_late_until_then(tmp_path: Path) -> None:
    plan = make_plan(
        tmp_path,
        [_bra(("utvardering", "varje år i februari"))],
        plan_date=date(2025, 1, 1),
        reports_at=[(date(2025, 3, 3), "bra", "utvardering")],
    )
    assert summary(of_kind(plan, Kind.REPORT, date(2025, 2, 28))) == [
        ("TRY409", "utvardering", "due-soon", "2025-02-28")
    ]
    for day in (date(2025, 3, 1), date(2025, 3, 2)):
        [item] = of_kind(plan, Kind.REPORT, day)
        assert summary([item]) == [("TRY408", "utvardering", "overdue", "2025-02-28")]
        assert message(item).endswith(
            "(varje år i februari): rapporten för 2025 skulle ha lämnats senast 28 februari 2025"
        )
    assert of_kind(plan, Kind.REPORT, date(2025, 3, 3)) == []


def test_a_fixed_date_before_the_plan_begins_is_not_asked_for(tmp_path: Path) -> None:
    # the plan begins 1 June 2024: February 2024 had passed, the first is February 2025;
    # 31 December 2024 is in the plan's first year and is asked for
    plan = make_plan(
        tmp_path,
        [_bra(("utvardering", "varje år i februari"), ("program", "varje år senast i december"))],
        plan_date=date(2024, 6, 1),
    )
    assert of_kind(plan, Kind.REPORT, date(2024, 12, 1)) == [
        d for d in of_kind(plan, Kind.REPORT, date(2024, 12, 1)) if d.key == "program"
    ]
    assert summary(of_kind(plan, Kind.REPORT, date(2025, 2, 1))) == [
        ("TRY408", "program", "overdue", "2024-12-31"),
        ("TRY409", "utvardering", "due-soon", "2025-02-28"),
    ]


# --- 'varje kvartal senast den 15:e': the 15th of the month after each quarter ---------------


def test_quarterly_by_the_15th_is_due_the_15th_after_the_quarter(tmp_path: Path) -> None:
    # kvartal 1 by 15 April, kvartal 2 by 15 July; done 20 March (early, for kvartal 1);
    # counted in the calendar year, as every cadence is: by 15 July two asked for, one done
    plan = make_plan(
        tmp_path,
        [],
        plan_date=date(2025, 1, 1),
        follow_ups=follow_up("kvartal", "varje kvartal senast den 15:e", [date(2025, 3, 20)]),
    )
    assert of_kind(plan, Kind.FOLLOW_UP, date(2025, 4, 16)) == []
    [soon] = of_kind(plan, Kind.FOLLOW_UP, date(2025, 7, 15))
    assert summary([soon]) == [("TRY411", "kvartal", "due-soon", "2025-07-15")]
    assert message(soon) == (
        "Uppföljningen 'kvartal' (Uppföljning kvartal) ska göras senast 15 juli 2025, "
        "uppföljningen för kvartal 2 2025 (varje kvartal senast den 15:e; gjord 1 av 2 gånger "
        "sedan 1 januari 2025, den senaste 20 mars 2025)"
    )
    [late] = of_kind(plan, Kind.FOLLOW_UP, date(2025, 7, 16))
    assert summary([late]) == [("TRY410", "kvartal", "overdue", "2025-07-15")]
    assert message(late) == (
        "Uppföljningen 'kvartal' (Uppföljning kvartal) är gjord 1 av 2 gånger sedan 1 januari 2025 "
        "(varje kvartal senast den 15:e): uppföljningen för kvartal 2 2025 skulle ha gjorts "
        "senast 15 juli 2025"
    )
    # kvartal 4 is due by 15 January the next year; on 16 January 2026 three are missing
    [after] = of_kind(plan, Kind.FOLLOW_UP, date(2026, 1, 16))
    assert "3 uppföljningar saknas, den första för kvartal 2 2025" in message(after)


def test_quarterly_by_the_15th_done_late_for_its_quarter(tmp_path: Path) -> None:
    # kvartal 1 done 2 May: late from 16 April to 1 May, then nothing until 15 July
    plan = make_plan(
        tmp_path,
        [],
        plan_date=date(2025, 1, 1),
        follow_ups=follow_up("kvartal", "varje kvartal senast den 15:e", [date(2025, 5, 2)]),
    )
    assert summary(of_kind(plan, Kind.FOLLOW_UP, date(2025, 4, 16))) == [
        ("TRY410", "kvartal", "overdue", "2025-04-15")
    ]
    assert of_kind(plan, Kind.FOLLOW_UP, date(2025, 5, 2)) == []
    assert summary(of_kind(plan, Kind.FOLLOW_UP, date(2025, 7, 1))) == [
        ("TRY411", "kvartal", "due-soon", "2025-07-15")
    ]


# --- the brief and the calendar feed ---------------------------------------------------------


def test_the_brief_the_json_and_the_calendar_show_the_fixed_date(run: Run, tmp_path: Path) -> None:
    plan = make_plan(
        tmp_path / "p",
        [
            _bra(
                ("handlingsprogram", "varje år senast 31 december"),
                ("utvardering", "varje år i februari"),
            )
        ],
        reports_at=[(date(2024, 2, 12), "bra", "utvardering")],
    )
    expected = "rapporten för 2024 skulle ha lämnats senast 31 december 2024"
    brief = run("report", "--quarter", "2025Q1", str(plan))
    assert brief.exit_code == 0, brief.output
    late = brief.stdout.split("**Försenat**", 1)[1].split("\n## ", 1)[0]
    assert expected in late
    # on 31 March 2025 the utvärdering for 2025 (due 28 February 2025) is late too
    assert "rapporten för 2025 skulle ha lämnats senast 28 februari 2025" in late
    listed = json.loads(
        run("deadlines", str(plan), "--as-of", "2025-01-01", "--format", "json").stdout
    )["plans"][0]["deadlines"]
    assert [(d["rule"], d["date"]) for d in listed] == [("TRY408", "2024-12-31")]
    assert expected in listed[0]["message"]
    result = run("deadlines", str(plan), "--as-of", "2025-01-01", "-f", "ics")
    feed = icalendar.Calendar.from_ical(result.stdout_bytes)
    events = sorted((e.decoded("dtstart"), str(e["summary"])) for e in feed.walk("VEVENT"))
    # the late one on its day, and the next utvärdering on 28 February 2025
    assert [(d, "handlingsprogram" in s, "utvardering" in s) for d, s in events] == [
        (date(2024, 12, 31), True, False),
        (date(2025, 2, 28), False, True),
    ]


# --- invariants ------------------------------------------------------------------------------

FIXED_PHRASES = [
    "varje år senast 31 december",
    "varje år i februari",
    "varje år senast 29 februari",
    "varje kvartal senast den 15:e",
    "varje månad senast den 31:a",
    "varje halvår senast den 1:a",
]
fixed_days = st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 12, 31))


@st.composite
def _fixed_cadences(draw: st.DrawFn) -> Cadence:
    if draw(st.booleans()):
        month = draw(st.integers(1, 12))
        day = draw(
            st.none() | st.integers(1, (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1])
        )
        return Cadence(
            1,
            1,
            Unit.YEAR,
            due_month=month,
            due_day=day,
            in_month=day is None and draw(st.booleans()),
        )
    unit = draw(st.sampled_from([Unit.MONTH, Unit.QUARTER, Unit.TERTIAL, Unit.HALF_YEAR]))
    return Cadence(1, 1, unit, due_day=draw(st.integers(1, 31)))


@given(_fixed_cadences())
def test_a_fixed_date_reads_back_as_itself(c: Cadence) -> None:
    assert parse_cadence(str(c)) == c


@settings(max_examples=200, deadline=None)
@given(
    phrase=st.sampled_from(FIXED_PHRASES),
    anchor=fixed_days,
    occasions=st.lists(fixed_days, max_size=8),
    day=fixed_days,
)
def test_a_missed_fixed_date_stays_missed_until_an_occasion_closes_it(
    phrase: str, anchor: date, occasions: list[date], day: date
) -> None:
    cadence = parse_cadence(phrase)
    today = account(cadence, occasions, anchor, day)
    tomorrow = account(cadence, occasions, anchor, day + timedelta(days=1))
    if today is None:
        return
    assert tomorrow is not None
    for missed in today.missed:
        assert missed.due < day and missed.due >= anchor
        assert missed.covers is not None and missed.covers[0] <= missed.due
    # late today stays late tomorrow unless something was done tomorrow
    if today.missed and day + timedelta(days=1) not in occasions:
        assert tomorrow.missed[0] == today.missed[0]
    assert today.after_last is None  # fixed dates know no interval
    if today.next is not None:
        assert today.next.due >= day or today.next in today.missed
