"""Every published page meets WCAG 2.1 AA as far as machines can tell, as the law on
accessible digital public service asks of a kommun's web pages: the HTML brief and every
export page of every example, and the overview of them all, pass axe-core, run in headless
Chromium, with no violation, and the Nu HTML checker with no error.

axe-core and the Nu checker (``vnu-jar``, run with Java) come from npm
(``tests/a11y/package.json``, installed by ``make a11y``); Chromium is Debian's, which
``.ci/run`` installs with a Java runtime when they are missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.chromium import CHROMIUM, MISSING, Chromium
from tests.conftest import EXAMPLES, ROOT
from tests.plan_builder import karlsborg
from trygghet_cli.render.site.common import PAGES

pytestmark = pytest.mark.slow

NODE_MODULES = ROOT / "tests" / "a11y" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
NOT_INSTALLED = "{} is not installed: run 'make a11y' (npm ci in tests/a11y)"

EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))
BRIEFS = [("2021Q1", "sv"), ("2024Q4", "sv"), ("2024Q4", "en")]
PUBLISHED = [
    *(f"{name}/lagesrapport-{q}.{lang}.html" for name in EXAMPLE_NAMES for q, lang in BRIEFS),
    *(f"{name}/{lang}/{page}.html" for name in EXAMPLE_NAMES for lang in ("sv", "en")
      for page, _ in PAGES),
    "oversikt.sv.html",
    "oversikt.en.html",
    # the årshjul on the overview page: no example has fixed dates, a Karlsborg-like plan has
    *(f"arshjul/{lang}/{page}.html" for lang in ("sv", "en") for page, _ in PAGES),
]  # fmt: skip

# WCAG 2.0 and 2.1, levels A and AA, and axe's best practices (landmarks, headings, regions).
AXE_RUN = """
axe.run(document, {resultTypes: ["violations"]}).then(result => result.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help, tags: v.tags,
  nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\\n\\s*/g, " "))
})))
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The briefs (two quarters, Swedish and English) and the export of every example."""
    from typer.testing import CliRunner

    from trygghet_cli.cli.app import app

    out = tmp_path_factory.mktemp("publicerat")
    runner = CliRunner()
    for name in EXAMPLE_NAMES:
        plan = str(EXAMPLES / name)
        for quarter, lang in BRIEFS:
            page = out / name / f"lagesrapport-{quarter}.{lang}.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            result = runner.invoke(
                app, ["report", "-q", quarter, plan, "-o", str(page), "--lang", lang]
            )
            assert result.exit_code == 0, result.output
        for lang in ("sv", "en"):
            result = runner.invoke(
                app, ["export", plan, "-o", str(out / name / lang), "--lang", lang]
            )
            assert result.exit_code == 0, result.output
    wheel = karlsborg(out / "karlsborg", content='Handlingsprogram <b>&amp; "2026"</b>')
    for lang in ("sv", "en"):
        (out / "arshjul").mkdir(exist_ok=True)
        target = str(out / "arshjul" / lang)
        result = runner.invoke(
            app, ["export", str(wheel), "-o", target, "--lang", lang, "--as-of", "2026-03-01"]
        )
        assert result.exit_code == 0, result.output
        assert 'role="img" aria-labelledby="arshjul-title arshjul-desc"' in (
            out / "arshjul" / lang / "index.html"
        ).read_text(encoding="utf-8")
    for lang in ("sv", "en"):  # trygg overview: every example in one page
        page = out / f"oversikt.{lang}.html"
        result = runner.invoke(
            app,
            ["overview", str(EXAMPLES), "--as-of", "2024-12-31", "-o", str(page), "--lang", lang],
        )
        assert result.exit_code == 0, result.output
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.html")) == sorted(PUBLISHED)
    return out


@pytest.fixture(scope="module")
def axe_results(pages: Path) -> dict[str, list[dict[str, Any]]]:
    """axe-core's violations on every page, in one Chromium, 320 CSS pixels wide: the width
    at which WCAG 2.1 asks content to reflow (1.4.10), where wide tables scroll."""
    assert CHROMIUM is not None, MISSING
    assert AXE.is_file(), NOT_INSTALLED.format("axe-core")
    script = AXE.read_text(encoding="utf-8")
    found: dict[str, list[dict[str, Any]]] = {}
    with Chromium() as browser:
        browser.command(
            "Emulation.setDeviceMetricsOverride",
            {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": True},
        )
        for name in PUBLISHED:
            browser.open(pages / name)
            browser.evaluate(script)
            found[name] = browser.evaluate(AXE_RUN)
    return found


def nu_check(files: list[Path]) -> list[dict[str, Any]]:
    """The Nu HTML checker's errors on ``files``, from one run of vnu.jar."""
    java = shutil.which("java")
    assert java is not None, (
        "the Nu HTML checker needs Java: apt-get install default-jre-headless (.ci/run does it)"
    )
    assert VNU.is_file(), NOT_INSTALLED.format("The Nu HTML checker (vnu-jar)")
    command = [java, "-jar", str(VNU), "--format", "json", "--errors-only", "--exit-zero-always"]
    done = subprocess.run(
        [*command, *map(str, files)], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    messages: list[dict[str, Any]] = json.loads(done.stderr)["messages"]
    return messages


@pytest.fixture(scope="module")
def nu_results(pages: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for message in nu_check([pages / name for name in PUBLISHED]):
        page = str(Path(message["url"].removeprefix("file:")).relative_to(pages))
        found.setdefault(page, []).append(
            f"{page}:{message.get('lastLine', '?')}: {message['type']}: {message['message']}"
        )
    return found


@pytest.mark.parametrize("name", PUBLISHED)
def test_axe_finds_no_violation(axe_results: dict[str, list[dict[str, Any]]], name: str) -> None:
    shown = [
        f"{v['id']} ({v['impact']}): {v['help']}: {'; '.join(v['nodes'][:3])}"
        for v in axe_results.get(name, [])
    ]
    assert not shown, "\n".join(shown)


@pytest.mark.parametrize("name", PUBLISHED)
def test_the_nu_checker_finds_no_error(nu_results: dict[str, list[str]], name: str) -> None:
    errors = nu_results.get(name, [])
    assert not errors, "\n".join(errors[:20])


def test_the_checkers_catch_what_they_are_here_for(tmp_path: Path) -> None:
    """The same machinery on a page with known faults reports them: the tests above can fail."""
    page = tmp_path / "fel.html"
    page.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Fel</title></head><body>\n'
        '<main><h1>Fel</h1><img src="data:,"><p style="color:#bbb;background:#fff">Blek text</p>\n'
        '<svg role="img" aria-label="x"><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
        '02/22-rdf-syntax-ns#"/></metadata></svg></main></body></html>\n',
        encoding="utf-8",
    )
    assert CHROMIUM is not None, MISSING
    with Chromium() as browser:
        browser.open(page)
        browser.evaluate(AXE.read_text(encoding="utf-8"))
        ids = {v["id"] for v in browser.evaluate(AXE_RUN)}
    assert {"html-has-lang", "image-alt", "color-contrast"} <= ids
    errors = [m["message"] for m in nu_check([page])]
    assert any("rdf:rdf" in e.lower() for e in errors), errors
