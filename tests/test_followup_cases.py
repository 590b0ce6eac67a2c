"""The wrong answers of issue 11, each on a small plan whose right answer is worked out here.

Every plan starts on 1 January 2024 (``planen_gäller_från``) unless the test says otherwise;
the comments give the arithmetic.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import Run
from tests.deadline_support import message, of_kind, summary
from tests.plan_builder import body, follow_up, make_plan, meeting
from trygghet_cli.followup.base import Kind

# --- 1. A missed period stays missed across the new year ------------------------------------


def test_a_year_without_meetings_is_still_late_on_new_year_s_day(tmp_path: Path) -> None:
    plan = make_plan(tmp_path, [body("rad", "4 gånger per år", name="Rådet")])
    # 2024 asks for four meetings, by 31 March, 30 June, 30 September and 31 December
    # On 31 December three are late and the fourth is due that day, not missing
    late = of_kind(plan, Kind.MEETING, date(2024, 12, 31))
    assert summary(late) == [
        ("TRY406", "rad", "overdue", "2024-03-31"),
        ("TRY407", "rad-next", "due-soon", "2024-12-31"),
    ]
    assert message(late[0]).startswith("Rådet har hållit 0 av 3 möten sedan 1 januari 2024")
    items = of_kind(plan, Kind.MEETING, date(2025, 1, 1))
    assert summary(items) == [("TRY406", "rad", "overdue", "2024-03-31")]
    assert message(items[0]) == (
        "Rådet har hållit 0 av 4 möten sedan 1 januari 2024 (4 gånger per år): 4 möten saknas, "
        "det första för kvartal 1 2024, som skulle ha hållits senast 31 mars 2024"
    )
    assert message(items[0], "en") == (
        "Rådet has held 0 of 4 meetings since 1 January 2024 (4 times a year): 4 meetings are "
        "missing, the first for Q1 2024, which was due by 31 March 2024"
    )


def test_a_missed_period_stays_missed_however_many_periods_pass(tmp_path: Path) -> None:
    plan = make_plan(tmp_path, [body("rad", "4 gånger per år", name="Rådet")])
    # six whole years, 2024–2029, four meetings each
    [item] = of_kind(plan, Kind.MEETING, date(2030, 1, 1))
    assert summary([item]) == [("TRY406", "rad", "overdue", "2024-03-31")]
    assert "har hållit 0 av 24 möten sedan 1 januari 2024" in message(item)
    assert "24 möten saknas, det första för kvartal 1 2024" in message(item)


def test_a_later_meeting_makes_up_for_the_oldest_missed_one(tmp_path: Path) -> None:
    plan = make_plan(
        tmp_path, [body("rad", "4 gånger per år", name="Rådet")], [(date(2025, 2, 1), "rad")]
    )
    # the meeting of 1 February 2025 counts for the oldest missing one, kvartal 1 2024
    [item] = of_kind(plan, Kind.MEETING, date(2025, 2, 2))
    assert summary([item]) == [("TRY406", "rad", "overdue", "2024-06-30")]
    assert message(item).startswith(
        "Rådet har hållit 1 av 4 möten sedan 1 januari 2024 (4 gånger per år): 3 möten saknas, "
        "det första för kvartal 2 2024, som skulle ha hållits senast 30 juni 2024"
    )


def test_a_year_caught_up_closes_and_the_count_starts_with_the_open_year(tmp_path: Path) -> None:
    days = [date(2024, 3, 1), date(2024, 6, 1), date(2024, 9, 1), date(2025, 1, 10)]
    plan = make_plan(tmp_path, [body("rad", "4 gånger per år", name="Rådet")], days)
    # the three meetings of 2024 meet its first three quarters, the one of 10 January 2025
    # its fourth: nothing is missing, and 2025 is the open year
    assert of_kind(plan, Kind.MEETING, date(2025, 1, 15)) == []
    [item] = of_kind(plan, Kind.MEETING, date(2025, 4, 1))
    assert summary([item]) == [("TRY406", "rad", "overdue", "2025-03-31")]
    assert message(item).startswith("Rådet har hållit 0 av 1 möte sedan 1 januari 2025")


def test_a_yearly_report_never_delivered_is_late_after_new_year(tmp_path: Path) -> None:
    plan = make_plan(
        tmp_path, [body("rad", "vid behov", name="Rådet", reports=[("arsrapport", "varje år")])]
    )
    assert summary(of_kind(plan, Kind.REPORT, date(2024, 12, 1))) == [
        ("TRY409", "arsrapport", "due-soon", "2024-12-31")
    ]
    items = of_kind(plan, Kind.REPORT, date(2025, 1, 1))
    assert summary(items) == [("TRY408", "arsrapport", "overdue", "2024-12-31")]
    assert message(items[0]) == (
        "Rapporten ”Rapport” från Rådet till Kommunstyrelsen har lämnats 0 av 1 gång "
        "sedan 1 januari 2024 (varje år): rapporten för 2024 skulle ha lämnats senast "
        "31 december 2024"
    )


def test_a_late_report_covers_the_year_it_was_missing_for(tmp_path: Path) -> None:
    plan = make_plan(
        tmp_path,
        [body("rad", "vid behov", name="Rådet", reports=[("arsrapport", "varje år")])],
        reports_at=[(date(2025, 3, 1), "rad", "arsrapport")],
    )
    assert of_kind(plan, Kind.REPORT, date(2025, 3, 1)) == []  # closed on the day it came
    [item] = of_kind(plan, Kind.REPORT, date(2025, 2, 28))
    assert item.rule == "TRY408"
    # the next: 2025's report, due by 31 December 2025 (a year after 1 March is later)
    [upcoming] = of_kind(plan, Kind.REPORT, date(2025, 12, 1))
    assert summary([upcoming]) == [("TRY409", "arsrapport", "due-soon", "2025-12-31")]


def test_every_other_year_anchors_on_the_plan_s_start(tmp_path: Path) -> None:
    plan = make_plan(tmp_path, [], follow_ups=follow_up("enkat", "vartannat år"))
    # periods 2024–2025, 2026–2027 …, each asking for one, by its last day
    assert of_kind(plan, Kind.FOLLOW_UP, date(2025, 6, 1)) == []
    items = of_kind(plan, Kind.FOLLOW_UP, date(2026, 1, 1))
    assert summary(items) == [("TRY410", "enkat", "overdue", "2025-12-31")]
    assert message(items[0]) == (
        "Uppföljningen ”Uppföljning enkat” är gjord 0 av 1 gång sedan 1 januari 2024 "
        "(vartannat år): uppföljningen för 2024–2025 skulle ha gjorts senast 31 december 2025"
    )
    later = of_kind(plan, Kind.FOLLOW_UP, date(2028, 1, 1))
    assert "2 uppföljningar saknas, den första för 2024–2025" in message(later[0])


def test_the_new_year_is_reported_in_the_cli_and_the_brief(run: Run, tmp_path: Path) -> None:
    plan = make_plan(
        tmp_path / "p",
        [body("rad", "4 gånger per år", name="Rådet", reports=[("arsrapport", "varje år")])],
    )
    result = run("deadlines", str(plan), "--as-of", "2025-01-01")
    assert result.exit_code == 1, result.output
    assert "Inget försenat" not in result.stdout
    result = run("deadlines", str(plan), "--as-of", "2025-01-01", "--format", "json")
    messages = [d["message"] for d in json.loads(result.stdout)["plans"][0]["deadlines"]]
    assert any(m.startswith("Rådet har hållit 0 av 4 möten sedan 1 januari 2024") for m in messages)
    assert any("rapporten för 2024 skulle ha lämnats senast" in m for m in messages)
    brief = run("report", "--quarter", "2025Q1", str(plan))
    assert brief.exit_code == 0, brief.output
    late = brief.stdout.split("**Försenat**", 1)[1].split("\n## ", 1)[0]
    assert "Inget är försenat" not in late
    # on 31 March 2025 the first quarter of 2025 is due that day, not missing: 4 late
    assert "Rådet har hållit 0 av 4 möten sedan 1 januari 2024" in late
    todo = brief.stdout.split("## Att göra kvartal 2 2025", 1)[1]
    assert "| 31 mars | Möte: Rådet |" in todo
    assert "rapporten för 2024 skulle ha lämnats senast 31 december 2024" in late


# --- 7. Month ends keep the end of the month ------------------------------------------------


def test_quarterly_meetings_on_month_ends_keep_the_month_end(tmp_path: Path) -> None:
    days = [date(2021, 3, 31), date(2021, 6, 30), date(2021, 9, 30)]
    plan = make_plan(
        tmp_path, [body("rad", "4 gånger per år", name="Rådet")], days, plan_date=date(2021, 1, 1)
    )
    # one interval (three months) after 30 September is 31 December, not 30 December
    items = of_kind(plan, Kind.MEETING, date(2021, 12, 15))
    assert summary(items) == [("TRY407", "rad", "due-soon", "2021-12-31")]


# --- 10. A late line names its rule and its figures -----------------------------------------

_TWICE_A_MONTH = body("est", "2 gånger per månad", name="EST-gruppen")
# Twice a month asks, from 1 January 2025, for one meeting in each half month: slot 11 ends on
# 16 June (167 days), slot 12 on 30 June (six months). Eleven meetings, the last on 19 June
# after a gap of five weeks from 15 May.
_EST_DAYS = [date(2025, 1, 1) + timedelta(days=14 * i) for i in range(9)] + [
    date(2025, 5, 15),
    date(2025, 6, 19),
]


def test_a_next_meeting_due_by_the_count_says_so(tmp_path: Path) -> None:
    plan = make_plan(tmp_path, [_TWICE_A_MONTH], _EST_DAYS, plan_date=date(2025, 1, 1))
    [item] = of_kind(plan, Kind.MEETING, date(2025, 6, 23))
    # one interval (15 days) after 19 June is 4 July; the slot of the twelfth ends on 30 June
    assert summary([item]) == [("TRY407", "est", "due-soon", "2025-06-30")]
    assert message(item) == (
        "EST-gruppen: nästa möte ska hållas senast 30 juni 2025, mötet för 17–30 juni 2025 "
        "(2 gånger per månad; 11 möten hållna sedan 1 januari 2025, där 11 krävs, det senaste "
        "19 juni 2025)"
    )
    late, coming = of_kind(plan, Kind.MEETING, date(2025, 7, 1))
    # the thirteenth slot (1–17 July) is due within the window all the same
    assert summary([coming]) == [("TRY407", "est-next", "due-soon", "2025-07-17")]
    assert message(late) == (
        "EST-gruppen har hållit 11 av 12 möten sedan 1 januari 2025 (2 gånger per månad): mötet "
        "för 17–30 juni 2025 skulle ha hållits senast 30 juni 2025"
    )


def test_a_next_meeting_due_by_the_interval_says_so(tmp_path: Path) -> None:
    plan = make_plan(
        tmp_path,
        [body("rad", "4 gånger per år", name="Rådet")],
        [date(2024, 1, 10)],
    )
    # 10 January + three months = 10 April, before the second quarter's slot ends (30 June)
    [item] = of_kind(plan, Kind.MEETING, date(2024, 4, 20))
    assert summary([item]) == [("TRY407", "rad", "overdue", "2024-04-10")]
    assert message(item) == (
        "Rådet: nästa möte skulle ha hållits senast 10 april 2024, räknat från det senaste "
        "mötet 10 januari 2024 (4 gånger per år; 1 möte hållet sedan 1 januari 2024, där "
        "1 krävs)"
    )


def test_a_shortfall_that_began_with_the_interval_names_both(tmp_path: Path) -> None:
    plan = make_plan(tmp_path, [body("rad", "4 gånger per år", name="Rådet")], [date(2024, 1, 10)])
    [item] = of_kind(plan, Kind.MEETING, date(2024, 7, 1))
    assert summary([item]) == [("TRY406", "rad", "overdue", "2024-04-10")]
    assert message(item) == (
        "Rådet har hållit 1 av 2 möten sedan 1 januari 2024 (4 gånger per år): mötet för "
        "kvartal 2 2024 skulle ha hållits senast 30 juni 2024, och nästa möte skulle ha "
        "hållits senast 10 april 2024, räknat från det senaste (10 januari 2024)"
    )


# --- 2. The brief gives one set of figures -------------------------------------------------


def _section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_the_summary_and_the_table_give_the_same_count(run: Run, tmp_path: Path) -> None:
    days = [date(2025, 1, 1) + timedelta(days=14 * i) for i in range(5)]
    plan = make_plan(tmp_path / "p", [_TWICE_A_MONTH], days, plan_date=date(2025, 1, 1))
    result = run("report", "--quarter", "2025Q2", str(plan))
    assert result.exit_code == 0, result.output
    # by 30 June twice a month asks for 11 whose day has passed (the twelfth is due that
    # day, not missing); five were held
    late = _section(result.stdout, "**Försenat**", "\n## ")
    assert "EST-gruppen har hållit 5 av 11 möten sedan 1 januari 2025" in late
    table = _section(result.stdout, "## Möten", "\n## ")
    [row] = [line for line in table.splitlines() if line.startswith("| EST-gruppen")]
    assert "| 5 möten sedan 1 jan., 11 krävs |" in row
    assert "5 av 12" not in result.stdout


def test_bodies_late_only_by_the_interval_are_not_said_to_meet_too_seldom(
    run: Run, tmp_path: Path
) -> None:
    bodies = [body(f"grupp{i}", "4 gånger per år", name=f"Grupp {i}") for i in range(1, 5)]
    days = [(date(2024, 1, 10), f"grupp{i}") for i in range(1, 5)]
    plan = make_plan(tmp_path / "p", bodies, [])
    for day, who in days:
        meeting(plan, day, who)
    result = run("report", "--quarter", "2024Q1", str(plan))
    assert result.exit_code == 0, result.output
    # on 31 March: one meeting each by the count (the first quarter's is held), but 10 April
    # is not yet past; by the end of the second quarter, the interval has run out for all four
    result = run("report", "--quarter", "2024Q2", str(plan))
    late = _section(result.stdout, "**Försenat**", "\n## ")
    assert (
        "4 organ är försenade med sina möten, det första sedan 10 april 2024: för 4 har det "
        "gått längre än mötesfrekvensen medger sedan det senaste mötet; se Möten nedan." in late
    )
    assert "färre möten" not in late
    table = _section(result.stdout, "## Möten", "\n## ")
    rows = [line for line in table.splitlines() if line.startswith("| Grupp")]
    assert len(rows) == 4
    # the second quarter's meeting is due on 30 June, not missing: 1 asked for, 1 held
    assert all("| 1 möte sedan 1 jan., 1 krävs | Försenat sedan 10 apr. |" in r for r in rows), rows


# --- 3. Bad news stays out of the green box ------------------------------------------------


def test_actions_not_done_on_time_are_under_late(run: Run, tmp_path: Path) -> None:
    plan = make_plan(tmp_path / "p", [body("rad", "vid behov", name="Rådet")])
    (plan / "moten").mkdir(exist_ok=True)
    (plan / "moten" / "2024-01-15-rad.yaml").write_text(
        "datum: 2024-01-15\norgan: rad\nåtgärder:\n"
        + "".join(
            f"  - id: a-{i}\n    text: Åtgärd {i}\n    ansvarig: samordnare\n"
            f"    senast: 2024-02-0{i}\n    status: pågående\n"
            for i in range(1, 4)
        ),
        encoding="utf-8",
    )
    result = run("report", "--quarter", "2024Q1", str(plan))
    assert result.exit_code == 0, result.output
    green = _section(result.stdout, "**Enligt plan**", "**Försenat**")
    late = _section(result.stdout, "**Försenat**", "\n## ")
    assert "åtgärder" not in green
    assert "Alla 3 åtgärder med sista datum under kvartalet blev inte klara i tid." in late


# --- 8. A quarter's brief keeps to what was recorded by the quarter's end -------------------


def _situation(root: Path, day: date, entries: list[tuple[str, str, str]]) -> None:
    """A meeting on ``day`` recording lägesbild entries (week, area, category)."""
    text = f"datum: {day.isoformat()}\norgan: rad\ntyp: ordinarie\nlägesbild:\n"
    for week, area, category in entries:
        text += (
            f"  - vecka: {week}\n    område: {area}\n    kategori: {category}\n"
            "    beskrivning: Iakttagelse.\n    rapporterad_av: Polisen\n"
        )
    (root / "moten").mkdir(exist_ok=True)
    (root / "moten" / f"{day.isoformat()}-rad.yaml").write_text(text, encoding="utf-8")


def test_an_entry_recorded_after_the_quarter_is_not_in_its_brief(run: Run, tmp_path: Path) -> None:
    plan = make_plan(tmp_path / "p", [body("rad", "vid behov", name="Rådet")])
    _situation(plan, date(2024, 3, 20), [("2024-W11", "Centrum", "klotter")])
    # week 13 of 2024 runs 25–31 March (its Thursday, 28 March, is in the first quarter), but
    # it was recorded at the meeting on 2 April: on 31 March nobody knew of it
    _situation(plan, date(2024, 4, 2), [("2024-W13", "Centrum", "brand")])
    brief = run("report", "--quarter", "2024Q1", str(plan)).stdout
    situation = _section(brief, "## Lägesbilden", "\n## ")
    assert "1 post om 1 händelse, rapporterade vid 1 möte (vecka 11)." in situation
    assert "Brand" not in situation
    # the second quarter's brief, written when the entry was known, counts it for the quarter
    # before
    later = _section(
        run("report", "--quarter", "2024Q2", str(plan)).stdout, "## Lägesbilden", "\n## "
    )
    assert "Förra kvartalet: 2 poster." in later


# --- 9. Every category of either quarter has a row; ties are ties ---------------------------


def test_the_situation_table_has_every_category_and_shows_ties(run: Run, tmp_path: Path) -> None:
    plan = make_plan(tmp_path / "p", [body("rad", "vid behov", name="Rådet")])
    # the fourth quarter of 2023: two entries on fires, one on graffiti
    _situation(
        plan,
        date(2023, 12, 14),
        [
            ("2023-W48", "Centrum", "brand"),
            ("2023-W49", "Centrum", "brand"),
            ("2023-W49", "Torget", "klotter"),
        ],
    )
    # the first quarter of 2024: one on graffiti and one on littering, both in Centrum
    _situation(
        plan,
        date(2024, 2, 15),
        [("2024-W05", "Centrum", "klotter"), ("2024-W06", "Centrum", "nedskräpning")],
    )
    brief = run("report", "--quarter", "2024Q1", str(plan)).stdout
    situation = _section(brief, "## Lägesbilden", "\n## ")
    assert "Förra kvartalet: 3 poster." in situation
    rows = [line for line in situation.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows == [
        "| Kategori | Poster | Händelser | Förra kvartalet |",
        "| Klotter | 1 | 1 | 1 |",
        "| Nedskräpning | 1 | 1 | 0 |",
        "| Brand | 0 | 0 | 2 |",
        "| Område | Poster | Händelser | Vanligast |",
        "| Centrum | 2 | 2 | Klotter och Nedskräpning |",
    ]
    # the previous quarter's column sums to the count above it
    assert sum(int(r.split("|")[4]) for r in rows[1:4]) == 3


# --- 11. The export shows the follow-up of the day it is judged on --------------------------


def test_the_goals_page_says_what_the_brief_says(run: Run, plan: Path, tmp_path: Path) -> None:
    # the fixture's goal: 9 000 in 2020, 8 500 by 31 December 2022; 2021 brings 8 800, better
    # than the baseline but not the target, so on 31 March 2023 the goal was missed
    with (plan / "nyckeltal.yaml").open("a", encoding="utf-8") as f:
        f.write("      - period: 2021\n        värde: 8800\n        geografi: {nivå: kommun}\n")
    brief = run("report", "--quarter", "2023Q1", str(plan)).stdout
    goals = _section(brief, "## Mål", "\n## ")
    assert "| Ej uppnått i tid |" in goals
    out = tmp_path / "ut"
    result = run("export", str(plan), "-f", "markdown", "-o", str(out), "--as-of", "2023-03-31")
    assert result.exit_code == 0, result.output
    page = (out / "mal.md").read_text(encoding="utf-8")
    row = next(line for line in page.splitlines() if "Minska antalet" in line)
    assert row.endswith("| Ej uppnått i tid |")
    assert "| Läge 31 mars 2023 |" in page
    # a year earlier the same goal was on its way
    result = run("export", str(plan), "-f", "markdown", "-o", str(out), "--as-of", "2022-03-31")
    page = (out / "mal.md").read_text(encoding="utf-8")
    row = next(line for line in page.splitlines() if "Minska antalet" in line)
    assert row.endswith("| På väg |")


def test_the_export_lists_what_deadlines_lists_on_its_day(
    run: Run, plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "ut"
    result = run("export", str(plan), "-f", "markdown", "-o", str(out), "--as-of", "2021-07-01")
    assert result.exit_code == 0, result.output
    index = (out / "index.md").read_text(encoding="utf-8")
    status = _section(index, "## Läget den 1 juli 2021", "\n## ")
    listed = json.loads(
        run("deadlines", str(plan), "--as-of", "2021-07-01", "--format", "json").stdout
    )["plans"][0]["deadlines"]
    rows = [line for line in status.splitlines() if line.startswith("| ") and "---" not in line]
    assert [r.split(" | ")[2] for r in rows[1:]] == [d["message"] for d in listed]
    assert "*Läget är bedömt per 1 juli 2021" in index
    # an action done on 20 March was open on 15 March
    meetings = (out / "moten.md").read_text(encoding="utf-8")
    assert "| Klar (20 mars 2021) |" in meetings
    run("export", str(plan), "-f", "markdown", "-o", str(out), "--as-of", "2021-03-15")
    meetings = (out / "moten.md").read_text(encoding="utf-8")
    assert "| Öppen |" in meetings and "Klar (20 mars 2021)" not in meetings


def test_export_without_as_of_judges_today(run: Run, plan: Path, tmp_path: Path) -> None:
    result = run("export", str(plan), "-f", "markdown", "-o", str(tmp_path / "a"))
    assert result.exit_code == 0, result.output
    today = date.today().isoformat()
    run("export", str(plan), "-f", "markdown", "-o", str(tmp_path / "b"), "--as-of", today)
    for name in ("index.md", "mal.md", "aktiviteter.md", "moten.md"):
        first = (tmp_path / "a" / name).read_text(encoding="utf-8")
        assert first == (tmp_path / "b" / name).read_text(encoding="utf-8"), name


# --- The brief's section on the governing documents and the act ----------------------------

_GOVERNING = """dokument:
  - id: lagesbild-2024
    typ: lägesbild
    titel: Lägesbild 2024
    antaget: 2024-02-15
    antaget_av: [ks]
  - id: medborgarlofte-2023
    typ: medborgarlöfte
    titel: Medborgarlöfte 2023
    antaget: 2023-05-01
    gäller_till: 2024-06-30
  - id: atgardsplan
    typ: åtgärdsplan
    titel: Åtgärdsplan
    antaget: 2023-04-10
    antaget_av: [rad]
  - id: program
    typ: program
    titel: Trygghetsprogram
    antaget: 2023-01-10
    revideras: varje år
"""


def test_the_brief_says_how_the_documents_and_the_act_stand(run: Run, tmp_path: Path) -> None:
    plan = make_plan(tmp_path / "p", [body("rad", "vid behov", name="Rådet")], documents=False)
    (plan / "styrdokument.yaml").write_text(_GOVERNING, encoding="utf-8")
    brief = run("report", "--quarter", "2024Q1", str(plan)).stdout
    section = _section(brief, "## Styrdokument och lagkrav", "\n## ")
    # the act applies from the plan's date, 1 January 2024; the lägesbild sets no interval
    # (trygg recommends a year: 15 February 2025), the åtgärdsplan was adopted by the råd, not
    # the kommun, and sets no interval either (a year: 10 April 2024, in the next quarter), the
    # programme's own yearly review was due 10 January 2024 and the promise ends 30 June 2024.
    assert section.strip().splitlines() == [
        "- Antaget 15 februari 2024: Lägesbild 2024, av Kommunstyrelsen.",
        "- Trygghetsprogram skulle ha reviderats senast 10 januari 2024; planen "
        "säger att dokumentet ska revideras varje år.",
        "- Åtgärdsplan: trygg rekommenderar att den uppdateras senast 10 april 2024, ett år "
        "efter antagandet (planen säger inte när dokumentet ska revideras eller hur länge det "
        "gäller).",
        "- Medborgarlöfte 2023 gäller till och med 30 juni 2024 enligt planen.",
        "",
        # the act has applied since 1 July 2023, not since the plan's start
        "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete gäller sedan "
        "1 juli 2023 och kräver en lägesbild, en åtgärdsplan som kommunen beslutar och en "
        "samordningsfunktion; den anger inte hur ofta lägesbilden eller åtgärdsplanen ska "
        "uppdateras. trygg följer upp kraven från planens start, 1 januari 2024. Läget den "
        "31 mars 2024:",
        "",
        "- Lägesbild: Lägesbild 2024 (antagen 15 februari 2024); trygg rekommenderar en "
        "uppdatering senast 15 februari 2025.",
        "- Åtgärdsplan beslutad av kommunen: Åtgärdsplan (antagen 10 april 2023) är inte "
        "beslutad av kommunen (fullmäktige eller en nämnd), som lagen kräver.",
        "- Samordningsfunktion: finns.",
    ]
    assert "Lag (2023:196) kräver en aktuell" not in brief
    late = _section(brief, "**Försenat**", "\n## ")
    # the act's date, and trygg's own from the plan's start, each said as what it is
    assert (
        "Lag (2023:196) kräver en åtgärdsplan som kommunen har beslutat sedan 1 juli 2023 "
        "(trygg följer upp kravet från planens start, 1 januari 2024): ”Åtgärdsplan” är "
        "antagen av Rådet" in late
    )
    assert "sedan 1 januari 2024" not in late


def test_the_brief_names_a_missing_obligation_as_the_act_s(run: Run, tmp_path: Path) -> None:
    plan = make_plan(tmp_path / "p", [body("rad", "vid behov", name="Rådet")], documents=False)
    brief = run("report", "--quarter", "2024Q1", str(plan)).stdout
    section = _section(brief, "## Styrdokument och lagkrav", "\n## ")
    assert "- Lägesbild: saknas; lagen kräver en lägesbild." in section
    assert (
        "- Åtgärdsplan beslutad av kommunen: saknas; lagen kräver en åtgärdsplan som kommunen "
        in section
    )


def test_before_a_later_plan_start_the_brief_says_the_act_applies_and_trygg_waits(
    run: Run, tmp_path: Path
) -> None:
    """The act has applied since 1 July 2023 whatever the plan; a plan that starts on
    1 January 2025 is followed up from then, which the brief says as trygg's, not as the act's
    ("gäller för planen från 1 januari 2025" made the plan's start the act's)."""
    plan = make_plan(
        tmp_path / "p",
        [body("rad", "vid behov", name="Rådet")],
        documents=False,
        plan_date=date(2025, 1, 1),
    )
    brief = run("report", "--quarter", "2024Q4", str(plan)).stdout
    section = _section(brief, "## Styrdokument och lagkrav", "\n## ")
    assert (
        "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete gäller sedan "
        "1 juli 2023; trygg följer upp kraven från planens start, 1 januari 2025, och den "
        "31 december 2024 hade planen ännu inte börjat."
    ) in section
    assert "gäller för planen" not in brief
    before = run("report", "--quarter", "2023Q1", str(plan)).stdout
    assert (
        "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete gäller från "
        "1 juli 2023; trygg följer upp kraven från planens start, 1 januari 2025. Den "
        "31 mars 2023 ställde lagen ännu inga krav."
    ) in before
