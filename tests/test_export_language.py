"""The export in words a council member reads (issue 14): what is made up for an example is
said to be so wherever it is shown, and only then; the organisation page shows the members'
notes and no empty columns; two reporting lines between the same bodies are told apart by
what they report.

``tests/fixtures/karlsborg`` is a plan as a new user writes it, not one of the examples: no
illustrative content, member notes, roles without count or description, and two reports from
BRÅ Karlsborg to Kommunstyrelsen.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES, Run, edit
from tests.htmlcheck import parse_strict
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.model.periods import Period
from trygghet_cli.model.plan import Plan
from trygghet_cli.render import orgchart

KARLSBORG = FIXTURES / "karlsborg"
EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))
MARK = "(illustrativt)"


def _plan(root: Path) -> Plan:
    result = check_plan(root)
    assert result.ok, result.diagnostics
    return result.loaded.plan


def _export(run: Run, plan: Path, out: Path, fmt: str = "html", *extra: str) -> dict[str, str]:
    result = run("export", str(plan), "--format", fmt, "--output", str(out), *extra)
    assert result.exit_code == 0, result.output
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def _section(page: str, anchor: str) -> str:
    """The HTML of the section with id ``anchor`` (up to the next section)."""
    start = page.index(f'<section id="{anchor}">')
    end = page.find("<section", start + 1)
    return unescape(page[start : end if end > 0 else len(page)])


def _heading(section: str) -> str:
    found = re.search(r"<h[23]>(.*?)</h[23]>", section)
    assert found is not None, section[:200]
    return found.group(1)


def _row(page: str, first_cell: str) -> str:
    """The table row whose first cell starts with ``first_cell``."""
    for found in re.finditer(r"<tr>(.*?)</tr>", unescape(page)):
        row = found.group(1)
        cell = re.match(r"<th scope=\"row\">(.*?)</th>", row)
        if cell and cell.group(1).startswith(first_cell):
            return row
    raise AssertionError(f"no row for {first_cell!r}")


# --- illustrative content ----------------------------------------------------------------------


def test_a_plan_without_illustrative_content_never_says_made_up(run: Run, tmp_path: Path) -> None:
    for fmt in ("html", "markdown"):
        for lang, words in (("sv", ("påhittad", "illustrativ")), ("en", ("made up", "illustr"))):
            files = _export(run, KARLSBORG, tmp_path / f"{fmt}-{lang}", fmt, "--lang", lang)
            for name, text in files.items():
                for word in words:
                    assert word not in text.lower(), (fmt, lang, name, word)
    for fmt in ("markdown", "html"):
        result = run("report", "-q", "2024Q4", str(KARLSBORG), "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "påhittad" not in result.stdout and "illustrativ" not in result.stdout


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_illustrative_item_is_marked_on_the_export_pages(
    run: Run, tmp_path: Path, name: str
) -> None:
    plan = _plan(EXAMPLES / name)
    files = _export(run, EXAMPLES / name, tmp_path / "ut")
    meetings = files["moten.html"]
    for record in plan.meetings:
        anchor = "mote-" + Path(record.file).stem
        heading = _heading(_section(meetings, anchor))
        assert (MARK in heading) == record.meeting.illustrative, heading
    for doc in plan.documents_by_id().values():
        heading = _heading(_section(files["styrdokument.html"], f"dokument-{doc.id}"))
        assert heading == doc.title + (f" {MARK}" if doc.illustrative else "")
    for activity in plan.activities_by_id().values():
        row = _row(files["aktiviteter.html"], activity.name)
        assert (MARK in row) == activity.illustrative, row
    for goal in plan.goals_list():
        row = _row(files["mal.html"], ("Delmål: " if goal not in _tops(plan) else "") + goal.text)
        assert (f"{goal.text} {MARK}" in row) == goal.illustrative, row
    for body in plan.bodies().values():
        heading = _heading(_section(files["organisation.html"], f"organ-{body.id}"))
        assert heading == body.name + (f" {MARK}" if body.illustrative else "")
        for line in body.reporting:
            shown = " ".join(line.content.split())
            assert (f"{shown} {MARK}" in unescape(files["organisation.html"])) == (
                line.illustrative
            ), shown
    if any(getattr(x, "illustrative", False) for x in _everything(plan)):
        assert "Uppgifter märkta (illustrativt) är påhittade för exemplet" in files["index.html"]


def _tops(plan: Plan) -> list[object]:
    return [g for area in (plan.goals.areas if plan.goals else []) for g in area.goals]


def _everything(plan: Plan) -> list[object]:
    return [
        *(r.meeting for r in plan.meetings),
        *plan.documents_by_id().values(),
        *plan.activities_by_id().values(),
        *plan.goals_list(),
        *plan.bodies().values(),
        *(line for b in plan.bodies().values() for line in b.reporting),
        *(v for i in plan.indicators_by_id().values() for v in i.values),
    ]


def test_a_chart_says_which_of_its_values_are_illustrative(run: Run, tmp_path: Path) -> None:
    """Fagersta's NTU value for 2020 is made up for the example: the chart's legend, its
    caption and its text alternative say so; a chart of sourced values says nothing."""
    plan = _plan(EXAMPLES / "fagersta")
    page = unescape(_export(run, EXAMPLES / "fagersta", tmp_path / "ut")["nyckeltal.html"])
    for indicator in plan.indicators_by_id().values():
        if not indicator.values:
            continue
        section = page[page.index(f'id="nyckeltal-{indicator.id}"') :]
        figure = section[section.index("<figure>") : section.index("</figure>")]
        made_up = [v for v in indicator.values if v.illustrative]
        caption = re.search(r"<figcaption>(.*?)</figcaption>", figure)
        assert caption is not None
        if made_up:
            assert "Illustrativa värden, påhittade för exemplet" in caption.group(1)
            assert re.search(r'aria-label="[^"]*illustrativa värden', figure), indicator.id
            assert re.search(r"<!-- [^>]*\(illustrativt\) -->|>[^<]*\(illustrativt\)<", figure)
        else:
            assert "illustrativ" not in figure, indicator.id


# --- the organisation page ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_member_notes_are_shown_and_empty_columns_hidden(
    run: Run, tmp_path: Path, fmt: str
) -> None:
    files = _export(run, KARLSBORG, tmp_path / "ut", fmt)
    page = unescape(files[f"organisation.{'html' if fmt == 'html' else 'md'}"])
    assert "Oppositionsråd (Karlsborgs kommun): En plats för oppositionen för mandatperioden" in (
        page.replace("\\", "")
    )
    roles = page[page.index("Roller") :]
    assert "Antal" not in roles and "Beskrivning" not in roles
    assert "Brottsförebyggande samordnare" in roles


def test_role_columns_are_shown_when_a_role_has_them(run: Run, tmp_path: Path) -> None:
    """Angered's roles have descriptions; the count column shows when one role has one."""
    page = unescape(_export(run, EXAMPLES / "angered", tmp_path / "ut")["organisation.html"])
    roles = page[page.index("<h2>Roller</h2>") :]
    head = re.search(r"<thead>(.*?)</thead>", roles, re.S)
    assert head is not None and "Beskrivning" in head.group(1)
    plan = _plan(EXAMPLES / "angered")
    assert ("Antal" in head.group(1)) == any(r.count for r in plan.roles().values())


# --- reporting lines -------------------------------------------------------------------------


def test_two_reports_to_the_same_body_are_told_apart(run: Run, tmp_path: Path) -> None:
    plan = _plan(KARLSBORG)
    flow = orgchart.mermaid(plan, "sv")
    arrows = [line.strip() for line in flow.splitlines() if "-->" in line]
    assert arrows == [
        'n1 -->|"Lägesbilden och åtgärderna, varje kvartal"| n2',
        'n1 -->|"Verksamhetsberättelse, varje år"| n2',
    ]
    svg = orgchart.svg(plan, "sv", "Organisationen i Karlsborg")
    assert svg.count('marker-end="url(#org-arrow)"') == 1  # one arrow, not two drawn over it
    assert (
        "BRÅ Karlsborg rapporterar till Kommunstyrelsen: Lägesbilden och åtgärderna "
        "(varje kvartal) och Verksamhetsberättelse (varje år)."
    ) in svg
    files = _export(run, KARLSBORG, tmp_path / "ut")
    meetings = unescape(files["moten.html"])
    assert "<dd>BRÅ Karlsborg till Kommunstyrelsen: Lägesbilden och åtgärderna</dd>" in meetings


def test_reports_with_the_same_cadence_still_differ(tmp_path: Path) -> None:
    copy = tmp_path / "karlsborg"
    shutil.copytree(KARLSBORG, copy)
    edit(copy / "organisation.yaml", "kadens: varje kvartal", "kadens: varje år")
    arrows = [line for line in orgchart.mermaid(_plan(copy), "sv").splitlines() if "-->" in line]
    assert len(arrows) == 2 and len(set(arrows)) == 2


def test_a_single_report_keeps_its_short_label() -> None:
    """Where one line joins two bodies, the arrow says only how often (as before)."""
    flow = orgchart.mermaid(_plan(FIXTURES / "minimal"), "sv")
    assert 'n1 -->|"varje år"| n2' in flow


def test_the_reporting_table_has_what_each_line_reports(run: Run, tmp_path: Path) -> None:
    page = parse_strict(_export(run, KARLSBORG, tmp_path / "ut")["organisation.html"])
    text = " ".join(page.text)
    assert "Lägesbilden och åtgärderna" in text and "Verksamhetsberättelse" in text


# --- the brief -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_illustrative_item_is_marked_in_the_brief(run: Run, name: str) -> None:
    plan = _plan(EXAMPLES / name)
    result = run("report", "-q", "2021Q1", str(EXAMPLES / name), "--format", "html")
    assert result.exit_code == 0, result.output
    page = unescape(result.stdout)
    start, end = Period.parse("2021Q1").start, Period.parse("2021Q1").end
    bodies = plan.bodies()
    in_quarter = [r.meeting for r in plan.meetings if start <= r.meeting.date <= end]
    for m in in_quarter:
        if m.decisions:
            heading = re.search(
                rf"<h3>{re.escape(bodies[m.body].name)}, {m.date.day} [a-z]+ 2021[^<]*</h3>", page
            )
            assert heading is not None, m
            assert (MARK in heading.group(0)) == m.illustrative, heading.group(0)
        for action in m.actions:
            if action.text in page:
                assert (f"{action.text} {MARK}" in page) == m.illustrative, action.text
    for body in bodies.values():
        held = [m for m in in_quarter if m.body == body.id]
        if held and f'<th scope="row">{body.name}</th>' in page:
            assert (MARK in _row(page, body.name)) == any(m.illustrative for m in held), body.id
        for line in body.reporting:
            shown = " ".join(line.content.split())
            if shown in page:
                assert (f"{shown} {MARK}" in page) == line.illustrative, shown
    for goal in plan.goals_list():
        if f'<th scope="row">{goal.text}' in page:
            assert (f"{goal.text} {MARK}" in page) == goal.illustrative, goal.text
    assert "Uppgifter märkta (illustrativt) är påhittade för exemplet" in page


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_organisation_diagram_marks_what_is_made_up(name: str) -> None:
    plan = _plan(EXAMPLES / name)
    flow = orgchart.mermaid(plan, "sv")
    svg = orgchart.svg(plan, "sv", "Organisationen")
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S)
    assert desc is not None
    for body in plan.bodies().values():
        assert (f'["{body.name} {MARK}"]' in flow) == body.illustrative, body.id
        if body.illustrative:
            assert f"{body.name} {MARK}" in unescape(desc.group(1))
    made_up = [b for b in plan.bodies().values() if b.illustrative]
    assert svg.count(f">{MARK}</text>") == len(made_up)
    lines = [line for b in plan.bodies().values() for line in b.reporting]
    marked_arrows = [a for a in flow.splitlines() if "-->" in a and MARK in a]
    assert len(marked_arrows) == sum(
        len([t for t in line.to if t in plan.bodies()]) for line in lines if line.illustrative
    )
