"""Documentation that must not drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import DOCS, ROOT, doc
from trygghet_cli.cli.app import app
from trygghet_cli.render.rules_doc import render
from trygghet_cli.rules import RULES


def test_rules_page_is_current() -> None:
    committed = (ROOT / "docs/rules.md").read_text(encoding="utf-8")
    assert committed == render(), "docs/rules.md is stale; run 'make docs'"


def test_every_rule_id_used_in_the_code_is_catalogued() -> None:
    used: set[str] = set()
    for path in (ROOT / "src").rglob("*.py"):
        used |= set(re.findall(r'"(TRY\d{3})"', path.read_text(encoding="utf-8")))
    assert used - set(RULES) == set()


def test_every_rule_speaks_both_languages() -> None:
    for rule in RULES.values():
        assert rule.title("sv") and rule.title("en")
        assert rule.message("sv") and rule.message("en")
        assert re.fullmatch(r"TRY\d{3}", rule.id)
        assert re.fullmatch(r"[a-z0-9-]+", rule.name)


def _command_names() -> list[str]:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    return names + [g.name for g in app.registered_groups if g.name]


def test_every_command_has_a_page_the_readme_links_to() -> None:
    """The user guide has one page per command, docs/<command>.md, titled with the command;
    the README links to each from its table of commands."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.lstrip().startswith("# trygg")
    assert "make demo" in readme and "make test" in readme
    for name in _command_names():
        page = doc(f"{name}.md")
        assert page.startswith(f"# trygg {name}\n"), f"docs/{name}.md is not about trygg {name}"
        assert f"](docs/{name}.md)" in readme, f"README does not link to docs/{name}.md"


def test_the_readme_is_the_coordinators_guide() -> None:
    """Readable in ten minutes: no developer matters, and an English summary."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 150
    for developer_matter in ("ruamel", "SARIF", "sandlåda", "cache", "hypothesis", "mypy --strict"):
        assert developer_matter not in readme, developer_matter
    assert "\n## In English\n" in readme
    for page in ("docs/README.md", "docs/installera.md", "docs/utveckling.md"):
        assert f"]({page})" in readme, page


def test_hints_only_name_commands_that_exist() -> None:
    """A hint that tells users to run 'trygg X' must name a real command."""
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    names |= {g.name for g in app.registered_groups if g.name}
    for rule in RULES.values():
        for text in (rule.message, rule.hint):
            if text is None:
                continue
            for lang in ("sv", "en"):
                for command in re.findall(r"'trygg ([a-z]+)", text(lang)):
                    assert command in names, f"{rule.id} mentions 'trygg {command}'"


def test_hints_point_only_at_what_a_pip_user_has() -> None:
    """examples/ is in this repository, not in the installed package."""
    for rule in RULES.values():
        for lang in ("sv", "en"):
            if rule.hint is not None:
                assert "examples/" not in rule.hint(lang), rule.id


def _headings(markdown: str) -> list[str]:
    """The headings of a Markdown text, outside its fenced code blocks."""
    headings: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and (match := re.match(r"#{1,6} (.+)", line)):
            headings.append(match.group(1).strip())
    return headings


def github_anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped (letters such as å, ä
    and ö stay), spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def test_github_anchor() -> None:
    assert github_anchor("Lägesrapport, jämförelse och intranät") == (
        "lägesrapport-jämförelse-och-intranät"
    )
    assert github_anchor("VS Code: komplettering och förklaringar") == (
        "vs-code-komplettering-och-förklaringar"
    )
    assert github_anchor("trygg validate") == "trygg-validate"


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def test_every_link_in_the_documentation_leads_somewhere() -> None:
    """Every relative link in README.md and docs/ names a file that exists, and its anchor a
    heading in that file (GitHub's anchors); the pages link to each other."""
    checked = 0
    for document in _documents():
        text = document.read_text(encoding="utf-8")
        prose = re.sub(r"```.*?```", "", text, flags=re.S)  # not the examples
        prose = re.sub(r"`[^`\n]*`", "", prose.replace("[`", "[").replace("`]", "]"))
        for link in re.findall(r"\]\(([^)\s]+)\)", prose):
            if link.startswith(("https://", "http://", "mailto:")):
                continue
            path, _, anchor = link.partition("#")
            target = (document.parent / path).resolve() if path else document
            where = f"{document.relative_to(ROOT)} links to {link}"
            assert target.exists(), f"{where}, which does not exist"
            assert target.is_relative_to(ROOT), f"{where}, outside the repository"
            if anchor:
                assert target.suffix == ".md", f"{where}: an anchor in a file that is no page"
                headings = _headings(target.read_text(encoding="utf-8"))
                assert anchor in {github_anchor(h) for h in headings}, f"{where}: no such heading"
            checked += 1
    assert checked > 60


def test_every_page_of_the_guide_is_linked_from_its_index() -> None:
    index = doc("README.md")
    for page in sorted(DOCS.glob("*.md")):
        if page.name != "README.md":
            assert f"]({page.name})" in index, f"docs/README.md does not link to {page.name}"


def test_the_guide_quotes_the_example_as_it_is() -> None:
    readme = doc("planens-filer.md")
    intro = "Ett utdrag ur `examples/fagersta/organisation.yaml`:\n\n```yaml\n"
    quoted = readme.split(intro, 1)[1].split("```", 1)[0]
    assert quoted.count("\n") > 10
    text = (ROOT / "examples/fagersta/organisation.yaml").read_text(encoding="utf-8")
    assert quoted in text, "docs/planens-filer.md's excerpt of organisation.yaml is stale"


def test_the_guide_quotes_vara_as_the_test_plan_has_it() -> None:
    guide = doc("planens-filer.md")
    quoted = guide.split("`tests/fixtures/vara`)", 1)[1].split("```yaml\n", 1)[1].split("```")[0]
    assert "ersättare: 3" in quoted and "ordförande_utses_av" in quoted
    text = (ROOT / "tests/fixtures/vara/organisation.yaml").read_text(encoding="utf-8")
    assert quoted in text, "docs/planens-filer.md's excerpt of Vara is stale"
