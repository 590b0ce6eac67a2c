"""Machine formats name files from the git repository's top level, whatever folder trygg runs in.

``cd plans/fagersta && trygg validate --format sarif . ../umea`` once gave ``mal.yaml`` and
``../umea/mal.yaml``: annotations on files that do not exist. Here each format runs from a
subfolder of a real git repository (and of a worktree, whose ``.git`` is a file), and every
path it names must exist from the top level. Outside a repository paths stay relative to the
working folder. The top level trygg finds is compared with ``git rev-parse --show-toplevel``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path, PurePosixPath

import icalendar
import pytest

from tests.actions_runner import read_log
from tests.conftest import FIXTURES, Run, edit
from tests.mdcheck import tokens
from trygghet_cli.loading.repository import Repository, work_tree

PLANS = ("plans/fagersta", "plans/umea")
AS_OF = "2021-06-30"


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    env.pop("GIT_CEILING_DIRECTORIES", None)
    proc = subprocess.run(
        ["git", "-c", "user.name=trygg", "-c", "user.email=trygg@example.org", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout.strip()


def _plans(top: Path) -> Path:
    for plan in PLANS:
        shutil.copytree(FIXTURES / "minimal", top / plan)
        edit(
            top / plan / "organisation.yaml",
            "    typ: nämnd\n",
            # an error that leaves every file read, so that deadlines are written with it
            "    typ: nämnd\n    ordförande: ingen-sadan-roll\n",
        )
    return top


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    top = tmp_path / "förråd"
    top.mkdir()
    _git(top, "init", "-q")
    return _plans(top)


@pytest.fixture
def worktree(repo: Path, tmp_path: Path) -> Path:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "planer")
    tree = tmp_path / "arbetsträd"
    _git(repo, "worktree", "add", "-q", str(tree))
    assert (tree / ".git").is_file()
    return tree


Paths = Callable[[str], list[str]]


def _validate_paths(fmt: str, out: str, summary: Path) -> list[str]:
    if fmt == "json":
        return [d["file"] for d in json.loads(out)["diagnostics"]]
    if fmt == "gitlab":
        return [i["location"]["path"] for i in json.loads(out)]
    if fmt == "sarif":
        run = json.loads(out)["runs"][0]
        assert set(run["originalUriBaseIds"]) == {"%SRCROOT%"}
        found = []
        for result in run["results"]:
            location = result["locations"][0]["physicalLocation"]["artifactLocation"]
            assert location["uriBaseId"] == "%SRCROOT%"
            found.append(location["uri"])
        return found
    if fmt == "junit":
        cases = list(ET.fromstring(out).iter("testcase"))
        return [c.get("classname", "") for c in cases] + [c.get("file", "") for c in cases]
    assert fmt == "github"
    commands = read_log(out)
    found = [c.props["file"] for c in commands if c.name in ("error", "warning", "notice")]
    found += [c.data for c in commands if c.name == "group"]
    table = tokens(summary.read_text(encoding="utf-8"))
    return found + [t.content for t in table if t.type == "code_inline"]


def _check(paths: list[str], top: Path) -> None:
    assert paths
    for path in paths:
        assert not PurePosixPath(path).is_absolute() and ".." not in PurePosixPath(path).parts
        assert path.startswith(PLANS), path
        assert (top / path).is_file(), f"{path} does not exist from the top level"
    assert {p.split("/")[1] for p in paths} == {"fagersta", "umea"}


@pytest.mark.parametrize("fmt", ["json", "github", "gitlab", "sarif", "junit"])
@pytest.mark.parametrize("where", ["repo", "worktree"])
def test_validate_names_files_from_the_top_level(
    run: Run, request: pytest.FixtureRequest, tmp_path: Path, fmt: str, where: str
) -> None:
    top: Path = request.getfixturevalue(where)
    summary = tmp_path / "sammanfattning.md"
    result = run(
        "validate",
        ".",
        "../umea",
        "--format",
        fmt,
        cwd=top / "plans/fagersta",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 1, result.output
    _check(_validate_paths(fmt, result.output, summary), top)


@pytest.mark.parametrize("fmt", ["github", "json", "ics"])
def test_deadlines_name_files_from_the_top_level(
    run: Run, repo: Path, tmp_path: Path, fmt: str
) -> None:
    summary = tmp_path / "sammanfattning.md"
    result = run(
        "deadlines",
        ".",
        "../umea",
        "--as-of",
        AS_OF,
        "--format",
        fmt,
        cwd=repo / "plans/fagersta",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 1, result.output
    if fmt == "json":
        payload = json.loads(result.output)
        assert [p["path"] for p in payload["plans"]] == list(PLANS)
        paths = [d["file"] for p in payload["plans"] for d in p["deadlines"]]
        paths += [d["file"] for d in payload["errors"]]
    elif fmt == "ics":
        calendar = icalendar.Calendar.from_ical(result.stdout_bytes)
        descriptions = [str(e["description"]) for e in calendar.walk("VEVENT")]
        paths = [d.rsplit("\n", 1)[1].rsplit(":", 1)[0] for d in descriptions]
    else:
        paths = _validate_paths("github", result.output, summary)
    _check(paths, repo)


def test_outside_a_repository_paths_stay_relative_to_the_working_folder(
    run: Run, tmp_path: Path
) -> None:
    top = _plans(tmp_path / "mapp")
    out = run("validate", ".", "../umea", "--format", "json", cwd=top / "plans/fagersta").output
    files = {d["file"] for d in json.loads(out)["diagnostics"]}
    assert files == {"organisation.yaml", "../umea/organisation.yaml"}
    elsewhere = tmp_path / "annan"  # the plan is outside it: findings name it absolutely
    elsewhere.mkdir()
    ics = run("deadlines", str(top / "plans/umea"), "--as-of", AS_OF, "-f", "ics", cwd=elsewhere)
    calendar = icalendar.Calendar.from_ical(ics.stdout_bytes)
    descriptions = [str(e["description"]) for e in calendar.walk("VEVENT")]
    assert descriptions and all(str(tmp_path) not in d for d in descriptions)
    assert all(d.rsplit("\n", 1)[1].startswith("umea/") for d in descriptions)


# --- the top level, as git finds it ---------------------------------------------------------


def test_the_top_level_is_where_git_finds_it(repo: Path, worktree: Path) -> None:
    for top in (repo, worktree):
        inner = top / "plans/fagersta/moten"
        assert work_tree(inner) == Path(_git(inner, "rev-parse", "--show-toplevel")) == top
    assert work_tree(repo.parent) is None


def test_a_ceiling_stops_the_search_as_it_stops_git(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = repo / "plans/fagersta"
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(repo / "plans"))
    assert work_tree(inner) is None
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", f"/nowhere{os.pathsep}{repo.parent}")
    assert work_tree(inner) == repo
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(repo))
    assert work_tree(repo) == repo, "the working folder itself is always looked at"


def test_a_stray_git_entry_is_not_a_repository(tmp_path: Path) -> None:
    (tmp_path / "a/.git").mkdir(parents=True)  # no HEAD: not a repository
    (tmp_path / "b").mkdir()
    (tmp_path / "b/.git").write_text("not a pointer\n", encoding="utf-8")
    assert work_tree(tmp_path / "a") is None
    assert work_tree(tmp_path / "b") is None


def test_paths_are_rebased_lexically(tmp_path: Path) -> None:
    top = tmp_path / "top"
    repository = Repository(top, top / "plans/fagersta")
    assert repository.path("mal.yaml") == "plans/fagersta/mal.yaml"
    assert repository.path("../umea/mal.yaml") == "plans/umea/mal.yaml"
    assert repository.path(str(top / "x/kommun.yaml")) == "x/kommun.yaml"
    assert repository.path("../../../elsewhere.yaml") == "../../../elsewhere.yaml"
    assert repository.path("/srv/plan/mal.yaml") == "/srv/plan/mal.yaml"
