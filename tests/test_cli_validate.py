"""``trygg validate`` as users and CI call it: paths, exit codes, formats, GitHub Actions."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Run, doc, edit, write


def test_no_path_means_the_current_folder(run: Run, plan: Path) -> None:
    result = run("validate", cwd=plan)
    assert result.exit_code == 0
    assert result.output == "Inga fel i 7 filer (1 plan).\n"


def test_a_folder_of_plans_is_searched_recursively(run: Run, tmp_path: Path) -> None:
    for name in ("lan/a", "lan/b", "lan/deep/c"):
        shutil.copytree(FIXTURES / "minimal", tmp_path / name)
    shutil.copytree(FIXTURES / "minimal", tmp_path / "lan/.hidden/d")
    result = run("validate", "lan", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.output == "Inga fel i 21 filer (3 planer).\n"


def test_a_file_checks_the_plan_it_belongs_to(run: Run, plan: Path) -> None:
    edit(plan / "kommun.yaml", "antal: 1000", "antal: -5")
    result = run("validate", "moten/2021-03-02-lokala-bra.yaml", cwd=plan)
    assert result.exit_code == 1
    assert (
        "kommun.yaml:6:10: fel TRY106 Ogiltigt värde för 'antal': -5 måste vara större "
        "än 0" in result.output
    )


def test_exit_codes(run: Run, plan: Path) -> None:
    assert run("validate", str(plan)).exit_code == 0
    edit(plan / "moten/2021-03-02-lokala-bra.yaml", "    klar_datum: 2021-03-20\n", "")
    assert run("validate", str(plan)).exit_code == 0
    assert run("validate", "--strict", str(plan)).exit_code == 1
    edit(plan / "kommun.yaml", "namn: Stockholm", "namn: [Stockholm]")
    assert run("validate", str(plan)).exit_code == 1


def test_ignore_skips_a_rule(run: Run, plan: Path) -> None:
    edit(plan / "moten/2021-03-02-lokala-bra.yaml", "    klar_datum: 2021-03-20\n", "")
    result = run("validate", "--strict", "--ignore", "try206", str(plan))
    assert result.exit_code == 0, result.output


def test_usage_errors_exit_2(run: Run, tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "finns-inte"))
    assert result.exit_code == 2
    assert "Sökvägen finns inte" in result.output
    assert run("validate", "--format", "xml", str(tmp_path)).exit_code == 2
    assert run("validate", "--lang", "fi", str(tmp_path)).exit_code == 2
    assert run("validate", "--ignore", "TRY999", str(tmp_path)).exit_code == 2


def test_folder_without_a_plan(run: Run, tmp_path: Path) -> None:
    write(tmp_path / "tom/readme.txt", "x")
    result = run("validate", "tom", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.output.startswith(
        "tom:1:1: fel TRY010 Ingen plan hittades här: ingen mapp innehåller kommun.yaml"
    )


def test_missing_and_unknown_files(run: Run, plan: Path) -> None:
    (plan / "organisation.yaml").rename(plan / "organisaton.yaml")
    result = run("validate", str(plan))
    assert f"{plan}/organisation.yaml:1:1: fel TRY015 Planen saknar filen organisation.yaml" in (
        result.output
    )
    assert (
        f"{plan}/organisaton.yaml:1:1: varning TRY011 Filen 'organisaton.yaml' hör inte till "
        "planens filer (menade du 'organisation.yaml'?)"
    ) in result.output


def test_yml_suffix_is_accepted(run: Run, plan: Path) -> None:
    (plan / "mal.yaml").rename(plan / "mal.yml")
    assert run("validate", "--strict", str(plan)).exit_code == 0


def test_github_format_is_automatic_inside_actions(run: Run, plan: Path, tmp_path: Path) -> None:
    edit(plan / "kommun.yaml", "antal: 1000", "antal: tusen")
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKFLOW": "trygg",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    result = run("validate", "plan", cwd=tmp_path, env=env)
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        "::group::plan/kommun.yaml",
        "::error file=plan/kommun.yaml,line=6,col=10,title=TRY103 wrong-type::'antal' ska vara "
        "ett heltal, inte texten 'tusen'",
    ]
    table = summary.read_text(encoding="utf-8")
    assert "| `plan/kommun.yaml` | 6 | 10 | fel | TRY103 |" in table


def test_github_annotation_limit(run: Run, plan: Path, tmp_path: Path) -> None:
    lines = "".join(f"# {n}: 640823-3234\n" for n in range(15))
    with (plan / "kommun.yaml").open("a", encoding="utf-8") as handle:
        handle.write(lines)
    summary = tmp_path / "summary.md"
    result = run(
        "validate",
        "plan",
        "--format",
        "github",
        cwd=tmp_path,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    out = result.output.splitlines()
    assert sum(1 for line in out if line.startswith("::error")) == 10
    assert sum(1 for line in out if line.startswith("plan/kommun.yaml:")) == 5
    assert any("5 fynd visas inte som annoteringar" in line for line in out)
    assert summary.read_text(encoding="utf-8").count("TRY301") == 15


def test_output_file_for_ci_artifacts(run: Run, plan: Path, tmp_path: Path) -> None:
    edit(plan / "kommun.yaml", "antal: 1000", "antal: tusen")
    target = tmp_path / "reports/gl-code-quality-report.json"
    result = run("validate", str(plan), "--format", "gitlab", "--output", str(target))
    assert result.exit_code == 1
    assert result.output == ""
    assert json.loads(target.read_text(encoding="utf-8"))[0]["check_name"] == "TRY103"


def test_help_and_version(run: Run) -> None:
    assert "validate" in run("--help").output
    assert run("--version").output.startswith("trygg ")


@pytest.mark.parametrize("args", [["--help"], ["validate", "tests/fixtures/minimal"]])
def test_fast_commands_do_not_import_heavy_libraries(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from trygghet_cli.cli.app import app\n"
        "try:\n"
        f"    app({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('pandas', 'jinja2', 'numpy', 'matplotlib', 'weasyprint') if m "
        "in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    ).stdout
    assert "HEAVY []" in out


def test_a_bug_is_reported_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from trygghet_cli.checks import batch
    from trygghet_cli.cli import app as app_module

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("något oväntat")

    monkeypatch.setattr(batch, "validate_paths", broken)
    monkeypatch.setattr(sys, "argv", ["trygg", "validate", "."])
    with pytest.raises(SystemExit) as exc:
        app_module.main()
    assert exc.value.code == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("trygg: internt fel (RuntimeError: något oväntat). Det här är en bugg")
    assert "https://" in err


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("folder", "det är en mapp"),
        ("file/x.json", "en fil står där en mapp behövs"),
        ("", "det är en mapp"),
    ],
)
def test_unwritable_output_is_a_usage_error(
    run: Run, plan: Path, tmp_path: Path, target: str, reason: str
) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = run(
        "validate", str(plan), "--output", str(tmp_path / target) if target else "", cwd=tmp_path
    )
    assert result.exit_code == 2
    assert "Kan inte skriva" in result.output
    assert f": {reason}" in result.output  # the system's reason in the user's language


def test_output_through_a_symlink_replaces_the_link(run: Run, plan: Path, tmp_path: Path) -> None:
    """The link is replaced, never written through: the file it pointed to is left alone."""
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run("validate", str(plan), "--format", "json", "--output", str(link)).exit_code == 0
    assert not link.is_symlink()
    assert '"errors": 0' in link.read_text(encoding="utf-8")
    assert real.read_text(encoding="utf-8") == "old"


def test_unwritable_step_summary_only_warns(run: Run, plan: Path, tmp_path: Path) -> None:
    env = {"GITHUB_STEP_SUMMARY": str(tmp_path / "no/such/folder/summary.md")}
    edit(plan / "kommun.yaml", "antal: 1000", "antal: tusen")
    result = run("validate", str(plan), "--format", "github", env=env)
    assert result.exit_code == 1
    assert "kunde inte skriva sammanfattningen" in result.output


def test_the_readme_shows_real_output(run: Run) -> None:
    """The README's example on tests/fixtures/broken: its first findings and its last line
    are what the command prints, byte for byte."""
    readme = doc("validate.md")
    shown = readme.split("$ trygg validate broken\n", 1)[1].split("```", 1)[0]
    head, _, tail = shown.partition("...\n")
    assert head.count("\n") >= 6 and tail.count("\n") == 1
    result = run("validate", "broken", cwd=FIXTURES)
    assert result.exit_code == 1
    assert result.output.startswith(head)
    assert result.output.endswith("\n" + tail)
