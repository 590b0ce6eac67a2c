"""``trygg deadlines`` as users, CI and nightly jobs call it: formats, exit codes, golden files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, Run, doc, edit, write
from tests.golden import check_golden_bytes
from trygghet_cli.wording import date_label

EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))
AS_OF = "2021-06-30"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize(
    ("fmt", "lang", "suffix"),
    [("text", "sv", "txt"), ("text", "en", "txt"), ("json", "sv", "json"), ("ics", "sv", "ics")],
)
def test_golden(run: Run, name: str, fmt: str, lang: str, suffix: str) -> None:
    result = run(
        "deadlines", f"examples/{name}", "--as-of", AS_OF, "-f", fmt, "--lang", lang, cwd=ROOT
    )
    assert result.exit_code in (0, 1), result.output
    check_golden_bytes(f"deadlines/{name}.{lang}.{fmt}.{suffix}", result.stdout_bytes)


def test_text_lists_overdue_then_due_soon_with_file_and_line(run: Run, plan: Path) -> None:
    result = run("deadlines", "--as-of", "2021-07-01", cwd=plan)
    assert result.exit_code == 1
    assert result.output == (
        "Tidsfrister per 1 juli 2021 (förfaller inom 30 dagar)\n"
        "\n"
        "Stockholm\n"
        "  Försenat\n"
        "    2 juni 2021  Lokala BRÅ har hållit 1 av 2 möten sedan 1 januari 2021 (4 gånger per "
        "år): mötet\n"
        "                 för kvartal 2 2021 skulle ha hållits senast 30 juni 2021, och nästa möte "
        "skulle ha\n"
        "                 hållits senast 2 juni 2021, räknat från det senaste (2 mars "
        "2021)\n"
        "                 organisation.yaml:22\n"
        "\n"
        "1 försenad och inget som förfaller inom 30 dagar i 1 plan.\n"
    )


def test_exit_codes_and_fail_on(run: Run, plan: Path) -> None:
    # 15 May 2021: the next meeting (2 June) is due soon, nothing is overdue
    assert run("deadlines", "--as-of", "2021-05-15", cwd=plan).exit_code == 0
    soon = run("deadlines", "--as-of", "2021-05-15", "--fail-on", "due-soon", cwd=plan)
    assert soon.exit_code == 1
    assert "Förfaller inom 30 dagar" in soon.output
    assert run("deadlines", "--as-of", "2021-06-30", cwd=plan).exit_code == 1
    never = run("deadlines", "--as-of", "2021-06-30", "--fail-on", "never", cwd=plan)
    assert never.exit_code == 0
    quiet = run("deadlines", "--as-of", "2021-04-01", "--fail-on", "due-soon", cwd=plan)
    assert quiet.exit_code == 0
    assert "Inget försenat och inget som förfaller inom 30 dagar." in quiet.output


def test_within_widens_the_window(run: Run, plan: Path) -> None:
    narrow = run("deadlines", "--as-of", "2021-04-01", cwd=plan)
    wide = run("deadlines", "--as-of", "2021-04-01", "--within", "300", cwd=plan)
    assert "Medborgarlöftet" not in narrow.output
    assert "Medborgarlöftet ”Medborgarlöfte 2021” gäller till och med 31 december 2021" in (
        wide.output
    )
    assert "Förfaller inom 300 dagar" in wide.output


def test_ignore_skips_deadline_rules(run: Run, plan: Path) -> None:
    result = run("deadlines", "--as-of", "2021-07-01", "--ignore", "try406", cwd=plan)
    assert result.exit_code == 0
    assert "Lokala BRÅ" not in result.output


def test_as_of_defaults_to_today(run: Run, plan: Path) -> None:
    result = run("deadlines", "--fail-on", "never", cwd=plan)
    assert result.exit_code == 0
    assert result.output.startswith(f"Tidsfrister per {date_label(date.today(), 'sv')} ")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--as-of", "2021-13-01"],
            "Fel: Ogiltigt värde för '--as-of': '2021-13-01' är inte ett datum; skriv ÅÅÅÅ-MM-DD",
        ),
        (["--as-of", "igår"], "Ogiltigt värde för '--as-of': 'igår' är inte ett datum"),
        (
            ["--as-of", "9998-06-01"],
            "Ogiltigt värde för '--as-of': året i '9998-06-01' ligger utanför 1900–2100",
        ),
        (["--within", "3000000"], "värdet ska vara högst 36500, inte 3000000"),
        (
            ["--ignore", "TRY101"],
            "Ogiltigt värde för '--ignore': 'TRY101' är ingen regel för tidsfristerna; de är "
            "TRY4xx.",
        ),
        (["--ignore", "TRY999"], "Ogiltigt värde för '--ignore': 'TRY999' är ingen regel i trygg"),
        (["--format", "xml"], "xml"),
        (["--within", "-1"], "--within"),
        (["--fail-on", "always"], "always"),
        (["finns-inte"], "Sökvägen finns inte: finns-inte"),
    ],
)
def test_usage_errors_exit_2(run: Run, plan: Path, args: list[str], expected: str) -> None:
    result = run("deadlines", *args, cwd=plan)
    assert result.exit_code == 2
    assert expected in result.output


def test_errors_in_the_plan_are_shown_and_fail(run: Run, plan: Path) -> None:
    """Every file was read, but a meeting names a body the plan lacks: the deadlines are shown
    with the error."""
    write(plan / "moten/2021-03-10-nope.yaml", "datum: 2021-03-10\norgan: nope\n")
    result = run("deadlines", "--as-of", "2021-05-15", "--fail-on", "never", cwd=plan)
    assert result.exit_code == 1
    assert "Fel i planen (varje fil lästes; rätta felen, se trygg validate):" in result.output
    assert "    moten/2021-03-10-nope.yaml:2:8: fel TRY201" in result.output
    assert "Lokala BRÅ: nästa möte ska hållas senast 2 juni 2021" in result.output
    assert result.output.endswith("; 1 fel i planerna (se trygg validate).\n")


def test_a_file_that_did_not_validate_writes_no_deadlines(run: Run, plan: Path) -> None:
    """An impossible date leaves the file read only in part: nothing is written from it."""
    edit(plan / "aktiviteter.yaml", "klart_senast: 2021-12-31", "klart_senast: 2021-02-30")
    result = run("deadlines", "--as-of", "2021-05-15", "--fail-on", "never", cwd=plan)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "aktiviteter.yaml:9:19: fel TRY10" in result.stderr
    assert "trygg deadlines: en fil i planen kunde inte läsas (se ovan)" in result.stderr


def test_a_folder_without_a_plan(run: Run, tmp_path: Path) -> None:
    write(tmp_path / "tom/readme.txt", "x")
    result = run("deadlines", "tom", "--as-of", AS_OF, cwd=tmp_path)
    assert result.exit_code == 1
    assert "tom:1:1: fel TRY010 Ingen plan hittades här" in result.output


def test_json_for_other_programs(run: Run, plan: Path) -> None:
    result = run("deadlines", "--as-of", "2021-07-01", "-f", "json", "--lang", "en", cwd=plan)
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["as_of"] == "2021-07-01"
    assert payload["within_days"] == 30
    assert payload["summary"] == {"plans": 1, "overdue": 1, "due_soon": 0, "errors": 0}
    (item,) = payload["plans"][0]["deadlines"]
    assert item == {
        "kind": "meeting",
        "status": "overdue",
        "date": "2021-06-02",
        "title": "Meeting: Lokala BRÅ",
        "uid": "0180-meeting-lokala-bra@trygg",
        "rule": "TRY406",
        "name": "meeting-shortfall",
        "severity": "error",
        "file": "organisation.yaml",
        "line": 22,
        "column": 20,
        "pointer": "organ[0].mötesfrekvens",
        "message": "Lokala BRÅ has held 1 of 2 meetings since 1 January 2021 (4 times a year): "
        "the meeting for Q2 2021 was due by 30 June 2021, and the next meeting was due by "
        "2 June 2021, counted from the last (2 March 2021)",
        "hint": "Add the meetings that were held to moten/ (one meeting per file), or change "
        "'mötesfrekvens' in organisation.yaml if the body has decided to meet less often.",
    }


def test_github_annotations_and_step_summary(run: Run, plan: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = run(
        "deadlines",
        "--as-of",
        "2021-05-20",
        "--within",
        "300",
        cwd=plan,
        env={
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKFLOW": "nightly",
            "GITHUB_STEP_SUMMARY": str(summary),
        },
    )
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "::group::aktiviteter.yaml"
    assert (
        "::warning file=organisation.yaml,line=22,col=20,title=TRY407 next-meeting::Lokala BRÅ: "
        "nästa möte ska hållas senast 2 juni 2021, räknat från det senaste mötet "
        "2 mars 2021 (4 gånger per år; 1 möte hållet sedan 1 januari 2021, där 1 krävs)"
        "%0AKalla till mötet och lägg in det i moten/ när det har hållits."
    ) in lines
    assert lines[-1] == "Inget försenat och 4 som förfaller inom 300 dagar i 1 plan."
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## trygg deadlines\n\nInget försenat och 4 som förfaller")
    assert "| `organisation.yaml` | 22 | 20 | varning | TRY407 |" in text


def test_output_writes_the_file(run: Run, plan: Path) -> None:
    result = run("deadlines", "--as-of", AS_OF, "-f", "ics", "-o", "ut/trygg.ics", cwd=plan)
    assert result.exit_code == 1
    assert result.output == ""
    data = (plan / "ut/trygg.ics").read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"UID:0180-meeting-lokala-bra@trygg\r\n" in data


def test_ics_errors_go_to_stderr(run: Run, plan: Path) -> None:
    """The calendar is written with the plan's errors on standard error; none is written when
    a file could not be read."""
    write(plan / "moten/2021-03-10-nope.yaml", "datum: 2021-03-10\norgan: nope\n")
    result = run("deadlines", "--as-of", AS_OF, "-f", "ics", cwd=plan)
    assert result.exit_code == 1
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    assert "moten/2021-03-10-nope.yaml:2:8: fel TRY201" in result.stderr
    edit(plan / "aktiviteter.yaml", "klart_senast: 2021-12-31", "klart_senast: 2021-02-30")
    result = run("deadlines", "--as-of", AS_OF, "-f", "ics", cwd=plan)
    assert result.exit_code == 1
    assert result.stdout_bytes == b""
    assert "aktiviteter.yaml:9:19: fel TRY10" in result.stderr


def test_the_readme_shows_real_output(run: Run) -> None:
    """The worked example in README.md is what the command prints, byte for byte."""
    assert "fagersta" in EXAMPLE_NAMES, "examples/fagersta is gone: docs/deadlines.md shows it"
    readme = doc("deadlines.md")
    text = run("deadlines", "examples/fagersta", "--as-of", AS_OF, cwd=ROOT)
    assert f"$ trygg deadlines examples/fagersta --as-of {AS_OF}\n{text.output}$ echo $?\n1\n" in (
        readme
    )
    feed = run("deadlines", "examples/fagersta", "--as-of", AS_OF, "-f", "ics", cwd=ROOT)
    event = feed.stdout_bytes.decode().replace("\r\n", "\n").split("BEGIN:VEVENT\n")
    shown = next(e for e in event if "UID:1982-meeting-est-grupp@trygg" in e)
    assert "BEGIN:VEVENT\n" + shown.split("END:VEVENT\n")[0] + "END:VEVENT\n" in readme


def test_github_annotates_the_deadlines_before_the_plans_errors(run: Run, plan: Path) -> None:
    """The workflow's Validera step annotates the plan's errors already; when there are more
    than GitHub shows, the Tidsfrister step must still annotate what is overdue."""
    for day in range(10, 22):
        write(plan / f"moten/2021-03-{day}-nope.yaml", f"datum: 2021-03-{day}\norgan: nope\n")
    result = run("deadlines", "--as-of", "2021-07-01", "-f", "github", cwd=plan)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("::error ")]
    assert len(errors) == 10
    overdue = [line for line in errors if "title=TRY4" in line]
    assert overdue and overdue[0].startswith("::error file=organisation.yaml,line=22,col=20,")
    assert sum("title=TRY201" in line for line in errors) == 10 - len(overdue)
    assert "moten/2021-03-21-nope.yaml:2:8: fel TRY201" in result.output
