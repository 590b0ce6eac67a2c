"""The committed JSON Schemas are current, and an independent validator accepts every example."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from tests.conftest import EXAMPLES, FIXTURES, ROOT, Run, doc
from trygghet_cli.model.plan import MEETINGS_DIR, PLAN_FILES
from trygghet_cli.render.jsonschema import schema_files

SCHEMAS = ROOT / "schemas"


def test_committed_schemas_are_current() -> None:
    expected = schema_files()
    committed = {p.name for p in SCHEMAS.glob("*.schema.json")}
    assert committed == set(expected), "run 'make schemas'"
    for name, text in expected.items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, (
            f"schemas/{name} is stale; run 'make schemas'"
        )


def test_schema_command_writes_exactly_the_committed_files(run: Run, tmp_path: Path) -> None:
    result = run("schema", "--output", str(tmp_path / "out"))
    assert result.exit_code == 0
    for path in SCHEMAS.glob("*.schema.json"):
        assert (tmp_path / "out" / path.name).read_bytes() == path.read_bytes()
    assert run("schema", "--output", str(tmp_path / "out"), "--check").exit_code == 0
    (tmp_path / "out/kommun.schema.json").write_text("{}", encoding="utf-8")
    assert run("schema", "--output", str(tmp_path / "out"), "--check").exit_code == 1


def _properties(node: object, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of every object in a schema, with a readable path to it."""
    if isinstance(node, dict):
        for key, prop in node.get("properties", {}).items():
            yield f"{where}.{key}", prop
        for key, value in node.items():
            yield from _properties(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _properties(item, f"{where}[{i}]")


ENGLISH = re.compile(r"\b(the|and|of|is|which|with|when)\b")


@pytest.mark.parametrize("name", sorted(schema_files()))
def test_every_field_has_a_title_a_swedish_description_and_examples(name: str) -> None:
    """What the YAML extension shows on hover and offers for completion, for every key."""
    doc = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    fields = list(_properties(doc, name))
    assert len(fields) >= 5
    for where, prop in fields:
        assert prop.get("title"), f"{where} has no title"
        assert prop.get("description"), f"{where} has no description"
        description = prop["description"]
        assert not ENGLISH.search(description), f"{where}: description is not Swedish"
        assert description.rstrip(".").lower() != prop["title"].lower(), (
            f"{where}: the description only repeats the title"
        )
        assert prop.get("examples"), f"{where} has no examples"


def _texts(node: object, where: str) -> Iterator[tuple[str, str, str]]:
    """Every title and description anywhere in a schema: (where, key, text)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description") and isinstance(value, str):
                yield where, key, value
            else:
                yield from _texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _texts(item, f"{where}[{i}]")


@pytest.mark.parametrize("name", sorted(schema_files()))
def test_every_title_and_description_is_swedish(name: str) -> None:
    """Models and lists of choices too: the editor once showed 'Expected "Body"' and the
    English docstring 'A group, council or external body that takes part…'."""
    doc = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    assert not ENGLISH.search(doc["description"]), f"{name}: {doc['description']!r}"
    for where, key, text in _texts(doc, name):
        assert not ENGLISH.search(text) and "``" not in text, f"{where}.{key}: {text!r}"
    for ref, definition in doc.get("$defs", {}).items():
        assert definition.get("description"), f"{name}: {ref} has no description"
        assert definition["title"] != ref or ref == "Budget", f"{name}: {ref} has its class name"


@pytest.mark.parametrize("name", sorted(schema_files()))
def test_every_example_is_valid_for_its_field(name: str) -> None:
    """An example that the schema itself rejects would teach the wrong thing."""
    doc = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    for where, prop in _properties(doc, name):
        validator = Draft202012Validator({**prop, "$defs": doc.get("$defs", {})})
        examples: list[Any] = prop["examples"]
        for example in examples:
            errors = [e.message for e in validator.iter_errors(example)]
            assert not errors, f"{where}: example {example!r}: {errors}"


def test_the_example_check_can_fail() -> None:
    prop: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
    assert list(Draft202012Validator(prop).iter_errors("not a list"))


def _plan_files(root: Path) -> list[tuple[Path, str]]:
    pairs = []
    for kind in PLAN_FILES:
        path = root / kind.filename
        if path.is_file():
            pairs.append((path, kind.schema_name))
    pairs += [(p, "mote.schema.json") for p in sorted((root / MEETINGS_DIR).glob("**/*.yaml"))]
    return pairs


PLANS = [*sorted(p.parent for p in EXAMPLES.glob("*/kommun.yaml")), FIXTURES / "minimal"]


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_check_jsonschema_accepts_every_example_file(plan: Path) -> None:
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert exe, "check-jsonschema is a dev dependency; run 'make venv'"
    by_schema: dict[str, list[str]] = {}
    for path, schema in _plan_files(plan):
        by_schema.setdefault(schema, []).append(str(path))
    assert by_schema
    for schema, files in sorted(by_schema.items()):
        proc = subprocess.run(
            [exe, "--schemafile", str(SCHEMAS / schema), *files],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_check_jsonschema_rejects_what_trygg_rejects(tmp_path: Path) -> None:
    """The schema is not a rubber stamp: an unknown key fails there too."""
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert exe
    bad = tmp_path / "kommun.yaml"
    text = (FIXTURES / "minimal/kommun.yaml").read_text(encoding="utf-8")
    bad.write_text(text + "okand_nyckel: 1\n", encoding="utf-8")
    proc = subprocess.run(
        [exe, "--schemafile", str(SCHEMAS / "kommun.schema.json"), str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1


def test_the_readme_shows_real_output(run: Run, tmp_path: Path) -> None:
    readme = doc("schema.md")
    command = "$ trygg schema --output schemas\n"
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    result = run(*command[2:].split()[1:], cwd=tmp_path)
    assert result.exit_code == 0
    assert result.output == shown
