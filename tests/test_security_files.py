"""Reading and writing files safely: no hang, no read through a link out of the plan, no write
outside the output.

Special files (named pipes, devices) and files past a command's size limit are refused before
anything is read, by every command. A symbolic link in a plan that leads out of it is reported
and never followed. An output replaces a link instead of writing through it, an export never
writes outside its folder, and folders are created only below one that exists.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, Run, write

SECRET = "AWS_SECRET=hemligt-värde: [\n"
MEETING = "moten/2021-03-02-lokala-bra.yaml"


def trygg(
    *args: str, cwd: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """trygg in its own process, so that a hang fails the test instead of stopping it."""
    return subprocess.run(
        [sys.executable, "-m", "trygghet_cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd or ROOT,
        env={**os.environ, "TRYGG_LANG": "sv"},
        check=False,
    )


# --- special files and sizes ------------------------------------------------------------------


@pytest.mark.parametrize("command", [("fmt",), ("fmt", "--check"), ("validate",)])
def test_a_named_pipe_in_a_plan_is_refused_not_read(plan: Path, command: tuple[str, ...]) -> None:
    pipe = plan / "moten/2021-05-01-lokala-bra.yaml"
    os.mkfifo(pipe)
    result = trygg(*command, str(plan), timeout=30)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout + result.stderr
    assert "2021-05-01-lokala-bra.yaml:1:1" in out and "TRY012" in out
    assert "ingen vanlig fil" in out


def test_fmt_refuses_a_named_pipe_it_is_given(plan: Path) -> None:
    pipe = plan / "moten/2021-05-01-lokala-bra.yaml"
    os.mkfifo(pipe)
    result = trygg("fmt", str(pipe), timeout=30)
    assert result.returncode == 1
    assert "TRY012" in result.stdout + result.stderr


@pytest.mark.parametrize("command", [("fmt",), ("validate",), ("report", "-q", "2021Q1")])
def test_a_link_to_a_device_is_not_followed(plan: Path, command: tuple[str, ...]) -> None:
    (plan / "mal.yaml").unlink()
    (plan / "mal.yaml").symlink_to("/dev/zero")
    result = trygg(*command, str(plan), timeout=30)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "mal.yaml:1:1" in out and "TRY016" in out, out


def test_fmt_refuses_a_file_past_the_size_limit(run: Run, plan: Path) -> None:
    big = plan / "moten/2021-05-01-lokala-bra.yaml"
    big.write_text("datum: 2021-05-01\norgan: lokala-bra\n# " + "x" * 1_100_000 + "\n")
    result = run("fmt", str(plan))
    assert result.exit_code == 1
    assert "2021-05-01-lokala-bra.yaml:1:1" in result.output and "TRY014" in result.output


def test_a_folder_named_as_a_plan_file_is_a_finding(run: Run, plan: Path) -> None:
    (plan / "mal.yaml").unlink()
    (plan / "mal.yaml").mkdir()
    for command in (("validate",), ("fmt",), ("report", "-q", "2021Q1")):
        result = run(*command, str(plan))
        assert result.exit_code == 1, (command, result.output)
        assert "mal.yaml:1:1" in result.output and "det är en mapp" in result.output


@pytest.mark.parametrize("kind", ["fifo", "device", "large"])
def test_indicator_import_refuses_special_and_oversized_files(
    plan: Path, tmp_path: Path, kind: str
) -> None:
    source = tmp_path / "kolada.csv"
    if kind == "fifo":
        os.mkfifo(source)
    elif kind == "device":
        source.symlink_to("/dev/zero")
    else:
        with source.open("wb") as handle:
            handle.truncate(70_000_000)  # sparse: big on paper, nothing to write
    result = trygg("indicator", "import", str(source), "--plan", str(plan), timeout=30)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout + result.stderr
    assert f"{source}:1:1" in out and ("TRY012" in out or "TRY014" in out), out
    assert "internt fel" not in out


# --- reading through links --------------------------------------------------------------------


@pytest.mark.parametrize(
    "link", ["mal.yaml", MEETING.replace("03-02", "05-01"), "anteckningar.txt", "moten/bilaga.md"]
)
def test_a_link_out_of_the_plan_is_reported_not_read(run: Run, plan: Path, link: str) -> None:
    secret = write(plan.parent / "hemlig.txt", SECRET)
    target = plan / link
    if target.exists():
        target.unlink()
    target.symlink_to(secret)
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert f"{link}:1:1: fel TRY016 " in result.output, result.output
    assert "hemligt" not in result.output and "AWS_SECRET" not in result.output


def test_a_link_inside_the_plan_is_followed(run: Run, plan: Path) -> None:
    (plan / "arkiv").mkdir()
    (plan / "mal.yaml").rename(plan / "arkiv/mal-2021.yaml")
    (plan / "mal.yaml").symlink_to("arkiv/mal-2021.yaml")
    result = run("validate", str(plan))
    assert result.exit_code == 0, result.output


def test_a_link_to_the_root_is_not_walked(plan: Path, tmp_path: Path) -> None:
    (plan / "rot").symlink_to("/")
    holder = tmp_path / "planer"
    holder.mkdir()
    (holder / "rot").symlink_to("/")
    (holder / "testby").symlink_to(plan)
    for given in (plan, holder):
        result = trygg("validate", str(given), timeout=60)
        out = result.stdout + result.stderr
        assert result.returncode == 1, out
        assert "rot:1:1: fel TRY016 " in out, out


# --- writing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (("validate", "--format", "json"), "fynd.json"),
        (("report", "-q", "2021Q1"), "rapport.md"),
        (("deadlines", "--as-of", "2021-06-01", "--format", "json"), "frister.json"),
        (("compare", "--format", "csv"), "jamforelse.csv"),
    ],
)
def test_an_output_replaces_a_link_instead_of_writing_through_it(
    run: Run, plan: Path, tmp_path: Path, command: tuple[str, ...], name: str
) -> None:
    victim = write(tmp_path / "offer/.bashrc", "export PATH=/usr/bin\n")
    link = tmp_path / name
    link.symlink_to(victim)
    result = run(*command, str(plan), "--output", str(link))
    assert result.exit_code in (0, 1), result.output
    assert victim.read_text(encoding="utf-8") == "export PATH=/usr/bin\n"
    assert not link.is_symlink() and link.stat().st_size > 0


def test_an_output_to_a_device_is_written_to_it(run: Run, plan: Path) -> None:
    result = run("validate", str(plan), "--output", "/dev/null")
    assert result.exit_code == 0
    assert Path("/dev/null").is_char_device()


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_an_export_never_writes_outside_its_folder(
    run: Run, plan: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "ut"
    out.mkdir()
    victim = write(tmp_path / "offer/index.html", "orörd\n")
    elsewhere = tmp_path / "annanstans"
    elsewhere.mkdir()
    (out / "index.html").symlink_to(victim)
    (out / "index.md").symlink_to(victim)
    (out / "bilder").symlink_to(elsewhere, target_is_directory=True)
    result = run("export", str(plan), "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.output
    assert victim.read_text(encoding="utf-8") == "orörd\n"
    assert list(elsewhere.iterdir()) == []
    suffix = "html" if fmt == "html" else "md"
    assert not (out / f"index.{suffix}").is_symlink()
    assert "<" in (out / f"index.{suffix}").read_text(encoding="utf-8") or fmt == "markdown"


def test_an_export_folder_that_is_a_link_is_refused(run: Run, plan: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "annanstans"
    elsewhere.mkdir()
    link = tmp_path / "ut"
    link.symlink_to(elsewhere, target_is_directory=True)
    result = run("export", str(plan), "--output", str(link))
    assert result.exit_code == 2
    assert "symbolisk länk" in result.output
    assert list(elsewhere.iterdir()) == []


def test_output_folders_are_created_only_below_an_existing_one(
    run: Run, plan: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "finns-inte/mapp/fynd.json"
    result = run("validate", str(plan), "--format", "json", "--output", str(missing))
    assert result.exit_code == 2
    assert "mappen finns inte" in result.output
    assert not (tmp_path / "finns-inte").exists()
    one_level = tmp_path / "ny/fynd.json"
    assert run("validate", str(plan), "--output", str(one_level)).exit_code == 0
    assert one_level.is_file()
    deep = tmp_path / "djup/a/b"
    result = run("export", str(plan), "--output", str(deep))
    assert result.exit_code == 2 and not (tmp_path / "djup").exists()
