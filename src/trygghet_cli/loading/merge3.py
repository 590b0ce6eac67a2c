"""A line-based three-way merge, as diff3 does it.

``base`` is ruamel.yaml's rendering of a file as read, ``ours`` the file as a person wrote it,
``theirs`` ruamel's rendering after an edit. Where only ``ours`` differs from ``base`` (ruamel
would have normalised something the edit did not touch), the person's lines stay; where only
``theirs`` differs (the edit), the edit goes in. Where both differ on the same lines, the edit
wins: those lines are the ones being edited (but where the person's lines differ only line for
line, their spacing and indentation are kept around the edit).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import NamedTuple


class _Sync(NamedTuple):
    """Lines equal in all three texts: base[o0:o1] == ours[a0:a1] == theirs[b0:b1]."""

    o0: int
    o1: int
    a0: int
    a1: int
    b0: int
    b1: int


def merge3(ours: str, base: str, theirs: str) -> str:
    if base == theirs:
        return ours
    if base == ours:
        return theirs
    o = base.splitlines(keepends=True)
    a = ours.splitlines(keepends=True)
    b = theirs.splitlines(keepends=True)
    out: list[str] = []
    io = ia = ib = 0
    for sync in _sync_regions(o, a, b):
        out.extend(_choose(o[io : sync.o0], a[ia : sync.a0], b[ib : sync.b0]))
        out.extend(a[sync.a0 : sync.a1])
        io, ia, ib = sync.o1, sync.a1, sync.b1
    return "".join(out)


def _choose(o: list[str], a: list[str], b: list[str]) -> list[str]:
    if a == o:
        return b
    if b == o or a == b:
        return a
    if len(a) == len(o):
        return _line_by_line(o, a, b)
    return b


def _line_by_line(o: list[str], a: list[str], b: list[str]) -> list[str]:
    """Both sides changed lines here, but ``ours`` only line for line (its own spacing or
    indentation): keep its lines where the edit did not change ``base``, and take the edit's
    lines elsewhere, shifted by the indentation ``ours`` has there."""
    out: list[str] = []
    delta = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, o, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(a[i1:i2])
            delta = _indent(a[i2 - 1]) - _indent(o[i2 - 1])
            continue
        if i2 > i1:
            delta = _indent(a[i1]) - _indent(o[i1])
        out.extend(_shift(line, delta) for line in b[j1:j2])
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _shift(line: str, delta: int) -> str:
    if not line.strip() or delta == 0:
        return line
    if delta > 0:
        return " " * delta + line
    return line[min(-delta, _indent(line)) :]


def _sync_regions(o: list[str], a: list[str], b: list[str]) -> list[_Sync]:
    """Stretches of ``o`` that both ``a`` and ``b`` kept unchanged, in order, then the end."""
    with_a = SequenceMatcher(None, o, a, autojunk=False).get_matching_blocks()
    with_b = SequenceMatcher(None, o, b, autojunk=False).get_matching_blocks()
    regions: list[_Sync] = []
    i = j = 0
    while i < len(with_a) and j < len(with_b):
        oa, aa, na = with_a[i]
        ob, bb, nb = with_b[j]
        start, end = max(oa, ob), min(oa + na, ob + nb)
        if start < end:
            regions.append(
                _Sync(start, end, aa + start - oa, aa + end - oa, bb + start - ob, bb + end - ob)
            )
        if oa + na < ob + nb:
            i += 1
        else:
            j += 1
    regions.append(_Sync(len(o), len(o), len(a), len(a), len(b), len(b)))
    return regions
