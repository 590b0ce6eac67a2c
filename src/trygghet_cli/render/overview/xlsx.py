"""The overview as an xlsx workbook a county officer can filter: one sheet per table, the
header row frozen and filtered, numbers and dates as numbers and dates in Swedish formats.

Written by pandas with openpyxl, then finished with openpyxl (filters, frozen panes, number
formats, widths). The file is the same for the same overview: the workbook's dates are the
overview's day and the zip entries carry a fixed time.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time

import pandas as pd
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from trygghet_cli.analysis.overview import Overview
from trygghet_cli.analysis.overview_tables import OverviewTables
from trygghet_cli.i18n import Lang
from trygghet_cli.render.overview.labels import SHEETS, named_tables, worded

INTEGER = "#,##0"
"""Digit groups: 15 079 in Swedish Excel (Excel shows the format in the reader's locale)."""
DECIMAL = "#,##0.0##"
SIGNED = "+#,##0.0#;-#,##0.0#;0.0"
SHARE = "0.0 %"
DAY = "yyyy-mm-dd"
"""ISO dates, Sweden's own short form (2021-12-13)."""

_DECIMALS = {"value", "national"}
_SIGNED = {"difference"}
_SHARES = {"share_late"}
_DATES = {"last_meeting", "since", "last", "due"}


def render(overview: Overview, tables: OverviewTables, lang: Lang) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for key, frame in named_tables(tables):
            sheet = SHEETS[key](lang)
            worded(key, frame, lang).to_excel(writer, sheet_name=sheet, index=False)
            _finish(writer.sheets[sheet], frame)
        book = writer.book
        moment = datetime.combine(overview.as_of, time())
        book.properties.created = moment
        book.properties.creator = "trygg"
        book.properties.lastModifiedBy = "trygg"
    return _fixed_times(buffer.getvalue(), overview.as_of)


def _finish(sheet: Worksheet, frame: pd.DataFrame) -> None:
    """Filter and freeze the header; number formats by column; widths to fit the headings.

    openpyxl takes any text that begins with ``=`` for a formula: every cell here is data from
    a plan, so such a cell is made text again (the xlsx form of the CSV's apostrophe)."""
    columns = len(frame.columns)
    rows = len(frame) + 1
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows}"
        sheet.freeze_panes = "A2"
    for i, key in enumerate(frame.columns, start=1):
        letter = get_column_letter(i)
        number_format = _format(str(key), frame[key])
        width = len(str(sheet.cell(row=1, column=i).value or "")) + 2
        for row in range(2, rows + 1):
            cell = sheet.cell(row=row, column=i)
            if cell.data_type == "f":
                cell.data_type = "s"  # a plan's text that begins with '=' stays text
            if number_format is not None and cell.value is not None:
                cell.number_format = number_format
            width = max(width, min(len(str(cell.value or "")) + 2, 60))
        sheet.column_dimensions[letter].width = max(width, 8)


def _format(key: str, column: pd.Series) -> str | None:
    if key in _DATES:
        return DAY
    if key in _SHARES:
        return SHARE
    if key in _SIGNED:
        return SIGNED
    if key in _DECIMALS or pd.api.types.is_float_dtype(column):
        return DECIMAL
    if pd.api.types.is_integer_dtype(column) and not pd.api.types.is_bool_dtype(column):
        return INTEGER
    return None


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fixed_times(data: bytes, day: date) -> bytes:
    """The same zip with every entry dated ``day``, and the workbook's "modified" too (openpyxl
    sets it to the moment of saving), so that the same overview gives the same bytes."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    modified = f"{day.isoformat()}T00:00:00Z".encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(lambda m: m[1] + modified + m[2], content)
            target.writestr(fixed, content)
    return out.getvalue()
