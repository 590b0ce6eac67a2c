"""The editor catches a mistake and names the line; hover explains a key; completion offers keys.

Driven through yaml-language-server, the engine of VS Code's YAML extension (Red Hat), with
the settings ``trygg init`` writes to ``.vscode/settings.json`` and the schemas it writes to
``schemas/``, offline (SchemaStore off, every schema a local file).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import edit, write
from tests.yaml_ls import YamlLanguageServer, available
from trygghet_cli.render.scaffold import NewPlan, repository_files


@pytest.fixture(autouse=True, scope="module")
def _server_installed() -> None:
    """Without node and yaml-language-server the tests fail saying what to install (.ci/run
    installs npm, and make editor the server): they never pass by being skipped."""
    missing = available()
    assert missing is None, missing


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("editor") / "plan"
    for path, text in repository_files(NewPlan("Fagersta", "1982")).items():
        write(root / path, text)
    edit(root / "organisation.yaml", "    typ: nämnd\n", "    typ: nämnd\n    motesfrekvens: 4\n")
    write(
        root / "moten/2025-03-04-kommunstyrelsen.yaml",
        "datum: 2025-03-04\norgan: kommunstyrelsen\nbeslut:\n  - text: Anta planen.\n"
        "    inriktningsbeslut: kanske\n",
    )
    return root


@pytest.fixture(scope="module")
def server(repo: Path) -> Iterator[YamlLanguageServer]:
    settings: dict[str, Any] = json.loads(
        (repo / ".vscode/settings.json").read_text(encoding="utf-8")
    )
    yaml_settings = {k.removeprefix("yaml."): v for k, v in settings.items() if k[:5] == "yaml."}
    with YamlLanguageServer(repo, yaml_settings) as ls:
        yield ls


def _line_of(path: Path, text: str) -> int:
    return 1 + path.read_text(encoding="utf-8").splitlines().index(text)


def test_a_new_plan_has_no_editor_diagnostics(repo: Path, server: YamlLanguageServer) -> None:
    for name in ("kommun.yaml", "styrdokument.yaml", "mal.yaml", "aktiviteter.yaml"):
        assert server.diagnostics(repo / name) == [], name


def test_a_mistake_is_marked_on_its_line(repo: Path, server: YamlLanguageServer) -> None:
    """Through the schema line at the top of the file."""
    found = server.diagnostics(repo / "organisation.yaml")
    line = _line_of(repo / "organisation.yaml", "    motesfrekvens: 4")
    assert [(d.line, d.column, d.message) for d in found] == [
        (line, 5, "Property motesfrekvens is not allowed.")
    ]
    assert "organisation.schema.json" in server.hover(repo / "organisation.yaml", line - 1, 6)


def test_a_meeting_without_the_schema_line_gets_its_schema_from_the_settings(
    repo: Path, server: YamlLanguageServer
) -> None:
    """``yaml.schemas`` in ``.vscode/settings.json`` covers a file written without the line."""
    path = repo / "moten/2025-03-04-kommunstyrelsen.yaml"
    found = server.diagnostics(path)
    assert [(d.line, d.column) for d in found] == [(5, 24)]
    assert "boolean" in found[0].message
    assert "mote.schema.json" in found[0].source + server.hover(path, 1, 2)


def test_hover_explains_a_key_in_swedish_with_an_example(
    repo: Path, server: YamlLanguageServer
) -> None:
    server.diagnostics(repo / "kommun.yaml")
    text = server.hover(
        repo / "kommun.yaml", _line_of(repo / "kommun.yaml", 'kommunkod: "1982"'), 2
    )
    assert "Kommunkod" in text
    assert "SCB:s fyrsiffriga kommunkod, inom citattecken." in text
    assert '"1982"' in text.split("Example", 1)[1]


def test_completion_offers_the_missing_keys(repo: Path, server: YamlLanguageServer) -> None:
    path = repo / "kommun.yaml"
    server.diagnostics(path)
    offered = server.completion(path, _line_of(path, "län: Västmanlands län") + 1, 1)
    assert {"folkmängd", "polis", "stadsdel"} <= set(offered)
    assert "namn" not in offered, "keys already in the file are not offered again"


def test_the_ci_files_do_not_get_the_plan_schemas(repo: Path, server: YamlLanguageServer) -> None:
    """The patterns match the plan's file names only (vscode-yaml #762)."""
    for name in (".gitlab-ci.yml", ".github/workflows/trygg.yml", ".pre-commit-config.yaml"):
        assert server.diagnostics(repo / name) == [], name
        assert "schema.json" not in server.hover(repo / name, 1, 1) + server.hover(
            repo / name, 3, 2
        )


def test_the_editor_names_a_wrong_item_in_swedish(repo: Path, server: YamlLanguageServer) -> None:
    """A model's title and description are Swedish: once 'Expected "Body"' and English text."""
    path = repo / "nyckeltal.yaml"
    edit(path, "nyckeltal: []", "nyckeltal:\n  - Anmälda brott")
    found = server.diagnostics(path)
    line = _line_of(path, "  - Anmälda brott")
    assert [(d.line, d.message) for d in found] == [(line, 'Incorrect type. Expected "Nyckeltal".')]
    assert "Indicator" not in server.hover(path, line - 1, 5)
