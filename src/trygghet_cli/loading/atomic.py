"""Atomic writes: a temporary file in the same folder, then a rename over the target.

An editing command passes what it read (``unchanged_from``), or ``None`` for a file it creates:
just before the rename the target is compared with it, so a file that someone else changed (or
created) in the meantime is never overwritten.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_NEW = object()


class FileChangedError(RuntimeError):
    """The target changed since it was read (or appeared since it was found missing)."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def write_text_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))


def write_bytes_atomic(path: Path, data: bytes, *, unchanged_from: object = _NEW) -> None:
    """Replace ``path`` with ``data`` in one rename.

    With ``unchanged_from`` given, the write happens only if the file still holds exactly those
    bytes (``None``: only if it still does not exist); otherwise :class:`FileChangedError`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(path.stat().st_mode & 0o777 if path.exists() else 0o644)
        if unchanged_from is None:
            _link_new(temporary, path)
            return
        if unchanged_from is not _NEW and _current(path) != unchanged_from:
            raise FileChangedError(path)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _link_new(temporary: Path, path: Path) -> None:
    """Give the finished file its name only if nothing has that name yet."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise FileChangedError(path) from None
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise FileChangedError(path) from None
        temporary.replace(path)


def create_text(path: Path, text: str, *, encoding: str = "utf-8") -> bool:
    """Write a new file, never replacing one: False (and nothing written) when ``path`` exists.

    The content is written to a temporary file first and then linked into place, so the file
    appears complete or not at all, and a file that appeared meanwhile is still left alone.
    """
    if path.exists() or path.is_symlink():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode(encoding))
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(0o644)
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        return True
    finally:
        temporary.unlink(missing_ok=True)
