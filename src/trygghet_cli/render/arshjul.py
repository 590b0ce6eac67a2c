"""The årshjul drawn: a circle of twelve months, January at the top and clockwise, with each
fixed date of the year at its month.

Built here as SVG text, deterministic (coordinates rounded to a tenth), every label escaped.
A late date says so in words (``försenad``), not only in colour; the picture has
``role="img"``, a title and a description, and the page shows the same dates as a table next
to it (:func:`table`).
"""

from __future__ import annotations

import calendar
import math
from datetime import date
from html import escape

from trygghet_cli.followup.arshjul import WheelEntry, WheelState
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.render.orgchart import short, text_width
from trygghet_cli.render.tables import Table
from trygghet_cli.wording import Formatter, month_name, short_month_name

STATE = {
    WheelState.DONE: Text("klar", "done"),
    WheelState.LATE: Text("försenad", "late"),
    WheelState.COMING: Text("kommande", "coming"),
}
INK = "#1d2330"
LATE = "#a3161b"
DONE = "#1f6a3a"
GREY = "#5a6272"
FILLS = ("#eef1f6", "#dde3ec")
INNER, RING, DOTS, LABELS = 92.0, 150.0, 162.0, 178.0
HAND = 46.0
"""Where the hand begins, outside the year and the day written in the centre."""
SIZE, LINE = 12.0, 16.0
MOST = 5
"""Labels shown at one month; more are summed up (``och 3 till``) and listed in the table."""


def _angle(month: int) -> float:
    """The middle of the month's sector, in radians from the top, clockwise."""
    return math.radians((month - 0.5) * 30)


def _point(angle: float, radius: float) -> tuple[float, float]:
    return radius * math.sin(angle), -radius * math.cos(angle)


def _day(day: date, lang: Lang) -> str:
    return Formatter(lang).day_month(day)


def label(entry: WheelEntry, lang: Lang) -> str:
    """``31 dec. Handlingsprogram (försenad, 2024)``: a line at the entry's month."""
    state = STATE[entry.state](lang)
    if entry.state is WheelState.LATE:
        state = f"{state}, {entry.period(lang)}"
    return f"{_day(entry.due, lang)} {short(entry.what, 36)} ({state})"


def describe(entries: tuple[WheelEntry, ...], as_of: date, lang: Lang) -> str:
    """The picture in words: how it is laid out, and every date with its state."""
    year = as_of.year
    listed = "; ".join(
        f"{_day(e.due, lang)} {e.due.year}: {e.what} ({STATE[e.state](lang)}, {e.period(lang)})"
        for e in entries
    )
    late = sum(1 for e in entries if e.state is WheelState.LATE)
    return Text(
        f"Årshjul för {year}: årets tolv månader runt en cirkel, januari överst och medurs. "
        f"{len(entries)} fasta datum, varav {late} försenade den {as_of.isoformat()}: "
        f"{listed}.",
        f"Annual wheel for {year}: the twelve months round a circle, January at the top, "
        f"clockwise. {len(entries)} fixed dates, {late} of them late on {as_of.isoformat()}: "
        f"{listed}.",
    )(lang)


def _text(
    x: float, y: float, text: str, anchor: str, *, fill: str = INK, bold: bool = False
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{SIZE:.0f}" '
        f'fill="{fill}"{weight}>{escape(text)}</text>'
    )


def svg(entries: tuple[WheelEntry, ...], as_of: date, lang: Lang, title: str) -> str:
    """The wheel of ``as_of``'s year as an inline SVG document, with a hand at ``as_of``."""
    year = as_of.year
    parts: list[str] = []
    box = [-LABELS, -LABELS, LABELS, LABELS]  # min x, min y, max x, max y

    def grow(x0: float, y0: float, x1: float, y1: float) -> None:
        box[:] = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]

    for month in range(1, 13):
        start, end = math.radians((month - 1) * 30), math.radians(month * 30)
        (ax, ay), (bx, by) = _point(start, RING), _point(end, RING)
        (cx, cy), (dx, dy) = _point(end, INNER), _point(start, INNER)
        parts.append(
            f'<path d="M{ax:.1f},{ay:.1f} A{RING:.0f},{RING:.0f} 0 0 1 {bx:.1f},{by:.1f} '
            f'L{cx:.1f},{cy:.1f} A{INNER:.0f},{INNER:.0f} 0 0 0 {dx:.1f},{dy:.1f} Z" '
            f'fill="{FILLS[(month - 1) % 2]}" stroke="{GREY}" stroke-width="1"/>'
        )
        mx, my = _point(_angle(month), (INNER + RING) / 2)
        parts.append(_text(mx, my + SIZE / 3, short_month_name(month, lang), "middle", bold=True))
    # the day judged: a hand from the centre
    through = (as_of.timetuple().tm_yday - 0.5) / (366 if calendar.isleap(year) else 365)
    (hx0, hy0), (hx1, hy1) = (_point(2 * math.pi * through, r) for r in (HAND, INNER - 4))
    parts.append(
        f'<line x1="{hx0:.1f}" y1="{hy0:.1f}" x2="{hx1:.1f}" y2="{hy1:.1f}" stroke="{INK}" '
        'stroke-width="3"/>'
    )
    parts.append(_text(0, -4, str(year), "middle", bold=True))
    parts.append(_text(0, 14, Text("per ", "as of ")(lang) + _day(as_of, lang), "middle"))
    by_month: dict[int, list[WheelEntry]] = {}
    for e in entries:
        by_month.setdefault(e.due.month, []).append(e)
    for month, here in sorted(by_month.items()):
        angle = _angle(month)
        for i, e in enumerate(here[:MOST]):
            spread = math.radians((i - (min(len(here), MOST) - 1) / 2) * 4)
            x, y = _point(angle + spread, DOTS)
            if e.state is WheelState.LATE:
                fill, stroke = LATE, LATE
            elif e.state is WheelState.DONE:
                fill, stroke = DONE, DONE
            else:
                fill, stroke = "#ffffff", INK
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{fill}" stroke="{stroke}" '
                'stroke-width="1.5"/>'
            )
        lines: list[tuple[str, WheelState | None]] = [
            (label(e, lang), e.state) for e in here[:MOST]
        ]
        if len(here) > MOST:
            more = len(here) - MOST
            lines.append((Text(f"och {more} till", f"and {more} more")(lang), None))
        x, y = _point(angle, LABELS)
        anchor = "start" if x >= 0 else "end"
        up = y < 0
        for k, (line, state) in enumerate(lines):
            step = -(len(lines) - 1 - k) if up else k
            ly = y + SIZE / 3 + step * LINE
            late = state is WheelState.LATE
            colour = LATE if late else DONE if state is WheelState.DONE else INK
            parts.append(_text(x, ly, line, anchor, fill=colour, bold=late))
            width = text_width(line, SIZE, bold=late)
            grow(
                x if anchor == "start" else x - width,
                ly - SIZE,
                x + width if anchor == "start" else x,
                ly + 4,
            )
    pad = 12.0
    x0, y0 = box[0] - pad, box[1] - pad
    width, height = box[2] - box[0] + 2 * pad, box[3] - box[1] + 2 * pad
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.1f} {y0:.1f} {width:.1f} '
        f'{height:.1f}" width="{width:.0f}" height="{height:.0f}" role="img" '
        f'aria-labelledby="arshjul-title arshjul-desc" '
        f'font-family="DejaVu Sans, Arial, sans-serif">',
        f'<title id="arshjul-title">{escape(title)}</title>',
        f'<desc id="arshjul-desc">{escape(describe(entries, as_of, lang))}</desc>',
    ]
    return "\n".join([*head, *parts, "</svg>"]) + "\n"


def table(entries: tuple[WheelEntry, ...], fmt: Formatter, caption: str) -> Table:
    """The wheel's dates as a table: its text alternative."""
    lang = fmt.lang
    rows = tuple(
        (
            f"{month_name(e.due.month, lang)} {e.due.year}",
            fmt.date(e.due),
            e.what,
            e.who or "–",
            e.period(lang),
            e.cadence(lang),
            STATE[e.state](lang).capitalize(),
        )
        for e in entries
    )
    return Table(tuple(h(lang) for h in _HEADERS), rows, caption=caption)


_HEADERS = (
    Text("Månad", "Month"),
    Text("Senast", "Due by"),
    Text("Vad", "What"),
    Text("Vem", "Who"),
    Text("Avser", "For"),
    Text("Kadens", "Cadence"),
    Text("Läge", "Status"),
)
