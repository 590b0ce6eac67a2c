"""Documentation that must not drift from the code."""

from __future__ import annotations

import re

from tests.conftest import ROOT
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


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.lstrip().startswith("# trygg")
    assert "make demo" in readme and "make test" in readme
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        assert f"trygg {name}" in readme, f"README lacks 'trygg {name}'"
    for group in app.registered_groups:
        assert f"trygg {group.name}" in readme, f"README lacks 'trygg {group.name}'"


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


def test_readme_links_lead_somewhere() -> None:
    """The table of contents follows GitHub's anchors; links to files name files that exist."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    anchors = {github_anchor(h) for h in _headings(readme)}
    prose = re.sub(r"`[^`\n]*`", "", readme)  # not the links shown as code
    links = re.findall(r"\]\(([^)]+)\)", prose)
    assert sum(link.startswith("#") for link in links) > 20
    for link in links:
        if link.startswith("#"):
            assert link[1:] in anchors, f"README links to {link}, which is no heading"
        elif not link.startswith("https://"):
            assert (ROOT / link).exists(), f"README links to {link}, which does not exist"


def test_the_readme_quotes_the_example_as_it_is() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    intro = "Ett utdrag ur `examples/fagersta/organisation.yaml`:\n\n```yaml\n"
    quoted = readme.split(intro, 1)[1].split("```", 1)[0]
    assert quoted.count("\n") > 10
    text = (ROOT / "examples/fagersta/organisation.yaml").read_text(encoding="utf-8")
    assert quoted in text, "the README's excerpt of organisation.yaml is stale"
