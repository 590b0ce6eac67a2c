"""The overview as one self-contained, accessible HTML page.

The county's totals first, then one table per topic. Every table has a caption, column
headings with ``scope="col"`` and the kommun's name as a row heading; each column heading is
a button that sorts the table (by keyboard too) and says how in ``aria-sort``. Styles and the
small sorting script are inside the page: it opens from a file or an e-mail, offline.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from markupsafe import escape

from trygghet_cli.analysis.overview import Overview
from trygghet_cli.analysis.overview_tables import NATIONAL, OverviewTables
from trygghet_cli.i18n import Lang, Text
from trygghet_cli.identity_numbers import mask_identity_numbers
from trygghet_cli.model.indicators import Unit
from trygghet_cli.model.periods import Period, PeriodError
from trygghet_cli.render.overview.labels import (
    DIFFERENCE_KINDS,
    DUTY_STATES,
    OBLIGATION_NAMES,
    SHEETS,
    STATE_NAMES,
    VERDICTS,
    body_kind,
    heading,
    named_tables,
    unit_name,
)
from trygghet_cli.render.templating import (
    environment,
    render_template,
    safe,
    template_root,
    translator,
)
from trygghet_cli.wording import Formatter, period_text, plural

_DATE_COLUMNS = {"last_meeting", "since", "last", "due"}
_ROW_HEADING = ("kommun", "county", "series_name")
"""The first of these that a table has names its rows."""
_LEFT_OUT = {
    "counties": {"county_code"},
    "kommuner": {"county_code", "path"},
    "bodies": {"county_code", "county", "kommunkod", "body"},
    "body_types": {"county_code"},
    "indicators": {"county_code", "county", "kommunkod", "series"},
    "indicators_wide": {"county_code", "county", "kommunkod"},
    "years": {"series"},
}
"""Columns the page leaves to the other formats (codes that a name beside them says)."""

_CAPTIONS: dict[str, Text] = {
    "counties": Text(
        "Länen: kommuner, lagens krav, organ efter sin mötesfrekvens och det som är försenat",
        "Counties: municipalities, the act's obligations, bodies behind their cadence and "
        "what is overdue",
    ),
    "kommuner": Text(
        "Kommunerna: lagens tre krav, möten, det som är försenat och planens kontroll",
        "Municipalities: the act's three obligations, meetings, what is overdue and the "
        "plan's check",
    ),
    "bodies": Text(
        "Organens möten mot sin mötesfrekvens", "The bodies' meetings against their cadence"
    ),
    "body_types": Text("Organ per län och typ", "Bodies by county and type"),
    "indicators": Text(
        "Nyckeltalens senaste värde mot riket", "The indicators' latest value against the country"
    ),
    "indicators_wide": Text(
        "Nyckeltal per kommun: senaste värde", "Indicators by municipality: latest value"
    ),
    "years": Text(
        "Nyckeltal per år: varje kommuns värden och rikets",
        "Indicators by year: each municipality's values and the country's",
    ),
}


@dataclass(frozen=True)
class _Cell:
    text: str
    sort: str
    numeric: bool
    header: bool = False
    css: str = ""


def render(overview: Overview, tables: OverviewTables, lang: Lang) -> str:
    fmt = Formatter(lang)
    t = translator(lang)
    memo = _Memo(fmt)
    sections = [_table(key, frame, memo) for key, frame in named_tables(tables)]
    county = overview.plans[0].county if overview.county and overview.plans else ""
    context: dict[str, Any] = {
        "lang": lang,
        "t": t,
        "as_of": fmt.date(overview.as_of),
        "as_of_iso": overview.as_of.isoformat(),
        "county": mask_identity_numbers(county),
        "county_code": overview.county or "",
        "plan_count": fmt.number(len(overview.plans)),
        "plans_word": plural(len(overview.plans), Text("plan", "plan"), Text("planer", "plans"))(
            lang
        ),
        "left_out": overview.left_out,
        "within": overview.window.within,
        "sections": sections,
        "law": [OBLIGATION_NAMES[k](lang) for k in OBLIGATION_NAMES],
    }
    env = environment("html", [template_root() / "overview", template_root() / "shared"])
    return render_template(env, "overview.html.j2", context)


def _table(key: str, frame: pd.DataFrame, fmt: _Memo) -> dict[str, Any]:
    lang = fmt.lang
    columns = [c for c in frame.columns if str(c) not in _LEFT_OUT.get(key, set())]
    row_heading = next((c for c in _ROW_HEADING if c in columns), None)
    if row_heading is not None:  # the row's name first, as a reader looks for it
        columns.remove(row_heading)
        columns.insert(0, row_heading)
    numeric = [_numeric(frame[c]) for c in columns]
    body: list[list[_Cell]] = []
    foot: list[list[_Cell]] = []
    for record in frame.to_dict(orient="records"):
        cells = [_cell(key, str(c), record[c], record, fmt, c == row_heading) for c in columns]
        total = key == "counties" and record["county_code"] == "" and len(frame) > 1
        (foot if total else body).append(cells)
    headers = [(heading(c, lang), n) for c, n in zip(columns, numeric, strict=True)]
    return {
        "id": key,
        "title": SHEETS[key](lang),
        "empty": frame.empty,
        "caption": _CAPTIONS[key](lang),
        "table": safe("html", _table_html(key, _CAPTIONS[key](lang), headers, body, foot)),
    }


def _table_html(
    key: str,
    caption: str,
    headers: list[tuple[str, bool]],
    body: list[list[_Cell]],
    foot: list[list[_Cell]],
) -> str:
    """One table, built here rather than in the template: a national overview has tens of
    thousands of cells, and every text is escaped on its way in."""
    out = [
        f'<table class="sortable" id="{key}-table">',
        f"<caption>{escape(caption)}</caption>",
        "<thead>",
        "<tr>"
        + "".join(
            f'<th scope="col"{_NUM if n else ""}><button type="button" class="sort">'
            f"{escape(text)}</button></th>"
            for text, n in headers
        )
        + "</tr>",
        "</thead>",
        "<tbody>",
        *("<tr>" + "".join(_td(c) for c in row) + "</tr>" for row in body),
        "</tbody>",
    ]
    if foot:
        out += ["<tfoot>", *("<tr>" + "".join(_td(c) for c in row) + "</tr>" for row in foot)]
        out.append("</tfoot>")
    out.append("</table>")
    return "\n".join(out)


_NUM = ' class="num"'


def _td(cell: _Cell) -> str:
    tag = "th" if cell.header else "td"
    scope = ' scope="row"' if cell.header else ""
    classes = " ".join(c for c in ("num" if cell.numeric else "", cell.css) if c)
    css = f' class="{classes}"' if classes else ""
    sort = f' data-sort="{escape(cell.sort)}"' if cell.sort != cell.text else ""
    return f"<{tag}{scope}{css}{sort}>{escape(cell.text)}</{tag}>"


def _cell(table: str, key: str, value: Any, record: Any, fmt: _Memo, header: bool) -> _Cell:
    lang = fmt.lang
    if _missing(value):
        return _Cell("–", "", False, header)
    if key in OBLIGATION_NAMES:
        return _Cell(_word(STATE_NAMES, value, lang), str(value), False, header, f"state-{value}")
    if key == "state":
        return _Cell(_word(DUTY_STATES, value, lang), str(value), False, header, f"duty-{value}")
    if key == "verdict":
        return _Cell(_word(VERDICTS, value, lang), str(value), False, header)
    if key == "difference_kind":
        return _Cell(_word(DIFFERENCE_KINDS, value, lang), str(value), False, header)
    if key == "kind":
        return _Cell(body_kind(str(value), lang), str(value), False, header)
    if key == "unit":
        return _Cell(unit_name(str(value), lang), str(value), False, header)
    if key == "law_applies":
        return _Cell(Text("ja", "yes")(lang) if value else Text("nej", "no")(lang), "", False)
    if key == "period":
        return _Cell(_period(str(value), lang), str(value), False, header)
    if key == "kommunkod" and value == NATIONAL:
        return _Cell(Text("Riket", "Country")(lang), "~", False, header)
    if key in _DATE_COLUMNS and isinstance(value, date):
        return _Cell(fmt("date", value), value.isoformat(), False, header)
    if key == "share_late":
        return _Cell(fmt("percent", float(value) * 100, 1), repr(float(value)), True, header)
    if key == "difference":
        return _Cell(_difference(float(value), record, fmt), repr(float(value)), True, header)
    if key in ("value", "national"):
        unit = _unit(record)
        text = fmt("value", float(value), unit) if unit else fmt("number", float(value))
        return _Cell(text, repr(float(value)), True, header)
    if isinstance(value, bool):
        return _Cell(str(value), "", False, header)
    if isinstance(value, int) or (hasattr(value, "dtype") and value.dtype.kind in "iu"):
        return _Cell(fmt("number", int(value)), str(int(value)), True, header)
    if isinstance(value, float):
        unit = _unit(record) if table in ("indicators_wide", "years") else None
        text = fmt("value", value, unit) if unit else fmt("number", value)
        return _Cell(text, repr(value), True, header)
    text = mask_identity_numbers(str(value))
    return _Cell(text, text, False, header)


def _numeric(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def _missing(value: Any) -> bool:
    if value is None or value == "":
        return True
    return isinstance(value, float) and math.isnan(value)


def _word(table: dict[str, Text], value: Any, lang: Lang) -> str:
    text = table.get(str(value))
    return text(lang) if text is not None else str(value)


def _period(value: str, lang: Lang) -> str:
    try:
        return period_text(Period.parse(value))(lang)
    except PeriodError:
        return value


def _unit(record: Any) -> Unit | None:
    raw = record.get("unit") if hasattr(record, "get") else None
    try:
        return Unit(raw) if raw else None
    except ValueError:
        return None


def _difference(value: float, record: Any, fmt: _Memo) -> str:
    if record.get("difference_kind") == "percentage_points":
        return fmt("percentage_points", value)
    return fmt("signed_percent", value)


class _Memo:
    """The formatter, remembering what it made: a national overview shows the same counts,
    dates and values thousands of times, and Babel takes a while for each."""

    def __init__(self, fmt: Formatter) -> None:
        self.fmt = fmt
        self.lang = fmt.lang
        self._made: dict[tuple[object, ...], str] = {}

    def __call__(self, name: str, *args: Any) -> str:
        key = (name, *args)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = getattr(self.fmt, name)(*args)
        return made
