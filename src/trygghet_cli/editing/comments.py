"""Where a full-line comment belongs, and the indentation it gets in canonical form.

A comment line is about the line below it: a person writes the note above what it explains,
so it stands at that line's indentation. The exception is a comment written deeper than the
line that follows, right after an indented block ends: it ends that block. That is how a
commented-out example is kept at the end of a list or a mapping (``  # region: …`` as the last
line under ``polis:``, ``      # tjänstgöringsgrad: 100`` after a list item's keys); moved out to
the outer indentation it would mean something else once the ``#`` is taken away.

Such a trailing comment belongs to the innermost block that ends above it whose indentation is
at or left of the comment's own; it keeps that block's indentation when the block is indented
anew, and it moves with the entry that holds the block when keys are put in order. ruamel.yaml
sees it the same way: it keeps the lines after a block with the block's last value.
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trygghet_cli.loading import yamlfile
from trygghet_cli.loading.roundtrip import classify

LEADS = None
"""The owner of a comment about the line below it."""


@dataclass(frozen=True)
class Block:
    """A block mapping or sequence: its place among the document's collections, its lines
    (0-based, both inclusive) and the column its keys or dashes stand in."""

    index: int
    first: int
    last: int
    column: int
    depth: int


def blocks(root: Node | None) -> list[Block]:
    """The document's block collections, in document order (a collection before its children).

    The same data written with other indentation gives the same list but for the columns, so
    an index names the same block in a file before and after formatting.
    """
    out: list[Block] = []
    seen: set[int] = set()
    counter = 0

    def visit(node: Node, depth: int) -> None:
        nonlocal counter
        if id(node) in seen or isinstance(node, ScalarNode):
            return
        seen.add(id(node))
        index = counter
        counter += 1
        if not getattr(node, "flow_style", False):
            first = int(node.start_mark.line)
            out.append(Block(index, first, last_line(node), int(node.start_mark.column), depth))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                visit(key, depth + 1)
                visit(value, depth + 1)
        elif isinstance(node, SequenceNode):
            for item in node.value:
                visit(item, depth + 1)

    if root is not None:
        visit(root, 0)
    return out


def last_line(node: Node) -> int:
    """The last line (0-based) that holds part of ``node``."""
    end = node.end_mark
    if isinstance(node, ScalarNode):
        if node.style in ("|", ">") and end.column == 0:
            return int(end.line) - 1
        return int(end.line)
    if getattr(node, "flow_style", False):
        return int(end.line)
    children: list[Node] = []
    if isinstance(node, MappingNode):
        for key, value in node.value:
            children.extend((key, value))
    elif isinstance(node, SequenceNode):
        children.extend(node.value)
    return max((last_line(child) for child in children), default=int(node.start_mark.line))


def owners(text: str, root: Node | None) -> dict[int, int | None]:
    """For every full-line comment (by line, 0-based): the index of the block it ends (see
    :func:`blocks`), or ``None`` when it is about the line below it."""
    lines = classify(text)
    found = blocks(root)
    out: dict[int, int | None] = {}
    previous: int | None = None  # the last line of content above the current gap
    gap: list[int] = []
    for index, (line, kind, _) in enumerate([*lines, ("", "content", None)]):
        if kind in ("comment", "blank"):
            gap.append(index)
            continue
        if kind == "block":
            previous, gap = index, []
            continue
        if gap:
            at_end = index == len(lines)
            column = 0 if at_end else len(line) - len(line.lstrip(" "))
            _place(lines, gap, previous, index, column, found, out)
            gap = []
        previous = index
    return out


def _place(
    lines: list[tuple[str, str, int | None]],
    gap: list[int],
    previous: int | None,
    following: int,
    column: int,
    found: list[Block],
    out: dict[int, int | None],
) -> None:
    """Owners of the comments between two lines of content."""
    ending: dict[int, Block] = {}
    if previous is not None:
        for block in found:
            if block.first <= previous <= block.last < following and block.column > column:
                held = ending.get(block.column)
                if held is None or block.depth > held.depth:
                    ending[block.column] = block  # the innermost of blocks in one column
    ceiling: int | None = None
    leading = False
    for index in gap:
        line, kind, _ = lines[index]
        if kind != "comment":
            continue
        indent = len(line) - len(line.lstrip(" "))
        if ceiling is not None:
            indent = min(indent, ceiling)
        candidates = [c for c in ending if c <= indent]
        if leading or not candidates:
            leading = True
            out[index] = LEADS
            continue
        ceiling = max(candidates)
        out[index] = ending[ceiling].index


def align_comments(text: str, placed: list[int | None] | None = None) -> str:
    """``text`` with each full-line comment indented where it belongs.

    ``placed`` gives the owners of the comments in order (from :func:`owners` of the same
    document as it was written before it was indented anew); without it, or when the comments
    are not the same in number, they are found in ``text`` itself. A comment about the line
    below it gets that line's indentation; a comment that ends a block, the block's.
    """
    doc, _ = yamlfile.parse(text, "")
    root = doc.root if doc is not None else None
    lines = classify(text)
    comments = [i for i, (_, kind, _) in enumerate(lines) if kind == "comment"]
    if placed is None or len(placed) != len(comments):
        found = owners(text, root)
        placed = [found.get(i) for i in comments]
    columns = {block.index: block.column for block in blocks(root)}
    out = [line for line, _, _ in lines]
    following = 0
    targets: dict[int, int] = {}
    for index in range(len(lines) - 1, -1, -1):
        line, kind, _ = lines[index]
        if kind == "content":
            following = len(line) - len(line.lstrip(" "))
        elif kind == "comment":
            targets[index] = following
    for index, owner in zip(comments, placed, strict=True):
        column = columns.get(owner, targets[index]) if owner is not None else targets[index]
        out[index] = " " * column + lines[index][0].lstrip(" ")
    return "\n".join(out)
