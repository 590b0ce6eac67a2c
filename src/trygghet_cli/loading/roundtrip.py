"""Round-trip editing of plan files: read with ruamel.yaml, change, write back losing nothing.

Reading keeps the file's bytes, so that a write can tell whether someone else changed the file
in the meantime (:func:`trygghet_cli.loading.atomic.write_bytes_atomic`). The text is decoded as
every plan file is (UTF-8 with or without a byte-order mark, CRLF accepted); the mark and the
line endings are put back on writing.

ruamel.yaml's round-trip mode keeps comments, key order, quoting and flow style. What it would
normalise on its own (spacing inside a line, a plain scalar folded over several lines, another
indentation than the one detected) is not written back either: the new text is a three-way
merge of the original text with the change between ruamel's rendering of the document before
and after the edit (:mod:`trygghet_cli.loading.merge3`), so only the lines the edit touches
change. As a last guard, :meth:`RoundTripFile.render` refuses a result that lost a comment the
edit did not remove on purpose.
"""

from __future__ import annotations

import difflib
import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.representer import RoundTripRepresenter

from trygghet_cli.diagnostics import Diagnostic, make
from trygghet_cli.loading import yamlfile
from trygghet_cli.loading.merge3 import merge3

BOM = "\ufeff"


@dataclass(frozen=True)
class Indent:
    """Block indentation: of mappings, of sequence items, and of the dash within the item."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


CANONICAL = Indent()
"""trygg's canonical form: two spaces per level, sequences indented under their key
(``nyckeltal:`` / ``  - id: ...`` / ``    namn: ...``), as in the examples."""


class LostCommentError(RuntimeError):
    """An edit would have dropped a comment it did not mean to remove."""

    def __init__(self, comment: str) -> None:
        super().__init__(comment)
        self.comment = comment


TIMESTAMP = "tag:yaml.org,2002:timestamp"


class NotADate(str):
    """A plain scalar shaped like a date that no calendar has (``2021-02-30``, ``2021-13-01``).

    ruamel.yaml would fail to read the file; trygg reads it as the text it is, so that
    validation can say where the date is wrong (TRY105) or, where text belongs (``plats``),
    that nothing is, and writes it back plain, as it was written.
    """


class _Constructor(RoundTripConstructor):
    """ruamel.yaml's round-trip constructor, reading an impossible date as :class:`NotADate`."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except (ValueError, OverflowError):
            return NotADate(node.value)


_Constructor.add_constructor(TIMESTAMP, _Constructor.construct_yaml_timestamp)


class _Representer(RoundTripRepresenter):
    """ruamel.yaml's round-trip representer, writing a :class:`NotADate` back plain."""

    def represent_not_a_date(self, value: NotADate) -> Any:
        return self.represent_scalar(TIMESTAMP, str(value))


_Representer.add_representer(NotADate, _Representer.represent_not_a_date)


def make_yaml(indent: Indent = CANONICAL) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.indent(mapping=indent.mapping, sequence=indent.sequence, offset=indent.offset)
    return yaml


def dump(data: Any, indent: Indent = CANONICAL) -> str:
    stream = io.StringIO()
    make_yaml(indent).dump(data, stream)
    return stream.getvalue()


def scalar_text(value: Any) -> str:
    """One value as YAML writes it on a line: plain when it can be, quoted when it must."""
    if isinstance(value, str):
        value = " ".join(value.split())
    text = dump({"k": value})
    assert text.startswith("k: ") and text.endswith("\n"), text
    return text[3:-1]


@dataclass(frozen=True)
class Source:
    """A YAML file's bytes and its text (decoded, LF line endings), before any edit.

    ``endings`` tells, line by line, which lines ended in CRLF: a file that is CRLF throughout
    is written back so, and one with a single CRLF line (a paste from Windows) keeps it on that
    line only, instead of every line being rewritten.
    """

    raw: bytes
    text: str
    bom: bool
    endings: tuple[bool, ...] = ()

    @property
    def crlf(self) -> bool:
        return any(self.endings)

    def encode(self, text: str) -> bytes:
        """``text`` as bytes with the file's own byte-order mark and line endings."""
        if all(self.endings) and self.endings:
            text = text.replace("\n", "\r\n")
        elif any(self.endings):
            text = _with_endings(self.text, self.endings, text)
        return ((BOM if self.bom else "") + text).encode("utf-8")


def _with_endings(before: str, endings: tuple[bool, ...], after: str) -> str:
    """``after`` with each line that is unchanged from ``before`` ending as it did there, and
    new lines ending as most of the file's lines do."""
    old = before.split("\n")
    new = after.split("\n")
    most = sum(endings) * 2 > len(endings)
    crlf = [most] * len(new)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                if i1 + k < len(endings):
                    crlf[j1 + k] = endings[i1 + k]
    return (
        "".join(line + ("\r\n" if crlf[i] else "\n") for i, line in enumerate(new[:-1])) + new[-1]
    )


@dataclass
class RoundTripFile:
    """One plan file opened for editing: its bytes as read, and its data as ruamel sees it."""

    path: Path
    file: str
    source: Source
    data: Any
    indent: Indent
    base: str
    removed_comments: list[str] = field(default_factory=list)

    @property
    def raw(self) -> bytes:
        return self.source.raw

    @property
    def text(self) -> str:
        return self.source.text

    def encode(self, text: str) -> bytes:
        return self.source.encode(text)

    def render(self) -> str:
        """The file's text after the edits, with every untouched line as it was.

        Raises :class:`LostCommentError` if a comment would disappear that the edit did not
        remove on purpose (those in :attr:`removed_comments`).
        """
        edited = dump(self.data, self.indent)
        result = merge3(self.text, self.base, edited)
        if result != edited and not _same_data(result, edited, self.file):
            result = edited  # the merge went wrong: ruamel's rendering is right, if plainer
        lost = Counter(line_comments(self.text)) - Counter(line_comments(result))
        lost -= Counter(c.strip() for c in self.removed_comments)
        if lost:
            raise LostCommentError(sorted(lost)[0])
        return result


def _same_data(text: str, reference: str, file: str) -> bool:
    doc, _ = yamlfile.parse(text, file)
    expected, _ = yamlfile.parse(reference, file)
    return doc is not None and expected is not None and doc.data == expected.data


def read_source(path: Path, file: str) -> tuple[Source | None, list[Diagnostic]]:
    """Read and check a file: ``None`` and the diagnostics when it does not parse."""
    raw, diags = yamlfile.read_bytes(path, file)
    if raw is None:
        return None, diags
    text, diags = yamlfile.decode(raw, file)
    if text is None:
        return None, diags
    # The fast loader has the messages people know, and refuses alias bombs and tags.
    doc, diags = yamlfile.parse(text, file)
    if doc is None:
        return None, diags
    lines = text.split("\n")[:-1]
    endings = tuple(line.endswith("\r") for line in lines)
    return Source(raw, text.replace("\r\n", "\n"), raw.startswith(BOM.encode()), endings), []


def load(text: str, indent: Indent, file: str) -> tuple[Any, list[Diagnostic]]:
    """ruamel.yaml's round-trip data for ``text``, or why it cannot have it (TRY520)."""
    try:
        return make_yaml(indent).load(text), []
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = int(mark.line) + 1 if mark is not None else 1
        column = int(mark.column) + 1 if mark is not None else 1
        problem = str(getattr(exc, "problem", None) or exc).strip()
        return None, [make("TRY520", file, line, column, problem=problem)]


def open_file(path: Path, file: str) -> tuple[RoundTripFile | None, list[Diagnostic]]:
    """Read ``path`` for editing, or the diagnostics that say why it cannot be edited."""
    source, diags = read_source(path, file)
    if source is None:
        return None, diags
    indent = detect_indent(source.text)
    data, diags = load(source.text, indent, file)
    if diags:
        return None, diags
    return (
        RoundTripFile(path, file, source, data, indent, base=dump(data, indent)),
        [],
    )


_KEY_ONLY = re.compile(r"^( *)(?:- +)*[^\s#][^#]*:\s*(?:#.*)?$")
_ITEM = re.compile(r"^( *)(- +)")
_LINE_INDENT = re.compile(r"^( *)(?=\S)")
_BLOCK_START = re.compile(r"(?:^|\s)[|>][1-9+-]*$")


def detect_indent(text: str) -> Indent:
    """The indentation a file uses, so that new lines look like their neighbours.

    Looks at each ``key:`` that opens a block and at the first line of the block below it.
    """
    mapping: Counter[int] = Counter()
    offset: Counter[int] = Counter()
    item_gap: Counter[int] = Counter()
    lines = [
        line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")
    ]
    for line in lines:
        item = _ITEM.match(line)
        if item:
            item_gap[len(item[2])] += 1
    for current, following in itertools.pairwise(lines):
        opener = _KEY_ONLY.match(current)
        if not opener or current.rstrip().endswith(("|", ">", "|-", ">-", "|+", ">+")):
            continue
        key_indent = _key_column(current)
        below = _LINE_INDENT.match(following)
        if below is None:
            continue
        depth = len(below[1]) - key_indent
        if _ITEM.match(following):
            if depth >= 0:
                offset[depth] += 1
        elif depth > 0:
            mapping[depth] += 1
    dash = offset.most_common(1)[0][0] if offset else CANONICAL.offset
    map_indent = mapping.most_common(1)[0][0] if mapping else max(dash, CANONICAL.mapping)
    gap = item_gap.most_common(1)[0][0] if item_gap else 2
    return Indent(mapping=map_indent, sequence=dash + gap, offset=dash)


def _key_column(line: str) -> int:
    """Column of the key on a line, past any ``- `` item markers before it."""
    column = len(line) - len(line.lstrip(" "))
    rest = line[column:]
    while rest.startswith("- "):
        stripped = rest[1:].lstrip(" ")
        column += len(rest) - len(stripped)
        rest = stripped
    return column


def classify(text: str) -> list[tuple[str, str, int | None]]:
    """Each line with its kind (``content``, ``comment``, ``blank``, ``block`` for block scalar
    contents) and where an end-of-line comment starts."""
    out: list[tuple[str, str, int | None]] = []
    block_indent: int | None = None
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped.strip() or indent > block_indent:
                out.append((line, "block" if stripped.strip() else "blank", None))
                continue
            block_indent = None
        if not stripped.strip():
            out.append((line, "blank", None))
            continue
        if stripped.startswith("#"):
            out.append((line, "comment", indent))
            continue
        start = _eol_comment_start(line)
        out.append((line, "content", start))
        code = line[:start].rstrip() if start is not None else line.rstrip()
        if _BLOCK_START.search(code):
            block_indent = indent
    return out


def line_comments(text: str) -> list[str]:
    """The comments in YAML text, as ``# ...`` strings (full-line and end-of-line).

    A ``#`` inside quotes, one not preceded by a space, and block scalar contents are not
    comments.
    """
    return [line[start:].strip() for line, kind, start in classify(text) if start is not None]


def _eol_comment_start(line: str) -> int | None:
    quote: str | None = None
    previous = " "
    i = 0
    while i < len(line):
        char = line[i]
        if quote == "'":
            if char == "'" and line[i + 1 : i + 2] == "'":
                i += 2
                continue
            if char == "'":
                quote = None
        elif quote == '"':
            if char == "\\":
                i += 2
                continue
            if char == '"':
                quote = None
        elif char in "'\"" and previous in " [{,:-":
            quote = char
        elif char == "#" and previous in " \t":
            return i
        previous = char
        i += 1
    return None
