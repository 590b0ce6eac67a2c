"""Atomic writes that never overwrite someone else's change."""

from __future__ import annotations

from pathlib import Path

import pytest

from trygghet_cli.loading.atomic import FileChangedError, write_bytes_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_write_replaces_the_file_it_read(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    write_bytes_atomic(path, b"new\n", unchanged_from=b"old\n")
    assert path.read_bytes() == b"new\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_a_changed_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"someone else's\n")
    with pytest.raises(FileChangedError) as caught:
        write_bytes_atomic(path, b"mine\n", unchanged_from=b"old\n")
    assert caught.value.path == path
    assert path.read_bytes() == b"someone else's\n"
    assert leftovers(tmp_path) == []


def test_a_new_file_is_created_only_if_it_still_does_not_exist(tmp_path: Path) -> None:
    path = tmp_path / "moten" / "2021-06-01-lokala-bra.yaml"
    write_bytes_atomic(path, b"first\n", unchanged_from=None)
    assert path.read_bytes() == b"first\n"
    with pytest.raises(FileChangedError):
        write_bytes_atomic(path, b"second\n", unchanged_from=None)
    assert path.read_bytes() == b"first\n"
    assert leftovers(path.parent) == []


def test_a_file_removed_meanwhile_is_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    with pytest.raises(FileChangedError):
        write_bytes_atomic(path, b"mine\n", unchanged_from=b"old\n")
    assert not path.exists()
