"""The quarterly brief and ``trygg deadlines`` as of the quarter's last day tell the same story.

For every example and every quarter of 2021, run both commands as a user would and compare
what they print: every item ``trygg deadlines --as-of <quarter end>`` gives as overdue is late
in the brief (in the same words), every item due by the end of the next quarter is in the
brief's to-do list (with the same date), the brief lists nothing else, and a body whose
meetings are overdue is not "on track" in the meetings table.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from tests.conftest import EXAMPLES, ROOT, Run
from trygghet_cli.model.periods import Period
from trygghet_cli.wording import Formatter

EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))
QUARTERS = [f"2021Q{i}" for i in range(1, 5)]


def _section(text: str, start: str, end: str) -> str:
    assert start in text, start
    body = text.split(start, 1)[1]
    return body.split(end, 1)[0]


def _bullets(section: str) -> list[str]:
    """The section's list items, with Markdown's escapes undone (``gäller\\_till``)."""
    return [line[2:].replace("\\_", "_") for line in section.splitlines() if line.startswith("- ")]


def _rows(section: str) -> list[list[str]]:
    """The body rows of the first Markdown table in ``section``."""
    lines = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def _deadlines(run: Run, name: str, quarter: Period, lang: str) -> list[dict[str, Any]]:
    within = (quarter.next().end - quarter.end).days
    result = run(
        "deadlines",
        f"examples/{name}",
        "--as-of",
        quarter.end.isoformat(),
        "--within",
        str(within),
        "--format",
        "json",
        "--lang",
        lang,
        cwd=ROOT,
    )
    assert result.exit_code in (0, 1), result.output
    [plan] = json.loads(result.stdout)["plans"]
    items: list[dict[str, Any]] = plan["deadlines"]
    return items


CASES = [(name, q, "sv") for name in EXAMPLE_NAMES for q in QUARTERS] + [
    ("fagersta", q, "en") for q in QUARTERS if "fagersta" in EXAMPLE_NAMES
]
# After the example's log ends, much is overdue: actions, meetings and reports counted in a line.
CASES += [("umea", "2022Q1", "sv"), ("umea", "2022Q1", "en")]


@pytest.mark.parametrize(("name", "quarter_text", "lang"), CASES)
def test_the_brief_shows_what_deadlines_shows(
    run: Run, name: str, quarter_text: str, lang: str
) -> None:
    quarter = Period.parse(quarter_text)
    items = _deadlines(run, name, quarter, lang)
    result = run("report", "--quarter", quarter_text, f"examples/{name}", "--lang", lang, cwd=ROOT)
    assert result.exit_code == 0, result.output
    brief = result.stdout
    sv = lang == "sv"

    late = _bullets(_section(brief, "**Försenat**" if sv else "**Late**", "\n**"))
    overdue = [d for d in items if d["status"] == "overdue"]
    # More than three overdue actions, meetings or reports are counted in one line each (the
    # brief has a table of each, checked below); the rest are listed in deadlines' words.
    counted = {
        kind: n
        for kind in ("action", "meeting", "report")
        if (n := sum(d["kind"] == kind for d in overdue)) > 3
    }
    listed = [d for d in overdue if d["kind"] not in counted]
    assert [line.split(" ", 1)[0] for line in late[: len(counted)]] == [
        str(n) for n in counted.values()
    ]
    rest = late[len(counted) :]
    assert [f"{d['message']}." for d in listed] == rest[: len(listed)]
    # what follows is the brief's own (actions done late, goals going the wrong way)
    assert not any(line.startswith(("Åtgärden '", "The action '")) for line in rest[len(listed) :])
    if "action" in counted:
        heading = "### Försenade" if sv else "### Overdue"
        assert len(_rows(_section(brief, heading, "\n#"))) == counted["action"]
    if "report" in counted:
        reports = _rows(_section(brief, "### Rapporter" if sv else "### Reports", "\n## "))
        late_rows = [r for r in reports if r[-1].startswith(("Försenat", "Overdue"))]
        assert len(late_rows) == counted["report"]

    fmt = Formatter("sv" if sv else "en")
    todo = _section(brief, "## Att göra " if sv else "## Due in ", "\n---")
    due = [d for d in items if d["status"] == "due-soon"]
    expected = [
        [fmt.date_in_year(date.fromisoformat(d["date"]), quarter.year), d["title"]] for d in due
    ]
    assert [row[:2] for row in _rows(todo)] == expected
    assert all(quarter.end <= date.fromisoformat(d["date"]) <= quarter.next().end for d in due)

    table = _section(brief, "## Möten" if sv else "## Meetings", "\n### ")
    header = [c.strip() for c in table.split("\n|", 1)[1].split("\n", 1)[0].strip("|").split("|")]
    status = header.index("Läge" if sv else "Status")
    meetings = {row[0]: row[status] for row in _rows(table)}
    for d in overdue:
        if d["kind"] == "meeting":
            body = d["title"].split(": ", 1)[1]
            day = fmt.date_in_year(date.fromisoformat(d["date"]), quarter.year)
            since = f"Försenat sedan {day}" if sv else f"Overdue since {day}"
            assert meetings[body] == since, (body, meetings)
    on_track = "Enligt plan" if sv else "On track"
    late_bodies = {d["title"].split(": ", 1)[1] for d in overdue if d["kind"] == "meeting"}
    assert not {b for b, status in meetings.items() if status == on_track} & late_bodies
