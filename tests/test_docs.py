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
