"""``trygg export``: intranet pages that parse, link to each other and carry no plan markup."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, Run, doc, edit
from tests.htmlcheck import parse_strict
from tests.mdcheck import check_markdown, headings

EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))
PAGES = ["index", "organisation", "styrdokument", "mal", "aktiviteter", "nyckeltal", "moten"]


def _export(run: Run, plan: Path, out: Path, fmt: str, *extra: str) -> dict[str, str]:
    result = run("export", str(plan), "--format", fmt, "--output", str(out), *extra)
    assert result.exit_code == 0, result.output
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_html_pages_are_self_contained_and_well_formed(run: Run, tmp_path: Path, name: str) -> None:
    files = _export(run, EXAMPLES / name, tmp_path / "ut", "html")
    assert sorted(files) == sorted(f"{p}.html" for p in PAGES)
    for file, text in files.items():
        page = parse_strict(text)
        assert page.with_attr("html", "lang")[0]["lang"] == "sv", file
        assert page.count("script") == 0 and page.count("link") == 0, file
        assert not [a for _, a in page.attrs if str(a.get("src", "")).startswith("http")]
        for link in page.with_attr("a", "href"):
            href = str(link["href"])
            target, _, anchor = href.partition("#")
            assert "://" not in href and not href.startswith("/"), href
            if target:
                assert target in files, f"{file}: broken link {href}"
            if anchor:
                ids = {a.get("id") for _, a in parse_strict(files[target or file]).attrs}
                assert anchor in ids, f"{file}: no #{anchor}"
    indicators = parse_strict(files["nyckeltal.html"])
    svgs = indicators.with_attr("svg", "role")
    assert svgs and all(s["role"] == "img" and s.get("aria-label") for s in svgs)
    assert indicators.count("title") > len(svgs)  # the page's and one per chart
    assert indicators.count("caption") >= len(svgs)  # every chart has its numbers as a table
    organisation = parse_strict(files["organisation.html"])
    assert organisation.with_attr("svg", "aria-labelledby")


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_markdown_pages_parse_and_link_relatively(run: Run, tmp_path: Path, name: str) -> None:
    files = _export(run, EXAMPLES / name, tmp_path / "ut", "markdown")
    for page in PAGES:
        assert f"{page}.md" in files
    for file, text in files.items():
        if not file.endswith(".md"):
            continue
        found = check_markdown(text)
        for token in found:
            target = token.attrs.get("href") or token.attrs.get("src")
            if isinstance(target, str):
                assert target in files, f"{file}: broken link {target}"
        for line in text.splitlines():
            if line.startswith("|") and not line.startswith("|---"):
                assert line.endswith("|")
    assert "```mermaid\nflowchart BT\n" in files["organisation.md"]
    organisation = headings(check_markdown(files["organisation.md"]))
    assert organisation[:3] == ["h1 Organisation", "h2 Samordning", "h2 Vem rapporterar till vem"]
    assert "h2 Roller" in organisation
    assert any(f.startswith("bilder/") and f.endswith(".svg") for f in files)


def test_the_folder_works_after_it_is_copied(run: Run, tmp_path: Path) -> None:
    files = _export(run, EXAMPLES / "fagersta", tmp_path / "ut", "markdown")
    copy = tmp_path / "någon/annanstans"
    shutil.copytree(tmp_path / "ut", copy)
    text = (copy / "nyckeltal.md").read_text(encoding="utf-8")
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert (copy / image).is_file()
    assert files["index.md"] == (copy / "index.md").read_text(encoding="utf-8")


def test_export_is_byte_identical(run: Run, tmp_path: Path) -> None:
    for fmt in ("html", "markdown"):
        first = _export(run, EXAMPLES / "fagersta", tmp_path / f"a-{fmt}", fmt)
        second = _export(run, EXAMPLES / "fagersta", tmp_path / f"b-{fmt}", fmt)
        assert first == second


def test_english_pages(run: Run, tmp_path: Path) -> None:
    files = _export(run, EXAMPLES / "fagersta", tmp_path / "ut", "html", "--lang", "en")
    page = parse_strict(files["index.html"])
    assert page.with_attr("html", "lang")[0]["lang"] == "en"
    assert "Overview" in page.text


def test_plan_text_stays_text_in_the_export(run: Run, plan: Path, tmp_path: Path) -> None:
    bad = '<script>alert(1)</script> "x" [y](javascript:z) `kod`'
    edit(plan / "organisation.yaml", "namn: Lokala BRÅ", f"namn: '{bad}'")
    html = _export(run, plan, tmp_path / "h", "html")
    for text in html.values():
        assert parse_strict(text).count("script") == 0
    md = _export(run, plan, tmp_path / "m", "markdown")
    for file, text in md.items():
        if file.endswith(".md"):
            found = check_markdown(text)
            assert not [t for t in found if t.attrs.get("href") == "javascript:z"]
    mermaid = md["organisation.md"].split("```mermaid\n")[1].split("```")[0]
    assert "<script>" not in mermaid and "#lt;script#gt;" in mermaid and "`" not in mermaid


def test_output_must_be_a_folder(run: Run, plan: Path, tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    result = run("export", str(plan), "--output", str(tmp_path / "fil"))
    assert result.exit_code == 2


def test_several_plans_are_a_usage_error(run: Run, tmp_path: Path) -> None:
    result = run("export", str(EXAMPLES), "--output", str(tmp_path / "ut"))
    assert result.exit_code == 2
    assert "gäller en plan" in result.output


def test_the_index_counts_only_indicators_with_a_national_figure(run: Run, tmp_path: Path) -> None:
    files = _export(run, EXAMPLES / "fagersta", tmp_path / "ut", "markdown")
    assert "[Nyckeltal: 4 nyckeltal, 2 jämförda med riket](nyckeltal.md)" in files["index.md"]
    files = _export(run, EXAMPLES / "fagersta", tmp_path / "en", "markdown", "--lang", "en")
    assert "4 indicators, 2 compared with the country" in files["index.md"]


def test_a_goal_s_values_share_their_decimals_on_the_goals_page(run: Run, tmp_path: Path) -> None:
    files = _export(run, EXAMPLES / "fagersta", tmp_path / "ut", "markdown")
    assert "| 14,2 (2020) | 12,6 (2021, illustrativt) | 12,0 (2021) |" in files["mal.md"]


def test_a_chart_caption_explains_hollow_points_only_when_there_are_some(
    run: Run, tmp_path: Path
) -> None:
    files = _export(run, EXAMPLES / "fagersta", tmp_path / "ut", "markdown")
    page = files["nyckeltal.md"]
    # SCB's index has no preliminary value; reported crime has (2020, here and nationally).
    assert "*Trygghetsindex i SCB:s medborgarundersökning (index). Illustrativa värden" in page
    assert "invånare). Ofyllda punkter är preliminära värden. Streckad linje: riket." in page


def test_the_readme_shows_real_output(run: Run, tmp_path: Path) -> None:
    """What the README shows for both formats is what the command prints."""
    assert (EXAMPLES / "fagersta").is_dir(), "examples/fagersta is gone: docs/export.md shows it"
    readme = doc("export.md")
    block = readme.split("$ trygg export examples/fagersta --output intranat\n", 1)[1]
    block = "$ trygg export examples/fagersta --output intranat\n" + block.split("```", 1)[0]
    examples = re.findall(r"^\$ trygg (.+)\n((?:[^$].*\n)+)", block, flags=re.M)
    assert len(examples) == 2
    shutil.copytree(EXAMPLES / "fagersta", tmp_path / "examples/fagersta")
    for command, shown in examples:
        result = run(*command.split(), cwd=tmp_path)
        assert result.exit_code == 0, result.output
        assert result.output == shown, command


def test_an_unchanged_goal_reads_unchanged_on_the_goals_page(
    run: Run, plan: Path, tmp_path: Path
) -> None:
    """Issue 11, item 4: not "Lika än utgångsläget", which is neither Swedish nor a verdict."""
    with (plan / "nyckeltal.yaml").open("a", encoding="utf-8") as f:
        f.write("      - period: 2021\n        värde: 9000\n        geografi: {nivå: kommun}\n")
    # the goal is due 31 December 2022; judged before then it is unchanged, as in the brief
    files = _export(run, plan, tmp_path / "ut", "markdown", "--as-of", "2022-06-30")
    row = next(line for line in files["mal.md"].splitlines() if "Minska antalet" in line)
    assert row.endswith("| Oförändrat |")
