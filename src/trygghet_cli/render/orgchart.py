"""The organisation as a diagram: who reports to whom, who sits under whom.

The graph comes from ``organisation.yaml``: a reporting line (``rapportering: till``), a body's
place under another (``under``) and a working group's appointer (``tillsatt_av``) each point
from a body to the one above it. Markdown gets a Mermaid flowchart (GitHub and GitLab draw
it); HTML gets an SVG drawn here, in layers, with the receiving bodies at the top.

Every label is plan text and is escaped for where it goes: Mermaid entity codes in the
flowchart, XML escapes in the SVG.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from html import escape

from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.organisation import Body
from trygghet_cli.model.plan import Plan
from trygghet_cli.render.labels import ILLUSTRATIVE, illustrative
from trygghet_cli.wording import cadence_text


class Link(str, Enum):
    REPORTS = "reports"
    UNDER = "under"
    APPOINTED = "appointed"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: Link
    label: str
    what: str = ""
    """What a report holds, when more than one report goes between the same two bodies (so
    that the arrows are told apart); empty otherwise."""
    illustrative: bool = False
    """The reporting line is made up for the example."""

    @property
    def text(self) -> str:
        """The arrow's label: ``varje år``, or ``Verksamhetsberättelse, varje år``."""
        return f"{self.what}, {self.label}" if self.what else self.label


LOOSE_TEXT = Text(
    "Organ utan rapportering eller överordnat organ i planen",
    "Bodies with no reporting line or parent body in the plan",
)

AND = Text(" och ", " and ")

LINK_TEXT = {
    Link.REPORTS: Text("rapporterar till", "reports to"),
    Link.UNDER: Text("under", "under"),
    Link.APPOINTED: Text("tillsatt av", "appointed by"),
}


def edges(plan: Plan, lang: Lang) -> list[Edge]:
    """Every link between two bodies of the plan, in file order."""
    bodies = plan.bodies()
    out: list[Edge] = []
    reports = Counter(
        (body.id, target)
        for body in bodies.values()
        for line in body.reporting
        for target in set(line.to)
    )
    for body in bodies.values():
        for line in body.reporting:
            for target in line.to:
                if target in bodies and target != body.id:
                    what = short(line.content) if reports[body.id, target] > 1 else ""
                    cadence = cadence_text(line.cadence)(lang)
                    out.append(
                        Edge(body.id, target, Link.REPORTS, cadence, what, line.illustrative)
                    )
        if body.parent and body.parent in bodies and body.parent != body.id:
            out.append(Edge(body.id, body.parent, Link.UNDER, LINK_TEXT[Link.UNDER](lang)))
        if body.appointed_by and body.appointed_by in bodies and body.appointed_by != body.id:
            out.append(
                Edge(body.id, body.appointed_by, Link.APPOINTED, LINK_TEXT[Link.APPOINTED](lang))
            )
    return out


def short(text: str, width: int = 48) -> str:
    """Plan text on one line, cut at a word with an ellipsis when longer than ``width``."""
    return textwrap.shorten(text, width=width, placeholder=" …")


# --- Mermaid ---------------------------------------------------------------------------------


def _mermaid_text(text: str) -> str:
    """Plan text inside a quoted Mermaid label: entity codes for anything that could end it
    or be read as markup."""
    codes = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "#": "#35;", "`": "#96;"}
    return "".join(codes.get(ch, ch) for ch in " ".join(text.split()))


def mermaid(plan: Plan, lang: Lang) -> str:
    """A Mermaid flowchart, bottom to top: reports flow upwards to the bodies that receive
    them."""
    bodies = list(plan.bodies().values())
    ids = {b.id: f"n{i + 1}" for i, b in enumerate(bodies)}
    lines = ["flowchart BT"]
    for b in bodies:
        name = illustrative(b.name, b.illustrative, lang)
        lines.append(f'    {ids[b.id]}["{_mermaid_text(name)}"]')
    for e in edges(plan, lang):
        arrow = {Link.REPORTS: "-->", Link.UNDER: "-.->", Link.APPOINTED: "-.->"}[e.kind]
        text = _mermaid_text(illustrative(e.text, e.illustrative, lang))
        lines.append(f'    {ids[e.source]} {arrow}|"{text}"| {ids[e.target]}')
    return "\n".join(lines) + "\n"


# --- SVG -------------------------------------------------------------------------------------

BOX_W, GAP_X, ROW_H, MARGIN, LINE_H, SUB_H, PER_ROW, LANE = 200, 28, 120, 20, 16, 14, 5, 14
PAD_X = 10
NAME_SIZE, MIN_NAME_SIZE, SUB_SIZE = 13, 10, 11
LOOSE_GAP = 44
"""Space between the linked rows and the framed group of bodies without links."""


@dataclass(frozen=True)
class Placed:
    body: Body
    x: float
    y: float
    h: float
    lines: tuple[str, ...]
    sub: tuple[str, ...]
    size: int = 13
    """The font size of the name."""


# Advance widths in DejaVu Sans, in em, rounded up per class of characters: the font the SVG
# asks for first, and wider than the fallbacks (Arial, Helvetica), so that a label that fits
# here fits in any of them. (regular, bold)
_NARROW, _MID, _WIDE = set("ijlI'.,:;|!/ "), set("frt()[]-"), set("mwMW&")
_EM = {
    "narrow": (0.34, 0.40),
    "mid": (0.40, 0.50),
    "wide": (1.00, 1.11),
    "upper": (0.79, 0.85),
    "other": (0.64, 0.72),
}


def _em(ch: str) -> tuple[float, float]:
    if ch in _NARROW:
        return _EM["narrow"]
    if ch in _MID:
        return _EM["mid"]
    if ch in _WIDE:
        return _EM["wide"]
    return _EM["upper"] if ch.isupper() else _EM["other"]


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """An upper estimate of ``text``'s width at ``size`` in DejaVu Sans (bold or not)."""
    return sum(_em(ch)[1 if bold else 0] for ch in text) * size


def wrap(text: str, size: float, width: float, *, bold: bool = False) -> tuple[str, ...]:
    """Words on lines no wider than ``width``; a word longer than a line gets a line of its
    own, broken where it must be."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold=bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while text_width(line, size, bold=bold) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and text_width(line[:cut] + "-", size, bold=bold) > width:
                cut -= 1
            lines.append(line[:cut] + "-")
            line = line[cut:]
    if line:
        lines.append(line)
    return tuple(lines)


def layers(plan: Plan, links: list[Edge]) -> list[list[str]]:
    """Rows of the linked bodies' ids, top first: a body sits one row below the highest body
    it points to. Cycles are broken where they are met. Bodies with no links are left out
    (see :func:`loose`).
    """
    order = list(plan.bodies())
    up: dict[str, list[str]] = {b: [] for b in order}
    for e in links:
        if e.target not in up[e.source]:
            up[e.source].append(e.target)
    linked = {e.source for e in links} | {e.target for e in links}
    depth: dict[str, int] = {}

    def visit(root: str) -> None:
        """Depth-first, with a stack of its own: a chain of hundreds of bodies under one
        another is as deep as it is long."""
        if root in depth:
            return
        stack: list[tuple[str, Iterator[str], list[int]]] = [(root, iter(up[root]), [])]
        on_path = {root}
        while stack:
            node, targets, above = stack[-1]
            for target in targets:
                if target in on_path:
                    continue  # a cycle, broken where it is met
                if target in depth:
                    above.append(depth[target])
                    continue
                stack.append((target, iter(up[target]), []))
                on_path.add(target)
                break
            else:
                stack.pop()
                on_path.discard(node)
                depth[node] = 1 + max(above) if above else 0
                if stack:
                    stack[-1][2].append(depth[node])

    for node in order:
        visit(node)
    rows: list[list[str]] = []
    for node in order:
        if node not in linked:
            continue
        while len(rows) <= depth[node]:
            rows.append([])
        rows[depth[node]].append(node)
    rows = [r for r in rows if r]
    # One pass of barycentres: order each row by where the bodies above it are.
    for i in range(1, len(rows)):
        above = {n: j for j, n in enumerate(rows[i - 1])}

        def centre(node: str, above: dict[str, int] = above) -> float:
            targets = [above[t] for t in up[node] if t in above]
            return sum(targets) / len(targets) if targets else len(above)

        rows[i].sort(key=lambda n: (centre(n), order.index(n)))
    wrapped: list[list[str]] = []
    for row in rows:
        wrapped.extend(row[i : i + PER_ROW] for i in range(0, len(row), PER_ROW))
    return wrapped


def loose(plan: Plan, links: list[Edge]) -> list[list[str]]:
    """Rows of the bodies with no link at all, in file order."""
    linked = {e.source for e in links} | {e.target for e in links}
    alone = [n for n in plan.bodies() if n not in linked]
    return [alone[i : i + PER_ROW] for i in range(0, len(alone), PER_ROW)]


def _place(body: Body, lang: Lang, x: float, y: float) -> Placed:
    inner = BOX_W - 2 * PAD_X
    size = NAME_SIZE
    longest = max(body.name.split(), key=lambda w: text_width(w, size, bold=True), default="")
    while size > MIN_NAME_SIZE and text_width(longest, size, bold=True) > inner:
        size -= 1  # a long compound word fits on its line in a smaller size
    lines = wrap(body.name, size, inner, bold=True)
    sub = (
        wrap(cadence_text(body.meeting_cadence)(lang), SUB_SIZE, inner)
        if body.meeting_cadence
        else ()
    )
    if body.illustrative:
        sub += (f"({ILLUSTRATIVE(lang)})",)
    h = 16 + LINE_H * len(lines) + SUB_H * len(sub)
    return Placed(body, x, y, h, lines, sub, size)


def _rows(
    rows: list[list[str]],
    bodies: dict[str, Body],
    lang: Lang,
    width: float,
    top: float,
    *,
    row_height: float = ROW_H,
    gap: float = 60,
) -> tuple[dict[str, Placed], float]:
    """Boxes for ``rows``, centred in ``width`` from ``top``, a row at least ``row_height``
    below the last and ``gap`` below its tallest box (room for the arrows); and where the
    last row ends."""
    placed: dict[str, Placed] = {}
    y = top
    bottom = top
    for row in rows:
        row_w = len(row) * BOX_W + (len(row) - 1) * GAP_X
        x = (width - row_w) / 2
        tallest = 0.0
        for node in row:
            placed[node] = _place(bodies[node], lang, x, y)
            tallest = max(tallest, placed[node].h)
            x += BOX_W + GAP_X
        bottom = y + tallest
        y += max(row_height, tallest + gap)
    return placed, bottom


def svg(plan: Plan, lang: Lang, title: str) -> str:
    """The organisation as an inline SVG, with ``role="img"``, a title and a description.

    One arrow is drawn per pair of bodies and kind of link, however many reports go between
    them (two drawn over each other would look like one); the description names them all."""
    every = edges(plan, lang)
    first: dict[tuple[str, str, Link], Edge] = {}
    for e in every:
        first.setdefault((e.source, e.target, e.kind), e)
    links = list(first.values())
    rows = layers(plan, links)
    apart = loose(plan, links)
    if not rows and not apart:
        return ""
    bodies = plan.bodies()
    widest = max(len(r) for r in rows + apart)
    row_of = {node: i for i, row in enumerate(rows) for node in row}
    long = [e for e in links if row_of[e.source] - row_of[e.target] > 1]
    heading = LOOSE_TEXT(lang)
    heading_w = text_width(heading, 12) + 24
    inner: float = MARGIN * 2 + widest * BOX_W + (widest - 1) * GAP_X
    if apart:
        inner = max(inner, MARGIN * 2 + heading_w)
    width = inner + (LANE * len(long) + MARGIN if long else 0)
    placed, bottom = _rows(rows, bodies, lang, width, MARGIN + 10.0)
    frame = ""
    if apart:
        top = bottom + LOOSE_GAP if rows else MARGIN
        group, group_bottom = _rows(apart, bodies, lang, width, top + 34, row_height=0, gap=GAP_X)
        placed |= group
        left = min(p.x for p in group.values()) - 14
        right = max(p.x for p in group.values()) + BOX_W + 14
        if right - left < heading_w:
            left, right = (left + right - heading_w) / 2, (left + right + heading_w) / 2
        frame = (
            f'<g><rect x="{left:.1f}" y="{top:.1f}" width="{right - left:.1f}" '
            f'height="{group_bottom + 14 - top:.1f}" rx="8" fill="none" stroke="#8a92a3" '
            f'stroke-width="1" stroke-dasharray="5 4"/>'
            f'<text x="{left + 12:.1f}" y="{top + 21:.1f}" font-size="12" '
            f'fill="#5a6272">{escape(heading)}</text></g>'
        )
        bottom = group_bottom + 14
    height = bottom + MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" '
        f'aria-labelledby="org-title org-desc" font-family="DejaVu Sans, Arial, sans-serif">',
        f'<title id="org-title">{escape(title)}</title>',
        f'<desc id="org-desc">{escape(_describe(plan, every, apart, lang))}</desc>',
        "<defs>"
        '<marker id="org-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#1d2330"/></marker></defs>',
    ]
    for e in links:
        lane = None
        if e in long:
            lane = inner + LANE * long.index(e)
        parts.append(_edge(placed[e.source], placed[e.target], e.kind, lane))
    if frame:
        parts.append(frame)
    for p in placed.values():
        parts.append(_box(p))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _edge(a: Placed, b: Placed, kind: Link, lane: float | None = None) -> str:
    """A link from ``a`` to ``b``: a curve to the next row up, or, past a row of boxes, a
    path around them along a lane at the right-hand side."""
    dash = {
        Link.REPORTS: "",
        Link.UNDER: ' stroke-dasharray="6 4"',
        Link.APPOINTED: ' stroke-dasharray="2 3"',
    }[kind]
    ax, bx = a.x + BOX_W / 2, b.x + BOX_W / 2
    if lane is not None:
        d = (
            f"M{ax:.1f},{a.y:.1f} V{a.y - 18:.1f} H{lane:.1f} V{b.y + b.h + 18:.1f} "
            f"H{bx + 12:.1f} L{bx:.1f},{b.y + b.h:.1f}"
        )
        return (
            f'<path d="{d}" fill="none" stroke="#1d2330" stroke-width="1.5"{dash} '
            f'marker-end="url(#org-arrow)"/>'
        )
    if b.y < a.y:  # upwards: top of the source to the bottom of the target
        y0, c0, c1, y1 = a.y, a.y - 40, b.y + b.h + 40, b.y + b.h
    elif b.y > a.y:  # downwards (a cycle): bottom of the source to the top of the target
        y0, c0, c1, y1 = a.y + a.h, a.y + a.h + 40, b.y - 40, b.y
    else:  # same row: an arc above the boxes
        y0, c0, c1, y1 = a.y, a.y - 45, b.y - 45, b.y
    d = f"M{ax:.1f},{y0:.1f} C{ax:.1f},{c0:.1f} {bx:.1f},{c1:.1f} {bx:.1f},{y1:.1f}"
    return (
        f'<path d="{d}" fill="none" stroke="#1d2330" stroke-width="1.5"{dash} '
        f'marker-end="url(#org-arrow)"/>'
    )


def _box(p: Placed) -> str:
    fill = "#eef3f9" if p.body.kind.meets else "#f4f6f9"
    out = [
        f'<g><rect x="{p.x:.1f}" y="{p.y:.1f}" width="{BOX_W}" height="{p.h:.0f}" rx="6" '
        f'fill="{fill}" stroke="#1f5f99" stroke-width="1.5"/>'
    ]
    ty = p.y + 8 + LINE_H - 3
    for line in p.lines:
        out.append(
            f'<text x="{p.x + BOX_W / 2:.1f}" y="{ty:.1f}" text-anchor="middle" '
            f'font-size="{p.size}" font-weight="bold" fill="#1d2330">{escape(line)}</text>'
        )
        ty += LINE_H
    for line in p.sub:
        out.append(
            f'<text x="{p.x + BOX_W / 2:.1f}" y="{ty:.1f}" text-anchor="middle" '
            f'font-size="{SUB_SIZE}" fill="#5a6272">{escape(line)}</text>'
        )
        ty += SUB_H
    out.append("</g>")
    return "".join(out)


def _describe(plan: Plan, links: list[Edge], apart: list[list[str]], lang: Lang) -> str:
    """The diagram in words, for screen readers: one clause per link, then the bodies
    drawn apart."""
    bodies = plan.bodies()
    grouped: dict[tuple[str, str, Link], list[Edge]] = {}
    for e in links:
        grouped.setdefault((e.source, e.target, e.kind), []).append(e)

    def name(node: str) -> str:
        return illustrative(bodies[node].name, bodies[node].illustrative, lang)

    def how(e: Edge) -> str:
        return f"({e.label}, {ILLUSTRATIVE(lang)})" if e.illustrative else f"({e.label})"

    clauses = []
    for (source, target, kind), group in grouped.items():
        clause = f"{name(source)} {LINK_TEXT[kind](lang)} {name(target)}"
        if kind is Link.REPORTS and group[0].what:
            reports = [f"{e.what} {how(e)}" for e in group]
            clause += ": " + AND(lang).join([", ".join(reports[:-1]), reports[-1]])
        elif kind is Link.REPORTS:
            clause += f" {how(group[0])}"
        clauses.append(clause)
    alone = [name(n) for row in apart for n in row]
    if alone:
        clauses.append(f"{LOOSE_TEXT(lang)}: {', '.join(alone)}")
    return "; ".join(clauses) + "." if clauses else ""
