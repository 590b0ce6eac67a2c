"""The one writer: a temporary file in the same folder, then a rename over the target.

Every file trygg writes goes through here, so each promise is kept in one place:

* **Whole or untouched.** The data goes to a temporary file that is renamed over the target.
* **No lost change.** An editing command passes what it read (``unchanged_from``), or ``None``
  for a file it creates: just before the rename the target is compared with it, so a file that
  someone else changed (or created) in the meantime is never overwritten. Editing commands
  compare and rename while holding :func:`plan_lock`, so two trygg processes cannot both pass
  the comparison and lose one change, however the renames are delayed.
* **No write through a link.** The rename replaces a symbolic link standing at the target; it
  never writes to the file the link points to.
* **No folder where none was asked for.** A missing folder is created only one level below
  one that exists, or anywhere below the folder ``below`` that a command writes a tree into.
* **A read-only file is not replaced** (:class:`ReadOnlyFileError`).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_NEW = object()
LOCK_SECONDS = 30.0
"""How long an edit waits for another trygg that is writing the same plan."""


class FileChangedError(RuntimeError):
    """The target changed since it was read (or appeared since it was found missing)."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class ReadOnlyFileError(PermissionError):
    """The target is a file without write permission: someone made it read-only on purpose."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, "read-only file", str(path))
        self.path = path


class PlanLockedError(RuntimeError):
    """Another trygg held the plan's lock for longer than :data:`LOCK_SECONDS`."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def ensure_folder(folder: Path, below: Path | None = None) -> None:
    """Make ``folder`` exist: created only one level below a folder that exists, or anywhere
    below ``below``. A link standing where a folder below ``below`` should be is replaced by
    the folder, so that nothing is written through it.

    Raises :class:`FileNotFoundError` (``ENOENT``) naming the missing folder otherwise.
    """
    if below is not None and (below == folder or below in folder.parents):
        ensure_folder(below)
        current = below
        for part in folder.relative_to(below).parts:
            current = current / part
            if current.is_symlink():
                current.unlink()
            if not current.exists():
                current.mkdir()
            elif not current.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(current))
        return
    if folder.is_dir():
        return
    chain = [folder, *folder.parents]
    at = next(i for i, p in enumerate(chain) if p.exists() or p.is_symlink() or i == len(chain) - 1)
    if chain[at].exists() and not chain[at].is_dir():  # a file where a folder is needed
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(chain[at]))
    if at == 1:
        folder.mkdir()
        return
    missing = chain[max(at - 1, 0)]
    raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(missing))


def write_text_atomic(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))


def write_bytes_atomic(
    path: Path, data: bytes, *, unchanged_from: object = _NEW, below: Path | None = None
) -> None:
    """Replace ``path`` with ``data`` in one rename.

    With ``unchanged_from`` given, the write happens only if the file still holds exactly those
    bytes (``None``: only if it still does not exist); otherwise :class:`FileChangedError`.
    """
    ensure_folder(path.parent, below)
    mode = _replaceable_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(mode)
        if unchanged_from is None:
            _link_new(temporary, path)
            return
        if unchanged_from is not _NEW and _current(path) != unchanged_from:
            raise FileChangedError(path)
        _rename(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _rename(temporary: Path, path: Path) -> None:
    """The rename itself (a link at ``path`` is replaced, not followed); tests delay it."""
    temporary.replace(path)


def _replaceable_mode(path: Path) -> int:
    """The mode the new file gets: the old file's, if it is one (not a link); 0o644 else."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return 0o644
    if not stat.S_ISREG(info.st_mode):
        return 0o644
    if not info.st_mode & 0o222:
        raise ReadOnlyFileError(path)
    return info.st_mode & 0o777


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
        if path.exists() or path.is_symlink():
            raise FileChangedError(path) from None
        _rename(temporary, path)


def create_file(path: Path, data: bytes, *, below: Path | None = None) -> bool:
    """Write a new file, never replacing one: False (and nothing written) when ``path`` exists.

    :func:`write_bytes_atomic` with ``unchanged_from=None``: the file appears complete or not
    at all, and a file that appeared meanwhile is still left alone.
    """
    if path.exists() or path.is_symlink():
        return False
    try:
        write_bytes_atomic(path, data, unchanged_from=None, below=below)
    except FileChangedError:
        return False
    return True


@contextmanager
def plan_lock(root: Path) -> Iterator[None]:
    """Hold the plan's lock: an OS lock on the plan's folder itself, so nothing is left behind
    and a killed trygg releases it. Other trygg processes that write the plan wait for it (at
    most :data:`LOCK_SECONDS`, then :class:`PlanLockedError`)."""
    try:
        import fcntl
    except ImportError:  # Windows: a lock file beside the plan's files
        with _lock_file(root):
            yield
        return
    fd = os.open(root, os.O_RDONLY)
    try:
        deadline = time.monotonic() + LOCK_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise PlanLockedError(root) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def _lock_file(root: Path) -> Iterator[None]:
    lock = root / ".trygg.lock"
    deadline = time.monotonic() + LOCK_SECONDS
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                raise PlanLockedError(root) from None
            time.sleep(0.05)
    try:
        yield
    finally:
        os.close(fd)
        lock.unlink(missing_ok=True)
