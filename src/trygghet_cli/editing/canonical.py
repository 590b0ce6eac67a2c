"""``trygg fmt``: plan files in one canonical form, comments kept.

The canonical form:

* two spaces per level, and list items indented under their key (``nyckeltal:`` then
  ``  - id: ...`` then ``    namn: ...``), as in the examples;
* keys in the order the plan model defines for each kind of entry (``id``, ``namn``, ``typ``
  ...), among the keys present; a key the model does not know keeps its place;
* a full-line comment indented like the line below it, which it is about, except comment lines
  that end an indented block (a commented-out example as the last line of a list or a
  mapping): they keep the block's indentation (:mod:`trygghet_cli.editing.comments`);
* one newline at the end.

Everything else is kept as written: quoting, flow style (``[a, b]``, ``{nivå: kommun}``),
block text (``>-``), comments and blank lines, the byte-order mark and the line endings. A file
whose formatting would lose a comment is left alone and reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trygghet_cli.diagnostics import Diagnostic, make
from trygghet_cli.editing.changes import FileEdit
from trygghet_cli.editing.comments import LEADS, Block, align_comments, blocks, last_line, owners
from trygghet_cli.editing.nodes import child_model, key_order
from trygghet_cli.loading import yamlfile
from trygghet_cli.loading.plan import (
    discover,
    display_path,
    link_out_of,
    plan_files,
    plan_root_of,
)
from trygghet_cli.loading.roundtrip import (
    CANONICAL,
    classify,
    dump,
    line_comments,
    load,
    read_source,
)
from trygghet_cli.model.plan import MARKER, MEETINGS_DIR, PLAN_FILES, FileKind


@dataclass
class FormatResult:
    files: list[FileEdit] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def changed(self) -> list[FileEdit]:
        return [f for f in self.files if f.rewritten]


def format_paths(paths: Iterable[Path]) -> FormatResult:
    """Canonical texts for the plan files that ``paths`` name or hold (nothing is written).

    A path may be a plan, a folder of plans or one file of a plan.
    """
    result = FormatResult()
    targets: dict[Path, FileKind] = {}
    for given in paths:
        if not given.exists():
            result.missing.append(str(given))
            continue
        if not given.is_dir():
            root = plan_root_of(given)
            kinds = {p.resolve(): k for k, p in plan_files(root)[0]} if root else {}
            kind = kinds.get(given.resolve())
            link = link_out_of(root, given) if root else None
            if link is not None:
                result.diagnostics.append(link)
            elif kind is None:
                result.diagnostics.append(_not_a_plan_file(given, root is not None))
            else:
                targets.setdefault(given, kind)
            continue
        found = discover([given])
        result.diagnostics.extend(found.diagnostics)
        for root in found.plans:
            entries, layout = plan_files(root)
            result.diagnostics.extend(d for d in layout if d.rule == "TRY016")  # not followed
            for kind, path in entries:
                targets.setdefault(path, kind)
    for path, kind in targets.items():
        formatted, diags = format_file(path, kind.model)
        result.diagnostics.extend(diags)
        if formatted is not None:
            result.files.append(formatted)
    return result


def _not_a_plan_file(path: Path, in_plan: bool) -> Diagnostic:
    if not in_plan:
        return make("TRY010", display_path(path), 1, 1, marker=MARKER)
    known = ", ".join(k.filename for k in PLAN_FILES) + f", {MEETINGS_DIR}/*.yaml"
    return make("TRY011", display_path(path), 1, 1, name=path.name, known=known, suggestion="")


def format_file(path: Path, model: type[BaseModel]) -> tuple[FileEdit | None, list[Diagnostic]]:
    file = display_path(path)
    source, diags = read_source(path, file)
    if source is None:
        return None, diags
    after, diags = canonical_text(source.text, model, file)
    if after is None:
        return None, diags
    lost = Counter(line_comments(source.text)) - Counter(line_comments(after))
    if lost:
        comment = sorted(lost)[0]
        line = next((i for i, text in enumerate(source.text.split("\n"), 1) if comment in text), 1)
        return None, [make("TRY521", file, line, 1, comment=comment)]
    return FileEdit(path, file, source.text, after, source.raw, source.encode(after)), []


def canonical_text(
    text: str, model: type[BaseModel], file: str
) -> tuple[str | None, list[Diagnostic]]:
    """``text`` (a file's text, LF line endings) in canonical form, or why it has none."""
    reordered = reorder_text(text, model, file)
    data, diags = load(reordered, CANONICAL, file)
    if data is None:
        return None, diags
    doc, _ = yamlfile.parse(reordered, file)
    placed = owners(reordered, doc.root if doc is not None else None)
    return align_comments(dump(data, CANONICAL), [placed[line] for line in sorted(placed)]), []


def reorder_text(text: str, model: type[BaseModel], file: str) -> str:
    """``text`` with the keys of every block mapping in the model's order.

    Works on lines, so nothing moves but whole entries: a key with its value, the comment
    lines directly above it (a comment belongs to the key below it) and the comment lines that
    end a block in its value (a commented-out example last in a list). Blank lines between
    entries stay where they are, and so do comments above a mapping's first key (a file's
    header). Mappings in flow style (``{nivå: kommun}``) are left as written.
    """
    doc, _ = yamlfile.parse(text, file)
    if doc is None:
        return text
    lines = text.split("\n")
    layout = Layout(
        kinds=[kind for _, kind, _ in classify(text)],
        owners=owners(text, doc.root),
        blocks={block.index: block for block in blocks(doc.root)},
    )
    moves: list[tuple[int, Permutation]] = []
    _collect(doc.root, model, layout, 0, moves)
    if not moves:
        return text
    # Innermost first: a permutation keeps its region's length, so the regions of the
    # mappings around it stay where they were.
    for _, move in sorted(moves, key=lambda m: -m[0]):
        move.apply(lines)
    result = "\n".join(lines)
    check, _ = yamlfile.parse(result, file)
    if check is None or check.data != doc.data:  # pragma: no cover - a bug: keep the file
        return text
    return result


@dataclass(frozen=True)
class Layout:
    """What the lines of a text are: kinds, the owners of its comments and its blocks."""

    kinds: list[str]
    owners: dict[int, int | None]
    blocks: dict[int, Block]

    def leads(self, line: int) -> bool:
        """A comment line about the line below it."""
        return line in self.owners and self.owners[line] is LEADS

    def trails(self, line: int, first: int, last: int) -> bool:
        """A comment line that ends a block that starts within lines ``first``–``last``."""
        owner = self.owners.get(line)
        block = self.blocks.get(owner) if owner is not None else None
        return block is not None and first <= block.first <= last


def _collect(
    node: Node,
    model: type[BaseModel] | None,
    layout: Layout,
    depth: int,
    moves: list[tuple[int, Permutation]],
) -> None:
    if model is None:
        return
    if isinstance(node, SequenceNode):
        for item in node.value:
            _collect(item, model, layout, depth + 1, moves)
        return
    if not isinstance(node, MappingNode):
        return
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode):
            _collect(value_node, child_model(model, key_node.value), layout, depth + 1, moves)
    move = _permute(node, key_order(model), layout)
    if move is not None:
        moves.append((depth, move))


@dataclass(frozen=True)
class Permutation:
    """New order for the entries of one block mapping, as line ranges of the text."""

    blocks: list[tuple[int, int]]
    key_offsets: list[int]
    order: list[int]
    column: int

    def apply(self, lines: list[str]) -> None:
        start, end = self.blocks[0][0], self.blocks[-1][1]
        gaps = [
            lines[self.blocks[i][1] : self.blocks[i + 1][0]] for i in range(len(self.blocks) - 1)
        ]
        prefix = lines[start + self.key_offsets[0]][: self.column]
        dashed = prefix.strip() != ""
        out: list[str] = []
        for slot, index in enumerate(self.order):
            first, last = self.blocks[index]
            block = lines[first:last]
            at = self.key_offsets[index]
            if dashed and index == 0 and slot != 0:
                block[at] = " " * self.column + block[at][self.column :]
            elif dashed and slot == 0 and index != 0:
                block[at] = prefix + block[at][self.column :]
            out.extend(block)
            if slot < len(gaps):
                out.extend(gaps[slot])
        lines[start:end] = out


def _permute(node: MappingNode, order: list[str], layout: Layout) -> Permutation | None:
    """How to put one mapping's keys in order; None when they are, or cannot be moved.

    An entry is its key, its value, the comment lines directly above the key and the comment
    lines after the value that end a block inside it.
    """
    entries = node.value
    if node.flow_style or len(entries) < 2:
        return None
    keys = [k.value if isinstance(k, ScalarNode) else None for k, _ in entries]
    if None in keys or "<<" in keys or len({k.start_mark.line for k, _ in entries}) < len(keys):
        return None
    known = [k for k in keys if k in order]
    wanted = sorted(known, key=lambda k: order.index(str(k)))
    if known == wanted:
        return None
    ranked = iter(wanted)
    new_keys = [next(ranked) if k in order else k for k in keys]
    key_lines = [k.start_mark.line for k, _ in entries]
    starts = [key_lines[0]]
    for line in key_lines[1:]:
        start = line
        while start - 1 > key_lines[0] and layout.leads(start - 1):
            start -= 1
        starts.append(start)
    ends = [
        _entry_end(layout, key_line, last_line(value))
        for key_line, (_, value) in zip(key_lines, entries, strict=True)
    ]
    if any(ends[i] > starts[i + 1] for i in range(len(starts) - 1)):
        return None
    return Permutation(
        blocks=list(zip(starts, ends, strict=True)),
        key_offsets=[line - start for line, start in zip(key_lines, starts, strict=True)],
        order=[keys.index(key) for key in new_keys],
        column=entries[0][0].start_mark.column,
    )


def _entry_end(layout: Layout, key_line: int, last: int) -> int:
    """The line after an entry: after its value and the comment lines that end a block in it."""
    end = last + 1
    line = end
    while line < len(layout.kinds) and layout.kinds[line] in ("comment", "blank"):
        if layout.kinds[line] == "comment":
            if not layout.trails(line, key_line, last):
                break
            end = line + 1
        line += 1
    return end
