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
from dataclasses import dataclass
from enum import Enum
from html import escape

from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.organisation import Body
from trygghet_cli.model.plan import Plan


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


LINK_TEXT = {
    Link.REPORTS: Text("rapporterar till", "reports to"),
    Link.UNDER: Text("under", "under"),
    Link.APPOINTED: Text("tillsatt av", "appointed by"),
}


def edges(plan: Plan, lang: Lang) -> list[Edge]:
    """Every link between two bodies of the plan, in file order."""
    bodies = plan.bodies()
    out: list[Edge] = []
    for body in bodies.values():
        for line in body.reporting:
            for target in line.to:
                if target in bodies and target != body.id:
                    out.append(Edge(body.id, target, Link.REPORTS, line.cadence.describe(lang)))
        if body.parent and body.parent in bodies and body.parent != body.id:
            out.append(Edge(body.id, body.parent, Link.UNDER, LINK_TEXT[Link.UNDER](lang)))
        if body.appointed_by and body.appointed_by in bodies and body.appointed_by != body.id:
            out.append(
                Edge(body.id, body.appointed_by, Link.APPOINTED, LINK_TEXT[Link.APPOINTED](lang))
            )
    return out


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
        lines.append(f'    {ids[b.id]}["{_mermaid_text(b.name)}"]')
    for e in edges(plan, lang):
        arrow = {Link.REPORTS: "-->", Link.UNDER: "-.->", Link.APPOINTED: "-.->"}[e.kind]
        lines.append(f'    {ids[e.source]} {arrow}|"{_mermaid_text(e.label)}"| {ids[e.target]}')
    return "\n".join(lines) + "\n"


# --- SVG -------------------------------------------------------------------------------------

BOX_W, GAP_X, ROW_H, MARGIN, LINE_H, PER_ROW, LANE = 200, 28, 120, 20, 16, 5, 14


@dataclass(frozen=True)
class Placed:
    body: Body
    x: float
    y: float
    h: float
    lines: tuple[str, ...]
    sub: str


def layers(plan: Plan, links: list[Edge]) -> list[list[str]]:
    """Rows of body ids, top first: a body sits one row below the highest body it points to.

    Bodies with no links at all go in a last row. Cycles are broken where they are met.
    """
    order = list(plan.bodies())
    up: dict[str, list[str]] = {b: [] for b in order}
    for e in links:
        if e.target not in up[e.source]:
            up[e.source].append(e.target)
    linked = {e.source for e in links} | {e.target for e in links}
    depth: dict[str, int] = {}

    def visit(node: str, path: frozenset[str]) -> int:
        if node in depth:
            return depth[node]
        above = [visit(t, path | {node}) for t in up[node] if t not in path]
        depth[node] = 1 + max(above) if above else 0
        return depth[node]

    for node in order:
        visit(node, frozenset())
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
    loose = [n for n in order if n not in linked]
    if loose:
        rows.append(loose)
    wrapped: list[list[str]] = []
    for row in rows:
        wrapped.extend(row[i : i + PER_ROW] for i in range(0, len(row), PER_ROW))
    return wrapped


def svg(plan: Plan, lang: Lang, title: str) -> str:
    """The organisation as an inline SVG, with ``role="img"``, a title and a description."""
    links = edges(plan, lang)
    rows = layers(plan, links)
    if not rows:
        return ""
    bodies = plan.bodies()
    widest = max(len(r) for r in rows)
    row_of = {node: i for i, row in enumerate(rows) for node in row}
    long = [e for e in links if row_of[e.source] - row_of[e.target] > 1]
    inner = MARGIN * 2 + widest * BOX_W + (widest - 1) * GAP_X
    width = inner + (LANE * len(long) + MARGIN if long else 0)
    placed: dict[str, Placed] = {}
    y = MARGIN + 10.0
    for row in rows:
        row_w = len(row) * BOX_W + (len(row) - 1) * GAP_X
        x = (width - row_w) / 2
        tallest = 0.0
        for node in row:
            body = bodies[node]
            lines = tuple(textwrap.wrap(body.name, 22)[:3])
            sub = body.cadence.describe(lang) if body.cadence else ""
            h = 16 + LINE_H * len(lines) + (LINE_H if sub else 0)
            placed[node] = Placed(body, x, y, h, lines, sub)
            tallest = max(tallest, h)
            x += BOX_W + GAP_X
        y += max(ROW_H, tallest + 60)
    height = y - ROW_H + max(p.h for p in placed.values()) + MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" '
        f'aria-labelledby="org-title org-desc" font-family="DejaVu Sans, Arial, sans-serif">',
        f'<title id="org-title">{escape(title)}</title>',
        f'<desc id="org-desc">{escape(_describe(plan, links, lang))}</desc>',
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
            f'<text x="{p.x + BOX_W / 2:.1f}" y="{ty:.1f}" text-anchor="middle" font-size="13" '
            f'font-weight="bold" fill="#1d2330">{escape(line)}</text>'
        )
        ty += LINE_H
    if p.sub:
        out.append(
            f'<text x="{p.x + BOX_W / 2:.1f}" y="{ty:.1f}" text-anchor="middle" font-size="11" '
            f'fill="#5a6272">{escape(p.sub)}</text>'
        )
    out.append("</g>")
    return "".join(out)


def _describe(plan: Plan, links: list[Edge], lang: Lang) -> str:
    """The diagram in words, for screen readers: one clause per link."""
    bodies = plan.bodies()
    clauses = [
        f"{bodies[e.source].name} {LINK_TEXT[e.kind](lang)} {bodies[e.target].name}"
        + (f" ({e.label})" if e.kind is Link.REPORTS else "")
        for e in links
    ]
    return "; ".join(clauses) + "." if clauses else ""
