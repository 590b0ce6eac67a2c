"""The calendar feed: read by two parsers that trygg does not write with (vobject) and does
(icalendar, reading back), RFC 5545 basics, stable UIDs."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import icalendar
import pytest
import vobject

from tests.conftest import EXAMPLES, ROOT, Run, edit, write

EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))


def _feed(run: Run, *args: str, cwd: Path = ROOT) -> bytes:
    result = run("deadlines", *args, "-f", "ics", cwd=cwd)
    assert result.exit_code in (0, 1), result.output
    return result.stdout_bytes


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_an_independent_parser_reads_the_feed(run: Run, name: str) -> None:
    data = _feed(run, f"examples/{name}", "--as-of", "2021-06-30")
    calendar = vobject.readOne(data.decode("utf-8"))
    assert calendar.name == "VCALENDAR"
    assert calendar.version.value == "2.0"
    assert calendar.prodid.value.startswith("-//trygg//trygg ")
    events = calendar.contents.get("vevent", [])
    assert events, "the feed has events"
    uids = [e.uid.value for e in events]
    assert len(uids) == len(set(uids)), "UIDs are unique"
    for event in events:
        assert re.fullmatch(r"\d{4}(-[a-z0-9-]+)?-[a-z-]+-[A-Za-z0-9._-]+@trygg", event.uid.value)
        start, end = event.dtstart.value, event.dtend.value
        assert type(start) is date and type(end) is date  # all-day events
        assert (end - start).days == 1
        assert event.dtstamp.value.isoformat() == "2021-06-30T00:00:00+00:00"
        assert event.summary.value
        assert re.search(r"examples/[a-z]+/\S+\.yaml:\d+$", event.description.value)
    expected_meetings = [e for e in events if "-meeting-" in e.uid.value]
    assert expected_meetings, "the next meeting of each body with a cadence is in the feed"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_rfc5545_basics(run: Run, name: str) -> None:
    data = _feed(run, f"examples/{name}", "--as-of", "2021-06-30")
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b""), "every line ends with CRLF"
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines), "lines are folded at 75 octets"
    for line in lines:
        line.decode("utf-8")  # folding never splits a UTF-8 character
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert unfolded.count("BEGIN:VEVENT") == unfolded.count("END:VEVENT")
    assert unfolded.count("BEGIN:VEVENT") == unfolded.count("\r\nDTSTAMP:")
    assert "\r\nMETHOD:PUBLISH\r\n" in unfolded
    assert "\r\nCALSCALE:GREGORIAN\r\n" in unfolded


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_both_parsers_read_the_calendar_texts_whole(run: Run, lang: str) -> None:
    """A comma in a TEXT value is escaped (RFC 5545 3.3.11): vobject once cut the calendar's
    description at it, and a feed of several plans has commas in its name."""
    data = _feed(run, "examples", "--as-of", "2021-06-30", "--lang", lang)
    description = {
        "sv": "Tidsfrister i det brottsförebyggande arbetet, från trygg deadlines",
        "en": "Deadlines in the crime-prevention work, from trygg deadlines",
    }[lang]
    name = "trygg – " + ", ".join(["Angered (Göteborg)", "Fagersta", "Norsjö", "Umeå"])
    by_vobject = vobject.readOne(data.decode("utf-8"))
    by_icalendar = icalendar.Calendar.from_ical(data)
    assert by_vobject.contents["x-wr-caldesc"][0].value == description
    assert str(by_icalendar["x-wr-caldesc"]) == description
    assert by_vobject.contents["x-wr-calname"][0].value == name == str(by_icalendar["x-wr-calname"])
    assert by_vobject.contents["name"][0].value == name == str(by_icalendar["name"])
    events = {
        e.uid.value: (e.summary.value, e.description.value, e.dtstart.value)
        for e in by_vobject.contents["vevent"]
    }
    assert events == {
        str(e["uid"]): (str(e["summary"]), str(e["description"]), e.decoded("dtstart"))
        for e in by_icalendar.walk("VEVENT")
    }


def test_the_same_input_gives_the_same_bytes(run: Run) -> None:
    first = _feed(run, "examples", "--as-of", "2021-06-30")
    assert _feed(run, "examples", "--as-of", "2021-06-30") == first


def test_uids_stay_when_dates_move(run: Run, plan: Path) -> None:
    """A subscribed calendar updates the same event as the next meeting moves."""

    def events(as_of: str) -> dict[str, str]:
        calendar = vobject.readOne(
            _feed(run, "--as-of", as_of, "--within", "365", cwd=plan).decode()
        )
        return {e.uid.value: e.dtstart.value.isoformat() for e in calendar.contents["vevent"]}

    before = events("2021-05-15")
    assert before["0180-meeting-lokala-bra@trygg"] == "2021-06-02"
    (plan / "moten").joinpath("2021-06-01-lokala-bra.yaml").write_text(
        "datum: 2021-06-01\norgan: lokala-bra\n", encoding="utf-8"
    )
    after = events("2021-06-10")
    assert after["0180-meeting-lokala-bra@trygg"] == "2021-09-01"
    assert set(after) >= {
        "0180-meeting-lokala-bra@trygg",
        "0180-document-medborgarlofte.expiry@trygg",
    }


def test_a_district_has_its_own_uids(run: Run) -> None:
    assert "angered" in EXAMPLE_NAMES, "examples/angered is gone: the test needs a district"
    data = _feed(run, "examples/angered", "--as-of", "2021-06-30")
    assert b"UID:1480-angered-" in data


def test_overdue_events_say_so_and_names_are_in_the_language(run: Run, plan: Path) -> None:
    sv = vobject.readOne(_feed(run, "--as-of", "2021-06-30", cwd=plan).decode())
    titles = {e.summary.value for e in sv.contents["vevent"]}
    assert "Försenat: Möte: Lokala BRÅ" in titles
    assert sv.contents["x-wr-calname"][0].value == "trygg – Stockholm"
    en = vobject.readOne(_feed(run, "--as-of", "2021-06-30", "--lang", "en", cwd=plan).decode())
    assert "Overdue: Meeting: Lokala BRÅ" in {e.summary.value for e in en.contents["vevent"]}
    event = next(e for e in en.contents["vevent"] if "meeting" in e.uid.value)
    assert event.categories.value == ["trygg", "meeting", "overdue"]
    assert event.description.value.endswith("organisation.yaml:22")


def _uids(data: bytes) -> list[str]:
    return [str(e["uid"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")]


def test_two_plans_of_one_kommun_have_distinct_uids(run: Run, plan: Path) -> None:
    """Issue 12: two plans with one kommunkod in one feed gave their events the same UIDs
    (``0180-meeting-lokala-bra@trygg`` twice), so a calendar kept one and lost the other. Each
    of them now carries its folder; a plan alone in its feed keeps the UIDs it had."""
    shutil.copytree(plan, plan.parent / "plan-2025")
    args = ("--as-of", "2021-05-15", "--within", "365")
    alone = _uids(_feed(run, *args, cwd=plan))
    assert "0180-meeting-lokala-bra@trygg" in alone
    both = _uids(_feed(run, "plan", "plan-2025", *args, cwd=plan.parent))
    assert len(both) == 2 * len(alone)
    assert sorted(both) == sorted(
        [uid.replace("0180-", "0180-plan-", 1) for uid in alone]
        + [uid.replace("0180-", "0180-plan-2025-", 1) for uid in alone]
    )
    assert _uids(_feed(run, "plan", "plan-2025", *args, cwd=plan.parent)) == both, "stable"
    # The JSON names each event by the same UID as the feed.
    result = run("deadlines", "plan", "plan-2025", *args, "-f", "json", cwd=plan.parent)
    payload = json.loads(result.output)
    assert [p["uid_prefix"] for p in payload["plans"]] == ["0180-plan", "0180-plan-2025"]
    assert [d["uid"] for p in payload["plans"] for d in p["deadlines"]] == both


def test_uids_are_unique_even_when_ids_are_not(run: Run, plan: Path) -> None:
    """Two actions with one id are an error (TRY202), and the feed, written all the same,
    still gives each event its own UID, the same on every run."""
    action = (
        "  - id: a-1\n    text: Bjuda in polisen\n    ansvarig: samordnare\n"
        "    senast: 2021-06-01\n    status: öppen\n"
    )
    write(
        plan / "moten/2021-04-06-lokala-bra.yaml",
        f"datum: 2021-04-06\norgan: lokala-bra\nåtgärder:\n{action}",
    )
    edit(
        plan / "moten/2021-03-02-lokala-bra.yaml",
        "    status: klar\n    klar_datum: 2021-03-20\n",
        "    status: öppen\n",
    )
    args = ("--as-of", "2021-05-15", "--within", "365")
    result = run("deadlines", *args, cwd=plan)
    assert "TRY202" in result.output
    uids = _uids(_feed(run, *args, cwd=plan))
    assert len(uids) == len(set(uids)), uids
    assert _uids(_feed(run, *args, cwd=plan)) == uids
