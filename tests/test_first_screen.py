"""The README's first screen, followed literally, command by command, as a coordinator would on
a fresh clone: ``make install`` puts ``trygg`` on the PATH, and then ``trygg init``,
``trygg meeting new``, ``trygg validate`` and ``trygg report --quarter`` work from there.

``make install`` runs in a temporary home folder, so it never touches the user's machine, and
offline: pip gets no index, only the wheelhouse of trygg's dependencies and build backend that
``make wheelhouse`` fills (``make test`` does it). ``make demo`` runs too, into a temporary
folder; ``make test`` is what runs this test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from trygghet_cli import __version__

WHEELHOUSE = Path(os.environ.get("TRYGG_WHEELHOUSE", ROOT / ".venv/wheelhouse")).resolve()
MAKE = shutil.which("make")


def first_screen() -> tuple[list[str], list[str]]:
    """The section 'Kom igång': its code blocks, and the prose between them."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Kom igång\n", 1)[1].split("\n## ", 1)[0]
    parts = re.split(r"^```\n(.*?)^```\n", section, flags=re.S | re.M)
    return parts[1::2], parts[0::2]


def _environment(home: Path, path: str) -> dict[str, str]:
    """The user's environment with home in a temporary folder, no make or pip settings of the
    test run, no virtual environment, and pip offline."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PIP_", "VIRTUAL_ENV", "PYTHON", "MAKE", "XDG_", "TRYGG_LANG"))
        and key not in ("MFLAGS", "HOME", "PATH")
    }
    return env | {
        "HOME": str(home),
        "PATH": path,
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(WHEELHOUSE),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "LANG": "C.UTF-8",
    }


def _system_path() -> str:
    """PATH without this test run's virtual environment: 'trygg' is not on it."""
    venv_bin = Path(sys.executable).parent
    return os.pathsep.join(
        p for p in os.environ.get("PATH", "").split(os.pathsep) if p and Path(p) != venv_bin
    )


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_first_screen_is_the_path_from_a_clone_to_the_first_brief() -> None:
    blocks, _ = first_screen()
    assert blocks[0].splitlines()[0].startswith("make demo ")
    assert blocks[0].splitlines()[1].startswith("make test ")
    assert blocks[1] == "make install\n"
    commands = [line.split()[:3] for block in blocks[2:] for line in block.splitlines()]
    assert [c[:2] for c in commands if c[0] == "trygg"] == [
        ["trygg", "init"],
        ["trygg", "meeting"],
        ["trygg", "validate"],
        ["trygg", "report"],
    ]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("\n## Kom igång\n") < 600, "the first screen starts at the top"


@pytest.mark.slow
def test_following_the_first_screen_gives_a_plan_a_meeting_and_a_brief(tmp_path: Path) -> None:
    assert MAKE, "make is needed: the README's commands are make targets"
    assert WHEELHOUSE.is_dir(), f"no wheelhouse at {WHEELHOUSE}; 'make test' builds it"
    blocks, prose = first_screen()
    home = tmp_path / "home"
    home.mkdir()
    bin_dir = home / ".local/bin"

    # make install, in the clone, with ~/.local/bin not yet on the PATH: it says so, and how.
    env = _environment(home, _system_path())
    installed = _bash(blocks[1], ROOT, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert f"Installerade trygg {__version__} som {bin_dir}/trygg.\n" in installed.stdout
    hint = f"  echo 'export PATH=\"{bin_dir}:$PATH\"' >> ~/.bashrc\n"
    assert f"{bin_dir} finns inte i PATH. Lägg till det" in installed.stdout
    assert installed.stdout.endswith(hint), installed.stdout
    assert (bin_dir / "trygg").is_symlink()
    assert not (ROOT / "build").exists() and not list(ROOT.glob("*.egg-info"))

    # What the hint says: ~/.bashrc puts it on the PATH of a new terminal.
    _bash(hint.strip(), home, env)
    env = _environment(home, _bash("source ~/.bashrc; echo -n $PATH", home, env).stdout)
    assert shutil.which("trygg", path=env["PATH"]) == str(bin_dir / "trygg")

    # trygg init and cd, from wherever the terminal is.
    new_plan = _bash(blocks[2] + "pwd > ~/.cwd\n", home, env)
    assert new_plan.returncode == 0, new_plan.stdout + new_plan.stderr
    plan = Path((home / ".cwd").read_text(encoding="utf-8").strip())
    assert plan == home / "trygghetsplan"
    assert "Skrev 20 filer för Fagersta i" in new_plan.stdout

    # The prose: take away '# ' before the example of Lokala BRÅ in organisation.yaml.
    assert "ta bort `# ` framför exemplet på Lokala BRÅ" in " ".join(prose[3].split())
    start_line = re.search(r"raderna från\s+`(.+?)`", prose[3])
    assert start_line
    organisation = plan / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    start = text.index("  " + start_line.group(1))
    organisation.write_text(text[:start] + text[start:].replace("  # ", "  "), encoding="utf-8")

    # The first meeting, the check and the first brief, from the PATH.
    commands = blocks[3].splitlines()
    outputs = []
    for command in commands:
        result = _bash(command, plan, env)
        assert result.returncode == 0, (command, result.stdout + result.stderr)
        outputs.append(result.stdout)
    meeting, check, brief = outputs
    assert meeting == (
        "moten/2025-03-04-lokala-bra.yaml:1: ny fil: Nytt möte i Lokala BRÅ 2025-03-04: "
        "2 närvarande, 0 öppna åtgärder att följa upp.\n"
        "Skrev moten/2025-03-04-lokala-bra.yaml.\n"
    )
    assert check.endswith("2 varningar i 7 filer (1 plan).\n"), check
    assert brief.startswith("# Lägesrapport kvartal 1 2025: Fagersta\n")
    row = next(line for line in brief.splitlines() if line.startswith("| Lokala BRÅ |"))
    assert row.startswith("| Lokala BRÅ | 4 gånger per år | 1 | 1 |"), row
    assert row.endswith("| Enligt plan | 4 mars |"), row


@pytest.mark.slow
def test_make_demo_says_where_it_wrote_after_the_tables(tmp_path: Path) -> None:
    """The last lines of 'make demo' name the briefs and pages it wrote, each of which exists;
    nothing about them comes before the tables."""
    assert MAKE, "make is needed: 'make demo' is the README's first command"
    out_dir = tmp_path / "demo"
    venv = Path(sys.executable).parent.parent
    result = subprocess.run(
        [MAKE, "--no-print-directory", "-o", "venv", "demo", f"VENV={venv}", f"DEMO_OUT={out_dir}"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("MAKE")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    names = sorted(p.name for p in (ROOT / "examples").iterdir() if (p / "kommun.yaml").is_file())
    summary = [
        "",
        "Lägesrapporterna för kvartal 1 2021 (Markdown och HTML) och kvartal 4 2024 (PDF):",
        *(f"  {out_dir}/{name}-2021Q1.md och .html, {out_dir}/{name}-2024Q4.pdf" for name in names),
        f"Jämförelsen med riket för Excel: {out_dir}/jamforelse.csv",
        f"Fagerstas sidor för intranätet: {out_dir}/fagersta-html/index.html",
        f"  och i Markdown: {out_dir}/fagersta-markdown/index.md",
    ]
    assert out.splitlines()[-len(summary) :] == summary
    assert out.index(str(out_dir)) > out.rindex("Plan ") > out.index("Tidsfrister per")
    for name in names:
        for brief in ("2021Q1.md", "2021Q1.html", "2024Q4.pdf"):
            assert (out_dir / f"{name}-{brief}").stat().st_size > 1000
    assert (out_dir / "jamforelse.csv").is_file()
    assert (out_dir / "fagersta-html/index.html").is_file()
    assert (out_dir / "fagersta-markdown/index.md").is_file()
