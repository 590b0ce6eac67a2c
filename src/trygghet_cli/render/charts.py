"""Charts of an indicator against the national figures, as SVG from matplotlib.

matplotlib is imported only when a chart is drawn. Time runs along a numeric axis: a year is
placed at its number and a quarter or a month at its start date (as a fraction of its year), so
2019, 2020 and 2023 are drawn with the gap where 2021 and 2022 are missing; ticks are whole
years. The SVG is byte-identical for the same input: ``svg.hashsalt`` is fixed (per chart, so
that ids never clash when several charts are inlined in one page), there is no metadata (no
date, and no RDF, which HTML does not allow), text stays text (``svg.fonttype: none``) laid out
with the DejaVu Sans metrics that matplotlib ships.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any, cast

from trygghet_cli.i18n import Lang, Text
from trygghet_cli.model.indicators import Unit
from trygghet_cli.model.periods import Period, PeriodKind
from trygghet_cli.wording import Formatter

PLAN_COLOUR = "#1f5f99"
NATIONAL_COLOUR = "#7a7f8a"
TARGET_COLOUR = "#a3300f"
ILLUSTRATIVE_COLOUR = "#1d2330"
ILLUSTRATIVE_LABEL = Text("Påhittat värde (illustrativt)", "Made-up value (illustrative)")

_DEFAULT_METADATA = ("Creator", "Date", "Format", "Type")
"""What matplotlib writes as RDF by default; set to None, it writes no ``<metadata>`` at all
(RDF inside an HTML page is an error to the Nu HTML checker, and the date would change)."""


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[tuple[Period, float, bool], ...]
    """(period, value, preliminary)"""
    illustrative: frozenset[Period] = frozenset()
    """The periods whose value the plan marks as made up for the example: drawn with a
    cross, which the legend names."""


@dataclass(frozen=True)
class ChartData:
    key: str
    """A stable id for the chart (the indicator's id): salts the SVG's internal ids."""
    unit: Unit
    plan: Series
    national: Series | None
    targets: tuple[tuple[Period, float], ...]


def line_chart(data: ChartData, lang: Lang, alt: str, described_by: str = "") -> str:
    """An SVG document (without the XML prolog) with ``role="img"`` and a ``<title>``;
    ``described_by`` is the id of the element that gives its numbers (the data table)."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    fmt = Formatter(lang)
    periods = sorted(
        {p for p, _, _ in data.plan.points}
        | ({p for p, _, _ in data.national.points} if data.national else set())
        | {p for p, _ in data.targets}
    )
    settings: dict[str, Any] = {
        "svg.hashsalt": f"trygg-{data.key}",
        "svg.fonttype": "none",
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": "#5a6272",
        "axes.labelcolor": "#1d2330",
        "xtick.color": "#1d2330",
        "ytick.color": "#1d2330",
        "svg.image_inline": True,
        "text.parse_math": False,  # a name with '$' in it is text, never mathtext
    }
    with matplotlib.rc_context(cast(Any, settings)):
        fig = Figure(figsize=(7.0, 3.2), dpi=100)
        FigureCanvasSVG(fig)
        ax = fig.add_subplot(1, 1, 1)
        _draw(ax, data.plan, PLAN_COLOUR, "-", "o")
        if data.national is not None:
            _draw(ax, data.national, NATIONAL_COLOUR, "--", "s")
        made_up = [
            (position(p), v)
            for series in (data.plan, data.national)
            if series is not None
            for p, v, _ in series.points
            if p in series.illustrative
        ]
        if made_up:
            ax.plot(
                [x for x, _ in made_up],
                [y for _, y in made_up],
                linestyle="none",
                marker="x",
                markersize=10,
                markeredgewidth=2,
                color=ILLUSTRATIVE_COLOUR,
                label=_LABEL + ILLUSTRATIVE_LABEL(lang),
            )
        if data.targets:
            ax.plot(
                [position(p) for p, _ in data.targets],
                [v for _, v in data.targets],
                linestyle="none",
                marker="D",
                markersize=8,
                color=TARGET_COLOUR,
                label=_LABEL + Text("Målvärde", "Target")(lang),
            )
        _time_axis(ax, periods)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _tick(v, data.unit, fmt)))
        values = [v for _, v, _ in data.plan.points] + [v for _, v in data.targets]
        if data.national is not None:
            values += [v for _, v, _ in data.national.points]
        top = max(values, default=1.0)
        ax.set_ylim(0, top * 1.15 if top > 0 else 1.0)
        ax.grid(axis="y", color="#d7dbe3", linewidth=0.8)
        ax.set_axisbelow(True)
        handles, labels = _legend_entries(ax)
        entries = len(labels)
        ax.legend(
            handles,
            labels,
            loc="lower left",
            frameon=False,
            ncols=entries if entries <= 3 else 2,
            bbox_to_anchor=(0, 1.0),
        )
        with warnings.catch_warnings():
            # a legend too wide for the figure (a very long name) keeps the default margins
            warnings.simplefilter("ignore", UserWarning)
            fig.tight_layout()
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata=dict.fromkeys(_DEFAULT_METADATA))
    return _accessible(_prefix_ids(buffer.getvalue(), f"chart-{data.key}-"), alt, described_by)


def position(period: Period) -> float:
    """Where a period sits on the time axis: its year, plus the part of the year before its
    start (2021 → 2021.0, kvartal 3 2021 → about 2021.5)."""
    start = period.start
    first = date(start.year, 1, 1)
    days = (date(start.year + 1, 1, 1) - first).days
    return start.year + (start - first).days / days


def _time_axis(ax: Any, periods: list[Period]) -> None:
    """Whole years as labelled ticks; a quarter's or a month's start as a small tick."""
    xs = [position(p) for p in periods]
    annual = all(p.kind is PeriodKind.YEAR for p in periods)
    pad = 0.5 if annual else 0.125
    lo = min(math.floor(min(xs)), min(xs) - pad) if not annual else min(xs) - pad
    hi = max(xs) + pad
    years = list(range(math.ceil(lo), math.floor(hi) + 1))
    step = max(1, math.ceil(len(years) / 12))
    shown = [y for y in years if (y - years[0]) % step == 0]
    ax.set_xticks(shown, [str(y) for y in shown])
    ax.set_xticks(sorted({x for x in xs if not float(x).is_integer()}), minor=True)
    ax.set_xlim(lo, hi)


def _draw(ax: object, series: Series, colour: str, style: str, marker: str) -> None:
    xs = [position(p) for p, _, _ in series.points]
    ys = [v for _, v, _ in series.points]
    (line,) = ax.plot(xs, ys, linestyle=style, marker=marker, color=colour, linewidth=2)  # type: ignore[attr-defined]
    line.set_label(_LABEL + series.label)
    hollow = [(position(p), v) for p, v, prel in series.points if prel]
    if hollow:
        ax.plot(  # type: ignore[attr-defined]
            [x for x, _ in hollow],
            [y for _, y in hollow],
            linestyle="none",
            marker=marker,
            markerfacecolor="white",
            markeredgecolor=colour,
            markeredgewidth=2,
            markersize=7,
        )


_LABEL = "\x00legend:"
"""Marks the lines that have a legend entry. matplotlib leaves out of the legend every label
that starts with '_' (a place called '_Norr' would vanish), so the entries are collected here
and handed to the legend as they are."""


def _legend_entries(ax: Any) -> tuple[list[Any], list[str]]:
    handles, labels = [], []
    for line in ax.get_lines():
        label = line.get_label()
        if label.startswith(_LABEL):
            handles.append(line)
            labels.append(label.removeprefix(_LABEL))
    return handles, labels


def _tick(value: float, unit: Unit, fmt: Formatter) -> str:
    decimals = 0 if abs(value) >= 100 or float(value).is_integer() else 1
    text = fmt.number(value, decimals)
    return text + (Text(" %", "%")(fmt.lang) if unit is Unit.PERCENT else "")


_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_ID_REF = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def _prefix_ids(svg: str, prefix: str) -> str:
    """Make every id unique to this chart, so that several charts fit in one HTML page."""
    return _ID_REF.sub(lambda m: m[1] + prefix + m[2], svg)


def _accessible(svg: str, alt: str, described_by: str = "") -> str:
    """Drop the XML prolog, give the root ``role="img"``, a label, a ``<title>`` and the id
    of its description."""
    start = svg.index("<svg")
    svg = svg[start:]
    match = _SVG_OPEN.search(svg)
    assert match is not None
    tag = match.group(0)
    label = escape(alt, quote=True)
    described = f' aria-describedby="{escape(described_by, quote=True)}"' if described_by else ""
    new_tag = tag[:-1] + f' role="img" aria-label="{label}"{described}>'
    return svg.replace(tag, new_tag + f"\n <title>{label}</title>", 1)
