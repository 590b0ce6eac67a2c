"""Shared fixtures: a small valid plan to break in each test, and a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from trygghet_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples"
DOCS = ROOT / "docs"


def doc(page: str) -> str:
    """A page of the user guide in docs/ (``"validate.md"``), whose examples a test checks."""
    return (DOCS / page).read_text(encoding="utf-8")


Run = Callable[..., Result]

# Property tests check what is true, never how fast: on a machine shared by several test runs a
# case can take longer than Hypothesis's default deadline of 200 ms and fail for no reason.
# Speed is measured in benchmarks (make bench).
settings.register_profile("trygg", deadline=None)
settings.load_profile("trygg")


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests behave the same on a developer's machine, in CI and inside GitHub Actions."""
    for name in (
        "TRYGG_LANG",
        "GITHUB_ACTIONS",
        "GITHUB_WORKFLOW",
        "GITHUB_STEP_SUMMARY",
        "NO_COLOR",
    ):
        monkeypatch.delenv(name, raising=False)
    # trygg's own checkout is a git work tree: from tests/fixtures the machine formats would
    # name files from its top level. Git's own ceiling keeps the search out of it, so the
    # tests run as in any folder outside a repository (tests/test_repository_paths.py makes
    # repositories of its own).
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(ROOT))
    yield


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The validate cache of each test lives in its own folder, never in the user's."""
    monkeypatch.setenv("TRYGG_CACHE_DIR", str(tmp_path_factory.mktemp("trygg-cache")))


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A copy of ``tests/fixtures/minimal``: a valid plan with one meeting."""
    target = tmp_path / "plan"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Invoke ``trygg`` with arguments, from a given working folder if ``cwd`` is passed."""

    def invoke(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)

    return invoke


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
