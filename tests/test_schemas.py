"""The committed JSON Schemas are current, and an independent validator accepts every example."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES, ROOT, Run
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


def test_every_field_has_a_swedish_description() -> None:
    import json

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                assert "description" in prop or "$ref" in prop or "allOf" in prop, (
                    f"{where}.{key} has no description"
                )
                assert "title" in prop or "$ref" in prop, f"{where}.{key} has no title"
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{where}[{i}]")

    for path in SCHEMAS.glob("*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")), path.name)


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
