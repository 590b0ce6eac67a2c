"""Every brief and export page of the examples and of the plans that are not examples, read
as a council member reads them (issue 14): no field names or file names of the plan in their
prose or tables (the coordinator finds those in the hints of ``trygg deadlines``)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from tests.conftest import EXAMPLES, FIXTURES
from trygghet_cli.checks.runner import check_plan
from trygghet_cli.cli.app import app

PLANS = {p.parent.name: (p.parent, "2021Q1", "2021-03-31") for p in EXAMPLES.glob("*/kommun.yaml")}
PLANS |= {
    name: (FIXTURES / name, "2024Q4", "2024-12-31") for name in ("karlsborg", "vara", "vara-2024")
}

Outputs = dict[str, str]
"""``vara-2024 sv brief.md`` or ``fagersta en export/mal.md`` → the text."""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    runner = CliRunner()
    out: Outputs = {}
    for name, (plan, quarter, day) in sorted(PLANS.items()):
        for lang in ("sv", "en"):
            result = runner.invoke(app, ["--lang", lang, "report", "--quarter", quarter, str(plan)])
            assert result.exit_code == 0, result.output
            out[f"{name} {lang} brief.md"] = result.stdout
            folder = tmp_path_factory.mktemp(f"{name}-{lang}")
            args = ["--lang", lang, "export", str(plan), "-f", "markdown", "-o", str(folder)]
            result = runner.invoke(app, [*args, "--as-of", day])
            assert result.exit_code == 0, result.output
            for page in sorted(folder.rglob("*.md")):
                text = page.read_text(encoding="utf-8")
                out[f"{name} {lang} export/{page.relative_to(folder).as_posix()}"] = text
    return out


# A field of the plan quoted ('revideras', 'gäller\_till' as Markdown escapes it), a file of
# the plan, or a key with its value (typ: lägesbild).
FIELD = re.compile(r"'[a-zåäö_\\]+'|\b[a-zåäö_]+\.ya?ml\b|\btyp: ")


def _mermaid_free(text: str) -> str:
    return re.sub(r"```mermaid.*?```", "", text, flags=re.S)


def test_no_field_or_file_names_in_the_briefs_and_exports(outputs: Outputs) -> None:
    found = [
        f"{where}: {line.strip()[:160]}"
        for where, text in outputs.items()
        for line in _mermaid_free(text).splitlines()
        if FIELD.search(line)
    ]
    assert found == []


# --- One decimal convention per column ------------------------------------------------------

_MONTHS = (
    r"(?:jan|febr?|mars|apr|maj|juni|juli|aug|sept?|okt|nov|dec|januari|februari|april|"
    r"augusti|september|oktober|november|december|Jan|Febr?|March|April|May|June|July|Aug|"
    r"Sept?|Oct|Nov|Dec|January|February|August|September|October|November|December)"
)
_NOT_VALUES = re.compile(
    # dates (14 nov., 31 dec. 2025, 11 March 2024), years and periods, footnote marks
    rf"\d{{1,2}}[ \u00a0]{_MONTHS}\.?(?:[ \u00a0]\d{{4}})?"
    r"|\((?:19|20)\d\d[^)]*\)|\b(?:19|20)\d\d(?:–\d{2,4})?\b|kvartal \d|quarter \d|Q\d"
    r"|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d+\]"
)
_VALUE = {
    "sv": re.compile(
        r"(?<![\w,.])[−-]?\d{1,3}(?:\u00a0\d{3})*(,\d+)?(?:\u00a0?(%|procentenheter))?(?![\w])"
    ),
    "en": re.compile(
        r"(?<![\w,.])[−-]?\d{1,3}(?:,\d{3})*(\.\d+)?(?:\u00a0?(%|percentage points))?(?![\w])"
    ),
}


def _tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every GFM table of a page: its headers and its rows of cells."""
    out = []
    lines = text.splitlines()
    for i, line in enumerate(lines[:-1]):
        if line.startswith("|") and re.fullmatch(r"\|[-:|]+\|", lines[i + 1]):
            rows = []
            for row in lines[i + 2 :]:
                if not row.startswith("|"):
                    break
                rows.append(_cells(row))
            out.append((_cells(line), rows))
    return out


def _cells(row: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip()[1:-1])]


def _units(name: str) -> dict[str, str]:
    """Indicator name → unit, to tell a row's values apart from another indicator's."""
    plan = check_plan(PLANS[name][0]).loaded.plan
    return {i.name: i.unit.value for i in plan.indicators.indicators} if plan.indicators else {}


def _mixed_decimals(text: str, lang: str, units: dict[str, str]) -> list[str]:
    """Columns where values of one unit do not share their decimals (``25 %`` above
    ``24,1 %``, ``46 %`` under ``27,3 %``)."""
    found = []
    for headers, rows in _tables(text):
        columns: dict[tuple[int, str, str], list[tuple[int, str]]] = {}
        for row in rows:
            unit = next((u for n, u in units.items() if any(n in c for c in row)), "")
            for k, cell in enumerate(row):
                for m in _VALUE[lang].finditer(_NOT_VALUES.sub(" ", cell)):
                    decimals = len(m.group(1)) - 1 if m.group(1) else 0
                    columns.setdefault((k, m.group(2) or "", unit), []).append(
                        (decimals, m.group(0))
                    )
        for (k, sign, _), values in columns.items():
            if len({d for d, _ in values}) > 1:
                found.append(f"{headers[k]} ({sign or 'tal'}): {[v for _, v in values]}")
    return found


def test_every_table_has_one_decimal_convention_per_column(outputs: Outputs) -> None:
    """Issue 14: "25,4 % mot 27,0 %" in every table of the brief and the export, not only in
    the comparison: a column's values of one unit share their decimals (a goal's 46 % under
    another's 27,3 % reads 46,0 %)."""
    units = {name: _units(name) for name in PLANS}
    found = [
        f"{where}: {problem}"
        for where, text in outputs.items()
        for problem in _mixed_decimals(text, where.split()[1], units[where.split()[0]])
    ]
    assert found == []


def test_the_decimal_walk_finds_a_mixed_column() -> None:
    page = (
        "| Period | Värde | Riket |\n|---|---:|---:|\n"
        "| 2019 | 25\u00a0% | 22,6\u00a0% |\n| 2020 | 24,1\u00a0% | 22,0\u00a0% |\n"
        "| 2021 | 14 nov. | 7\u00a0250 (2020) |\n"
    )
    mixed = ["25\u00a0%", "24,1\u00a0%"]
    assert _mixed_decimals(page, "sv", {}) == [f"Värde (%): {mixed}"]


def test_the_outputs_cover_every_plan(outputs: Outputs) -> None:
    """What the walks above read: a brief and the export pages of each plan, in both
    languages (so that a walk over nothing cannot pass)."""
    for name in PLANS:
        for lang in ("sv", "en"):
            assert f"{name} {lang} brief.md" in outputs
            assert f"{name} {lang} export/styrdokument.md" in outputs
    assert sum("Lag (2023:196)" in t for t in outputs.values()) > 10
    assert sum(len(_tables(t)) for t in outputs.values()) > 100
