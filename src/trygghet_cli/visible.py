"""Control characters shown as what they are, never sent raw.

A plan's text can hold control characters only through YAML's escapes (``"\\e[2J"``, ``"\\0"``,
``"\\x07"``): the loader replaces them with these pictures and says so (TRY020), so that no
terminal, calendar, web page or CI log acts on a character a plan carries. The renderers use the
same function on what reaches them from elsewhere (file names).
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_NOT_LINE_BREAK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str) -> str:
    """Control characters shown as what they are (``␊`` for a line feed, ``␛`` for escape,
    ``\\x85`` above it): one finding stays one line, and neither a terminal nor a CI log acts
    on a character that a plan's text carries. Tabs stay tabs."""
    return _CONTROL.sub(_picture, text)


def visible_lines(text: str) -> str:
    """:func:`visible` that keeps line feeds: for plan text, whose lines are its own."""
    return _CONTROL_NOT_LINE_BREAK.sub(_picture, text)


def has_control(text: str) -> bool:
    """Whether :func:`visible_lines` would change ``text``."""
    return _CONTROL_NOT_LINE_BREAK.search(text) is not None


def first_control(text: str) -> str:
    """The first control character of ``text`` (which :func:`has_control` found)."""
    match = _CONTROL_NOT_LINE_BREAK.search(text)
    assert match is not None
    return match.group()


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
