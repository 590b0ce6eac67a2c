"""Where the generated CI installs trygg from (issue 15, item 9).

``pip install "trygghet-cli==0.1.0"`` is on no index while trygg is not on PyPI, so the first
step of every generated job failed. ``trygg init`` now writes the line for where this trygg
came from (pip's ``direct_url.json``), or for the source given with ``--install-from``; each
line is handed to pip itself here, offline, from the wheelhouse ``make wheelhouse`` fills.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ci_commands import github_jobs, gitlab_jobs, installs_trygg
from tests.conftest import ROOT, Run
from trygghet_cli import __version__
from trygghet_cli.install_source import (
    REPOSITORY,
    InstallSource,
    InstallSourceError,
    chosen,
    from_direct_url,
    installed,
)

ARGS = ("--municipality", "Fagersta", "--kommunkod", "1982")
WHEELHOUSE = Path(os.environ.get("TRYGG_WHEELHOUSE", ROOT / ".venv/wheelhouse")).resolve()
WHEEL = f"trygghet_cli-{__version__}-py3-none-any.whl"
COMMIT = "4f1c2a9d0b7e8c3a5d6f7e8091a2b3c4d5e6f708"
FALLBACK = f"trygghet-cli @ git+{REPOSITORY}@v{__version__}"


def _no_clone(folder: Path) -> None:
    return None


def _clone_with(origin: str) -> object:
    def clone(folder: Path) -> tuple[str, str]:
        assert folder == Path("/home/samordnare/trygg")
        return origin, COMMIT

    return clone


@pytest.mark.parametrize(
    ("record", "origin", "requirement"),
    [
        # From an index (PyPI, a kommun's own, a wheelhouse): pip writes no direct_url.json.
        (None, None, f"trygghet-cli=={__version__}"),
        # pip install "trygghet-cli @ git+https://…@v0.1.0": the commit pip checked out.
        (
            {
                "url": "https://github.com/trygghet/trygg",
                "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "v0.1.0"},
            },
            None,
            f"trygghet-cli @ git+https://github.com/trygghet/trygg@{COMMIT}",
        ),
        # A git repository on the installing computer is out of CI's reach.
        (
            {"url": "file:///srv/git/trygg", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
            None,
            FALLBACK,
        ),
        # A wheel on a web server.
        (
            {"url": f"https://paket.kommun.se/{WHEEL}", "archive_info": {}},
            None,
            f"trygghet-cli @ https://paket.kommun.se/{WHEEL}",
        ),
        # make install from a clone (the README's route): the clone's origin at its commit.
        (
            {"url": "file:///home/samordnare/trygg", "dir_info": {}},
            "https://github.com/trygghet/trygg.git",
            f"trygghet-cli @ git+https://github.com/trygghet/trygg.git@{COMMIT}",
        ),
        (
            {"url": "file:///home/samordnare/trygg", "dir_info": {"editable": True}},
            "git@gitlab.kommun.se:it/trygg.git",
            f"trygghet-cli @ git+ssh://git@gitlab.kommun.se/it/trygg.git@{COMMIT}",
        ),
        # A clone of a clone on the same computer: the project's repository at the version.
        (
            {"url": "file:///home/samordnare/trygg", "dir_info": {}},
            "/srv/git/trygg",
            FALLBACK,
        ),
        ({"url": "file:///home/samordnare/trygg", "dir_info": {}}, "", FALLBACK),
    ],
)
def test_the_default_is_where_this_trygg_came_from(
    record: dict[str, object] | None, origin: str | None, requirement: str
) -> None:
    clone = _no_clone if origin is None else _clone_with(origin)
    if origin == "":
        clone = _no_clone
    source = from_direct_url(record, __version__, clone)  # type: ignore[arg-type]
    assert source == InstallSource(requirement)


def test_a_wheel_trygg_was_installed_from_is_copied_when_it_is_still_there(
    tmp_path: Path,
) -> None:
    wheel = tmp_path / WHEEL
    wheel.write_bytes(b"PK")
    record: dict[str, object] = {"url": wheel.as_uri(), "archive_info": {"hashes": {}}}
    source = from_direct_url(record, __version__, _no_clone)
    assert source == InstallSource(f"./verktyg/{WHEEL}", wheel=wheel)
    wheel.unlink()
    assert from_direct_url(record, __version__, _no_clone).requirement == FALLBACK


def test_the_default_reads_pips_record_of_this_installation() -> None:
    from importlib import metadata

    text = metadata.distribution("trygghet-cli").read_text("direct_url.json")
    record = json.loads(text) if text else None
    from trygghet_cli.install_source import _clone

    assert installed(__version__) == from_direct_url(record, __version__, _clone)


@pytest.mark.parametrize(
    ("value", "arguments"),
    [
        ("pypi", f'"trygghet-cli=={__version__}"'),
        (
            "https://paket.kommun.se/simple",
            f'--index-url https://paket.kommun.se/simple "trygghet-cli=={__version__}"',
        ),
        (
            "git+https://github.com/trygghet/trygg@v0.1.0",
            '"trygghet-cli @ git+https://github.com/trygghet/trygg@v0.1.0"',
        ),
        (
            f"https://paket.kommun.se/{WHEEL}",
            f'"trygghet-cli @ https://paket.kommun.se/{WHEEL}"',
        ),
    ],
)
def test_a_chosen_source(value: str, arguments: str) -> None:
    assert chosen(value, __version__).pip_arguments == arguments


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "pipy",
            "'pipy' är ingen källa som pip kan installera trygg från; ange pypi, en paketserver "
            "(https://…), en git-adress (git+https://…) eller en wheel-fil (….whl).",
        ),
        ("git+trygg", "'git+trygg' är ingen källa som pip kan installera trygg från"),
        (
            "dist/pandas-3.1.1-py3-none-any.whl",
            "pandas-3.1.1-py3-none-any.whl är ingen wheel av trygg; den heter "
            "trygghet_cli-VERSION-py3-none-any.whl.",
        ),
        (
            f"dist/{WHEEL}",
            f"Wheel-filen dist/{WHEEL} finns inte; bygg den med 'python -m pip wheel --no-deps "
            "-w dist .' i en klon av trygg.",
        ),
        # Issue 12: the source is written into the CI files; a line break made a step of its
        # own ('- run: curl … | sh'), a quote or a shell character a command of the shell.
        (
            "git+https://x.example/a.git\n      - run: curl evil | sh",
            "'git+https://x.example/a.git␊      - run: curl evil | sh' har tecknet '␊', som inte "
            "får stå i en källa för pip; skriv adressen med %-kodning där den behöver ett sådant "
            "tecken (%20 för mellanslag, %26 för &).",
        ),
        (
            'https://x.example/simple"\n  - run: curl evil',
            "'https://x.example/simple\"␊  - run: curl evil' har tecknet '\"'",
        ),
        ("https://x.example/simple$(curl evil)", "simple$(curl evil)' har tecknet '$'"),
        ("https://x.example/simple;curl evil", "simple;curl evil' har tecknet ';'"),
        ("https://x.example/simple`id`", "simple`id`' har tecknet '`'"),
        ("https://x.example/simple&&id", "simple&&id' har tecknet '&'"),
        ("https://x.example/a b/simple", "a b/simple' har tecknet ' '"),
        ("dist/trygghet_cli-1$(id)-py3-none-any.whl", "-py3-none-any.whl' har tecknet '$'"),
    ],
)
def test_a_source_pip_cannot_use_is_a_usage_error(
    run: Run, tmp_path: Path, value: str, message: str
) -> None:
    with pytest.raises(InstallSourceError):
        chosen(value, __version__)
    result = run("init", "plan", *ARGS, "--install-from", value, cwd=tmp_path)
    assert result.exit_code == 2, result.output
    said = result.output.split("Fel: Ogiltigt värde för '--install-from': ", 1)[1]
    assert message in said, result.output
    assert not (tmp_path / "plan").exists()


def _install_lines(plan: Path) -> list[str]:
    """The install line of every job of both CI files."""
    jobs = [
        *github_jobs((plan / ".github/workflows/trygg.yml").read_text("utf-8")),
        *gitlab_jobs((plan / ".gitlab-ci.yml").read_text("utf-8")),
    ]
    lines = [block for job in jobs for block in job.blocks if installs_trygg(block)]
    assert len(lines) == len(jobs), "every job installs trygg"
    return lines


def _pip_installs(line: str, cwd: Path, tmp_path: Path) -> dict[str, object]:
    """What pip would install for a CI file's line, resolved offline from the wheelhouse."""
    assert WHEELHOUSE.is_dir(), f"no wheelhouse at {WHEELHOUSE}; run 'make wheelhouse'"
    argv = shlex.split(line)
    assert argv[:2] == ["pip", "install"], line
    report = tmp_path / "pip-report.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env |= {"PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    options = ["--dry-run", "--ignore-installed", "--no-index", "--find-links", str(WHEELHOUSE)]
    rest = [a for a in argv[2:] if a != "--quiet"]
    if "--index-url" in rest:  # the kommun's index stands in for the wheelhouse here
        at = rest.index("--index-url")
        del rest[at : at + 2]
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", *options, "--report", str(report), *rest],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    installs = json.loads(report.read_text("utf-8"))["install"]
    trygg = [i for i in installs if i["metadata"]["name"] == "trygghet-cli"]
    assert len(trygg) == 1, installs
    found: dict[str, object] = trygg[0]
    return found


def test_a_wheel_is_committed_to_the_plan_and_its_line_installs(run: Run, tmp_path: Path) -> None:
    built = WHEELHOUSE / WHEEL
    assert built.is_file(), f"no {WHEEL} in {WHEELHOUSE}; run 'make wheelhouse'"
    result = run("init", "plan", *ARGS, "--install-from", str(built), cwd=tmp_path)
    assert result.exit_code == 0, result.output
    plan = tmp_path / "plan"
    assert f"  verktyg/{WHEEL}" in result.output.splitlines()
    assert (plan / "verktyg" / WHEEL).read_bytes() == built.read_bytes()
    lines = _install_lines(plan)
    assert set(lines) == {
        f'pip install "./verktyg/{WHEEL}"',
        f'pip install --quiet "./verktyg/{WHEEL}"',
    }
    readme = (plan / "README.md").read_text("utf-8")
    assert f"(`git add verktyg/{WHEEL}`)" in readme
    for line in set(lines):
        found = _pip_installs(line, plan, tmp_path)
        assert found["metadata"]["version"] == __version__  # type: ignore[index]
        url = found["download_info"]["url"]  # type: ignore[index]
        assert url == (plan / "verktyg" / WHEEL).resolve().as_uri()
    # A second init leaves the committed wheel alone.
    again = run("init", "plan", *ARGS, "--install-from", str(built), cwd=tmp_path)
    assert f"  verktyg/{WHEEL}" in again.output.split("orörda", 1)[1]


def test_the_lines_for_an_index_and_a_git_repository_install(run: Run, tmp_path: Path) -> None:
    """The index line resolves against an index that has trygg (the wheelhouse stands in for
    PyPI or the kommun's own); the git line builds trygg from a git repository, as pip does in
    CI, here from a clone of this one."""
    clone = tmp_path / "trygg.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(clone)], check=True)
    commit = subprocess.run(
        ["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    for name, value in [
        ("pypi", "pypi"),
        ("index", "https://paket.kommun.se/simple"),
        # file://localhost/…: the pip of Python 3.11 refuses a file URL without a host here.
        ("git", f"git+file://localhost{clone.as_posix()}@{commit}"),
    ]:
        result = run("init", name, *ARGS, "--install-from", value, cwd=tmp_path)
        assert result.exit_code == 0, result.output
        assert not (tmp_path / name / "verktyg").exists()
        lines = set(_install_lines(tmp_path / name))
        assert len(lines) == 2, lines
        for line in lines:
            found = _pip_installs(line, tmp_path / name, tmp_path)
            assert found["metadata"]["version"] == __version__  # type: ignore[index]
            if name == "git":
                info = found["download_info"]
                assert info["vcs_info"]["commit_id"] == commit  # type: ignore[index]


def test_without_the_option_init_writes_the_default_line(run: Run, tmp_path: Path) -> None:
    result = run("init", "plan", *ARGS, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    line = f"pip install {installed(__version__).pip_arguments}"
    assert set(_install_lines(tmp_path / "plan")) == {
        line,
        line.replace("install", "install --quiet"),
    }
    assert f"```\n{line}\n```" in (tmp_path / "plan/README.md").read_text("utf-8")
