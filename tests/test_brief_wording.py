"""Every brief and export page of the examples and of the plans that are not examples, read
as a council member reads them (issue 14): no field names or file names of the plan in their
prose or tables (the coordinator finds those in the hints of ``trygg deadlines``)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from tests.conftest import EXAMPLES, FIXTURES
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


def test_the_outputs_cover_every_plan(outputs: Outputs) -> None:
    """What the walks above read: a brief and the export pages of each plan, in both
    languages (so that a walk over nothing cannot pass)."""
    for name in PLANS:
        for lang in ("sv", "en"):
            assert f"{name} {lang} brief.md" in outputs
            assert f"{name} {lang} export/styrdokument.md" in outputs
    assert sum("Lag (2023:196)" in t for t in outputs.values()) > 10
