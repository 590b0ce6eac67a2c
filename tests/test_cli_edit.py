"""``trygg meeting``, ``trygg action`` and ``trygg indicator set`` on the small plan: whole files
before and after, the messages, and what happens when an edit cannot or must not be made."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.conftest import Run, edit, write
from trygghet_cli.editing.actions import close_action
from trygghet_cli.editing.session import EditSession
from trygghet_cli.editing.session import write as write_outcome
from trygghet_cli.loading.atomic import FileChangedError

MEETING = "moten/2021-03-02-lokala-bra.yaml"

OPEN_ACTIONS = """\
# yaml-language-server: $schema=../../../../schemas/mote.schema.json
datum: 2021-05-04
organ: lokala-bra
närvarande: [samordnare]
åtgärder:
  - id: a-2
    text: Skriva lägesbilden   # den gemensamma
    ansvarig: samordnare
    senast: 2021-05-31
    status: öppen

  # Nästa åtgärd väntar på polisen.
  - id: a-3
    text: Ta fram statistik
    ansvarig: kommunpolis
    senast: 2021-04-30
    status: pågående
    anmärkning: Polisen återkommer.
"""


@pytest.fixture
def meeting(plan: Path) -> Path:
    return write(plan / "moten/2021-05-04-lokala-bra.yaml", OPEN_ACTIONS)


def files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text("utf-8") for p in sorted(root.rglob("*.yaml"))
    }


# --- action done -----------------------------------------------------------------------------


def test_action_done_changes_two_lines_and_nothing_else(
    plan: Path, meeting: Path, run: Run
) -> None:
    before = files(plan)
    result = run("action", "done", "a-2", "--date", "2021-05-20", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    name = f"{plan}/moten/2021-05-04-lokala-bra.yaml"
    assert result.output == (
        f"{name}:6: ändrat: Åtgärden a-2 är klar: status öppen → klar, klar_datum 2021-05-20.\n"
        f"Skrev {name}.\n"
    )
    after = files(plan)
    expected = OPEN_ACTIONS.replace(
        "    status: öppen\n", "    status: klar\n    klar_datum: 2021-05-20\n"
    )
    assert after == {**before, "moten/2021-05-04-lokala-bra.yaml": expected}


def test_action_done_from_inside_the_plan_in_english(plan: Path, meeting: Path, run: Run) -> None:
    result = run("action", "done", "a-3", "-d", "2021-05-10", "--lang", "en", cwd=plan / "moten")
    assert result.exit_code == 0, result.output
    assert "2021-05-04-lokala-bra.yaml:13: changed: The action a-3 is done: status pågående → " in (
        result.output
    )
    assert "    status: klar\n    klar_datum: 2021-05-10\n    anmärkning:" in meeting.read_text()


def test_an_action_already_done_is_left_alone(plan: Path, run: Run) -> None:
    before = files(plan)
    result = run("action", "done", "a-1", "--plan", str(plan))
    assert result.exit_code == 0
    assert ": oförändrat: Åtgärden a-1 är redan klar (klar_datum 2021-03-20)." in result.output
    assert result.output.endswith("Inget att ändra; inga filer skrevs.\n")
    assert files(plan) == before


def test_a_new_date_for_a_done_action_changes_klar_datum(plan: Path, run: Run) -> None:
    result = run("action", "done", "a-1", "--date", "2021-03-25", "--plan", str(plan))
    assert result.exit_code == 0
    assert "status klar, klar_datum 2021-03-20 → 2021-03-25" in result.output
    assert "    klar_datum: 2021-03-25\n" in (plan / MEETING).read_text()


def test_an_activity_is_closed_in_aktiviteter_yaml(plan: Path, run: Run) -> None:
    before = (plan / "aktiviteter.yaml").read_text()
    result = run("action", "done", "vandringar", "--date", "2021-11-30", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    assert "Aktiviteten vandringar är klar: status pågående → klar" in result.output
    assert (plan / "aktiviteter.yaml").read_text() == before.replace(
        "    status: pågående\n", "    status: klar\n    klar_datum: 2021-11-30\n"
    )


def test_unknown_action_suggests_the_closest(plan: Path, meeting: Path, run: Run) -> None:
    result = run("action", "done", "a-22", "--plan", str(plan))
    assert result.exit_code == 1
    assert "trygg: Hittar inte åtgärden 'a-22' i planen (menade du 'a-2'?)" in result.output


def test_a_date_before_the_meeting_is_refused_and_nothing_is_written(
    plan: Path, meeting: Path, run: Run
) -> None:
    before = files(plan)
    result = run("action", "done", "a-2", "--date", "2021-05-01", "--plan", str(plan))
    assert result.exit_code == 1
    assert "Ändringen skulle ge 1 fel i planen, så inget skrevs" in result.output
    assert (
        "2021-05-04-lokala-bra.yaml:11:17: fel TRY203 'klar_datum' (2021-05-01) ligger före "
        "'datum' (2021-05-04)" in result.output
    )
    assert files(plan) == before


@pytest.mark.parametrize("date", ["2021-13-01", "igår", "2021/05/01"])
def test_a_bad_date_is_a_usage_error(plan: Path, meeting: Path, run: Run, date: str) -> None:
    result = run("action", "done", "a-2", "--date", date, "--plan", str(plan))
    assert result.exit_code == 2
    assert f"Ogiltigt värde för '--date' / '-d': '{date}' är inte ett datum; skriv ÅÅÅÅ-MM-DD" in (
        result.output
    )


def test_the_same_id_in_two_places_is_not_guessed(plan: Path, run: Run) -> None:
    edit(plan / MEETING, "id: a-1", "id: vandringar")
    edit(plan / "mal.yaml", "aktiviteter: [vandringar]", "aktiviteter: []")
    result = run("action", "done", "vandringar", "--plan", str(plan))
    assert result.exit_code == 1
    assert "Id:t 'vandringar' finns på flera ställen" in result.output


def test_no_plan_here(tmp_path: Path, run: Run) -> None:
    result = run("action", "done", "a-1", cwd=tmp_path)
    assert result.exit_code == 1
    assert "Ingen plan i . eller mapparna ovanför (ingen kommun.yaml)" in result.output
    # A --plan that does not exist is a usage error, as for validate, report and the rest.
    for args in (("action", "done", "a-1"), ("meeting", "new", "lokala-bra", "-d", "2021-09-01")):
        result = run(*args, "--plan", "finns-inte", cwd=tmp_path)
        assert result.exit_code == 2
        assert "trygg: Sökvägen finns inte: finns-inte" in result.stderr


# --- action add ------------------------------------------------------------------------------


def test_action_add_to_the_bodys_latest_meeting(plan: Path, meeting: Path, run: Run) -> None:
    result = run(
        "action", "add", "Boka  lokal", "--owner", "kommunpolis", "--due", "2021-06-15",
        "--body", "lokala-bra", "--activity", "vandringar", "--plan", str(plan),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert ":19: tillagt: Ny åtgärd a-4 (kommunpolis, senast 2021-06-15): Boka  lokal" in (
        result.output
    )
    assert meeting.read_text() == OPEN_ACTIONS + (
        "  - id: a-4\n"
        "    text: Boka lokal\n"
        "    ansvarig: kommunpolis\n"
        "    senast: 2021-06-15\n"
        "    status: öppen\n"
        "    aktivitet: vandringar\n"
    )


def test_action_add_to_a_meeting_file_without_actions(plan: Path, run: Run) -> None:
    path = write(
        plan / "moten/2021-06-01-lokala-bra.yaml",
        "datum: 2021-06-01\norgan: lokala-bra\nbeslut: []   # inga\nåtgärder: []\n",
    )
    result = run(
        "action", "add", "Ring Fagerstahem", "--owner", "samordnare", "--due", "2021-06-30",
        "--meeting", "moten/2021-06-01-lokala-bra.yaml", "--id", "x-1", "--note", "Akut: nu",
        "--plan", str(plan),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert path.read_text() == (
        "datum: 2021-06-01\norgan: lokala-bra\nbeslut: []   # inga\nåtgärder:\n"
        "  - id: x-1\n    text: Ring Fagerstahem\n    ansvarig: samordnare\n"
        "    senast: 2021-06-30\n    status: öppen\n    anmärkning: 'Akut: nu'\n"
    )


def test_action_add_with_an_unknown_owner_is_refused(plan: Path, run: Run) -> None:
    before = files(plan)
    result = run(
        "action", "add", "Något", "--owner", "samordare", "--due", "2021-06-30",
        "--body", "lokala-bra", "--plan", str(plan),
    )  # fmt: skip
    assert result.exit_code == 1
    assert "fel TRY201 'ansvarig' hänvisar till rollen eller organet 'samordare'" in result.output
    assert "menade du 'samordnare'?" in result.output
    assert files(plan) == before


def test_action_add_needs_a_meeting(plan: Path, run: Run) -> None:
    args = ("action", "add", "X", "--owner", "samordnare", "--due", "2021-06-30")
    result = run(*args, "--plan", str(plan))
    assert result.exit_code == 1
    assert "Säg vilket möte åtgärden hör till." in result.output
    assert "Ange --meeting FIL eller --body ORGAN" in result.output
    result = run(*args, "--body", "lokala-bra", "--date", "2021-03-03", "--plan", str(plan))
    assert result.exit_code == 1
    assert "Organet 'lokala-bra' har inget möte 2021-03-03 i planen" in result.output


def test_action_add_to_a_misspelt_body_suggests_the_closest(plan: Path, run: Run) -> None:
    args = ("action", "add", "X", "--owner", "samordnare", "--due", "2021-06-30")
    result = run(*args, "--body", "lokala-br", "--plan", str(plan))
    assert result.exit_code == 1
    assert "Hittar inte organet 'lokala-br' i planen (menade du 'lokala-bra'?)" in result.output


def test_action_add_is_refused_while_a_meeting_file_cannot_be_read(plan: Path, run: Run) -> None:
    """The unreadable file may be the body's latest meeting: the action would land in an older
    one without a word."""
    write(
        plan / "moten/2021-09-01-lokala-bra.yaml",
        "datum: 2021-09-01\norgan: lokala-bra\nåtgärder:\n  - id: a-9\n    text: Y\n"
        "    ansvarig: samordnare\n    senast: 2021-09-31\n    status: öppen\n",
    )
    before = files(plan)
    args = ("action", "add", "X", "--owner", "samordnare", "--due", "2021-06-30")
    result = run(*args, "--body", "lokala-bra", "--plan", str(plan))
    assert result.exit_code == 1
    assert "En mötesfil har fel och kunde inte läsas; den kan vara det möte åtgärden hör till" in (
        result.output
    )
    assert "moten/2021-09-01-lokala-bra.yaml:7:13: fel TRY105" in result.output
    assert files(plan) == before
    # Named by file, the meeting that can be read takes the action.
    result = run(*args, "--meeting", MEETING, "--plan", str(plan))
    assert result.exit_code == 0, result.output


def test_a_date_no_calendar_has_is_read_as_written(plan: Path, run: Run) -> None:
    """ruamel.yaml cannot make 2021-02-30 a date: fmt and the editing commands read it as the
    text it is, write it back unchanged, and validate says what is wrong (never exit 3)."""
    edit(plan / MEETING, "    plats: Torget", "    plats: 2021-02-30")
    assert run("validate", str(plan)).exit_code == 0  # plats is text
    assert run("fmt", "--check", str(plan)).exit_code == 0
    before = (plan / MEETING).read_text(encoding="utf-8")
    result = run(
        "action",
        "add",
        "X",
        "--owner",
        "samordnare",
        "--due",
        "2021-06-30",
        "--body",
        "lokala-bra",
        "--plan",
        str(plan),
    )
    assert result.exit_code == 0, result.output
    after = (plan / MEETING).read_text(encoding="utf-8")
    assert "    plats: 2021-02-30\n" in after
    removed = [
        line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[0] == "-"
    ]
    assert removed == []  # the edit only adds the action's lines
    edit(plan / MEETING, "datum: 2021-03-02", "datum: 2021-02-29")
    result = run("fmt", "--check", str(plan))
    assert result.exit_code == 0, result.output
    assert "TRY105" in run("validate", str(plan)).output


@pytest.mark.parametrize(
    ("ids", "year", "expected"),
    [
        (["fa-2021-56", "ib-2021-1", "fa-2021-57"], 2021, "fa-2021-58"),
        (["fa-2021-09"], 2022, "fa-2022-01"),
        (["a-1", "a-9"], 2021, "a-10"),
        ([], 2021, "lokala-bra-2021-1"),
        (["beslut"], 2021, "lokala-bra-2021-1"),
    ],
)
def test_next_action_id(plan: Path, ids: list[str], year: int, expected: str) -> None:
    from trygghet_cli.editing.actions import next_action_id

    actions = "".join(
        f"  - {{id: {i}, text: t, ansvarig: samordnare, senast: {year}-12-01, status: öppen}}\n"
        for i in ids
    )
    (plan / MEETING).unlink()
    write(
        plan / f"moten/{year}-11-01-lokala-bra.yaml",
        f"datum: {year}-11-01\norgan: lokala-bra\n" + (f"åtgärder:\n{actions}" if ids else ""),
    )
    session = EditSession(plan)
    assert next_action_id(session, session.plan.meetings[-1]) == expected


# --- meeting new -----------------------------------------------------------------------------


def test_meeting_new_lists_members_open_actions_and_reports(
    plan: Path, meeting: Path, run: Run
) -> None:
    result = run(
        "meeting", "new", "lokala-bra", "--date", "2021-06-01", "--place", "Kommunhuset",
        "--plan", str(plan),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    name = "moten/2021-06-01-lokala-bra.yaml"
    assert result.output == (
        f"{plan}/{name}:1: ny fil: Nytt möte i Lokala BRÅ 2021-06-01: 2 närvarande, 2 öppna "
        f"åtgärder att följa upp.\nSkrev {plan}/{name}.\n"
    )
    assert (plan / name).read_text() == (
        "# yaml-language-server: $schema=../../../../schemas/mote.schema.json\n"
        "datum: 2021-06-01\n"
        "organ: lokala-bra\n"
        "plats: Kommunhuset\n"
        "närvarande:\n"
        "  - samordnare\n"
        "  - kommunpolis\n"
        "dagordning:\n"
        "  - Uppföljning av åtgärder\n"
        "beslut: []\n"
        "åtgärder: []\n"
        "# Öppna åtgärder som följs upp vid mötet; stryk dem som inte togs upp. Hur de låg till "
        "vid\n# mötet visas i exporten; 'trygg action done ID' stänger en åtgärd.\n"
        "följer_upp:\n"
        "  - a-3\n"
        "  - a-2\n"
        "# Rapporter som lämnas av eller till organet: arsrapport (varje år).\n"
        "# Skriv 'rapporter: [id]' för dem som lämnas vid mötet.\n"
    )
    # The file is in canonical form as 'trygg fmt' defines it.
    check = run("fmt", "--check", str(plan / name))
    assert check.output == "0 av 1 filer skulle ändras.\n"


def test_meeting_new_of_another_kind(plan: Path, run: Run) -> None:
    result = run("meeting", "new", "lokala-bra", "-d", "2021-04-06", "--kind", "akut", cwd=plan)
    assert result.exit_code == 0, result.output
    text = (plan / "moten/2021-04-06-lokala-bra.yaml").read_text()
    assert "organ: lokala-bra\ntyp: akut\nnärvarande:\n" in text
    assert "dagordning: []\n" in text


def test_meeting_new_does_not_overwrite(plan: Path, run: Run) -> None:
    before = files(plan)
    result = run("meeting", "new", "lokala-bra", "--date", "2021-03-02", "--plan", str(plan))
    assert result.exit_code == 1
    assert f"trygg: {plan}/{MEETING} finns redan" in result.output
    assert files(plan) == before


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("lokala-bro", "Hittar inte organet 'lokala-bro' i planen (menade du 'lokala-bra'?)"),
        ("kommunstyrelsen", "Kommunstyrelsen är av typen nämnd; planen för ingen möteslogg"),
    ],
)
def test_meeting_new_for_a_body_without_a_log(
    plan: Path, run: Run, body: str, message: str
) -> None:
    result = run("meeting", "new", body, "--date", "2021-06-01", "--plan", str(plan))
    assert result.exit_code == 1
    assert message in result.output


def test_meeting_new_with_a_bad_kind(plan: Path, run: Run) -> None:
    result = run("meeting", "new", "lokala-bra", "-d", "2021-06-01", "--kind", "x", cwd=plan)
    assert result.exit_code == 2
    assert "Ogiltigt värde för '--kind': 'x' finns inte. Välj ett av: ordinarie, extra, akut." in (
        result.output
    )


def test_meeting_new_from_the_kommuns_own_template(plan: Path, run: Run, tmp_path: Path) -> None:
    template = write(
        tmp_path / "mall.yaml.j2",
        "datum: {{ date }}\norgan: {{ body | yaml }}\nanteckningar: {{ ('Mall: ' ~ "
        "body_name) | yaml }}\n",
    )
    args = ("meeting", "new", "lokala-bra", "-d", "2021-06-01", "--plan", str(plan))
    result = run(*args, "--template", str(template))
    assert result.exit_code == 0, result.output
    assert (plan / "moten/2021-06-01-lokala-bra.yaml").read_text() == (
        "datum: 2021-06-01\norgan: lokala-bra\nanteckningar: 'Mall: Lokala BRÅ'\n"
    )
    broken = write(tmp_path / "trasig.yaml.j2", "datum: {{ dag }}\n")
    result = run(*args[:4], "2021-06-02", *args[5:], "--template", str(broken))
    assert result.exit_code == 1
    assert "trasig.yaml.j2:1 fungerar inte: UndefinedError: 'dag' is undefined" in result.output


def test_meeting_new_writes_a_kommuns_template_in_canonical_form(
    plan: Path, run: Run, tmp_path: Path
) -> None:
    """Whatever order and indentation the kommun's template has, the file is as 'trygg fmt'
    writes it, comments kept."""
    template = write(
        tmp_path / "mall.yaml.j2",
        "# Mötet.\n"
        "organ: {{ body | yaml }}\n"
        "närvarande:\n"
        "{% for role in attendees %}\n"
        "    - {{ role | yaml }}\n"
        "{% endfor %}\n"
        "        # fler vid behov\n"
        "datum: {{ date }}\n",
    )
    args = ("meeting", "new", "lokala-bra", "-d", "2021-06-01", "--plan", str(plan))
    result = run(*args, "--template", str(template))
    assert result.exit_code == 0, result.output
    assert (plan / "moten/2021-06-01-lokala-bra.yaml").read_text() == (
        "# Mötet.\n"
        "datum: 2021-06-01\n"
        "organ: lokala-bra\n"
        "närvarande:\n"
        "  - samordnare\n"
        "  - kommunpolis\n"
        "  # fler vid behov\n"
    )


def test_the_meeting_template_is_canonical_as_written(plan: Path) -> None:
    """trygg's own template needs no formatting: what it renders is already canonical."""
    from trygghet_cli.editing.canonical import canonical_text
    from trygghet_cli.editing.meetings import FollowUp, ReportDue, render_template
    from trygghet_cli.model.meetings import Meeting

    for follow_ups, reports, situation in [
        ([], [], False),
        ([FollowUp("a-1", "Text: med kolon", "samordnare", "2021-05-01", True)], [], True),
        (
            [FollowUp("a-1", "Boka", "samordnare", "2021-05-01", False)],
            [ReportDue("arsrapport", "varje år")],
            False,
        ),
    ]:
        context = {
            "modeline": "# yaml-language-server: $schema=../schemas/mote.schema.json",
            "date": "2021-06-01",
            "body": "lokala-bra",
            "body_name": "Lokala BRÅ",
            "kind": "extra",
            "place": "Stadshuset",
            "attendees": ["samordnare"],
            "follow_ups": follow_ups,
            "reports": reports,
            "situation": situation,
        }
        text = render_template(None, context)
        assert canonical_text(text, Meeting, "x.yaml") == (text, [])


def test_meeting_new_from_a_template_that_makes_an_invalid_meeting(
    plan: Path, run: Run, tmp_path: Path
) -> None:
    template = write(tmp_path / "mall.yaml.j2", "datum: {{ date }}\norgan: {{ body }}\nplatss: x\n")
    before = files(plan)
    args = ("meeting", "new", "lokala-bra", "-d", "2021-06-01", "--plan", str(plan))
    result = run(*args, "--template", str(template))
    assert result.exit_code == 1
    assert "2021-06-01-lokala-bra.yaml:3:1: fel TRY101" in result.output
    assert files(plan) == before


def test_meeting_files_in_year_folders_stay_there(plan: Path, run: Run) -> None:
    (plan / "moten/2021").mkdir()
    (plan / MEETING).rename(plan / "moten/2021/2021-03-02-lokala-bra.yaml")
    result = run("meeting", "new", "lokala-bra", "-d", "2022-02-01", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    assert (plan / "moten/2022/2022-02-01-lokala-bra.yaml").is_file()
    text = (plan / "moten/2022/2022-02-01-lokala-bra.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../../../../schemas/mote.schema")


# --- indicator set ---------------------------------------------------------------------------

INDICATORS = "nyckeltal.yaml"


def test_indicator_set_inserts_in_period_order(plan: Path, run: Run) -> None:
    before = (plan / INDICATORS).read_text()
    result = run("indicator", "set", "anmalda-brott", "2019", "9 150,5", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    assert f"{plan}/{INDICATORS}:10: tillagt: anmalda-brott 2019 (kommun): 9\u00a0150,5\n" in (
        result.output
    )
    assert (plan / INDICATORS).read_text() == before.replace(
        "    värden:\n",
        "    värden:\n      - period: 2019\n        värde: 9150.5\n"
        "        geografi: {nivå: kommun}\n",
    )


def test_indicator_set_changes_a_preliminary_value(plan: Path, run: Run) -> None:
    before = (plan / INDICATORS).read_text()
    result = run("indicator", "set", "anmalda-brott", "2020", "9012", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    assert (
        "ändrat: anmalda-brott 2020 (kommun): 9\u00a0000 → 9\u00a0012; inte längre preliminär"
        in (result.output)
    )
    assert (plan / INDICATORS).read_text() == before.replace(
        "        värde: 9000\n        geografi: {nivå: kommun}\n        preliminär: true\n",
        "        värde: 9012\n        geografi: {nivå: kommun}\n",
    )


def test_indicator_set_for_another_geography_and_period_kind(plan: Path, run: Run) -> None:
    result = run(
        "indicator", "set", "anmalda-brott", "2021-Q1", "2 100", "-g", "polisområde:Stockholm syd",
        "--preliminary", "--note", "Första kvartalet.", "--lang", "en", "--plan", str(plan),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "added: anmalda-brott 2021Q1 (polisområde Stockholm syd): 2,100 (preliminary)" in (
        result.output
    )
    assert (
        (plan / INDICATORS)
        .read_text()
        .endswith(
            "      - period: 2021Q1\n"
            "        värde: 2100\n"
            "        geografi: {nivå: polisområde, namn: Stockholm syd}\n"
            "        preliminär: true\n"
            "        anmärkning: Första kvartalet.\n"
        )
    )


def test_indicator_set_the_same_value_changes_nothing(plan: Path, run: Run) -> None:
    before = files(plan)
    result = run(
        "indicator", "set", "anmalda-brott", "2020", "9000,0", "--preliminary", "--plan", str(plan)
    )
    assert result.exit_code == 0
    assert "oförändrat: anmalda-brott 2020 (kommun): 9\u00a0000, som förut" in result.output
    assert files(plan) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("anmalda-brott", "2021Q5", "1"), "'2021Q5' är inte en period"),
        (("anmalda-brott", "2021", "tolv"), "'tolv' är inte ett tal."),
        (
            ("anmalda-brott", "2021", "1", "-g", "landsting:X"),
            "för '--geography' / '-g': 'landsting:X'",
        ),
    ],
)
def test_indicator_set_usage_errors(
    plan: Path, run: Run, args: tuple[str, ...], message: str
) -> None:
    result = run("indicator", "set", *args, "--plan", str(plan))
    assert result.exit_code == 2
    assert message in result.output


def test_indicator_set_unknown_indicator(plan: Path, run: Run) -> None:
    result = run("indicator", "set", "anmälda-brott", "2021", "1", "--plan", str(plan))
    assert result.exit_code == 1
    assert "Hittar inte nyckeltalet 'anmälda-brott' i planen (menade du 'anmalda-brott'?)" in (
        result.output
    )


def test_a_plan_file_with_errors_is_not_edited(plan: Path, run: Run) -> None:
    edit(plan / INDICATORS, "enhet: per_100000_invånare", "enhet: per_100000")
    result = run("indicator", "set", "anmalda-brott", "2021", "1", "--plan", str(plan))
    assert result.exit_code == 1
    assert "nyckeltal.yaml saknas i planen eller har fel" in result.output
    assert "fel TRY104" in result.output
    # The finding has its hint; what to do about the whole edit is a line of its own.
    last = result.output.rstrip("\n").splitlines()
    assert last[-1] == f"Kör 'trygg validate {plan}' och rätta felen först."
    assert sum(line.lstrip().startswith("tips:") for line in last) == 1


# --- dry run, diff, and someone else's change ------------------------------------------------


def test_dry_run_with_diff_writes_nothing(plan: Path, meeting: Path, run: Run) -> None:
    before = files(plan)
    result = run("action", "done", "a-2", "-d", "2021-05-20", "-n", "--diff", "--plan", str(plan))
    assert result.exit_code == 0
    assert "-    status: öppen\n+    status: klar\n+    klar_datum: 2021-05-20\n" in result.output
    assert result.output.endswith(f"Provkörning: skulle skriva {meeting}.\n")
    assert files(plan) == before


def test_a_file_changed_meanwhile_is_not_overwritten(plan: Path, meeting: Path) -> None:
    from datetime import date

    session = EditSession(plan)
    close_action(session, "a-2", date(2021, 5, 20), dated=True)
    outcome = session.finish()
    theirs = OPEN_ACTIONS.replace("Skriva lägesbilden", "Skriva den nya lägesbilden")
    meeting.write_text(theirs, encoding="utf-8")
    with pytest.raises(FileChangedError):
        write_outcome(outcome, plan)
    assert meeting.read_text() == theirs


def test_the_cli_says_so_when_a_file_changed_meanwhile(
    plan: Path, meeting: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    finish = EditSession.finish

    def meanwhile(self: EditSession) -> object:
        outcome = finish(self)
        meeting.write_text(OPEN_ACTIONS + "# ändrad i editorn\n", encoding="utf-8")
        return outcome

    monkeypatch.setattr(EditSession, "finish", meanwhile)
    result = run("action", "done", "a-2", "--date", "2021-05-20", "--plan", str(plan))
    assert result.exit_code == 1
    assert "har ändrats av någon annan sedan trygg läste den; inget skrevs." in result.output
    assert meeting.read_text().endswith("# ändrad i editorn\n")


def test_a_new_file_that_appears_meanwhile_is_not_overwritten(
    plan: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    finish = EditSession.finish
    target = plan / "moten/2021-06-01-lokala-bra.yaml"

    def meanwhile(self: EditSession) -> object:
        outcome = finish(self)
        target.write_text("datum: 2021-06-01\norgan: lokala-bra\n", encoding="utf-8")
        return outcome

    monkeypatch.setattr(EditSession, "finish", meanwhile)
    result = run("meeting", "new", "lokala-bra", "-d", "2021-06-01", "--plan", str(plan))
    assert result.exit_code == 1
    assert target.read_text() == "datum: 2021-06-01\norgan: lokala-bra\n"
    assert not [p for p in (plan / "moten").iterdir() if p.name.startswith(".")]


def test_the_first_meeting_of_a_plan_points_editors_at_the_schema(plan: Path, run: Run) -> None:
    (plan / MEETING).unlink()
    (plan / "moten").rmdir()
    result = run("meeting", "new", "lokala-bra", "-d", "2021-02-02", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    text = (plan / "moten/2021-02-02-lokala-bra.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../../../../schemas/mote.schema.json\n")


def test_indicator_set_on_an_indicator_without_values(plan: Path, run: Run) -> None:
    path = plan / INDICATORS
    edit(path, "    värden:\n      - period: 2020", "    värden: []\n    x:\n      - period: 2020")
    text = path.read_text().split("    x:\n")[0]
    path.write_text(text, encoding="utf-8")
    result = run("indicator", "set", "anmalda-brott", "2021", "1", "--plan", str(plan))
    assert result.exit_code == 0, result.output
    assert path.read_text() == text.replace(
        "    värden: []\n",
        "    värden:\n      - period: 2021\n        värde: 1\n        geografi: {nivå: kommun}\n",
    )


def test_an_entry_that_moved_while_the_plan_was_read(plan: Path, meeting: Path) -> None:
    from datetime import date

    from trygghet_cli.editing.changes import EditError

    session = EditSession(plan)
    meeting.write_text(OPEN_ACTIONS.replace("id: a-2", "id: a-20"), encoding="utf-8")
    with pytest.raises(EditError) as caught:
        close_action(session, "a-2", date(2021, 5, 20), dated=True)
    assert "ändrades medan trygg läste planen" in caught.value.text("sv")


def test_meeting_new_with_a_template_that_fails_while_rendering(
    plan: Path, run: Run, tmp_path: Path
) -> None:
    template = tmp_path / "mote.yaml.j2"
    template.write_text("# mötet\n{{ 1/0 }}\n", encoding="utf-8")
    result = run(
        "meeting",
        "new",
        "lokala-bra",
        "--date",
        "2021-09-01",
        "--plan",
        str(plan),
        "--template",
        str(template),
    )
    assert result.exit_code == 1, result.output
    assert f"Mallen {template}:2 fungerar inte: ZeroDivisionError: division by zero" in (
        result.output
    )
