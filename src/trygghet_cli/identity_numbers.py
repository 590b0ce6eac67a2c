"""Swedish personal identity numbers: recognising them, and masking them in what trygg prints.

A personnummer is ÅÅMMDD-NNNK (or ÅÅÅÅMMDDNNNK) whose check digit K is the Luhn (modulus 10,
weights 2-1-2...) digit of the nine digits before it; a samordningsnummer is the same with 60
added to the day.

A ten-digit run without a separator that begins with 0 is left alone: it is far more often a
telephone number (0701234567) than a personnummer.

The forms people type are all found: ``19121212-1212``, ``121212–1212`` (an en dash from a
word processor), ``19121212 1212``, ``pn-121212-1212``.

The rule that finds them in a plan is :mod:`trygghet_cli.checks.personal_data`; every message
and hint trygg prints goes through :func:`mask_identity_numbers`, so a number typed as a key or
a reference is not repeated in full in a CI log by the finding about that key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

_GAP = r"[ \t\u00a0\u2007\u2009\u202f]{0,2}"
"""Spaces a number may be typed with: ordinary, no-break, figure, thin and narrow ones."""
_DASH = r"[-+\u2010-\u2015\u2212\ufe58\ufe63\uff0b\uff0d]"
"""A hyphen, plus, en or em dash, minus sign, or their full-width forms."""
_PATTERN = re.compile(
    r"(?<!\d)(?P<century>18|19|20)?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    rf"(?P<sep>{_GAP}{_DASH}?{_GAP})(?P<nnn>\d{{3}})(?P<k>\d)(?!\d)"
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
    """(offset, kind, masked) for every valid personnummer or samordningsnummer in ``text``.

    Written with or without the century, with a hyphen, a plus, any dash or spaces between
    the date and the last four digits, or run together; a letter or a dash just before it does
    not hide it (``pn-121212-1212``). ``masked`` is the number as written with its last four
    digits replaced by ``****``, as long as the number.
    """
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
        yield m.start(), kind, m[0][:-4] + "****"


def mask_identity_numbers(text: str) -> str:
    """``text`` with the last four digits of every identity number in it replaced by ``****``.

    The one mask: whatever trygg prints or writes for others to read passes through it (see
    :mod:`trygghet_cli.cli.published`).
    """
    found = list(find_identity_numbers(text))
    for offset, _kind, masked in reversed(found):  # the masked form is as long as the number
        text = text[:offset] + masked + text[offset + len(masked) :]
    return text
