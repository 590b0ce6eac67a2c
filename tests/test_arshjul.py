"""Fixed dates of an årshjul (issue 11): ``varje år senast 31 december``, ``varje år i
februari``, ``varje kvartal senast den 15:e``, each on a small plan whose answer is worked out
here by hand. Every plan starts on 1 January 2024 unless the test says otherwise."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Run
from tests.deadline_support import message, of_kind, summary
from tests.plan_builder import body, follow_up, karlsborg, make_plan
from trygghet_cli.followup.accounts import account
from trygghet_cli.followup.arshjul import WheelState, wheel
from trygghet_cli.followup.base import Kind, Window
from trygghet_cli.followup.deadlines import PlanFollowUp
from trygghet_cli.followup.deadlines import follow_up as follow_up_of
from trygghet_cli.followup.state import add_interval
from trygghet_cli.loading.plan import read_plan
from trygghet_cli.model.cadence import Cadence, CadenceError, Unit, parse_cadence
from trygghet_cli.wording import cadence_text


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
    assert (cadence_text(c).sv, cadence_text(c).en) == (canonical, english)
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
        "Rapporten ”Rapport” från Karlsborgs BRÅ till Kommunstyrelsen har lämnats "
        "0 av 1 gång sedan 1 januari 2024 (varje år senast 31 december): rapporten för 2024 "
        "skulle ha lämnats senast 31 december 2024"
    )
    assert message(item, "en") == (
        "The report “Rapport” from Karlsborgs BRÅ to Kommunstyrelsen has been delivered "
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
    # counted in the calendar year, as every cadence is: on 15 July kvartal 2's is due that
    # day, not missing; one asked for, one done
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
        "Uppföljningen ”Uppföljning kvartal” ska göras senast 15 juli 2025, "
        "uppföljningen för kvartal 2 2025 (varje kvartal senast den 15:e; gjord 1 gång "
        "sedan 1 januari 2025, där 1 krävs, den senaste 20 mars 2025)"
    )
    [late] = of_kind(plan, Kind.FOLLOW_UP, date(2025, 7, 16))
    assert summary([late]) == [("TRY410", "kvartal", "overdue", "2025-07-15")]
    assert message(late) == (
        "Uppföljningen ”Uppföljning kvartal” är gjord 1 av 2 gånger sedan 1 januari 2025 "
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
    events = sorted((e.decoded("dtstart"), str(e["uid"])) for e in feed.walk("VEVENT"))
    # the late one on its day, the next utvärdering on 28 February 2025 and the 2025
    # handlingsprogram on 31 December 2025, due all the same (told apart by their uids: the
    # summaries name no ids)
    assert [(d, "handlingsprogram" in s, "utvardering" in s) for d, s in events] == [
        (date(2024, 12, 31), True, False),
        (date(2025, 2, 28), False, True),
        (date(2025, 12, 31), True, False),
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


# --- the årshjul on the export's overview page -----------------------------------------------

# Karlsborg (tests/plan_builder.py, from 1 January 2025) on 1 March 2026, worked out by hand:
# the handlingsprogram for 2025 (by 31 December 2025) was never sent: late; 2026's is coming.
# The utvärdering of 2025 was sent 10 February 2025, but 2026's (by 28 February 2026) is not:
# late. The quarterly follow-up is done for every quarter of 2025, kvartal 4 on 20 January 2026
# (due 15 January 2026: late, but done); kvartal 1–3 2026 are coming (kvartal 4 2026 is due
# in January 2027, outside the wheel).
WHEEL_2026 = [
    (date(2025, 12, 31), "handlingsprogram", "2025", WheelState.LATE),
    (date(2026, 1, 15), "kvartal", "kvartal 4 2025", WheelState.DONE),
    (date(2026, 2, 28), "utvardering", "2026", WheelState.LATE),
    (date(2026, 4, 15), "kvartal", "kvartal 1 2026", WheelState.COMING),
    (date(2026, 7, 15), "kvartal", "kvartal 2 2026", WheelState.COMING),
    (date(2026, 10, 15), "kvartal", "kvartal 3 2026", WheelState.COMING),
    (date(2026, 12, 31), "handlingsprogram", "2026", WheelState.COMING),
]


def _followup(plan: Path, as_of: date) -> PlanFollowUp:
    return follow_up_of(read_plan(plan), Window(as_of, 30))


def test_the_wheel_has_each_fixed_date_with_its_state(tmp_path: Path) -> None:
    found = _followup(karlsborg(tmp_path), date(2026, 3, 1))
    entries = wheel(found.duties, 2026)
    assert [(e.due, e.key, e.period.sv, e.state) for e in entries] == WHEEL_2026
    assert [e.what for e in entries][:3] == [
        "Handlingsprogram",
        "Uppföljning kvartal",
        "Utvärdering",
    ]
    assert entries[0].who == "Karlsborgs BRÅ → Kommunstyrelsen"
    # late on the wheel is late in `trygg deadlines`: the same accounts
    late = {(e.key, e.due) for e in entries if e.state is WheelState.LATE}
    assert late == {(d.key, d.date) for d in found.overdue}


def test_a_delivery_takes_the_date_off_the_late_ones(tmp_path: Path) -> None:
    sent = [
        (date(2025, 2, 10), "bra", "utvardering"),
        (date(2026, 1, 8), "bra", "handlingsprogram"),  # 2025's, late but sent
    ]
    found = _followup(karlsborg(tmp_path, sent), date(2026, 3, 1))
    states = [(e.due, e.key, e.state) for e in wheel(found.duties, 2026)]
    assert (date(2025, 12, 31), "handlingsprogram", WheelState.LATE) not in states
    assert (date(2026, 12, 31), "handlingsprogram", WheelState.COMING) in states


def test_no_fixed_dates_no_wheel(run: Run, plan: Path, tmp_path: Path) -> None:
    result = run("export", str(plan), "-o", str(tmp_path / "ut"), "--as-of", "2021-07-01")
    assert result.exit_code == 0, result.output
    index = (tmp_path / "ut" / "index.html").read_text(encoding="utf-8")
    assert "Årshjul" not in index and "arshjul" not in index


def _svg(html: str) -> str:
    start = html.index('<svg xmlns="http://www.w3.org/2000/svg"')
    return html[start : html.index("</svg>", start) + len("</svg>")]


def test_the_export_draws_the_wheel_with_words_and_a_table(run: Run, tmp_path: Path) -> None:
    plan = karlsborg(tmp_path / "p", content='Program <script>&"x"</script>')
    out = tmp_path / "ut"
    result = run("export", str(plan), "-o", str(out), "--as-of", "2026-03-01")
    assert result.exit_code == 0, result.output
    html = (out / "index.html").read_text(encoding="utf-8")
    assert '<section id="arshjul">\n<h2>Årshjul 2026</h2>' in html
    svg = _svg(html)
    root = ElementTree.fromstring(svg)  # well-formed: every text escaped
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "arshjul-title arshjul-desc"
    assert root.findtext(f"{ns}title") == "Årshjul 2026 för Karlsborg"
    desc = root.findtext(f"{ns}desc") or ""
    assert desc.startswith(
        "Årshjul för 2026: årets tolv månader runt en cirkel, januari överst och medurs. "
        "7 fasta datum, varav 2 försenade den 2026-03-01: "
    )
    assert "28 febr. 2026: Utvärdering (försenad, 2026)" in desc
    texts = [t.text for t in root.iter(f"{ns}text")]
    # the twelve months as Språkrådet abbreviates them, January first
    assert texts[:12] == [
        "jan.",
        "febr.",
        "mars",
        "apr.",
        "maj",
        "juni",
        "juli",
        "aug.",
        "sept.",
        "okt.",
        "nov.",
        "dec.",
    ]
    assert texts[12:14] == ["2026", "per 1 mars"]
    # late ones say so in words, in bold
    late = [t for t in root.iter(f"{ns}text") if "försenad" in (t.text or "")]
    assert [t.text for t in late] == [
        "28 febr. Utvärdering (försenad, 2026)",
        '31 dec. Program <script>&"x"</script> (försenad, 2025)',
    ]
    assert all(t.get("font-weight") == "bold" for t in late)
    assert "<script>" not in html.replace("&lt;script&gt;", "")
    # the table next to it says the same
    table = html.split('<table id="arshjul-datum">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th><td>(.*?)</td><td>(.*?)</td>", table)
    assert [(m, d) for m, d, _ in rows] == [
        ("december 2025", "31 december 2025"),
        ("januari 2026", "15 januari 2026"),
        ("februari 2026", "28 februari 2026"),
        ("april 2026", "15 april 2026"),
        ("juli 2026", "15 juli 2026"),
        ("oktober 2026", "15 oktober 2026"),
        ("december 2026", "31 december 2026"),
    ]
    assert table.count("<td>Försenad</td>") == 2
    # deterministic: the same page again
    run("export", str(plan), "-o", str(tmp_path / "igen"), "--as-of", "2026-03-01")
    assert _svg((tmp_path / "igen" / "index.html").read_text(encoding="utf-8")) == svg


def test_the_markdown_export_writes_the_wheel_as_a_picture(run: Run, tmp_path: Path) -> None:
    plan = karlsborg(tmp_path / "p")
    out = tmp_path / "ut"
    result = run("export", str(plan), "-f", "markdown", "-o", str(out), "--as-of", "2026-03-01")
    assert result.exit_code == 0, result.output
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "![Årshjul 2026 för Karlsborg](bilder/arshjul-2026.svg)" in index
    assert (
        "| december 2025 | 31 december 2025 | Handlingsprogram | Karlsborgs BRÅ → Kommunstyrelsen "
        "| 2025 | varje år senast 31 december | Försenad |"
    ) in index
    assert (out / "bilder" / "arshjul-2026.svg").read_text(encoding="utf-8") == (
        _svg((out / "bilder" / "arshjul-2026.svg").read_text(encoding="utf-8")) + "\n"
    )


def test_the_english_wheel(run: Run, tmp_path: Path) -> None:
    plan = karlsborg(tmp_path / "p")
    out = tmp_path / "ut"
    result = run("export", str(plan), "-o", str(out), "--as-of", "2026-03-01", "--lang", "en")
    assert result.exit_code == 0, result.output
    svg = _svg((out / "index.html").read_text(encoding="utf-8"))
    assert '<title id="arshjul-title">Annual wheel 2026 for Karlsborg</title>' in svg
    assert ">28 Feb Utvärdering (late, 2026)</text>" in svg
    assert ">Jan</text>" in svg and ">as of 1 Mar</text>" in svg
