"""``trygg --install-completion`` for bash, zsh and fish (Typer's completion), as the README says.

The scripts are checked through Typer for all three shells; where a shell is installed, it
installs completion itself (Typer detects the shell it runs in) and then completes
``trygg va`` to ``validate``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SHELLS = ["bash", "zsh", "fish"]
NO_DETECTION = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
INSTALLED = {
    "bash": ".bash_completions/trygg.sh",
    "zsh": ".zfunc/_trygg",
    "fish": ".config/fish/completions/trygg.fish",
}
SCRIPT_MARK = {
    "bash": "complete -o default -F _trygg_completion trygg",
    "zsh": "compdef _trygg_completion trygg",
    "fish": "complete --command trygg --no-files",
}


def _trygg(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """trygg in a new process: Typer reads the detection switch when the app is built."""
    env = {**os.environ, "HOME": str(home), **NO_DETECTION}
    return subprocess.run(
        [str(Path(_trygg_dir()) / "trygg"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("shell", SHELLS)
def test_show_completion_prints_the_script(shell: str, tmp_path: Path) -> None:
    result = _trygg("--show-completion", shell, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert SCRIPT_MARK[shell] in result.stdout
    assert "_TRYGG_COMPLETE=complete_" in result.stdout


@pytest.mark.parametrize("shell", SHELLS)
def test_install_completion_writes_the_shells_file(shell: str, tmp_path: Path) -> None:
    result = _trygg("--install-completion", shell, home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    script = tmp_path / INSTALLED[shell]
    assert f"{shell} completion installed in {script}" in result.stdout
    assert SCRIPT_MARK[shell] in script.read_text(encoding="utf-8")
    if shell == "bash":
        assert f"source '{script}'" in (tmp_path / ".bashrc").read_text(encoding="utf-8")
    if shell == "zsh":
        assert "fpath+=~/.zfunc" in (tmp_path / ".zshrc").read_text(encoding="utf-8")


def _trygg_dir() -> str:
    trygg = shutil.which("trygg", path=str(Path(sys.executable).parent))
    assert trygg, "trygg is installed in the test environment ('make venv')"
    return str(Path(trygg).parent)


COMPLETE = {
    # Ask each shell's own completion machinery for the candidates of "trygg va".
    "bash": "source ~/.bash_completions/trygg.sh; COMP_WORDS=(trygg va); COMP_CWORD=1; "
    "_trygg_completion trygg va trygg; printf '%s\\n' \"${COMPREPLY[@]}\"",
    "zsh": "fpath+=~/.zfunc; autoload -Uz compinit; compinit -u; print -r -- $_comps[trygg]; "
    "_TYPER_COMPLETE_ARGS='trygg va' _TRYGG_COMPLETE=complete_zsh trygg",
    "fish": "complete -C 'trygg va'",
}


@pytest.mark.parametrize("shell", SHELLS)
def test_a_real_shell_installs_and_completes(shell: str, tmp_path: Path) -> None:
    exe = shutil.which(shell)
    assert exe is not None, (
        f"{shell} is needed for this test: apt-get install {shell} (.ci/run does it)"
    )
    env = {
        "HOME": str(tmp_path),
        "PATH": _trygg_dir() + os.pathsep + os.environ.get("PATH", ""),
        "LANG": "C.UTF-8",
    }
    # "; true" keeps the shell as trygg's parent, where Typer looks for it.
    install = subprocess.run(
        [exe, "-c", "trygg --install-completion; true"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"{shell} completion installed in {tmp_path / INSTALLED[shell]}" in install.stdout
    completed = subprocess.run(
        [exe, "-c", COMPLETE[shell]], env=env, capture_output=True, text=True, check=True
    )
    assert "validate" in completed.stdout, completed.stdout + completed.stderr
    if shell == "zsh":
        assert completed.stdout.splitlines()[0] == "_trygg", "compinit found ~/.zfunc/_trygg"
