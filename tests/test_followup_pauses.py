"""Planned pauses (issue 11): an EST group that does not meet in July, a råd that takes no
meetings over Christmas. A slot that lies wholly in a pause asks for nothing, a slot that ends
in one is due the first day after it, and the days of a pause do not count towards the
interval after the last meeting. Each plan starts on 1 January 2024; the comments give the
arithmetic.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, Run
from tests.deadline_support import message, of_kind, summary
from tests.plan_builder import body, make_plan
from trygghet_cli.followup.accounts import account
from trygghet_cli.followup.base import Kind
from trygghet_cli.model.cadence import CadenceError, Pause, parse_cadence
from trygghet_cli.wording import cadence_text

JANUARY_TO_JUNE = [date(2024, month, 15) for month in range(1, 7)]
CHRISTMAS = '    uppehåll: ["20 december–6 januari"]\n'


def _est(root: Path, cadence: str) -> Path:
    return make_plan(root, [body("est", cadence, name="EST-gruppen")], JANUARY_TO_JUNE)


# --- the cadence's words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical", "english"),
    [
        (
            "2 gånger per månad, uppehåll i juli",
            "2 gånger per månad, uppehåll i juli",
            "2 times a month, break in July",
        ),
        (
            "varje månad med uppehåll juli och augusti",
            "varje månad, uppehåll i juli och augusti",
            "every month, break in July and August",
        ),
        (
            "6 gånger per år, uppehåll juni-augusti",
            "6 gånger per år, uppehåll i juni–augusti",
            "6 times a year, break in June–August",
        ),
        (
            "varannan vecka, uppehåll 20 december–6 januari",
            "varannan vecka, uppehåll 20 december–6 januari",
            "every other week, break 20 December–6 January",
        ),
        (
            "varje månad, uppehåll 2025-06-15–2025-08-15, även vid behov",
            "varje månad, uppehåll 15 juni–15 augusti 2025, även vid behov",
            "every month, break 15 June–15 August 2025, and also when needed",
        ),
        (
            "varannan vecka, uppehåll 20 december 2025–6 januari 2026",
            "varannan vecka, uppehåll 20 december 2025–6 januari 2026",
            "every other week, break 20 December 2025–6 January 2026",
        ),
        ("varje månad utom juli", "varje månad, uppehåll i juli", "every month, break in July"),
    ],
)
def test_a_cadence_names_its_pauses(text: str, canonical: str, english: str) -> None:
    cadence = parse_cadence(text)
    assert str(cadence) == canonical
    assert cadence_text(cadence).en == english
    assert parse_cadence(canonical) == cadence


def test_a_pause_covers_its_days_every_year_or_once() -> None:
    july = parse_cadence("varje månad, uppehåll i juli")
    assert july.pauses == (Pause((7, 1), (7, 31)),)
    assert [july.paused(date(y, 7, d)) for y in (2024, 2031) for d in (1, 31)] == [True] * 4
    assert not july.paused(date(2024, 6, 30)) and not july.paused(date(2024, 8, 1))
    christmas = parse_cadence("varje månad, uppehåll 20 december–6 januari")
    assert christmas.paused(date(2024, 12, 20)) and christmas.paused(date(2025, 1, 6))
    assert not christmas.paused(date(2024, 12, 19)) and not christmas.paused(date(2025, 1, 7))
    once = parse_cadence("varje månad, uppehåll 2025-06-15–2025-08-15")
    assert once.paused(date(2025, 7, 1)) and not once.paused(date(2026, 7, 1))


@pytest.mark.parametrize(
    "text",
    [
        "varje månad, uppehåll i jali",  # no such month
        "varje månad, uppehåll 31 juni",  # no such day
        "varje månad, uppehåll juli–januari",  # more than half a year
        "varje månad, uppehåll 2025-08-15–2025-06-15",  # ends before it begins
        "varje år i februari, uppehåll i juli",  # a fixed date has no pause
    ],
)
def test_a_pause_that_cannot_be_is_refused(text: str) -> None:
    with pytest.raises(CadenceError):
        parse_cadence(text)


# --- counts and intervals -------------------------------------------------------------------


def test_no_meeting_in_july_is_not_a_missed_meeting(tmp_path: Path) -> None:
    """Meetings on the 15th, January to June. Without the pause the interval (15 July) has
    passed on 31 July; with it, July's slot asks for nothing and the interval counts June's
    last 15 days and August's first 15: next meeting by 15 August."""
    paused = _est(tmp_path / "paused", "varje månad, uppehåll i juli")
    [item] = of_kind(paused, Kind.MEETING, date(2024, 7, 31))
    assert summary([item]) == [("TRY407", "est", "due-soon", "2024-08-15")]
    assert message(item) == (
        "EST-gruppen: nästa möte ska hållas senast 15 augusti 2024, räknat från det "
        "senaste mötet 15 juni 2024 (varje månad, uppehåll i juli; 6 möten hållna sedan "
        "1 januari 2024, där 6 krävs)"
    )
    unpaused = _est(tmp_path / "unpaused", "varje månad")
    assert summary(of_kind(unpaused, Kind.MEETING, date(2024, 7, 31))) == [
        ("TRY407", "est", "overdue", "2024-07-15")
    ]


def test_twice_a_month_without_july_is_late_by_mid_august_not_before(tmp_path: Path) -> None:
    """The issue's EST group: twice a month, on the 5th and 20th, January to June, none in
    July. On 31 July nothing is late; from 20 June the interval (15 days) counts 10 days of
    June and 5 of August: next meeting by 5 August, late on 6 August; August's first slot ends
    on 15 August (slots of 365.2425 / 24 days, rounded to the day), so on 16 August a meeting
    is missing by the count too."""
    days = [date(2024, m, d) for m in range(1, 7) for d in (5, 20)]
    plan = make_plan(tmp_path, [body("est", "2 gånger per månad, uppehåll i juli")], days)
    assert summary(of_kind(plan, Kind.MEETING, date(2024, 7, 31))) == [
        ("TRY407", "est", "due-soon", "2024-08-05")
    ]
    assert summary(of_kind(plan, Kind.MEETING, date(2024, 8, 6))) == [
        ("TRY407", "est", "overdue", "2024-08-05")
    ]
    item, coming = of_kind(plan, Kind.MEETING, date(2024, 8, 16))
    assert (item.rule, item.status.value) == ("TRY406", "overdue")
    # the next slot (16–31 August) is due within the window all the same
    assert summary([coming]) == [("TRY407", "est-next", "due-soon", "2024-08-31")]
    assert "har hållit 12 av 13 möten sedan 1 januari 2024" in message(item)


def test_after_the_pause_the_interval_runs_out(tmp_path: Path) -> None:
    plan = _est(tmp_path, "varje månad, uppehåll i juli")
    [item] = of_kind(plan, Kind.MEETING, date(2024, 8, 16))
    assert summary([item]) == [("TRY407", "est", "overdue", "2024-08-15")]
    # August's slot ends on 31 August: on 1 September a meeting is missing by the count too,
    # and September's is due by 30 September all the same
    item, coming = of_kind(plan, Kind.MEETING, date(2024, 9, 1))
    assert summary([item, coming]) == [
        ("TRY406", "est", "overdue", "2024-08-15"),
        ("TRY407", "est-next", "due-soon", "2024-09-30"),
    ]
    assert message(item).startswith(
        "EST-gruppen har hållit 6 av 7 möten sedan 1 januari 2024 (varje månad, uppehåll i "
        "juli): mötet för augusti 2024 skulle ha hållits senast 31 augusti 2024"
    )


def test_a_year_with_a_pause_asks_for_fewer_meetings() -> None:
    """Twice a month with July off: 24 slots less July's two is 22."""
    cadence = parse_cadence("2 gånger per månad, uppehåll i juli")
    held = [date(2024, m, d) for m in range(1, 13) if m != 7 for d in (5, 20)]
    acc = account(cadence, held, date(2024, 1, 1), date(2024, 12, 31))
    assert acc is not None
    assert (acc.held, acc.required, acc.missed, acc.late) == (22, 22, (), ())
    without = account(parse_cadence("2 gånger per månad"), held, date(2024, 1, 1), date(2025, 1, 1))
    assert without is not None and len(without.missed) == 2


def test_a_meeting_held_in_a_pause_still_counts() -> None:
    """A meeting on 15 July (in the pause) counts for August's slot; the interval from it
    skips July's last 16 days: 31 August."""
    cadence = parse_cadence("varje månad, uppehåll i juli")
    held = [*JANUARY_TO_JUNE, date(2024, 7, 15)]
    acc = account(cadence, held, date(2024, 1, 1), date(2024, 8, 31))
    assert acc is not None
    assert (acc.held, acc.required, acc.missed, acc.late) == (7, 7, (), ())
    assert acc.after_last == date(2024, 8, 31)


def test_a_christmas_pause_on_the_body_moves_december_past_it(tmp_path: Path) -> None:
    """Monthly, on the 25th, January to November. December's slot ends in the pause (20
    December–6 January), so its meeting is due on 7 January; the interval from 25 November
    counts 5 days of November, 19 of December and 6 of January: 12 January."""
    plan = make_plan(
        tmp_path,
        [body("rad", "varje månad", name="Rådet", extra=CHRISTMAS)],
        [date(2024, month, 25) for month in range(1, 12)],
    )
    [item] = of_kind(plan, Kind.MEETING, date(2025, 1, 5))
    assert summary([item]) == [("TRY407", "rad", "due-soon", "2025-01-07")]
    assert message(item) == (
        "Rådet: nästa möte ska hållas senast 7 januari 2025, mötet för december 2024 (varje "
        "månad, uppehåll 20 december–6 januari; det senaste 25 november 2024)"
    )
    item, coming = of_kind(plan, Kind.MEETING, date(2025, 1, 13))
    assert summary([item, coming]) == [
        ("TRY406", "rad", "overdue", "2025-01-07"),
        ("TRY407", "rad-next", "due-soon", "2025-01-31"),
    ]
    assert message(item) == (
        "Rådet har hållit 11 av 12 möten sedan 1 januari 2024 (varje månad, uppehåll "
        "20 december–6 januari): mötet för december 2024 skulle ha hållits senast 7 januari "
        "2025, och nästa möte skulle ha hållits senast 12 januari 2025, räknat från det "
        "senaste (25 november 2024)"
    )


# --- every output ---------------------------------------------------------------------------


def test_the_brief_the_feed_and_the_json_leave_the_pause_out(run: Run, tmp_path: Path) -> None:
    plan = _est(tmp_path / "p", "varje månad, uppehåll i juli")
    result = run("deadlines", str(plan), "--as-of", "2024-07-31", "--format", "json")
    assert result.exit_code == 0, result.output
    [item] = json.loads(result.stdout)["plans"][0]["deadlines"]
    assert (item["rule"], item["status"], item["date"]) == ("TRY407", "due-soon", "2024-08-15")
    feed = run("deadlines", str(plan), "--as-of", "2024-07-31", "--format", "ics")
    assert feed.exit_code == 0, feed.output
    events = icalendar.Calendar.from_ical(feed.stdout_bytes).walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [date(2024, 8, 15)]
    brief = run("report", "--quarter", "2024Q3", str(plan), "--lang", "sv")
    assert brief.exit_code == 0, brief.output
    assert "varje månad, uppehåll i juli" in brief.stdout


def test_the_export_shows_the_body_s_pause(run: Run, tmp_path: Path) -> None:
    plan = make_plan(
        tmp_path / "p",
        [body("rad", "varje månad", name="Rådet", extra=CHRISTMAS)],
        [date(2024, 1, 25)],
    )
    out = tmp_path / "site"
    result = run("export", str(plan), "--output", str(out), "--as-of", "2024-02-01")
    assert result.exit_code == 0, result.output
    page = (out / "organisation.html").read_text("utf-8")
    assert "varje månad, uppehåll 20 december–6 januari" in page


def test_a_pause_that_cannot_be_is_a_finding_with_its_line(run: Run, tmp_path: Path) -> None:
    plan = make_plan(
        tmp_path / "p",
        [body("rad", "varje månad", name="Rådet", extra='    uppehåll: ["juli", "jali"]\n')],
    )
    result = run("validate", str(plan))
    assert result.exit_code == 1
    [line] = [x for x in result.stdout.splitlines() if "TRY112" in x]
    assert "organisation.yaml:13:24:" in line
    assert "'jali' går inte att tolka som ett uppehåll" in line


# --- invariants -----------------------------------------------------------------------------

CADENCES = ["varje månad", "2 gånger per månad", "varannan vecka", "4 gånger per år", "varje år"]
PAUSES = [
    "i juli",
    "i juni–augusti",
    "20 december–6 januari",
    "1–14 april",
    "2024-05-01–2024-06-15",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cadence=st.sampled_from(CADENCES),
    pause=st.sampled_from(PAUSES),
    held=st.lists(st.integers(0, 3 * 365), max_size=30),
    day=st.integers(0, 3 * 365),
)
def test_a_pause_never_asks_for_more_nor_on_a_paused_day(
    cadence: str, pause: str, held: list[int], day: int
) -> None:
    start = date(2024, 1, 1)
    as_of = start + timedelta(days=day)
    occasions = [start + timedelta(days=n) for n in held]
    plain = account(parse_cadence(cadence), occasions, start, as_of)
    paused_cadence = parse_cadence(f"{cadence}, uppehåll {pause}")
    paused = account(paused_cadence, occasions, start, as_of)
    assert plain is not None and paused is not None
    assert len(paused.demands) <= len(plain.demands)
    assert len(paused.missed) <= len(plain.missed)
    assert not any(paused_cadence.paused(d.due) for d in paused.demands)
    if paused.after_last is not None and plain.after_last is not None:
        assert paused.after_last >= plain.after_last
        assert not paused_cadence.paused(paused.after_last)


def test_the_fagersta_example_keeps_the_summer_pauses_its_minutes_decided(run: Run) -> None:
    """The minutes of 1 June 2021 pause the working group until 24 August (the 22 June meeting
    is cancelled), and those of 17 June pause EST-gruppen weeks 25–32 with no monthly report
    for June and July: the example writes them as pauses, so neither the brief for the second
    quarter nor the deadlines of 10 August call them late."""
    fagersta = str(EXAMPLES / "fagersta")
    brief = run("report", fagersta, "--quarter", "2021Q2").stdout
    [row] = [line for line in brief.splitlines() if line.startswith("| Arbetsgrupp fördjupad")]
    assert "Enligt plan" in row and "Försenat" not in row
    listed = json.loads(run("deadlines", fagersta, "--as-of", "2021-08-10", "-f", "json").stdout)
    late = [d for p in listed["plans"] for d in p["deadlines"] if d["status"] == "overdue"]
    assert not [d for d in late if "EST-gruppen" in d["message"] and d["kind"] != "action"]
    assert not [d for d in late if "Arbetsgrupp" in d["message"]]
