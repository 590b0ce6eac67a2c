"""The ``trygg-validate`` hook, run by pre-commit from this checkout, offline.

``pre-commit try-repo`` reads ``.pre-commit-hooks.yaml`` from the checkout and, since the hook
is ``language: python``, builds a virtualenv and ``pip install``s the checkout into it, as it
does for a kommun that uses the hook. Offline means pip gets no index at all: it installs
from a wheelhouse of trygg's dependencies and its build backend that ``make wheelhouse``
fills while the package registry is reachable (``make test`` does it). Where ``unshare`` can
take the network away (as root on Linux), the hook runs without any network too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, edit, write
from trygghet_cli.render.scaffold import NewPlan, repository_files

WHEELHOUSE = Path(os.environ.get("TRYGG_WHEELHOUSE", ROOT / ".venv/wheelhouse")).resolve()
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent))


def test_the_hook_manifest() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["trygg-validate"]
    hook = hooks[0]
    assert (hook["entry"], hook["language"], hook["require_serial"]) == (
        "trygg validate",
        "python",
        True,
    )
    files = re.compile(hook["files"])
    for path in (
        "kommun.yaml",
        "organisation.yml",
        "planer/umea/mal.yaml",
        "moten/2021-03-02-lokala-bra.yaml",
        "examples/fagersta/moten/2021/2021-03-02-est-grupp.yaml",
    ):
        assert files.search(path), path
    for path in (".gitlab-ci.yml", ".pre-commit-config.yaml", "schemas/mal.schema.json", "x.yaml"):
        assert not files.search(path), path


def _offline() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], check=False).returncode == 0:
        return [unshare, "-n"]
    return []


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.slow
def test_the_hook_catches_a_mistake_naming_the_line(tmp_path: Path) -> None:
    if not WHEELHOUSE.is_dir():
        pytest.skip(f"no wheelhouse at {WHEELHOUSE}; run 'make wheelhouse'")
    assert PRE_COMMIT, "pre-commit is a dev dependency; run 'make venv'"
    repo = tmp_path / "plan"
    for path, text in repository_files(NewPlan("Fagersta", "1982")).items():
        write(repo / path, text)
    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["hooks"] == [{"id": "trygg-validate"}]
    edit(repo / "organisation.yaml", "    typ: nämnd\n", "    typ: nämnd\n    motesfrekvens: 4\n")
    line = 1 + (repo / "organisation.yaml").read_text("utf-8").splitlines().index(
        "    motesfrekvens: 4"
    )
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PIP_", "VIRTUAL_ENV", "PYTHON"))
    }
    env |= {
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(WHEELHOUSE),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PATH": os.pathsep.join(
            p
            for p in env.get("PATH", "").split(os.pathsep)
            if Path(sys.executable).parent != Path(p)
        ),
    }
    proc = subprocess.run(
        [*_offline(), PRE_COMMIT, "try-repo", str(ROOT), "trygg-validate", "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "trygg validate" in out and "Failed" in out
    assert (
        f"organisation.yaml:{line}:5: fel TRY101 Okänd nyckel 'motesfrekvens' "
        "(menade du 'mötesfrekvens'?)"
    ) in out
