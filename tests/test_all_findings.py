"""All findings at once (issue 16): the checks across files and the consistency checks run on
every part of a file that could be read, so one run shows what a second run would otherwise
add; where a check truly cannot run yet, the finding and the summary say so."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Run, edit, write

MEETING = "moten/2021-05-04-lokala-bra.yaml"

BROKEN_MEETING = """\
datum: 2021-05-05
organ: lokala-bra
närvarande: [samordnare, kommunpols]
beslut:
  - Genomföra trygghetsvandring i centrum.
åtgärder:
  - id: a-2
    text: Boka lokal
    ansvarig: samordnare
    senast: 2021-06-31
    status: öppen
  - id: a-3
    text: Skriva lägesbilden
    ansvarig: samordnare
    senast: 2021-06-01
    status: klar
"""


def findings(run: Run, plan: Path, *args: str) -> list[str]:
    result = run("validate", str(plan), *args)
    return [line for line in result.output.splitlines() if not line.startswith("    ")]


def test_shape_errors_no_longer_hide_the_checks_across_files(plan: Path, run: Run) -> None:
    write(plan / MEETING, BROKEN_MEETING)
    result = run("validate", cwd=plan)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if not line.startswith("    ")]
    assert lines == [
        f"{MEETING}:1:8: varning TRY204 Filnamnet börjar med 2021-05-04 men mötet har datum "
        "2021-05-05",
        f"{MEETING}:3:26: fel TRY201 'närvarande' hänvisar till rollen 'kommunpols', som inte "
        "finns i planen (menade du 'kommunpolis'?)",
        f"{MEETING}:5:5: fel TRY103 'beslut' ska vara nycklar och värden, inte texten "
        "'Genomföra trygghetsvandring i centrum.'",
        f"{MEETING}:10:13: fel TRY105 '2021-06-31' är inte ett giltigt datum för 'senast'",
        # a-2 is left out (its date is broken); a-3 is still checked, at its own line.
        f"{MEETING}:16:13: varning TRY206 Åtgärden 'a-3' har status klar men inget klart-datum",
        "3 fel och 2 varningar i 8 filer (1 plan).",
    ]


def test_the_same_findings_come_from_the_cache(
    plan: Path, run: Run, tmp_path: Path, monkeypatch: object
) -> None:
    write(plan / MEETING, BROKEN_MEETING)
    env = {"TRYGG_CACHE_DIR": str(tmp_path / "cache")}
    first = run("validate", str(plan), env=env).output
    second = run("validate", str(plan), env=env).output
    assert "TRY206" in first and first == second == run("validate", str(plan), "--no-cache").output


def test_what_cannot_be_checked_yet_is_said(plan: Path, run: Run) -> None:
    """Without a readable 'datum' the meeting has no place in the plan: the checks across files
    wait for it, and both the finding and the summary say so."""
    write(plan / MEETING, BROKEN_MEETING.replace("datum: 2021-05-05", "datum: 2021-05-32"))
    result = run("validate", str(plan))
    assert result.exit_code == 1
    out = result.output
    assert f"{plan}/{MEETING}:10:13: info TRY017 Filen har inte kontrollerats mot resten av " in out
    assert "planen ännu: 'datum' behöver rättas först\n" in out
    assert (
        "    tips: Rätta felen i filen och kör trygg validate igen; då kontrolleras också "
        "hänvisningar, datum och id mot resten av planen.\n"
    ) in out
    assert out.endswith(
        "3 fel i 8 filer (1 plan). 1 fil har inte kontrollerats mot resten av planen ännu.\n"
    )
    english = run("validate", str(plan), "--lang", "en").output
    assert english.endswith(
        "3 errors in 8 files (1 plan). 1 file has not been checked against the rest of the "
        "plan yet.\n"
    )


def test_a_part_left_out_gives_no_finding_of_its_own(plan: Path, run: Run) -> None:
    """What could not be read is not reported missing: a population that is not a number is
    one finding, not also 'kommun.yaml saknar folkmängd'; a done action whose klar_datum is not
    a date is not also 'klar men inget klart-datum'."""
    edit(plan / "kommun.yaml", "  antal: 1000\n", "  antal: tusen\n")
    write(
        plan / MEETING,
        "datum: 2021-05-04\norgan: lokala-bra\nåtgärder:\n  - id: a-2\n    text: Boka\n"
        "    ansvarig: samordnare\n    senast: 2021-06-01\n    status: klar\n"
        "    klar_datum: 2021-05-32\n",
    )
    lines = findings(run, plan)
    assert [line.split(" ", 3)[2] for line in lines[:-1]] == ["TRY103", "TRY105"]
    assert lines[-1] == "2 fel i 8 filer (1 plan)."


def test_a_file_that_cannot_be_parsed_waits_too(plan: Path, run: Run) -> None:
    write(plan / MEETING, "datum: 2021-05-04\norgan: [lokala-bra\n")
    out = run("validate", str(plan)).output
    assert "TRY001" in out and "TRY017" in out
    assert out.endswith("1 fel i 8 filer (1 plan). 1 fil har inte kontrollerats mot resten av "
                        "planen ännu.\n")  # fmt: skip


# --- tips that lead on --------------------------------------------------------------------------


def test_a_chair_written_as_keys_is_told_it_is_a_role(plan: Path, run: Run) -> None:
    edit(
        plan / "organisation.yaml",
        "    ordförande: samordnare\n",
        "    ordförande:\n      roll: samordnare\n      utses_av: kommunstyrelsen\n",
    )
    out = run("validate", str(plan)).output
    assert "fel TRY103 'ordförande' ska vara text, inte nycklar och värden\n" in out
    assert (
        "    tips: Ordföranden är en roll: skriv rollens id (en roll under 'roller'), till "
        "exempel ordförande: samordnare. Vem som utser ordföranden skrivs för sig, "
        "ordförande_utses_av: kommunstyrelsen.\n"
    ) in out


def test_a_goal_written_on_an_activity_is_told_where_goals_point_from(plan: Path, run: Run) -> None:
    edit(
        plan / "aktiviteter.yaml", "    organ: lokala-bra\n", "    organ: lokala-bra\n    mål: m1\n"
    )
    out = run("validate", str(plan)).output
    assert "fel TRY101 Okänd nyckel 'mål'" in out
    assert (
        "    tips: Ett mål pekar ut sina aktiviteter, inte tvärtom: skriv aktivitetens id under "
        "'aktiviteter:' vid målet i mal.yaml. Tillåtna nycklar här: "
    ) in out
