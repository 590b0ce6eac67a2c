"""Everyday edits that read right (issue 16): an action's id follows the body that decided it,
agenda lines do not go stale, a refused edit never says it added anything, and a message that
stops an edit says where to go instead. Each edit's ``git diff`` is a golden file in
``tests/golden/edit/``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES, Run, edit, write
from tests.golden import check_golden
from tests.test_edit_examples import plan_diff, snapshot

MEETING = "moten/2021-03-02-lokala-bra.yaml"

BEREDNINGSGRUPP = """\
  - id: beredningsgrupp
    namn: Beredningsgruppen
    typ: beredningsgrupp
    ledamöter:
      - roll: samordnare
      - roll: kommunpolis
    mötesfrekvens: varje månad
"""


@pytest.fixture
def two_bodies(plan: Path) -> Path:
    """The small plan with a beredningsgrupp beside Lokala BRÅ, and no actions yet."""
    edit(
        plan / "organisation.yaml",
        "  - id: kommunstyrelsen\n",
        BEREDNINGSGRUPP + "  - id: kommunstyrelsen\n",
    )
    (plan / MEETING).unlink()
    return plan


def add(run: Run, plan: Path, body: str, text: str, *extra: str, due: str = "2024-06-30") -> str:
    result = run(
        "action", "add", text, "--owner", "samordnare", "--due", due,
        "--body", body, *extra, "--plan", str(plan),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.output


# --- ids follow the body ------------------------------------------------------------------------


def test_a_new_action_gets_the_next_id_of_the_body_that_decided_it(
    two_bodies: Path, run: Run
) -> None:
    plan = two_bodies
    for body, day in (("beredningsgrupp", "2024-01-10"), ("lokala-bra", "2024-01-17")):
        assert run("meeting", "new", body, "--date", day, "--plan", str(plan)).exit_code == 0
    before = snapshot(plan)
    # One id written by hand for Lokala BRÅ, then the bodies take turns.
    add(run, plan, "lokala-bra", "Boka lokal", "--id", "lokala-bra-2024-1")
    outputs = [
        add(run, plan, "beredningsgrupp", "Ta fram lägesbilden"),
        add(run, plan, "lokala-bra", "Bjuda in polisen"),
        add(run, plan, "beredningsgrupp", "Sammanställa statistik"),
        add(run, plan, "lokala-bra", "Svara kommunstyrelsen"),
    ]
    ids = [out.split("Ny åtgärd ", 1)[1].split(" ", 1)[0] for out in outputs]
    assert ids == ["beredningsgrupp-2024-1", "lokala-bra-2024-2", "beredningsgrupp-2024-2",
                   "lokala-bra-2024-3"]  # fmt: skip
    diff = plan_diff(before, snapshot(plan))
    assert "beredningsgrupp-2024-1" in diff.split("+++ b/moten/2024-01-10-beredningsgrupp.yaml")[1]
    check_golden("edit/action-add-ids-per-body.diff", diff)
    # A new year starts the body's series again.
    assert (
        run("meeting", "new", "lokala-bra", "--date", "2025-01-14", "--plan", str(plan)).exit_code
        == 0
    )
    assert "Ny åtgärd lokala-bra-2025-1 " in add(
        run, plan, "lokala-bra", "Planera året", due="2025-03-31"
    )


def test_a_plan_whose_ids_name_no_body_keeps_its_own_series(tmp_path: Path, run: Run) -> None:
    """Fagersta numbers every action fa-ÅÅÅÅ-NN, whichever body decided it."""
    plan = tmp_path / "fagersta"
    shutil.copytree(EXAMPLES / "fagersta", plan)
    before = snapshot(plan)
    out = add(run, plan, "est-grupp", "Se över belysningen", "--date", "2021-12-09")
    assert "Ny åtgärd fa-2021-58 " in out
    out = add(run, plan, "lokala-bra", "Boka lokal", "--date", "2021-12-07")
    assert "Ny åtgärd fa-2021-59 " in out
    check_golden("edit/fagersta-action-add-own-series.diff", plan_diff(before, snapshot(plan)))


# --- agenda lines refer to actions ------------------------------------------------------------


def test_meeting_new_refers_to_the_actions_it_follows_up(tmp_path: Path, run: Run) -> None:
    """The agenda says what is on it; which actions, and how they stood, comes from the actions
    themselves (följer_upp), never from a copy of their state on the day the file was made."""
    plan = tmp_path / "fagersta"
    shutil.copytree(EXAMPLES / "fagersta", plan)
    before = snapshot(plan)
    result = run("meeting", "new", "lokala-bra", "--date", "2022-01-18", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    text = (plan / "moten/2022-01-18-lokala-bra.yaml").read_text(encoding="utf-8")
    assert "försenad" not in text and "senast" not in text
    assert "dagordning:\n  - Uppföljning av åtgärder\n" in text
    assert "följer_upp:\n  - fa-2021-30\n  - fa-2021-56\n  - fa-2021-54\n  - fa-2021-51\n" in text
    check_golden("edit/fagersta-meeting-new-follow-ups.diff", plan_diff(before, snapshot(plan)))


def test_the_meeting_page_shows_each_followed_up_action_as_it_stood_at_the_meeting(
    tmp_path: Path, run: Run
) -> None:
    plan = tmp_path / "fagersta"
    shutil.copytree(EXAMPLES / "fagersta", plan)
    assert (
        run("meeting", "new", "lokala-bra", "--date", "2022-01-18", "--plan", str(plan)).exit_code
        == 0
    )
    # Closed at the meeting, and two weeks after it.
    for action, day in (("fa-2021-56", "2022-01-18"), ("fa-2021-30", "2022-02-01")):
        done = run("action", "done", action, "--date", day, "--plan", str(plan))
        assert done.exit_code == 0, done.output
    out = tmp_path / "wiki"
    export = ("export", str(plan), "--format", "markdown", "--output", str(out))
    assert run(*export, "--as-of", "2022-02-15").exit_code == 0
    page = (out / "moten.md").read_text(encoding="utf-8")
    meeting = page.split("18 januari 2022: Lokala BRÅ", 1)[1].split("\n## ", 1)[0]
    assert "| Åtgärd | Ansvarig | Senast | Vid mötet | Läge 15 febr. 2022 |" in meeting
    rows = [line for line in meeting.splitlines() if line.startswith("| fa-2021-")]
    assert rows[0].startswith("| fa-2021-30: Förbättra belysningen i gångtunneln")
    assert rows[0].endswith("| 30 nov. 2021 | Försenad | Klar, försenad (1 febr. 2022) |")
    assert rows[1].startswith("| fa-2021-56: Boka lokal och föreläsare")
    assert rows[1].endswith("| 14 jan. 2022 | Klar, försenad | Klar, försenad (18 jan. 2022) |")
    assert rows[2].endswith("| 31 jan. 2022 | Öppen | Försenad |")
    assert rows[3].endswith("| 31 mars 2022 | Öppen | Öppen |")


# --- a refused edit adds nothing ----------------------------------------------------------------


def test_a_refused_action_add_never_says_it_added_anything(plan: Path, run: Run) -> None:
    before = snapshot(plan)
    result = run(
        "action", "add", "Boka lokal", "--owner", "samordnare", "--due", "2021-06-30",
        "--body", "lokala-bra", "--activity", "vandring", "--plan", str(plan),
    )  # fmt: skip
    assert result.exit_code == 1
    assert "tillagt" not in result.output
    assert result.stdout == (
        f"{plan}/{MEETING}:17: skulle ha lagts till: Ny åtgärd a-2 (samordnare, senast "
        "2021-06-30): Boka lokal\n"
    )
    assert result.stderr.startswith("Ändringen skulle ge 1 fel i planen, så inget skrevs")
    assert snapshot(plan) == before


def test_a_refused_change_says_what_would_have_changed_in_english(plan: Path, run: Run) -> None:
    result = run("action", "done", "a-1", "--date", "2021-03-01", "--plan", str(plan), "--lang",
                 "en")  # fmt: skip
    assert result.exit_code == 1
    assert ": would have been changed: The action a-1 is done: " in result.stdout
    assert "changed:" not in result.stdout.replace("would have been changed:", "")


# --- messages that say where to go ------------------------------------------------------------


def test_kommunstyrelsen_keeps_no_log_and_the_message_says_where_its_decisions_go(
    plan: Path, run: Run
) -> None:
    before = snapshot(plan)
    result = run("meeting", "new", "kommunstyrelsen", "--date", "2021-06-01", "--plan", str(plan))
    assert result.exit_code == 1
    assert snapshot(plan) == before
    assert result.stderr == (
        "trygg: Kommunstyrelsen är av typen nämnd; planen för ingen möteslogg för den\n"
        "    tips: Beslut i Kommunstyrelsen förs in där de gäller: ett styrdokument den antar i "
        "styrdokument.yaml (antaget och antaget_av: [kommunstyrelsen]); ett förslag eller en "
        "rapport som lämnas till den med 'rapporter: [id]' i mötet hos organet som lämnar den "
        "(här Lokala BRÅ).\n"
    )


def test_a_date_without_a_meeting_names_the_nearest_meetings(plan: Path, run: Run) -> None:
    write(
        plan / "moten/2021-05-04-lokala-bra.yaml",
        "datum: 2021-05-04\norgan: lokala-bra\nnärvarande: [samordnare]\n",
    )
    args = ("action", "add", "X", "--owner", "samordnare", "--due", "2021-06-30")
    before = snapshot(plan)
    result = run(*args, "--body", "lokala-bra", "--date", "2021-04-14", "--plan", str(plan))
    assert result.exit_code == 1
    assert snapshot(plan) == before
    assert result.stderr == (
        "trygg: Organet 'lokala-bra' har inget möte 2021-04-14 i planen; närmast före är "
        "2021-03-02 och närmast efter 2021-05-04\n"
        "    tips: Ange ett av dem med --date, eller skapa mötet först med "
        "'trygg meeting new lokala-bra --date 2021-04-14'.\n"
    )
    result = run(*args, "--body", "lokala-bra", "--date", "2021-06-01", "--plan", str(plan))
    assert "har inget möte 2021-06-01 i planen; närmast före är 2021-05-04\n" in result.stderr


def test_a_cut_list_of_plans_says_so_and_how_to_see_all(tmp_path: Path, run: Run) -> None:
    for name in "abcdefgh":
        shutil.copytree(FIXTURES / "minimal", tmp_path / "planer" / f"plan-{name}")
    result = run("action", "done", "a-1", cwd=tmp_path / "planer")
    assert result.exit_code == 1
    assert result.stderr == (
        "trygg: Det finns 8 planer under .: plan-a, plan-b, plan-c, plan-d, plan-e och 3 till\n"
        "    tips: Välj en av dem med --plan MAPP. Varje plan är en mapp med en kommun.yaml; "
        "alla visas med: find . -name kommun.yaml\n"
    )


# --- indicator import marks values ------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--illustrative", "--preliminary"])
def test_indicator_import_marks_values_as_indicator_set_does(
    tmp_path: Path, run: Run, flag: str
) -> None:
    plan = tmp_path / "fagersta"
    shutil.copytree(EXAMPLES / "fagersta", plan)
    shutil.copy(FIXTURES / "kolada/fagersta-2021.csv", tmp_path / "kolada.csv")
    before = snapshot(plan)
    result = run("indicator", "import", "../kolada.csv", flag, cwd=plan)
    assert result.exit_code == 0, result.output
    diff = plan_diff(before, snapshot(plan))
    key = "illustrativ" if flag == "--illustrative" else "preliminär"
    assert f"+        {key}: true\n" in diff
    check_golden(f"edit/fagersta-kolada{flag.replace('--', '-')}.diff", diff)
