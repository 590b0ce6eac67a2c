"""Swedish personal identity numbers must never be in a plan: plan files get published.

The whole text of every plan file is scanned, comments included, and every other text file in
the plan folder too (:func:`check_other_files`). What counts as an identity number is
:mod:`trygghet_cli.identity_numbers`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from pathlib import Path

from trygghet_cli.diagnostics import Diagnostic, make
from trygghet_cli.i18n import Text
from trygghet_cli.identity_numbers import find_identity_numbers
from trygghet_cli.loading.plan import SKIP_DIRS
from trygghet_cli.loading.yamlfile import MAX_BYTES

_KINDS = {
    "personnummer": Text("personnummer", "personal identity number (personnummer)"),
    "samordningsnummer": Text("samordningsnummer", "coordination number (samordningsnummer)"),
}


def check_text(text: str, file: str) -> list[Diagnostic]:
    out = []
    for offset, kind, masked in find_identity_numbers(text):
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        out.append(make("TRY301", file, line, column, kind=_KINDS[kind], masked=masked))
    return out


def check_other_files(
    root: Path, done: Collection[Path], shown: Callable[[Path], str]
) -> list[Diagnostic]:
    """Scan every other text file in the plan folder: notes, README, exports.

    "Anywhere in a plan" means more than the files trygg reads: a ``anteckningar.txt`` or a
    stray ``mal.yml`` gets published with the rest. Hidden folders, binary files and files
    larger than a plan file may be are left alone.
    """
    out: list[Diagnostic] = []
    seen = {os.path.normpath(p) for p in done}
    for current, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            path = Path(current) / name
            if name.startswith(".") or os.path.normpath(path) in seen:
                continue
            text = _text_of(path)
            if text is not None:
                out.extend(check_text(text, shown(path)))
    return out


def _text_of(path: Path) -> str | None:
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    if b"\x00" in data:
        return None
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return None
