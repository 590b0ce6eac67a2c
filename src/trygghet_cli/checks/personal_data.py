"""Swedish personal identity numbers must never be in a plan: plan files get published.

A personnummer is ÅÅMMDD-NNNK (or ÅÅÅÅMMDDNNNK) whose check digit K is the Luhn (modulus 10,
weights 2-1-2...) digit of the nine digits before it; a samordningsnummer is the same with 60
added to the day. The whole text is scanned, comments included.

A ten-digit run without a separator that begins with 0 is left alone: it is far more often a
telephone number (0701234567) than a personnummer.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Iterator
from datetime import date
from pathlib import Path

from trygghet_cli.diagnostics import Diagnostic, make
from trygghet_cli.i18n import Text
from trygghet_cli.loading.plan import SKIP_DIRS
from trygghet_cli.loading.yamlfile import MAX_BYTES

_PATTERN = re.compile(
    r"(?<![\d-])(?P<century>18|19|20)?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+]?)(?P<nnn>\d{3})(?P<k>\d)(?!\d)"
)
_QUICK = re.compile(r"\d\d\d\d\d\d")  # six digits in a row; faster than \d{6}


def luhn_digit(digits: str) -> int:
    """The check digit for ``digits`` (Skatteverket's modulus-10 method)."""
    total = 0
    for i, ch in enumerate(digits):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def _valid_day(century: str | None, yy: str, mm: str, dd: int) -> bool:
    centuries = [century] if century else ["19", "20", "18"]
    for c in centuries:
        try:
            date(int(c + yy), int(mm), dd)
            return True
        except ValueError:
            continue
    return False


def find_identity_numbers(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, kind, masked) for every valid personnummer or samordningsnummer in ``text``."""
    if not _QUICK.search(text):
        return
    for m in _PATTERN.finditer(text):
        if not m["century"] and not m["sep"] and m["yy"].startswith("0"):
            continue
        day = int(m["dd"])
        kind = "personnummer"
        if day > 60:
            day -= 60
            kind = "samordningsnummer"
        if not _valid_day(m["century"], m["yy"], m["mm"], day):
            continue
        nine = m["yy"] + m["mm"] + m["dd"] + m["nnn"]
        if luhn_digit(nine) != int(m["k"]):
            continue
        masked = f"{m['century'] or ''}{m['yy']}{m['mm']}{m['dd']}{m['sep'] or ''}****"
        yield m.start(), kind, masked


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
