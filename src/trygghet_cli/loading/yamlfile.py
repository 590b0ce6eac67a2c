"""Read one YAML file into plain data, keeping the position of every value.

The hot path of ``trygg validate``: libyaml's C composer builds a node tree that knows the line
and column of every value, and a small walker turns it into Python data. No constructor runs, so
no tag in a file can run code. Scalars are typed by the YAML 1.2 core schema, as editors and
JSON Schema validators read them: ``yes`` and ``2021-03-02`` stay text, ``0180`` is a number.

Everything that can go wrong with a file becomes a :class:`~trygghet_cli.diagnostics.Diagnostic`:
bytes that are not UTF-8, syntax errors, tabs, duplicate keys, tags, alias bombs and absurd
nesting. A UTF-8 byte-order mark and CRLF line endings are accepted.

There are two paths through a file, with the same result. The fast path composes with a
composer whose tag resolver does no work (the walker types scalars itself, so PyYAML's YAML 1.1
regular expressions on every scalar were wasted) and converts the tree with a lean walker that
gives up at the first thing that is not plain data: a tag, a merge key, a duplicate key, a key
that is not text, deep nesting, or a file with an anchor in it. The careful walker then does the
whole file and reports what it found. ``reference=True`` takes PyYAML's own loader and the
careful walker for every file; a test proves both paths give the same findings.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trygghet_cli.diagnostics import Diagnostic, make, pointer_text
from trygghet_cli.i18n import Text
from trygghet_cli.visible import first_control, has_control, visible, visible_lines
from trygghet_cli.wording import number_text

try:
    from yaml import CSafeLoader as _Loader
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - libyaml is part of every PyYAML wheel we support
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


MAX_BYTES = 1_000_000
MAX_DEPTH = 64
MAX_ALIAS_EXPANSION = 10_000

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    _TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge")
}
_MERGE = _TAG + "merge"
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# The core schema's number forms, tried in this order; the first that matches all of the text
# types it (an int is also a float by the float pattern, so int comes first).
_TYPED = re.compile(
    r"(?P<int>[-+]?[0-9]+)"
    r"|(?P<oct>0o[0-7]+)"
    r"|(?P<hex>0x[0-9a-fA-F]+)"
    r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)"
    r"|(?P<inf>[-+]?\.(?:inf|Inf|INF))"
    r"|(?P<nan>\.(?:nan|NaN|NAN))"
)
_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")

_STR_TAG = _TAG + "str"
_MAP_TAG = _TAG + "map"
_SEQ_TAG = _TAG + "seq"


def _resolve(kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
    """Tags for untagged nodes, without PyYAML's YAML 1.1 regular expressions.

    Scalars are typed by the walker (:func:`_plain`), so a scalar's tag only says whether it
    was tagged in the file. A plain ``<<`` keeps PyYAML's merge tag, since the walker looks at
    it. The constants are returned as they are, so the fast walker can compare them by
    identity; a tag written in the file is another string object and sends the node to the
    careful walker.
    """
    if kind is ScalarNode:
        if implicit[0] and value == "<<":
            return _MERGE
        return _STR_TAG
    return _MAP_TAG if kind is MappingNode else _SEQ_TAG


_NO_PATH_RESOLVERS: dict[object, object] = {}

_EXPLICIT_KEY = re.compile(r"(?:^|[\s\[\]{},])\?(?:\s|$)")
"""A ``?`` that may start an explicit key. libyaml reads ``? a`` followed by a tagged key
(``!!str b:``) as a key whose value is an empty string, PyYAML as one with no value; a text
with an explicit key takes PyYAML's parser so that both paths agree. Plans hardly use them."""


class _FastLoader(_Parser):
    """libyaml's composer with a resolver that does no work and no path resolvers."""

    resolve = staticmethod(_resolve)
    descend_resolver = staticmethod(_NO_PATH_RESOLVERS.get)  # builtins: no Python frame per node
    ascend_resolver = staticmethod(int)


class _NotPlain(Exception):
    """The fast walker met something only the careful walker handles."""


@dataclass
class YamlDocument:
    """One parsed file: its data, and the node tree that knows where each value stands."""

    file: str
    text: str
    root: Node
    data: Any

    def node_at(self, path: Sequence[str | int]) -> tuple[Node, Node | None, int]:
        """The deepest node on ``path``, its key node (for a mapping value) and how far it got."""
        node: Node = self.root
        key_node: Node | None = None
        depth = 0
        for part in path:
            nxt: Node | None = None
            if isinstance(node, MappingNode) and isinstance(part, str):
                for k, v in reversed(node.value):
                    if isinstance(k, ScalarNode) and k.value == part:
                        key_node, nxt = k, v
                        break
            elif (
                isinstance(node, SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                key_node, nxt = None, node.value[part]
            if nxt is None:
                break
            node = nxt
            depth += 1
        return node, key_node, depth

    def position(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value at ``path`` (of its key with ``key=True``).

        When the path does not exist, the position of the deepest part that does.
        """
        node, key_node, depth = self.node_at(path)
        if (key and key_node is not None and depth == len(path)) or (
            depth < len(path) and key_node is not None and isinstance(node, MappingNode)
        ):
            node = key_node
        mark = node.start_mark
        return mark.line + 1, mark.column + 1

    def raw(self, path: Sequence[str | int]) -> str | None:
        """The value at ``path`` as written in the file, for scalars."""
        node, _, depth = self.node_at(path)
        if depth == len(path) and isinstance(node, ScalarNode):
            return str(node.value)
        return None


def decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 bytes (with or without a byte-order mark) to text, or a diagnostic."""
    if len(data) > MAX_BYTES:
        return None, [too_large(file, len(data))]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        bad = f"{data[exc.start]:02X}"
        return None, [make("TRY004", file, line, column, byte=bad, byte_column=column)]
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, []
    return _composed(text, file)


def _composed(text: str, file: str) -> tuple[str, list[Diagnostic]]:
    """A text with decomposed letters (``a`` + combining ring) as the letters (``å``): keys
    and ids match, and a warning says where the first one was (TRY018)."""
    mark = next((i for i, ch in enumerate(text) if unicodedata.combining(ch)), 1)
    letter = max(mark - 1, 0)  # the letter the first accent belongs to
    line = text.count("\n", 0, letter) + 1
    column = letter - text.rfind("\n", 0, letter)
    composed = unicodedata.normalize("NFC", text)
    return composed, [make("TRY018", file, line, column)]


def too_large(file: str, size: int, limit: int = MAX_BYTES) -> Diagnostic:
    return make("TRY014", file, 1, 1, size=number_text(size), limit=number_text(limit))


def read_bytes(
    path: Path, file: str, limit: int = MAX_BYTES
) -> tuple[bytes | None, list[Diagnostic]]:
    """The bytes of a regular file, or a diagnostic that says why it cannot be read.

    Devices, pipes and folders are refused before anything is read (the file is opened without
    waiting, and checked again once open, so one swapped in between is refused too), and no
    more than ``limit`` bytes are read, so a link to ``/dev/zero`` or a named pipe cannot hang
    trygg or fill memory. Every command reads through here.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, [make("TRY012", file, 1, 1, reason=_not_regular(info.st_mode))]
        if info.st_size > limit:
            return None, [too_large(file, info.st_size, limit)]
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            opened = os.fstat(handle.fileno())
            if not stat.S_ISREG(opened.st_mode):
                return None, [make("TRY012", file, 1, 1, reason=_not_regular(opened.st_mode))]
            data = handle.read(limit + 1)
    except OSError as exc:
        return None, [make("TRY012", file, 1, 1, reason=os_reason(exc))]
    if len(data) > limit:
        return None, [too_large(file, len(data), limit)]
    return data, []


def _not_regular(mode: int) -> Text:
    return _FOLDER if stat.S_ISDIR(mode) else _NOT_REGULAR


_FOLDER = Text("det är en mapp", "it is a folder")
_NOT_REGULAR = Text("det är ingen vanlig fil", "it is not a regular file")
_OS_REASONS = {
    errno.ENOENT: Text("filen finns inte", "the file does not exist"),
    errno.EACCES: Text("du saknar läsrätt till filen", "you may not read the file"),
    errno.EPERM: Text("du saknar läsrätt till filen", "you may not read the file"),
    errno.EISDIR: Text("det är en mapp", "it is a folder"),
    errno.ELOOP: Text("för många symboliska länkar i rad", "too many symbolic links in a row"),
    errno.ENAMETOOLONG: Text("sökvägen är för lång", "the path is too long"),
}


def os_reason(exc: OSError, reasons: Mapping[int, Text] = _OS_REASONS) -> Text:
    """Why the system refused, in Swedish and English: from ``reasons`` by error number (the
    reasons a read fails, by default), else the system's own words."""
    known = reasons.get(exc.errno or 0)
    if known is not None:
        return known
    reason = exc.strerror or str(exc)
    return Text(reason, reason)


def read_file(path: Path, file: str) -> tuple[str | None, list[Diagnostic]]:
    data, diags = read_bytes(path, file)
    if data is None:
        return None, diags
    return decode(data, file)


def parse(
    text: str, file: str, *, reference: bool = False
) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Compose ``text`` and convert it to data. Returns the document or the diagnostics.

    ``reference=True`` takes the reference path (PyYAML's loader, the careful walker); the
    result is the same, only slower.
    """
    if not reference and "?" in text and _EXPLICIT_KEY.search(text):
        reference = True  # libyaml and PyYAML part ways on some explicit keys: take PyYAML's
    loader = _Loader(text) if reference else _FastLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.composer.ComposerError as exc:
        if "single document" in str(exc.context):
            mark = exc.problem_mark
            return None, [make("TRY013", file, _line(mark), _col(mark))]
        return None, [_syntax(exc, text, file)]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax(exc, text, file)]
    except yaml.YAMLError as exc:
        return None, [_reader_error(exc, text, file)]
    finally:
        loader.dispose()
    if root is None:
        return None, [make("TRY005", file, 1, 1)]
    # Only an escape in double quotes can put a control character in a value ('\\e'): the
    # reader refuses them written as they are.
    warnings = _control_characters(root, file) if "\\" in text else []
    if not reference and "&" not in text:  # without an anchor there is no alias
        try:
            return YamlDocument(file, text, root, _plain_data(root, 0)), warnings
        except _NotPlain:
            pass
    walker = _Walker(file, text)
    data = walker.convert(root, 0, ())
    if walker.diagnostics:
        return None, walker.diagnostics
    return YamlDocument(file, text, root, data), warnings


def _control_characters(root: Node, file: str) -> list[Diagnostic]:
    """Every double-quoted scalar (key or value) with a control character is read as its
    picture (``\\e`` as ``␛``, see :mod:`trygghet_cli.visible`), with a warning (TRY020): no
    output of trygg carries a plan's control character raw."""
    found: list[Diagnostic] = []
    seen: set[int] = set()
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            if node.style == '"' and has_control(node.value):
                first = first_control(node.value)
                node.value = visible_lines(node.value)
                mark = node.start_mark
                found.append(
                    make(
                        "TRY020",
                        file,
                        mark.line + 1,
                        mark.column + 1,
                        code=f"U+{ord(first):04X}",
                        shown=visible(first),
                    )
                )
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                stack.extend((value, key))
    return sorted(found, key=lambda d: (d.line, d.column))


def load(
    path: Path, file: str, *, reference: bool = False
) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Read, decode and parse one file."""
    text, diags = read_file(path, file)
    if text is None:
        return None, diags
    return parse(text, file, reference=reference)


def _plain_data(node: Any, depth: int) -> Any:
    """The fast walker: plain data from a tree of untagged nodes, or :class:`_NotPlain`.

    It finds nothing to report: whatever the careful walker would look at twice (tags, merge
    keys, duplicate keys, keys that are not text, nesting past :data:`MAX_DEPTH`) makes it give
    up, and the careful walker starts over. Aliases cannot occur: the caller only uses it for
    text without an anchor. Scalars are converted inline, since most nodes are scalars.
    """
    if depth > MAX_DEPTH:
        raise _NotPlain
    cls = node.__class__
    if cls is ScalarNode:
        if node.tag is not _STR_TAG:
            raise _NotPlain
        return node.value if node.style else _plain(node.value)
    depth += 1
    if cls is MappingNode:
        if node.tag is not _MAP_TAG:
            raise _NotPlain
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode or key_node.tag is not _STR_TAG:
                raise _NotPlain
            key = key_node.value
            if key in out:
                raise _NotPlain
            if value_node.__class__ is ScalarNode and depth <= MAX_DEPTH:
                if value_node.tag is not _STR_TAG:
                    raise _NotPlain
                value = value_node.value
                if value_node.style or (value and value[0] not in _MAYBE_TYPED):
                    out[key] = value
                else:
                    out[key] = _plain(value)
            else:
                out[key] = _plain_data(value_node, depth)
        return out
    if node.tag is not _SEQ_TAG:
        raise _NotPlain
    return [_plain_data(item, depth) for item in node.value]


def _line(mark: Any) -> int:
    return int(mark.line) + 1 if mark is not None else 1


def _col(mark: Any) -> int:
    return int(mark.column) + 1 if mark is not None else 1


def _syntax(exc: yaml.MarkedYAMLError, text: str, file: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    english = str(exc.problem or exc.context or "").strip()
    context = str(exc.context or "")
    escape = "escape" in english or "hexdecimal" in english
    if "quoted scalar" in context and exc.context_mark is not None and not escape:
        mark = exc.context_mark  # where the unclosed quote begins, not the end of the file
    line, col = _line(mark), _col(mark)
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source[: len(source) - len(source.lstrip(" \t"))]
    if "\t" in english or "\t" in indent or "tab character" in english:
        tab_col = source.find("\t") + 1 if "\t" in source else col
        return make("TRY002", file, line, tab_col)
    if "nesting depth" in english:
        return make("TRY007", file, line, col, limit=MAX_DEPTH)
    start = exc.context_mark
    if start is not None and _line(start) != line:
        for needle, words in _UNCLOSED_FLOW:
            if needle in context:
                opened = _line(start)
                problem = Text(words.sv.format(line=opened), words.en.format(line=opened))
                return make("TRY001", file, line, col, problem=problem)
    before = source[: col - 1].rstrip()
    if "did not find expected" in english and before and before[-1] in "\"']}":
        return make("TRY001", file, line, col, problem=_TEXT_AFTER_VALUE)
    if escape:
        return make("TRY001", file, line, col, problem=_ESCAPE)
    return make("TRY001", file, line, col, problem=_explain(english, context))


_UNCLOSED_FLOW: tuple[tuple[str, Text], ...] = (
    (
        "flow sequence",
        Text(
            "en lista inom [ ] som börjar på rad {line} saknar ett kommatecken eller en "
            "avslutande ]",
            "a list in [ ] that starts on line {line} lacks a comma or its closing ]",
        ),
    ),
    (
        "flow mapping",
        Text(
            "en mappning inom {{ }} som börjar på rad {line} saknar ett kommatecken eller en "
            "avslutande }}",
            "a mapping in {{ }} that starts on line {line} lacks a comma or its closing }}",
        ),
    ),
)
"""A [ ] or { } broken on a later line than it starts on: often never closed, so the line
where it starts is named too (libyaml stops where it noticed, perhaps at the end of the file)."""


_TEXT_AFTER_VALUE = Text(
    "text efter ett värde som redan är avslutat med citattecken eller ] eller }; sätt hela "
    "värdet inom citattecken",
    "text after a value already closed by a quote or ] or }; put the whole value in quotes",
)
_ESCAPE = Text(
    "ett okänt \\-tecken inom dubbla citattecken (till exempel i en sökväg som G:\\Trygghet); "
    "använd enkla citattecken",
    "an unknown \\ escape inside double quotes (as in a path like G:\\Trygghet); use single quotes",
)
_ANCHOR_NAME = Text(
    "ett & eller * i början av ett värde betyder ankare eller alias och ska följas av ett "
    "namn; sätt värdet inom citattecken",
    "a & or * at the start of a value means an anchor or alias and must be followed by a "
    "name; put the value in quotes",
)

_PROBLEMS: tuple[tuple[str, Text], ...] = (
    (
        "quoted scalar",
        Text(
            "citattecknet som börjar här stängs aldrig",
            "the quote that starts here is never closed",
        ),
    ),
    (
        "expected ',' or ']'",
        Text(
            "en lista inom [ ] saknar ett kommatecken eller en avslutande ]",
            "a list in [ ] lacks a comma or its closing ]",
        ),
    ),
    (
        "expected ',' or '}'",
        Text(
            "en mappning inom { } saknar ett kommatecken eller en avslutande }",
            "a mapping in { } lacks a comma or its closing }",
        ),
    ),
    (
        "mapping values are not allowed",
        Text(
            "ett kolon på fel ställe: text som innehåller ': ' ska stå inom citattecken, annars "
            "är indraget fel",
            "a colon in the wrong place: text containing ': ' must be in quotes, or the "
            "indentation is wrong",
        ),
    ),
    (
        "undefined alias",
        Text(
            "ett alias (*namn) hänvisar till ett ankare (&namn) som inte finns",
            "an alias (*name) refers to an anchor (&name) that does not exist",
        ),
    ),
    (
        "did not find expected key",
        Text(
            "raden passar inte in: nycklar på samma nivå ska ha samma indrag",
            "the line does not fit: keys at the same level need the same indentation",
        ),
    ),
    (
        "could not find expected ':'",
        Text("ett kolon saknas efter nyckeln", "a colon is missing after the key"),
    ),
    (
        "cannot start any token",
        Text(
            "ett tecken som inte kan inleda ett värde (till exempel @ eller `); sätt värdet inom "
            "citattecken",
            "a character that cannot begin a value (such as @ or `); put the value in quotes",
        ),
    ),
    (
        "block sequence entries are not allowed",
        Text(
            "ett bindestreck (-) på fel ställe; kontrollera indraget",
            "a dash (-) in the wrong place; check the indentation",
        ),
    ),
    (
        "did not find expected '-' indicator",
        Text(
            "en rad utan bindestreck mitt i en lista: varje punkt börjar med '- ' på samma "
            "indrag; kontrollera indraget",
            "a line without a dash inside a list: every item begins with '- ' at the same "
            "indentation; check the indentation",
        ),
    ),
    (
        "while scanning an anchor",
        _ANCHOR_NAME,
    ),
    (
        "while scanning an alias",
        _ANCHOR_NAME,
    ),
    (
        "duplicate anchor",
        Text(
            "samma ankare (&namn) förekommer två gånger; ge dem olika namn",
            "the same anchor (&name) occurs twice; give them different names",
        ),
    ),
    (
        "directive",
        Text(
            "en rad som börjar med % läses som ett YAML-direktiv; sätt värdet inom citattecken",
            "a line beginning with % is read as a YAML directive; put the value in quotes",
        ),
    ),
    (
        "block scalar",
        Text(
            "efter | eller > får bara - , + eller en siffra stå på raden; texten börjar på nästa "
            "rad, indragen",
            "after | or > only -, + or a digit may follow on the line; the text begins on the "
            "next line, indented",
        ),
    ),
    (
        "expected <document start>",
        Text(
            "mer innehåll efter det som borde vara slutet; kontrollera indraget",
            "more content after what should be the end; check the indentation",
        ),
    ),
    (
        "unexpected end of stream",
        Text("filen tar slut mitt i ett värde", "the file ends in the middle of a value"),
    ),
    ("expected node content", Text("ett värde saknas", "a value is missing")),
)


def _explain(problem: str, context: str) -> Text:
    """libyaml's English problem in words a coordinator understands, in both languages."""
    both = f"{context} {problem}"
    for needle, text in _PROBLEMS:
        if needle in both:
            return text
    fallback = problem or "okänt fel"
    return Text(f"YAML-läsaren säger: {fallback}", fallback)


def _reader_error(exc: yaml.YAMLError, text: str, file: str) -> Diagnostic:
    position = int(getattr(exc, "position", 0) or 0)
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    char = getattr(exc, "character", None)
    if isinstance(char, str) and char:
        char = ord(char)
    # PyYAML's reader gives the character; libyaml's (the fast path) gives its code point.
    if isinstance(char, int) and not isinstance(char, bool):
        code = f"U+{char:04X}"
        problem = Text(
            f"otillåtet tecken {code}; ta bort det (det syns ofta inte i editorn)",
            f"character {code} is not allowed; remove it (editors often do not show it)",
        )
    else:
        problem = _explain(str(getattr(exc, "reason", "")) or str(exc).splitlines()[0], "")
    return make("TRY001", file, line, col, problem=problem)


class _Walker:
    """Turns composed nodes into data, reporting what the YAML must not contain."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.diagnostics: list[Diagnostic] = []
        self.seen: set[int] = set()
        self.expanded = 0
        self.stopped = False

    def _tagged(self, node: Node) -> bool:
        """Whether the file gives the node a tag (``!!str 0180``): the tag stands at its start."""
        index = node.start_mark.index
        return 0 <= index < len(self.text) and self.text[index] == "!"

    def _stop(self, diag: Diagnostic) -> None:
        self.diagnostics.append(diag)
        self.stopped = True

    def convert(self, node: Node, depth: int, path: tuple[str | int, ...]) -> Any:
        if self.stopped:
            return None
        if depth > MAX_DEPTH:
            mark = node.start_mark
            self._stop(make("TRY007", self.file, mark.line + 1, mark.column + 1, limit=MAX_DEPTH))
            return None
        ident = id(node)
        if ident in self.seen:
            self.expanded += 1
            if self.expanded > MAX_ALIAS_EXPANSION:
                mark = node.start_mark
                self._stop(
                    make(
                        "TRY008",
                        self.file,
                        mark.line + 1,
                        mark.column + 1,
                        limit=number_text(MAX_ALIAS_EXPANSION),
                    )
                )
                return None
        else:
            self.seen.add(ident)
        tag = node.tag
        explicit = self._tagged(node)
        if isinstance(node, ScalarNode) and not explicit:
            return _scalar(
                node
            )  # PyYAML's YAML 1.1 tags (even "!!value" for a plain '=') do not count
        if tag not in _ALLOWED_TAGS:
            mark = node.start_mark
            shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
            self.diagnostics.append(
                make(
                    "TRY006",
                    self.file,
                    mark.line + 1,
                    mark.column + 1,
                    tag=shown,
                    pointer=pointer_text(path),
                )
            )
            return None
        if isinstance(node, ScalarNode):
            return node.value if tag == _STR_TAG else _scalar(node)
        if isinstance(node, SequenceNode):
            return [self.convert(item, depth + 1, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, MappingNode)
        return self._mapping(node, depth, path)

    def _mapping(self, node: MappingNode, depth: int, path: tuple[str | int, ...]) -> Any:
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        merged: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                if "<<" in first_seen:  # a second '<<': which one counts is unclear
                    mark = key_node.start_mark
                    self.diagnostics.append(
                        make(
                            "TRY003",
                            self.file,
                            mark.line + 1,
                            mark.column + 1,
                            key="<<",
                            first_line=first_seen["<<"].start_mark.line + 1,
                            pointer=pointer_text((*path, "<<")),
                        )
                    )
                    continue
                first_seen["<<"] = key_node
                merged.update(self._merge(value_node, depth, path))
                continue
            if not isinstance(key_node, ScalarNode):
                mark = key_node.start_mark
                self.diagnostics.append(
                    make(
                        "TRY001",
                        self.file,
                        mark.line + 1,
                        mark.column + 1,
                        problem=Text(
                            "en nyckel måste vara en enkel text", "a key must be plain text"
                        ),
                        pointer=pointer_text(path),
                    )
                )
                continue
            key = str(key_node.value)
            if key in first_seen:
                mark = key_node.start_mark
                self.diagnostics.append(
                    make(
                        "TRY003",
                        self.file,
                        mark.line + 1,
                        mark.column + 1,
                        key=key,
                        first_line=first_seen[key].start_mark.line + 1,
                        pointer=pointer_text((*path, key)),
                    )
                )
                continue
            first_seen[key] = key_node
            result[key] = self.convert(value_node, depth + 1, (*path, key))
        for key, value in merged.items():
            result.setdefault(key, value)
        return result

    def _merge(self, node: Node, depth: int, path: tuple[str | int, ...]) -> dict[str, Any]:
        sources = node.value if isinstance(node, SequenceNode) else [node]
        out: dict[str, Any] = {}
        for source in sources:
            value = self.convert(source, depth + 1, path)
            if isinstance(value, dict):
                for key, item in value.items():
                    out.setdefault(key, item)
            elif not self.stopped:
                mark = source.start_mark
                self.diagnostics.append(
                    make(
                        "TRY001",
                        self.file,
                        mark.line + 1,
                        mark.column + 1,
                        problem=Text(
                            "<< kan bara slå ihop mappningar", "<< can only merge mappings"
                        ),
                        pointer=pointer_text(path),
                    )
                )
        return out


def _scalar(node: ScalarNode) -> Any:
    """Quoted and block scalars are text; plain ones are typed."""
    return node.value if node.style else _plain(node.value)


def _plain(value: str) -> Any:
    """Type a plain scalar by the YAML 1.2 core schema."""
    if value in _NULLS:
        return None
    if value[0] not in _MAYBE_TYPED:
        return value
    if value in _BOOLS:
        return _BOOLS[value]
    match = _TYPED.fullmatch(value)
    if match is None:
        return value
    kind = match.lastgroup
    if kind == "int":
        return int(value)
    if kind == "oct":
        return int(value[2:], 8)
    if kind == "hex":
        return int(value[2:], 16)
    if kind == "float":
        return float(value)
    if kind == "inf":
        return float("-inf") if value.startswith("-") else float("inf")
    return float("nan")
