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

from tests.conftest import ROOT, doc, edit, write
from trygghet_cli.render.scaffold import HOOK_FILES, NewPlan, repository_files

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
    assert hook["files"] == HOOK_FILES, "the same files as the hook 'trygg init' writes"


def test_init_writes_a_local_hook_that_runs_the_installed_trygg() -> None:
    """Nothing to download: the hook runs the trygg on the computer, wherever it came from."""
    config = yaml.safe_load(
        repository_files(NewPlan("Fagersta", "1982"))[".pre-commit-config.yaml"]
    )
    assert config == {
        "repos": [
            {
                "repo": "local",
                "hooks": [
                    {
                        "id": "trygg-validate",
                        "name": "trygg validate",
                        "entry": "trygg validate",
                        "language": "system",
                        "files": HOOK_FILES,
                        "types": ["yaml"],
                        "require_serial": True,
                    }
                ],
            }
        ]
    }


def test_the_readme_shows_the_hook_init_writes() -> None:
    readme = doc("ci-och-editor.md")
    section = readme.split("## pre-commit\n", 1)[1].split("\n## ", 1)[0]
    shown = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", section, flags=re.S)]
    generated = yaml.safe_load(
        repository_files(NewPlan("Fagersta", "1982"))[".pre-commit-config.yaml"]
    )
    assert shown[0] == generated
    assert shown[1]["repos"][0]["hooks"] == [{"id": "trygg-validate"}]


def _offline() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], check=False).returncode == 0:
        return [unshare, "-n"]
    return []


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.slow
def test_the_hook_catches_a_mistake_naming_the_line(tmp_path: Path) -> None:
    assert WHEELHOUSE.is_dir(), f"no wheelhouse at {WHEELHOUSE}; run 'make wheelhouse'"
    assert PRE_COMMIT, "pre-commit is a dev dependency; run 'make venv'"
    repo = tmp_path / "plan"
    for path, text in repository_files(NewPlan("Fagersta", "1982")).items():
        write(repo / path, text)
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


def _isolated_git_env(tmp_path: Path) -> dict[str, str]:
    """No user or system git configuration (a global core.hooksPath would stop pre-commit)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    return env | {
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Samordnare",
        "GIT_AUTHOR_EMAIL": "samordnare@kommunen.se",
        "GIT_COMMITTER_NAME": "Samordnare",
        "GIT_COMMITTER_EMAIL": "samordnare@kommunen.se",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
    }


@pytest.mark.slow
def test_the_generated_config_catches_a_mistake_at_commit(tmp_path: Path) -> None:
    """As a new user would: trygg init, git init, pre-commit install, a mistake, git commit.
    The hook is the generated 'repo: local' one, running the trygg installed beside pytest."""
    assert PRE_COMMIT, "pre-commit is a dev dependency; run 'make venv'"
    env = _isolated_git_env(tmp_path)
    repo = tmp_path / "plan"
    init = subprocess.run(
        [sys.executable, "-m", "trygghet_cli", "init", str(repo), "--municipality", "Fagersta",
         "--kommunkod", "1982"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert init.returncode == 0, init.stdout + init.stderr

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*_offline(), "git", *args], cwd=repo, env=env, capture_output=True, text=True,
            check=False,
        )  # fmt: skip

    assert git("init", "-q").returncode == 0
    installed = subprocess.run(
        [PRE_COMMIT, "install"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    git("add", "-A")
    first = git("commit", "-q", "-m", "Planen från trygg init")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "trygg validate" in first.stdout + first.stderr and "Passed" in first.stderr

    edit(repo / "organisation.yaml", "    typ: nämnd\n", "    typ: nämnd\n    motesfrekvens: 4\n")
    line = 1 + (repo / "organisation.yaml").read_text("utf-8").splitlines().index(
        "    motesfrekvens: 4"
    )
    git("add", "organisation.yaml")
    failed = git("commit", "-m", "Lokala BRÅ")
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "trygg validate" in out and "Failed" in out and "- hook id: trygg-validate" in out
    assert (
        f"organisation.yaml:{line}:5: fel TRY101 Okänd nyckel 'motesfrekvens' "
        "(menade du 'mötesfrekvens'?)"
    ) in out
    assert git("log", "--oneline").stdout.count("\n") == 1, "nothing was committed"

    # A change to no plan file does not run the hook at all.
    git("checkout", "HEAD", "--", "organisation.yaml")
    write(repo / "anteckningar.txt", "Inget för trygg.\n")
    git("add", "anteckningar.txt")
    other = git("commit", "-m", "Anteckningar")
    assert other.returncode == 0, other.stdout + other.stderr
    assert "(no files to check)Skipped" in other.stdout + other.stderr
