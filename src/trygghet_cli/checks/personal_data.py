"""Swedish personal identity numbers must never be in a plan: plan files get published.

Everything in the plan folder is scanned with the one detector,
:mod:`trygghet_cli.identity_numbers`:

* the whole text of every plan file, comments included (:func:`check_text`), and its values as
  YAML decodes them (:func:`check_values`: ``"19121212\\u002D1212"`` is a number once decoded,
  and so is one folded over two lines); a plan file that is not UTF-8 is scanned as the
  8-bit text it probably is (:func:`check_bytes`);
* every other text file (:func:`check_other_files`), whatever its size, in UTF-8, UTF-16 or an
  8-bit encoding, read a piece at a time; binary files are left alone;
* every file and folder name (TRY302): names end up in CI logs, JUnit class names and the
  export.

Symbolic links and special files are not followed or read.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from trygghet_cli.diagnostics import Diagnostic, make
from trygghet_cli.i18n import Text
from trygghet_cli.identity_numbers import find_identity_numbers
from trygghet_cli.loading.plan import (
    SKIP_DIRS,
    is_plan_candidate,
    leftover_temporary,
    link_out_of,
)

_KINDS = {
    "personnummer": Text("personnummer", "personal identity number (personnummer)"),
    "samordningsnummer": Text("samordningsnummer", "coordination number (samordningsnummer)"),
}
RULES = ("TRY301", "TRY302")
"""The findings of an identity number: a plan with one gets no calendar, brief or export."""
CHUNK = 1 << 20
"""Other files are read a mebibyte at a time: a large log is scanned, never held whole."""
_OVERLAP = 64
"""Characters carried from one piece to the next, more than any written number is long."""


def identity_findings(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The findings among ``diagnostics`` that say a plan holds an identity number."""
    return [d for d in diagnostics if d.rule in RULES]


def check_text(text: str, file: str) -> list[Diagnostic]:
    out = []
    for offset, kind, masked in find_identity_numbers(text):
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        out.append(make("TRY301", file, line, column, kind=_KINDS[kind], masked=masked))
    return out


_SPLIT = re.compile(r"\d{6}[^\S\n]*[-+\u2010-\u2015\u2212]?[^\S\n]*\r?\n")
"""Six digits in a row at the end of a line: a number a folded text may join with the next."""


def needs_values(text: str) -> bool:
    """Whether a file's decoded values can hold a number its text does not show as one: an
    escape in a double-quoted text, or a number split over two lines."""
    return "\\" in text or _SPLIT.search(text) is not None


def check_values(root: Any, file: str, found: list[Diagnostic]) -> list[Diagnostic]:
    """Numbers in the decoded keys and values of a YAML node tree that ``found`` (the scan of
    the raw text) has not already reported on the same lines."""
    seen_lines = {d.line for d in found}
    out: list[Diagnostic] = []
    for node in _scalars(root):
        value = node.value
        if not isinstance(value, str):
            continue
        first, last = node.start_mark.line + 1, node.end_mark.line + 1
        if any(line in seen_lines for line in range(first, last + 1)):
            continue
        for _offset, kind, masked in find_identity_numbers(" ".join(value.split())):
            out.append(
                make(
                    "TRY301",
                    file,
                    first,
                    node.start_mark.column + 1,
                    kind=_KINDS[kind],
                    masked=masked,
                )
            )
    return out


def _scalars(root: Any) -> Iterator[Any]:
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        value = node.value
        if isinstance(value, list):
            for item in value:
                stack.extend(item if isinstance(item, tuple) else (item,))
        else:
            yield node


def check_bytes(data: bytes, file: str) -> list[Diagnostic]:
    """Scan a plan file that could not be decoded as UTF-8 (it is reported for that too)."""
    encoding = _encoding(data[:CHUNK])
    if encoding is None:
        return []
    return check_text(data.decode(encoding, errors="replace"), file)


def check_other_files(
    root: Path, done: Collection[Path], shown: Callable[[Path], str]
) -> list[Diagnostic]:
    """Scan every other text file in the plan folder (notes, README, exports), and every name.

    "Anywhere in a plan" means more than the files trygg reads: an ``anteckningar.txt`` or a
    stray ``mal.yml`` gets published with the rest. Hidden folders and binary files are left
    alone; links and special files are not read.
    """
    out: list[Diagnostic] = []
    seen = {os.path.normpath(p) for p in done}
    for current, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in [*dirs, *sorted(files)]:
            path = Path(current) / name
            out.extend(_check_name(path, name, shown))
            if not is_plan_candidate(root, path):  # plan_files reports those
                link = link_out_of(root, path)
                if link is not None:
                    out.append(replace(link, file=shown(path)))
        for name in sorted(files):
            path = Path(current) / name
            leftover = leftover_temporary(path, shown(path))
            if leftover is not None:
                out.append(leftover)
            if name.startswith(".") or os.path.normpath(path) in seen:
                continue
            out.extend(_scan_file(path, shown(path)))
    return out


def _check_name(path: Path, name: str, shown: Callable[[Path], str]) -> list[Diagnostic]:
    return [
        make("TRY302", shown(path), 1, 1, kind=_KINDS[kind], masked=masked)
        for _offset, kind, masked in find_identity_numbers(name)
    ]


def _scan_file(path: Path, file: str) -> list[Diagnostic]:
    """The numbers in one file, read a piece at a time; nothing for a binary or special file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return []
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return []
        head = handle.read(CHUNK)
        encoding = _encoding(head)
        if encoding is None:
            return []
        try:
            return _scan_pieces(handle, head, encoding, file, "strict")
        except UnicodeDecodeError:  # not UTF-8 after all: an 8-bit text
            handle.seek(0)
            return _scan_pieces(handle, handle.read(CHUNK), "cp1252", file, "replace")


def _scan_pieces(
    handle: Any, head: bytes, encoding: str, file: str, errors: str
) -> list[Diagnostic]:
    decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    out: list[Diagnostic] = []
    text = ""
    start = 0  # where in ``text`` the scan goes on (what is before it is context)
    line, column = 1, 1  # of ``text[start]``
    data = head
    while True:
        final = len(data) < CHUNK
        text += decoder.decode(data, final=final)
        cut = len(text) if final else max(start, len(text) - _OVERLAP)
        for offset, kind, masked in find_identity_numbers(text):
            if start <= offset < cut or (final and offset >= start):
                before = text.count("\n", start, offset)
                at = offset - (text.rfind("\n", start, offset) + 1) + 1
                out.append(
                    make(
                        "TRY301",
                        file,
                        line + before,
                        (column + offset - start) if before == 0 else at,
                        kind=_KINDS[kind],
                        masked=masked,
                    )
                )
        if final:
            return out
        newlines = text.count("\n", start, cut)
        column = column + cut - start if newlines == 0 else cut - text.rfind("\n", start, cut)
        line += newlines
        keep = max(cut - _OVERLAP, 0)  # context before the cut, for the scan's look-behind
        text, start = text[keep:], cut - keep
        data = handle.read(CHUNK)


def _encoding(head: bytes) -> str | None:
    """The encoding a file's first bytes show, or None for a binary file."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" not in head:
        return "utf-8"
    sample = head[:4096]
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None
