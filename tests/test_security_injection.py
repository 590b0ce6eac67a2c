"""Plan text that others read (a terminal, a calendar, a web page, a generated file) cannot act
on the reader (issue 12, "Injection into what others read").

A plan holds control characters only through YAML's escapes (``"\\e[2J"``): each is a warning
(TRY020) and is read as its picture (``␛``), so no output carries it raw. Names that
``trygg init`` puts into files are quoted or refused.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import Run, edit

CONTROL = "\x1b\x07\x00\x9b\x7f\r"
MEETING = "moten/2021-03-02-lokala-bra.yaml"


def _poison(plan: Path) -> None:
    """An open action whose text sets the terminal's title and clears its screen, and an
    activity whose name colours the terminal red."""
    edit(
        plan / MEETING,
        "    text: Boka trygghetsvandring",
        '    text: "Boka\\e]0;PWNED\\a vandring\\e[2J nu\\0 x\\x9b\\x7f\\r"',
    )
    edit(plan / MEETING, "    status: klar\n    klar_datum: 2021-03-20\n", "    status: pågående\n")
    edit(plan / "aktiviteter.yaml", "    namn: Trygghetsvandringar", '    namn: "Vandring\\e[31m"')


def _raw(data: str | bytes) -> set[str]:
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return {c for c in text if c in CONTROL}


def test_a_control_character_in_plan_text_is_a_warning(run: Run, plan: Path) -> None:
    _poison(plan)
    result = run("validate", str(plan))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if " TRY020 " in line]
    assert lines == [
        f"{plan}/aktiviteter.yaml:4:11: varning TRY020 Texten har kontrolltecknet U+001B, som "
        "trygg visar som ␛",
        f"{plan}/{MEETING}:11:11: varning TRY020 Texten har kontrolltecknet U+001B, som trygg "
        "visar som ␛",
    ]
    assert "tips: Ta bort tecknet ur texten" in result.output
    assert not _raw(result.output)


@pytest.mark.parametrize(
    "args",
    [
        ("deadlines", "--as-of", "2021-06-01"),
        ("deadlines", "--as-of", "2021-06-01", "--format", "json"),
        ("deadlines", "--as-of", "2021-06-01", "--format", "github"),
        ("report", "--quarter", "2021Q2"),
        ("validate", "--format", "github"),
    ],
)
def test_no_control_character_reaches_the_terminal(
    run: Run, plan: Path, args: tuple[str, ...]
) -> None:
    _poison(plan)
    result = run(*args, str(plan))
    assert result.exit_code in (0, 1), result.output
    assert not _raw(result.output), result.output
    if args[0] == "deadlines" and "--format" not in args:
        assert "Boka␛]0;PWNED␇ vandring␛[2J nu␀" in result.output
    if "json" in args:
        texts = json.dumps(json.loads(result.output), ensure_ascii=False)
        assert "\\u001b" not in texts and "Boka␛]0;PWNED␇" in texts


def test_no_control_character_reaches_a_calendar_or_a_web_page(
    run: Run, plan: Path, tmp_path: Path
) -> None:
    _poison(plan)
    feed = tmp_path / "frister.ics"
    args = ("--as-of", "2021-06-01", "--format", "ics", "-o", str(feed))
    result = run("deadlines", str(plan), *args)
    assert result.exit_code == 1, result.output  # an overdue action
    data = feed.read_bytes()
    assert not _raw(data.replace(b"\r\n", b""))  # iCalendar's own line ends are CRLF
    events = Calendar.from_ical(data).walk("VEVENT")
    assert any("Boka␛]0;PWNED␇" in str(e["summary"]) for e in events)
    for fmt in ("html", "markdown"):
        out = tmp_path / fmt
        result = run("export", str(plan), "-o", str(out), "-f", fmt, "--as-of", "2021-06-01")
        assert result.exit_code == 0, result.output
        for page in out.rglob("*"):
            if page.is_file() and page.suffix in (".html", ".md", ".svg"):
                assert not _raw(page.read_text(encoding="utf-8")), page
        page = out / ("aktiviteter.html" if fmt == "html" else "aktiviteter.md")
        shown = "Vandring␛[31m" if fmt == "html" else "Vandring␛\\[31m"  # Markdown escaped
        assert shown in page.read_text(encoding="utf-8")


def test_a_file_name_with_a_control_character_is_shown_visibly(
    run: Run, plan: Path, tmp_path: Path
) -> None:
    """A folder's name reaches the deadlines as the file of each deadline."""
    named = tmp_path / "plan\x1b[2J"
    plan.rename(named)
    result = run("deadlines", str(named), "--as-of", "2021-06-01")
    assert not _raw(result.output), result.output
    assert "plan␛[2J/organisation.yaml:" in result.output
    result = run("report", str(named), "--quarter", "2021Q2")
    assert not _raw(result.output), result.output
    feed = tmp_path / "frister.ics"
    run("deadlines", str(named), "--as-of", "2021-06-01", "--format", "ics", "-o", str(feed))
    data = feed.read_bytes()
    assert not _raw(data.replace(b"\r\n", b""))
    events = Calendar.from_ical(data).walk("VEVENT")
    assert any("plan␛[2J/organisation.yaml" in str(e["description"]) for e in events)
    result = run("export", str(named), "-o", str(tmp_path / "ut"), "--as-of", "2021-06-01")
    assert result.exit_code == 0, result.output
    for page in (tmp_path / "ut").rglob("*.html"):
        assert not _raw(page.read_text(encoding="utf-8")), page
