"""The follow-up never reads the future: a brief for a quarter that has not ended is written as
of the day it is written, a plan that could not be read publishes no calendar, and what falls
due on a day is due, not late, on that day (docs/uppfoljning.md)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from tests.conftest import Run, write
from tests.plan_builder import DOCUMENTS, body, make_plan

TODAY = "2026-12-06"


def _council(root: Path) -> Path:
    """Rådet meets 4 gånger per år from 1 January 2026: 10 March, 9 June, 8 September and
    (planned, in the future on 6 December 2026) 20 December 2026. The September meeting
    decided action a-1, due 20 December 2026, still open."""
    make_plan(
        root,
        [body("rad", "4 gånger per år")],
        [date(2026, 3, 10), date(2026, 6, 9), date(2026, 12, 20)],
        plan_date=date(2026, 1, 1),
    )
    write(root / "styrdokument.yaml", DOCUMENTS.format(adopted="2026-01-01"))
    write(
        root / "moten" / "2026-09-08-rad.yaml",
        "datum: 2026-09-08\norgan: rad\ntyp: ordinarie\nåtgärder:\n"
        "  - id: a-1\n    text: Belysning i gångtunneln\n    ansvarig: samordnare\n"
        "    senast: 2026-12-20\n    status: pågående\n",
    )
    return root


def _deadlines(run: Run, plan: Path, day: str, within: int) -> list[dict[str, Any]]:
    result = run(
        "deadlines", str(plan), "--as-of", day, "--within", str(within), "--format", "json"
    )
    assert result.exit_code in (0, 1), result.output
    items: list[dict[str, Any]] = json.loads(result.stdout)["plans"][0]["deadlines"]
    return items


def test_a_brief_for_a_quarter_not_ended_is_written_as_of_today(run: Run, tmp_path: Path) -> None:
    plan = _council(tmp_path)
    result = run("report", "--quarter", "2026Q4", str(plan), "--as-of", TODAY)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Kvartalet är inte slut: läget den 6 december 2026." in text
    # Nothing is late on 6 December: the action is due on 20 December, and the meeting one
    # interval after 8 September, on 8 December 2026.
    assert "skulle ha varit klar" not in text
    assert "skulle ha hållits" not in text
    assert "Inget är försenat." in text
    # The meeting of 20 December has not been held on 6 December: 3 of the 3 asked for so far.
    assert "4 möten" not in text
    assert "| 3 möten sedan 1 jan., 3 krävs |" in text
    assert "Den 6 december 2026 försenade: 0; pågående inom tidsramen: 1." in text
    # What the brief has to do is what deadlines gives for the same day, up to the end of the
    # next quarter (31 March 2027, 115 days after 6 December 2026): the meeting by 8 December
    # (3 months after 8 September) and the action by 20 December.
    items = _deadlines(run, plan, TODAY, 115)
    assert [(d["date"], d["status"]) for d in items] == [
        ("2026-12-08", "due-soon"),
        ("2026-12-20", "due-soon"),
    ]
    todo = text.split("## Att göra resten av kvartal 4 2026 och kvartal 1 2027\n", 1)[1]
    for d in items:
        assert d["title"] in todo, d["title"]


def test_a_brief_for_a_quarter_not_ended_in_english(run: Run, tmp_path: Path) -> None:
    plan = _council(tmp_path)
    result = run("report", "-q", "2026Q4", str(plan), "--as-of", TODAY, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "The quarter has not ended: status as of 6 December 2026." in result.stdout


def test_a_brief_for_an_ended_quarter_is_unchanged_by_the_day(run: Run, tmp_path: Path) -> None:
    plan = _council(tmp_path)
    later = run("report", "--quarter", "2026Q3", str(plan), "--as-of", TODAY)
    on_end = run("report", "--quarter", "2026Q3", str(plan), "--as-of", "2026-09-30")
    assert later.exit_code == on_end.exit_code == 0, later.output
    assert later.stdout == on_end.stdout
    assert "Kvartalet är inte slut" not in later.stdout


def test_a_brief_for_a_quarter_not_begun_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    plan = _council(tmp_path)
    for quarter in ("2027Q1", "2030Q1"):
        result = run("report", "--quarter", quarter, str(plan), "--as-of", TODAY)
        assert result.exit_code == 2, result.output
        assert "har inte börjat" in result.output
        assert "6 december 2026" in result.output
        assert "Traceback" not in result.output


def _unreadable(root: Path) -> Path:
    """Rådet (4 gånger per år from 1 January 2026) met on 10 February 2026 and decided a-1, due
    1 March 2026 and still open; the meeting's file has an unquoted colon on line 4, so it
    cannot be read. Read in full, the plan has one late item on 1 April 2026 (the action) and
    the meeting held; read without that file, a missing meeting and no late action."""
    make_plan(root, [body("rad", "4 gånger per år")], plan_date=date(2026, 1, 1))
    write(root / "styrdokument.yaml", DOCUMENTS.format(adopted="2026-01-01"))
    write(
        root / "moten" / "2026-02-10-rad.yaml",
        "datum: 2026-02-10\norgan: rad\ntyp: ordinarie\nanteckningar: Flyttad: se protokoll\n"
        "åtgärder:\n  - id: a-1\n    text: Belysning\n    ansvarig: samordnare\n"
        "    senast: 2026-03-01\n    status: pågående\n",
    )
    return root


def test_deadlines_refuses_a_plan_with_a_file_it_could_not_read(run: Run, tmp_path: Path) -> None:
    plan = _unreadable(tmp_path)
    out = tmp_path / "trygg.ics"
    for fmt in ("text", "json", "ics", "github"):
        result = run(
            "deadlines", str(plan), "--as-of", "2026-04-01", "-f", fmt, "--output", str(out)
        )
        assert result.exit_code == 1, (fmt, result.output)
        assert not out.exists(), fmt
        assert f"{plan}/moten/2026-02-10-rad.yaml:4:22: fel TRY001 YAML-syntaxfel" in (
            result.stderr
        ), fmt
        assert (
            "trygg deadlines: en fil i planen kunde inte läsas (se ovan); tidsfristerna "
            "skrivs inte, eftersom det som står i den skulle saknas. Rätta filen och kör igen"
        ) in " ".join(result.stderr.split()), fmt
        assert "0 av 1 möte" not in result.output, fmt
    result = run("deadlines", str(plan), "--as-of", "2026-04-01", "--fail-on", "never")
    assert result.exit_code == 1
    assert result.stdout == ""
    english = run("deadlines", str(plan), "--as-of", "2026-04-01", "-f", "ics", "--lang", "en")
    assert english.exit_code == 1
    assert "BEGIN:VCALENDAR" not in english.stdout
    assert "a file of the plan could not be read (see above); the deadlines are not written" in (
        " ".join(english.stderr.split())
    )


def test_deadlines_of_the_same_plan_read_in_full(run: Run, tmp_path: Path) -> None:
    plan = _unreadable(tmp_path)
    meeting = plan / "moten" / "2026-02-10-rad.yaml"
    meeting.write_text(
        meeting.read_text(encoding="utf-8").replace(
            "Flyttad: se protokoll", '"Flyttad: se protokoll"'
        ),
        encoding="utf-8",
    )
    # The meeting of 10 February is kvartal 1's; the next is due one interval later, 10 May,
    # beyond the 30 days. The action is late since 2 March.
    items = _deadlines(run, plan, "2026-04-01", 30)
    assert [(d["kind"], d["date"], d["status"]) for d in items] == [
        ("action", "2026-03-01", "overdue"),
    ]


def _starting(root: Path) -> Path:
    """A plan that applies from 1 January 2025: Rådet meets 4 gånger per år (the first meeting
    due by 31 March 2025) and sends a yearly verksamhetsberättelse (due by 31 December 2025)."""
    council = body("rad", "4 gånger per år", reports=[("arsrapport", "varje år", "Berättelse")])
    make_plan(root, [council], plan_date=date(2025, 1, 1))
    write(root / "styrdokument.yaml", DOCUMENTS.format(adopted="2024-06-01"))
    return root


def _recurring(items: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [
        (d["kind"], d["date"], d["status"]) for d in items if d["kind"] in ("meeting", "report")
    ]


def test_what_falls_due_after_the_start_is_in_the_look_ahead_before_it(
    run: Run, tmp_path: Path
) -> None:
    plan = _starting(tmp_path)
    # The day before the start and the day of it: the first meeting is due 31 March 2025.
    for day, within in (("2024-12-31", 91), ("2025-01-01", 90)):
        assert _recurring(_deadlines(run, plan, day, within)) == [
            ("meeting", "2025-03-31", "due-soon")
        ], day
    # A year's look-ahead from 1 December 2024 (to 5 January 2026) holds the report too.
    assert _recurring(_deadlines(run, plan, "2024-12-01", 400)) == [
        ("meeting", "2025-03-31", "due-soon"),
        ("report", "2025-12-31", "due-soon"),
    ]
    feed = run("deadlines", str(plan), "--as-of", "2024-12-01", "--within", "400", "-f", "ics")
    assert "UID:0180-meeting-rad@trygg" in feed.stdout
    assert "UID:0180-report-arsrapport@trygg" in feed.stdout
    # The brief for the quarter before the start has the first meeting to do.
    brief = run("report", "-q", "2024Q4", str(plan), "--as-of", "2025-06-01")
    assert brief.exit_code == 0, brief.output
    todo = brief.stdout.split("## Att göra kvartal 1 2025\n", 1)[1]
    assert "| 31 mars 2025 | Möte: Rad | Rad |" in todo


def _yearly_report(root: Path) -> Path:
    """From 1 January 2025 Rådet sends a yearly verksamhetsberättelse (`varje år`: by
    31 December) and never has; it meets as asked (the meetings do not matter here)."""
    council = body(
        "rad", "vid behov", reports=[("arsrapport", "varje år", "Verksamhetsberättelse")]
    )
    make_plan(root, [council], plan_date=date(2025, 1, 1))
    write(root / "styrdokument.yaml", DOCUMENTS.format(adopted="2025-01-01"))
    return root


def _messages(items: list[dict[str, Any]], kind: str) -> list[tuple[str, str, str]]:
    return [(d["date"], d["status"], d["message"]) for d in items if d["kind"] == kind]


REPORT_2025 = (
    "Rapporten ”Verksamhetsberättelse” från Rad till Kommunstyrelsen har lämnats 0 av 1 gång "
    "sedan 1 januari 2025 (varje år): rapporten för 2025 skulle ha lämnats senast "
    "31 december 2025"
)


def test_the_next_report_is_due_while_an_older_one_is_late(run: Run, tmp_path: Path) -> None:
    plan = _yearly_report(tmp_path)
    # On 1 October 2026 (the brief for kvartal 3 2026, up to 31 December): the 2025 report is
    # late, and the 2026 one falls due on 31 December 2026.
    found = _messages(_deadlines(run, plan, "2026-09-30", 92), "report")
    assert [(day, status) for day, status, _ in found] == [
        ("2025-12-31", "overdue"),
        ("2026-12-31", "due-soon"),
    ]
    assert found[0][2] == REPORT_2025
    assert found[1][2].startswith(
        "Rapporten ”Verksamhetsberättelse” från Rad till Kommunstyrelsen ska lämnas senast "
        "31 december 2026, rapporten för 2026"
    )
    brief = run("report", "-q", "2026Q3", str(plan), "--as-of", TODAY)
    todo = brief.stdout.split("## Att göra kvartal 4 2026\n", 1)[1]
    assert "| 31 dec. | Rapport från Rad till Kommunstyrelsen | Rad |" in todo
    feed = run("deadlines", str(plan), "--as-of", "2026-09-30", "-f", "ics").stdout
    assert feed.count("BEGIN:VEVENT") == len(set(re.findall(r"UID:(\S+)", feed)))
    assert "DTSTART;VALUE=DATE:20261231" in feed
    # On its due day the 2026 report is due, not missing: one report is late, not two.
    found = _messages(_deadlines(run, plan, "2026-12-31", 30), "report")
    assert found[0] == ("2025-12-31", "overdue", REPORT_2025)
    assert [(day, status) for day, status, _ in found] == [
        ("2025-12-31", "overdue"),
        ("2026-12-31", "due-soon"),
    ]
    # The day after, both are.
    found = _messages(_deadlines(run, plan, "2027-01-01", 30), "report")
    assert found[0][:2] == ("2025-12-31", "overdue")
    assert (
        "har lämnats 0 av 2 gånger sedan 1 januari 2025 (varje år): 2 rapporter saknas"
        in (found[0][2])
    )


def test_a_meeting_due_today_is_not_missing(run: Run, tmp_path: Path) -> None:
    """Rådet (4 gånger per år from 1 January 2026) has held no meeting."""
    make_plan(tmp_path, [body("rad", "4 gånger per år")], plan_date=date(2026, 1, 1))
    write(tmp_path / "styrdokument.yaml", DOCUMENTS.format(adopted="2026-01-01"))
    found = _messages(_deadlines(run, tmp_path, "2026-06-30", 30), "meeting")
    assert found == [
        (
            "2026-03-31",
            "overdue",
            "Rad har hållit 0 av 1 möte sedan 1 januari 2026 (4 gånger per år): mötet för "
            "kvartal 1 2026 skulle ha hållits senast 31 mars 2026",
        ),
        (
            "2026-06-30",
            "due-soon",
            "Rad: nästa möte ska hållas senast 30 juni 2026, mötet för kvartal 2 2026 "
            "(4 gånger per år; 0 av 1 möte hållet sedan 1 januari 2026, inga möten i "
            "mötesloggen)",
        ),
    ]
    found = _messages(_deadlines(run, tmp_path, "2026-07-01", 30), "meeting")
    assert found == [
        (
            "2026-03-31",
            "overdue",
            "Rad har hållit 0 av 2 möten sedan 1 januari 2026 (4 gånger per år): 2 möten "
            "saknas, det första för kvartal 1 2026, som skulle ha hållits senast 31 mars 2026",
        ),
    ]


def test_the_export_index_counts_the_meetings_its_page_lists(run: Run, tmp_path: Path) -> None:
    """On 6 December 2026 three of Rådet's four meetings are held; the fourth is dated 20
    December. The index and the meetings page both count three."""
    plan = _council(tmp_path / "plan")
    out = tmp_path / "ut"
    result = run("export", str(plan), "-f", "markdown", "-o", str(out), "--as-of", TODAY)
    assert result.exit_code == 0, result.output
    index = (out / "index.md").read_text(encoding="utf-8")
    page = (out / "moten.md").read_text(encoding="utf-8")
    assert "3 möten" in index and "4 möten" not in index
    assert "20 december 2026" not in page
    assert page.count("8 september 2026") >= 1
