"""The commands a generated CI file runs, read from the file itself.

Used by the tests that run them, so that the workflow ``trygg init`` writes cannot drift from
what trygg accepts. A job is its shell blocks in order (GitHub's ``run:`` steps, GitLab's
``before_script`` and ``script`` lines) with the variables it sets.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

OPERATORS = {"||", "&&", ";", "|", "&"}
_EXPRESSION = re.compile(r"\$\{\{.*?\}\}")
_VARIABLE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?")


@dataclass
class Job:
    ci: str
    name: str
    blocks: list[str]
    env: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Command:
    """One ``trygg`` command in a shell block; ``checked`` is False after ``|| true``."""

    argv: tuple[str, ...]
    checked: bool

    def expand(self, env: dict[str, str]) -> list[str]:
        """The arguments with ``$NAME`` replaced; an unknown variable is a KeyError."""
        return [_VARIABLE.sub(lambda m: env[m[1]], arg) for arg in self.argv]


def github_jobs(text: str) -> list[Job]:
    """The jobs of a GitHub workflow; ``${{ … }}`` expressions are empty, as for a PR."""
    doc: dict[Any, Any] = yaml.safe_load(text)
    jobs = []
    for name, job in doc["jobs"].items():
        blocks: list[str] = []
        env: dict[str, str] = {}
        for step in job["steps"]:
            if "run" in step:
                blocks.append(_EXPRESSION.sub("", str(step["run"])))
                env.update({k: _EXPRESSION.sub("", str(v)) for k, v in step.get("env", {}).items()})
        jobs.append(Job("github", name, blocks, env))
    return jobs


def gitlab_jobs(text: str) -> list[Job]:
    """The jobs of a ``.gitlab-ci.yml`` (keys that are not jobs are left out)."""
    doc: dict[str, Any] = yaml.safe_load(text)
    default = doc.get("default", {})
    jobs = []
    for name, job in doc.items():
        if not isinstance(job, dict) or "script" not in job:
            continue
        before = job.get("before_script", default.get("before_script", []))
        env = {k: str(v) for k, v in job.get("variables", {}).items()}
        jobs.append(Job("gitlab", name, [*before, *job["script"]], env))
    return jobs


def trygg_commands(block: str) -> list[Command]:
    """The ``trygg`` commands of a shell block, split at ``||``, ``&&``, ``;`` and pipes."""
    commands: list[Command] = []
    for line in block.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        tokens = list(lexer)
        start = 0
        for i, token in enumerate([*tokens, ";"]):
            if token in OPERATORS:
                part = tokens[start:i]
                if part and part[0] == "trygg":
                    checked = i >= len(tokens) or tokens[i] != "||"
                    commands.append(Command(tuple(part[1:]), checked))
                start = i + 1
    return commands


def installs_trygg(block: str) -> bool:
    return bool(re.search(r"\bpip install\b.*\btrygghet[-_]cli\b", block))


def run_shell(block: str, env: dict[str, str], cwd: Path, github_env: Path) -> dict[str, str]:
    """Run a block with bash as CI does; return the variables it set or exported."""
    marker = "--- variables ---"
    script = f"set -eo pipefail\n{block}\necho '{marker}'\nenv\n"
    full = {**os.environ, **env, "GITHUB_ENV": str(github_env)}
    proc = subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=full, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, f"{block!r} failed: {proc.stderr}"
    after = dict(
        line.split("=", 1) for line in proc.stdout.split(marker, 1)[1].splitlines() if "=" in line
    )
    changed = {k: v for k, v in after.items() if full.get(k) != v and k in _assigned(block)}
    if github_env.is_file():
        for line in github_env.read_text(encoding="utf-8").splitlines():
            name, sep, value = line.partition("=")
            if sep:
                changed[name] = value
    return changed


def _assigned(block: str) -> set[str]:
    return set(re.findall(r"\b([A-Za-z_][A-Za-z0-9_]*)=", block))
