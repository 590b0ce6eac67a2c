"""The git work tree a command runs in: where the paths of the machine formats start from.

GitHub's annotations and code scanning, GitLab's Code Quality and test reports and the
calendar feed name files relative to the repository's top level, whatever folder trygg runs
in. The top level is found as git finds it, without running git: the nearest folder, from the
working folder upwards, with a ``.git`` entry (a folder, or the file that a worktree or a
submodule has in its place). ``GIT_CEILING_DIRECTORIES`` is honoured as git honours it: the
search does not go up into a folder it names (nor above one).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Repository:
    """A git work tree's top level and the working folder inside it."""

    top: Path
    cwd: Path

    @classmethod
    def here(cls) -> Repository | None:
        """The work tree holding the working folder, or None outside one."""
        cwd = Path.cwd()
        top = work_tree(cwd)
        return cls(top, cwd) if top is not None else None

    def path(self, shown: str) -> str:
        """``shown`` (a file as findings name it: relative to the working folder, or absolute)
        relative to the top level, with ``/``; a file outside the work tree stays as it is."""
        full = os.path.normpath(self.cwd / shown)
        rel = os.path.relpath(full, self.top)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            return shown
        return Path(rel).as_posix()


def work_tree(start: Path) -> Path | None:
    """The top level of the git work tree holding ``start`` (an absolute folder), or None."""
    ceilings = [
        c for c in _ceilings() if c == start or c in start.parents
    ]  # only ceilings above the start stop the search
    folder = start
    while True:
        if _is_git_entry(folder / ".git"):
            return folder
        parent = folder.parent
        if parent == folder or any(c == parent or c not in parent.parents for c in ceilings):
            return None
        folder = parent


def _ceilings() -> list[Path]:
    value = os.environ.get("GIT_CEILING_DIRECTORIES", "")
    return [Path(p) for p in value.split(os.pathsep) if p and Path(p).is_absolute()]


def _is_git_entry(entry: Path) -> bool:
    """A ``.git`` folder with a ``HEAD``, or a ``.git`` file pointing to one (``gitdir: …``)."""
    try:
        if entry.is_dir():
            return (entry / "HEAD").is_file()
        if entry.is_file():
            with entry.open("rb") as handle:
                return handle.read(8) == b"gitdir: "
    except OSError:
        return False
    return False
