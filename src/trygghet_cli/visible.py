"""Control characters shown as what they are, never sent raw.

A plan's text can hold control characters only through YAML's escapes (``"\\e[2J"``, ``"\\0"``,
``"\\x07"``): the loader replaces them with these pictures and says so (TRY020), so that no
terminal, calendar, web page or CI log acts on a character a plan carries. The renderers use the
same function on what reaches them from elsewhere (file names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trygghet_cli.i18n import Text

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


@dataclass(frozen=True)
class Lookalike:
    """A character that looks like another one (or like nothing) in a value: text pasted from
    Word or a web page carries them, and a value that looks right is then refused."""

    name: Text
    looks_like: Text | None
    """What it looks like; None when it cannot be seen at all."""


_LOOKALIKES: dict[str, Lookalike] = {
    "\u00a0": Lookalike(
        Text("ett hårt mellanslag", "a non-breaking space"),
        Text("ett vanligt mellanslag", "an ordinary space"),
    ),
    "\u202f": Lookalike(
        Text("ett smalt hårt mellanslag", "a narrow non-breaking space"),
        Text("ett vanligt mellanslag", "an ordinary space"),
    ),
    "\u2007": Lookalike(
        Text("ett siffermellanslag", "a figure space"),
        Text("ett vanligt mellanslag", "an ordinary space"),
    ),
    "\u2009": Lookalike(
        Text("ett smalt mellanslag", "a thin space"),
        Text("ett vanligt mellanslag", "an ordinary space"),
    ),
    "\u200b": Lookalike(Text("ett osynligt mellanslag", "a zero-width space"), None),
    "\u200c": Lookalike(Text("ett osynligt tecken", "an invisible character"), None),
    "\u200d": Lookalike(Text("ett osynligt tecken", "an invisible character"), None),
    "\u2060": Lookalike(Text("ett osynligt tecken", "an invisible character"), None),
    "\ufeff": Lookalike(Text("ett osynligt tecken", "an invisible character"), None),
    "\u00ad": Lookalike(Text("ett mjukt bindestreck", "a soft hyphen"), None),
    "\u2010": Lookalike(
        Text("ett typografiskt bindestreck", "a typographic hyphen"),
        Text("ett bindestreck (-)", "a hyphen (-)"),
    ),
    "\u2011": Lookalike(
        Text("ett hårt bindestreck", "a non-breaking hyphen"),
        Text("ett bindestreck (-)", "a hyphen (-)"),
    ),
    "\u2012": Lookalike(
        Text("ett siffertankstreck", "a figure dash"), Text("ett bindestreck (-)", "a hyphen (-)")
    ),
    "\u2013": Lookalike(
        Text("ett tankstreck (–)", "an en dash (–)"), Text("ett bindestreck (-)", "a hyphen (-)")
    ),
    "\u2212": Lookalike(
        Text("ett minustecken (−)", "a minus sign (−)"),
        Text("ett bindestreck (-)", "a hyphen (-)"),
    ),
}


def lookalike_hint(text: str) -> Text | None:
    """What a value's first lookalike character is and where it stands, or None."""
    index = next((i for i, c in enumerate(text) if c in _LOOKALIKES), None)
    if index is None:
        return None
    char = text[index]
    found = _LOOKALIKES[char]
    code = f"U+{ord(char):04X}"
    before = text[:index].strip()[-20:]
    where = (
        Text(f"efter '{before}'", f"after '{before}'")
        if before
        else Text("först i värdet", "at the start of the value")
    )
    seen = (
        Text(
            f"det ser ut som {found.looks_like.sv} men är ett annat tecken",
            f"it looks like {found.looks_like.en} but is another character",
        )
        if found.looks_like is not None
        else Text("det syns inte men finns där", "it cannot be seen but is there")
    )
    return Text(
        f"Värdet har {found.name.sv} ({code}) {where.sv}: {seen.sv}. Ta bort det eller skriv om "
        "värdet med tangentbordet (sådana tecken följer ofta med när text klistras in från Word "
        "eller en webbsida).",
        f"The value has {found.name.en} ({code}) {where.en}: {seen.en}. Remove it or type the "
        "value again (such characters often come along when text is pasted from Word or a web "
        "page).",
    )
