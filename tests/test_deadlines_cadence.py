"""Meetings, reports and follow-ups by their cadence: shortfalls and the next occasion."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, edit, write
from tests.deadline_support import message, of_kind, summary
from trygghet_cli.followup.base import Kind
from trygghet_cli.followup.state import add_interval, occasion_due
from trygghet_cli.model.cadence import parse_cadence


@pytest.mark.parametrize(
    ("phrase", "day", "expected"),
    [
        ("varje år", date(2021, 2, 9), date(2022, 2, 9)),
        ("varje år", date(2020, 2, 29), date(2021, 2, 28)),
        ("vartannat år", date(2019, 10, 31), date(2021, 10, 31)),
        ("varje månad", date(2021, 1, 31), date(2021, 2, 28)),
        ("var tredje månad", date(2021, 4, 13), date(2021, 7, 13)),
        ("6 gånger per år", date(2021, 6, 8), date(2021, 8, 8)),
        ("4 gånger per år", date(2021, 11, 30), date(2022, 2, 28)),
        ("5 gånger per år", date(2021, 1, 1), date(2021, 3, 15)),  # 73,05 days
        ("varannan vecka", date(2021, 6, 17), date(2021, 7, 1)),
        ("var tredje vecka", date(2021, 6, 1), date(2021, 6, 22)),
        ("vid behov", date(2021, 6, 1), None),
        ("löpande", date(2021, 6, 1), None),
    ],
)
def test_add_interval(phrase: str, day: date, expected: date | None) -> None:
    assert add_interval(parse_cadence(phrase), day) == expected


def test_slots_count_from_the_start_without_drift() -> None:
    monthly = parse_cadence("varje månad")
    assert occasion_due(monthly, date(2021, 2, 1), 1) == date(2021, 2, 28)
    assert occasion_due(monthly, date(2021, 2, 1), 2) == date(2021, 3, 31)
    assert occasion_due(parse_cadence("varannan vecka"), date(2021, 1, 1), 3) == date(2021, 2, 11)


MEETINGS = "moten"


def _meeting(plan: Path, day: str, body: str = "lokala-bra", kind: str = "ordinarie") -> None:
    write(plan / MEETINGS / f"{day}-{body}.yaml", f"datum: {day}\norgan: {body}\ntyp: {kind}\n")


def test_next_meeting_due_soon(plan: Path) -> None:
    items = of_kind(plan, Kind.MEETING, date(2021, 5, 15))
    assert summary(items) == [("TRY407", "lokala-bra", "due-soon", "2021-06-02")]
    assert items[0].file.endswith("organisation.yaml")
    assert (items[0].line, items[0].column) == (22, 20)
    assert message(items[0]) == (
        "Lokala BRÅ: nästa möte ska hållas senast 2 juni 2021, räknat från det senaste "
        "mötet 2 mars 2021 (4 gånger per år; 1 möte hållet sedan 1 januari 2021, där 1 krävs)"
    )
    assert message(items[0], "en") == (
        "Lokala BRÅ: the next meeting is due by 2 June 2021, counted from the last "
        "meeting on 2 March 2021 (4 times a year; 1 meeting held since 1 January 2021, where 1 "
        "is required)"
    )
    assert of_kind(plan, Kind.MEETING, date(2021, 4, 15)) == []


def test_next_meeting_overdue_before_the_count_falls_short(plan: Path) -> None:
    items = of_kind(plan, Kind.MEETING, date(2021, 6, 10))
    assert summary(items) == [("TRY407", "lokala-bra", "overdue", "2021-06-02")]
    assert message(items[0]).startswith("Lokala BRÅ: nästa möte skulle ha hållits senast 2 juni")


def test_meeting_shortfall(plan: Path) -> None:
    # on 30 June the second quarter's meeting can still be held: not yet a shortfall
    assert [d.rule for d in of_kind(plan, Kind.MEETING, date(2021, 6, 30))] == ["TRY407"]
    items = of_kind(plan, Kind.MEETING, date(2021, 7, 1))
    assert summary(items) == [("TRY406", "lokala-bra", "overdue", "2021-06-02")]
    assert message(items[0]) == (
        "Lokala BRÅ har hållit 1 av 2 möten sedan 1 januari 2021 (4 gånger per år): mötet för "
        "kvartal 2 2021 skulle ha hållits senast 30 juni 2021, och nästa möte skulle ha hållits "
        "senast 2 juni 2021, räknat från det senaste (2 mars 2021)"
    )
    assert message(items[0], "en") == (
        "Lokala BRÅ has held 1 of 2 meetings since 1 January 2021 (4 times a year): the meeting "
        "for Q2 2021 was due by 30 June 2021, and the next meeting was due by 2 June 2021, "
        "counted from the last (2 March 2021)"
    )


def test_shortfall_with_no_meeting_at_all_dates_from_the_first_missed(plan: Path) -> None:
    (plan / MEETINGS / "2021-03-02-lokala-bra.yaml").unlink()
    assert summary(of_kind(plan, Kind.MEETING, date(2021, 3, 31))) == [
        ("TRY407", "lokala-bra", "due-soon", "2021-03-31")
    ]
    items = of_kind(plan, Kind.MEETING, date(2021, 4, 1))
    assert summary(items) == [("TRY406", "lokala-bra", "overdue", "2021-03-31")]
    assert "har hållit 0 av 1 möte sedan 1 januari 2021" in message(items[0])


def test_meetings_held_keep_the_cadence(plan: Path) -> None:
    _meeting(plan, "2021-05-25")
    items = of_kind(plan, Kind.MEETING, date(2021, 6, 30), within=60)
    assert summary(items) == [("TRY407", "lokala-bra", "due-soon", "2021-08-25")]


def test_acute_meetings_do_not_count(plan: Path) -> None:
    _meeting(plan, "2021-05-10", kind="akut")
    assert summary(of_kind(plan, Kind.MEETING, date(2021, 5, 15))) == [
        ("TRY407", "lokala-bra", "due-soon", "2021-06-02")
    ]


def test_cirka_allows_one_fewer(plan: Path) -> None:
    edit(plan / "organisation.yaml", "mötesfrekvens: 4 gånger", "mötesfrekvens: cirka 4 gånger")
    assert [d.rule for d in of_kind(plan, Kind.MEETING, date(2021, 6, 30))] == ["TRY407"]


def test_the_period_starts_with_the_plan(plan: Path) -> None:
    with (plan / "kommun.yaml").open("a", encoding="utf-8") as f:
        f.write("planen_gäller_från: 2021-05-01\n")
    (plan / MEETINGS / "2021-03-02-lokala-bra.yaml").unlink()
    items = of_kind(plan, Kind.MEETING, date(2021, 6, 30), within=60)
    assert summary(items) == [("TRY407", "lokala-bra", "due-soon", "2021-07-31")]
    assert message(items[0]) == (
        "Lokala BRÅ: nästa möte ska hållas senast 31 juli 2021, mötet för 1 maj–31 juli 2021 "
        "(4 gånger per år; inga möten i mötesloggen)"
    )


_GROUPS = """  - id: arbetsgrupp
    namn: Arbetsgruppen
    typ: arbetsgrupp
    mötesfrekvens: var tredje vecka
    start: 2021-03-01
    slut: 2021-04-30
  - id: vid-behov
    namn: Gruppen vid behov
    typ: arbetsgrupp
    mötesfrekvens: vid behov
    slut: 2021-12-31
  - id: fullmakt
    namn: Kommunfullmäktige
    typ: nämnd
    mötesfrekvens: 10 gånger per år
"""


def test_bodies_that_ended_meet_when_needed_or_keep_no_log_are_skipped(plan: Path) -> None:
    with (plan / "organisation.yaml").open("a", encoding="utf-8") as f:
        f.write(_GROUPS)
    assert [d.key for d in of_kind(plan, Kind.MEETING, date(2021, 6, 30))] == ["lokala-bra"]
    assert "arbetsgrupp" in [d.key for d in of_kind(plan, Kind.MEETING, date(2021, 4, 10))]


# --- reporting lines ---------------------------------------------------------------------


def test_yearly_report_falls_due_a_year_after_it_was_delivered(plan: Path) -> None:
    items = of_kind(plan, Kind.REPORT, date(2022, 2, 20))
    assert summary(items) == [("TRY409", "arsrapport", "due-soon", "2022-03-02")]
    assert (items[0].line, items[0].column) == (26, 17)
    assert message(items[0]) == (
        "Rapporten ”Verksamhetsberättelse” från Lokala BRÅ till Kommunstyrelsen ska lämnas senast "
        "2 mars 2022, räknat från den senaste 2 mars 2021 (varje år)"
    )
    assert summary(of_kind(plan, Kind.REPORT, date(2022, 3, 10))) == [
        ("TRY409", "arsrapport", "overdue", "2022-03-02")
    ]


def test_monthly_report_shortfall(plan: Path) -> None:
    edit(
        plan / "organisation.yaml",
        "        innehåll: Verksamhetsberättelse\n",
        "        innehåll: Verksamhetsberättelse\n      - id: manadsrapport\n"
        "        till: [kommunstyrelsen, lokala-bra]\n        kadens: varje månad\n"
        "        innehåll: Lägesbild\n",
    )
    edit(plan / "moten/2021-03-02-lokala-bra.yaml", "[arsrapport]", "[arsrapport, manadsrapport]")
    items = of_kind(plan, Kind.REPORT, date(2021, 4, 30))
    # April's report is due on 30 April, not missing: February's and March's are
    assert summary(items) == [
        ("TRY408", "manadsrapport", "overdue", "2021-02-28"),
        ("TRY409", "manadsrapport-next", "due-soon", "2021-04-30"),
    ]
    assert message(items[0]) == (
        "Rapporten ”Lägesbild” från Lokala BRÅ till Kommunstyrelsen och Lokala BRÅ har "
        "lämnats 1 av 3 gånger sedan 1 januari 2021 (varje månad): 2 rapporter saknas, den "
        "första för februari 2021, som skulle ha lämnats senast 28 februari 2021, och nästa "
        "skulle ha lämnats senast 2 april 2021, räknat från den senaste (2 mars 2021)"
    )


# --- follow-ups in mal.yaml --------------------------------------------------------------

_FOLLOW_UPS = """uppföljning:
  - id: scb-medborgarundersokning
    beskrivning: SCB:s medborgarundersökning, där en trygghetsmätning ingår.
    kadens: vartannat år
    genomförd: [2019-10-31]
  - id: smarta-mal
    beskrivning: Uppföljning med Smarta mål. Redovisas för lokala BRÅ.
    kadens: var tredje månad
  - id: utan-kadens
    beskrivning: Uppföljning utan kadens.
"""


def test_follow_up_every_other_year(plan: Path) -> None:
    with (plan / "mal.yaml").open("a", encoding="utf-8") as f:
        f.write(_FOLLOW_UPS)
    items = [d for d in of_kind(plan, Kind.FOLLOW_UP, date(2021, 10, 15)) if d.rule == "TRY411"]
    assert summary(items) == [
        ("TRY411", "scb-medborgarundersokning", "due-soon", "2021-10-31"),
    ]
    assert (items[0].line, items[0].column) == (18, 13)
    assert message(items[0]) == (
        "Uppföljningen ”SCB:s medborgarundersökning, där en "
        "trygghetsmätning ingår” ska göras senast 31 oktober 2021, räknat från den "
        "senaste 31 oktober 2019 (vartannat år)"
    )
    late = of_kind(plan, Kind.FOLLOW_UP, date(2021, 11, 5))
    assert ("TRY411", "scb-medborgarundersokning", "overdue", "2021-10-31") in summary(late)
    edit(plan / "mal.yaml", "genomförd: [2019-10-31]", "genomförd: [2019-10-31, 2021-10-29]")
    keys = [d.key for d in of_kind(plan, Kind.FOLLOW_UP, date(2021, 11, 5))]
    assert "scb-medborgarundersokning" not in keys


def test_follow_up_never_done(plan: Path) -> None:
    with (plan / "mal.yaml").open("a", encoding="utf-8") as f:
        f.write(_FOLLOW_UPS)
    items = [d for d in of_kind(plan, Kind.FOLLOW_UP, date(2021, 6, 30)) if d.key == "smarta-mal"]
    assert summary(items) == [("TRY410", "smarta-mal", "overdue", "2021-03-31")]
    # the second quarter's is due on 30 June, not missing
    assert message(items[0]) == (
        "Uppföljningen ”Uppföljning med Smarta mål” är gjord 0 av 1 gång sedan "
        "1 januari 2021 (var tredje månad): uppföljningen för kvartal 1 2021 skulle ha "
        "gjorts senast 31 mars 2021"
    )
    coming = [d for d in of_kind(plan, Kind.FOLLOW_UP, date(2021, 6, 30)) if d.key != "smarta-mal"]
    assert ("TRY411", "smarta-mal-next", "due-soon", "2021-06-30") in summary(coming)
    assert "utan-kadens" not in [d.key for d in of_kind(plan, Kind.FOLLOW_UP, date(2021, 6, 30))]


# --- the cadences the issue names, in the examples ---------------------------------------


@pytest.mark.parametrize(
    ("example", "body", "cadence"),
    [
        ("fagersta", "lokala-bra", "6 gånger per år"),
        ("fagersta", "est-grupp", "varannan vecka"),
        ("umea", "umebra", "5 gånger per år"),
        ("angered", "trygghetsradet", "4 gånger per år"),
    ],
)
def test_each_body_of_the_examples_has_its_next_meeting(
    example: str, body: str, cadence: str
) -> None:
    assert (EXAMPLES / example / "kommun.yaml").is_file(), f"examples/{example} is gone"
    items = [
        d
        for d in of_kind(EXAMPLES / example, Kind.MEETING, date(2021, 6, 30), within=365)
        if d.key == body
    ]
    assert len(items) == 1
    assert f"{cadence}" in message(items[0])


@pytest.mark.parametrize(
    ("example", "kind", "key", "due"),
    [
        # monthly, EST group; none for June and July (the example's minutes of 17 June), so
        # one month after 3 June with the 58 days of the pause left out
        ("fagersta", Kind.REPORT, "est-manadsrapport", "2021-08-30"),
        ("fagersta", Kind.REPORT, "inriktningsbeslut", "2021-07-13"),  # every third month
        ("fagersta", Kind.FOLLOW_UP, "scb-medborgarundersokning", "2021-10-31"),  # every 2 years
        ("umea", Kind.REPORT, "umebra-verksamhetsberattelse", "2022-02-11"),  # yearly
        ("umea", Kind.FOLLOW_UP, "verksamhetsberattelse", "2022-02-11"),
    ],
)
def test_the_reporting_obligations_the_issue_names(
    example: str, kind: Kind, key: str, due: str
) -> None:
    assert (EXAMPLES / example / "kommun.yaml").is_file(), f"examples/{example} is gone"
    items = of_kind(EXAMPLES / example, kind, date(2021, 6, 30), within=365)
    assert [(d.key, d.date.isoformat(), d.status.value) for d in items if d.key == key] == [
        (key, due, "due-soon")
    ]
