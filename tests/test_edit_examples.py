"""The routine updates on every example: a meeting added, an action closed, a year of Kolada
figures imported in each format. Each leaves exactly the intended lines changed and nothing
else: the whole plan is compared before and after, and the diff is kept as a golden file."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES, Run
from tests.golden import check_golden
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.model.meetings import ActionStatus
from trygghet_cli.render.changes import unified_diff

NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))
KOLADA = FIXTURES / "kolada"


@pytest.fixture(params=NAMES)
def example(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    target = tmp_path / str(request.param)
    shutil.copytree(EXAMPLES / str(request.param), target)
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def plan_diff(before: dict[str, bytes], after: dict[str, bytes]) -> str:
    """Every difference between two snapshots, as ``git diff`` would show it."""
    out = ""
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        assert new is not None, f"{name} was removed"
        out += unified_diff(None if old is None else old.decode("utf-8"), new.decode("utf-8"), name)
    return out


def changed_lines(diff: str) -> tuple[list[str], list[str]]:
    lines = diff.splitlines()
    removed = [line[1:] for line in lines if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in lines if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def errors(root: Path) -> list[str]:
    result = check_plan(root)
    return [f"{d.file}:{d.line} {d.rule}" for d in result.diagnostics if d.level.rank >= 1]


def assert_canonical(root: Path, run: Run) -> None:
    """'trygg fmt --check' on the plan changes nothing: trygg writes what its fmt accepts."""
    check = run("fmt", "--check", str(root))
    assert check.exit_code == 0, check.output
    assert check.output.startswith("0 av "), check.output


def test_every_example_is_covered() -> None:
    assert NAMES == ["angered", "fagersta", "norsjo", "umea"]


def test_meeting_new(example: Path, run: Run) -> None:
    plan = check_plan(example).loaded.plan
    counts = Counter(r.meeting.body for r in plan.meetings)
    bodies = plan.bodies()
    body = next(b for b, _ in counts.most_common() if bodies[b].end is None)
    before = snapshot(example)
    result = run("meeting", "new", body, "--date", "2022-01-11", "--plan", str(example))
    assert result.exit_code == 0, result.output
    name = f"moten/2022-01-11-{body}.yaml"
    assert f"{name}:1: ny fil: Nytt möte i {bodies[body].name} 2022-01-11" in result.output
    after = snapshot(example)
    assert set(after) - set(before) == {name}
    assert {k: v for k, v in after.items() if k != name} == before
    diff = plan_diff(before, after)
    check_golden(f"edit/{example.name}-meeting-new.diff", diff)
    assert errors(example) == []
    assert_canonical(example, run)
    meeting = next(r.meeting for r in check_plan(example).loaded.plan.meetings if r.file == name)
    members = [m.role for m in bodies[body].members if not m.when_needed]
    assert all(role in meeting.attendees for role in members)


def test_action_done(example: Path, run: Run) -> None:
    plan = check_plan(example).loaded.plan
    record, action = next(
        (r, a) for r, a in plan.actions() if a.status in (ActionStatus.OPEN, ActionStatus.ONGOING)
    )
    day = max(action.due, action.created or record.meeting.date)
    before = snapshot(example)
    result = run("action", "done", action.id, "--date", day.isoformat(), "--plan", str(example))
    assert result.exit_code == 0, result.output
    after = snapshot(example)
    assert [k for k in after if after[k] != before.get(k)] == [record.file]
    diff = plan_diff(before, after)
    removed, added = changed_lines(diff)
    assert [line.strip() for line in removed] == [f"status: {action.status.value}"]
    assert [line.strip() for line in added] == ["status: klar", f"klar_datum: {day}"]
    check_golden(f"edit/{example.name}-action-done.diff", diff)
    assert errors(example) == []
    assert_canonical(example, run)


def _kolada_rows(example: Path) -> dict[tuple[str, int], float]:
    """What the fixtures hold for the plan: (indicator id, year) → value, by hand-reading the
    CSV (total, the plan's municipality, a KPI the plan uses)."""
    plan = check_plan(example).loaded.plan
    assert plan.municipality is not None and plan.indicators is not None
    by_kpi = {i.source.kolada_kpi: i.id for i in plan.indicators.indicators}
    out: dict[tuple[str, int], float] = {}
    text = (KOLADA / f"{example.name}-2021.csv").read_text("utf-8-sig")
    for line in text.splitlines()[1:]:
        kpi, kommun, period, gender, value = line.split(";")
        ours = kommun == plan.municipality.kommunkod and gender == "T" and kpi in by_kpi
        if ours and value != "..":
            number = 0.0 if value == "-" else float(value.replace(",", ".").replace(" ", ""))
            out[(by_kpi[kpi], int(period))] = number
    return out


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_kolada_import(example: Path, run: Run, fmt: str) -> None:
    """Every example has an indicator with the Kolada KPI of its fixture (Angered, a district,
    one for the whole city), so every import adds or changes at least one value."""
    expected = _kolada_rows(example)
    assert expected, f"no indicator in {example.name} takes a value from its Kolada fixture"
    before = snapshot(example)
    source = KOLADA / f"{example.name}-2021.{fmt}"
    result = run("indicator", "import", str(source), "--plan", str(example))
    assert result.exit_code == 0, result.output
    assert ": tillagt: " in result.output or ": ändrat: " in result.output, result.output
    after = snapshot(example)
    changed = [k for k in after if after[k] != before.get(k)]
    assert changed == ["nyckeltal.yaml"]
    diff = plan_diff(before, after)
    _, added = changed_lines(diff)
    assert any("värde: " in line for line in added), diff
    # Both formats hold the same figures, so they must give the same plan.
    check_golden(f"edit/{example.name}-kolada.diff", diff)
    loaded = check_plan(example).loaded.plan
    assert loaded.indicators is not None and loaded.municipality is not None
    city = loaded.municipality.name if loaded.municipality.district else None
    got = {
        (i.id, v.period.year): v.value
        for i in loaded.indicators.indicators
        for v in i.values
        if str(v.period) == "2021" and v.geography.level.value == "kommun"
    }
    for key, value in expected.items():
        assert got[key] == value
        where = f"kommun {city}" if city else "kommun"
        assert result.output.count(f"{key[0]} 2021 ({where})") == 1
    assert errors(example) == []
    assert_canonical(example, run)
    rows = len((KOLADA / f"{example.name}-2021.csv").read_text("utf-8-sig").splitlines()) - 1
    summary = result.output.splitlines()[-2]
    assert summary.startswith(f"{rows} rader i {source.relative_to(Path.cwd())}")


def test_a_district_keeps_the_city_figures_apart(tmp_path: Path, run: Run) -> None:
    """Angered is a district: Kolada's figure for Göteborg goes to the city's indicator, with
    the city's name, and the district's own indicators keep only district values."""
    target = tmp_path / "angered"
    shutil.copytree(EXAMPLES / "angered", target)
    source = KOLADA / "angered-2021.csv"
    result = run("indicator", "import", str(source), "--plan", str(target))
    assert result.exit_code == 0, result.output
    plan = check_plan(target).loaded.plan
    indicators = plan.indicators_by_id()
    city = indicators["anmalda-brott-goteborg"]
    assert [
        (str(v.period), v.value, v.geography.level.value, v.geography.name) for v in city.values
    ] == [("2021", 9871.0, "kommun", "Göteborg")]
    district = indicators["anmalda-brott"]
    assert {(v.geography.level.value, v.geography.name) for v in district.values} == {
        ("stadsdel", "Angered")
    }


def test_import_then_reimport_changes_nothing(example: Path, run: Run) -> None:
    source = KOLADA / f"{example.name}-2021.csv"
    assert run("indicator", "import", str(source), "--plan", str(example)).exit_code == 0
    before = snapshot(example)
    again = run("indicator", "import", str(source.with_suffix(".json")), "--plan", str(example))
    assert again.exit_code == 0, again.output
    assert snapshot(example) == before
    assert ": tillagt:" not in again.output and ": ändrat:" not in again.output


def test_edits_in_a_row_touch_only_their_lines(example: Path, run: Run) -> None:
    """A meeting, an action in it, closing that action: three commands, one new file."""
    plan = check_plan(example).loaded.plan
    body = next(iter(Counter(r.meeting.body for r in plan.meetings)))
    role = next(iter(plan.roles()))
    before = snapshot(example)
    args = ("--plan", str(example))
    assert run("meeting", "new", body, "--date", "2022-01-12", *args).exit_code == 0
    assert_canonical(example, run)
    added = run(
        "action",
        "add",
        "Boka lokal för nästa möte",
        "--owner",
        role,
        "--due",
        "2022-02-01",
        "--body",
        body,
        "--date",
        "2022-01-12",
        *args,
    )
    assert added.exit_code == 0, added.output
    new_id = added.output.split("Ny åtgärd ")[1].split(" ")[0]
    closed = run("action", "done", new_id, "--date", str(date(2022, 1, 20)), *args)
    assert closed.exit_code == 0, closed.output
    after = snapshot(example)
    name = f"moten/2022-01-12-{body}.yaml"
    assert {k for k in after if after[k] != before.get(k)} == {name}
    text = after[name].decode()
    assert f"  - id: {new_id}\n" in text
    assert "    status: klar\n    klar_datum: 2022-01-20\n" in text
    assert errors(example) == []
    assert_canonical(example, run)


def test_every_writing_command_leaves_the_plan_canonical(example: Path, run: Run) -> None:
    """Each command that writes a file, one after the other; 'trygg fmt --check' after each."""
    plan = check_plan(example).loaded.plan
    assert plan.indicators is not None
    body = next(iter(Counter(r.meeting.body for r in plan.meetings)))
    role = next(iter(plan.roles()))
    indicator = plan.indicators.indicators[0].id
    args = ("--plan", str(example))
    commands: list[tuple[str, ...]] = [
        ("meeting", "new", body, "--date", "2022-01-12", "--place", "Kommunhuset: sal 2"),
        ("action", "add", "Boka lokal", "--owner", role, "--due", "2022-02-01", "--body", body),
        ("action", "add", "Skriv kallelse", "--owner", role, "--due", "2022-02-02", "--body",
         body, "--id", "egen-1", "--note", "Med: kolon"),
        ("action", "done", "egen-1", "--date", "2022-01-20"),
        ("indicator", "set", indicator, "2023", "12,5", "--preliminary", "--illustrative",
         "--note", "Påhittat # för testet"),
        ("indicator", "set", indicator, "2023", "7", "--geography", "lokalpolisområde:Norra"),
        ("indicator", "set", indicator, "2022", "13"),
        ("indicator", "import", str(KOLADA / f"{example.name}-2021.csv")),
    ]  # fmt: skip
    for command in commands:
        result = run(*command, *args)
        assert result.exit_code == 0, (command, result.output)
        assert "Skrev " in result.output or "inga filer skrevs" in result.output, result.output
        assert_canonical(example, run)
    assert errors(example) == []
