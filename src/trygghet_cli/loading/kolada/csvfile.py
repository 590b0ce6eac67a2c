"""Kolada figures as a long CSV file: ``kpi;kommun;period;kön;värde`` with a header line."""

from __future__ import annotations

import csv
import io
import re

from trygghet_cli.diagnostics import Diagnostic, make
from trygghet_cli.i18n import Text
from trygghet_cli.loading.kolada.fields import (
    COLUMNS,
    GENDER_WORDS,
    KOMMUNKOD,
    KPI_ID,
    SUPPRESSED,
    ZERO,
    KoladaRow,
    bad_field,
    out_of_range,
    parse_number,
    parse_period,
)


def parse_csv(text: str, file: str) -> tuple[list[KoladaRow], list[Diagnostic]]:
    lines = text.split("\n")
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        return [], [make("TRY509", file, 1, 1)]
    header_line = lines[header_index]
    delimiter = next((d for d in (";", "\t", ",") if d in header_line), ";")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    rows: list[KoladaRow] = []
    diags: list[Diagnostic] = []
    columns: dict[str, int] | None = None
    width = 0
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if columns is None:
                columns, missing = _header(record)
                width = len(record)
                heading = ";".join(cell.strip() for cell in record)
                if missing:
                    return [], [make("TRY503", file, line, 1, missing=missing, found=heading)]
                twice = _twice(record)
                if twice:
                    return [], [make("TRY512", file, line, 1, heading=twice, found=heading)]
                continue
            if len(record) != width:
                truncated = len(record) < width and line == _last_line(lines)
                diags.append(
                    make(
                        "TRY504",
                        file,
                        line,
                        1,
                        count=len(record),
                        expected=width,
                        truncated=_TRUNCATED if truncated else Text("", ""),
                    )
                )
                continue
            row, problems = _csv_row(
                record, columns, file, line, _cell_columns(lines, line, record)
            )
            diags.extend(problems)
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        diags.append(make("TRY511", file, start, 1, problem=_csv_problem(exc, delimiter)))
    if columns is None:
        return [], [make("TRY509", file, 1, 1)]
    return rows, diags


def _csv_problem(exc: csv.Error, delimiter: str) -> Text:
    """Python's csv messages (English) said in the user's language."""
    text = str(exc)
    if text.startswith("unexpected end of data"):
        return Text(
            'ett värde som börjar med " slutar aldrig (citattecknet stängs inte före filens slut)',
            'a value that starts with " never ends (the quote is not closed before the end of '
            "the file)",
        )
    if re.match(r"^'.' expected after '\"'", text):
        sv = "tabb" if delimiter == "\t" else f"'{delimiter}'"
        en = "a tab" if delimiter == "\t" else f"'{delimiter}'"
        return Text(
            f"efter ett avslutande citattecken ska det stå {sv} eller radslut",
            f"a closing quote must be followed by {en} or the end of the line",
        )
    if text.startswith("field larger than field limit"):
        return Text(
            "ett värde är för långt för att vara ett fält i en Kolada-export",
            "a value is too long to be a field of a Kolada export",
        )
    return Text(text, text)


_TRUNCATED = Text(" (filen verkar avklippt mitt i raden)", " (the file seems cut off mid-line)")


def _last_line(lines: list[str]) -> int:
    return max((i + 1 for i, line in enumerate(lines) if line.strip()), default=1)


def _header(record: list[str]) -> tuple[dict[str, int], str]:
    """Where each column is, and the columns that are missing (empty when none is)."""
    names = [cell.strip().lstrip("\ufeff").strip('"').lower() for cell in record]
    columns: dict[str, int] = {}
    for field, aliases in COLUMNS.items():
        index = next((i for i, name in enumerate(names) if name in aliases), None)
        if index is not None:
            columns[field] = index
    return columns, ", ".join(field for field in COLUMNS if field not in columns)


def _twice(record: list[str]) -> str:
    """The first of the five fields that more than one column of the header names, or ''."""
    names = [cell.strip().lstrip("\ufeff").strip('"').lower() for cell in record]
    for field, aliases in COLUMNS.items():
        if sum(name in aliases for name in names) > 1:
            return field
    return ""


def _cell_columns(lines: list[str], line: int, record: list[str]) -> list[int]:
    """1-based columns where each cell starts, when the record is on one line."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    out, position = [], 1
    for cell in record:
        found = text.find(cell, position - 1) if cell else -1
        out.append(found + 1 if found >= 0 else position)
        position = (found + len(cell) + 2) if found >= 0 else position + 1
    return out


def _csv_row(
    record: list[str], columns: dict[str, int], file: str, line: int, cols: list[int]
) -> tuple[KoladaRow | None, list[Diagnostic]]:
    diags: list[Diagnostic] = []

    def cell(name: str) -> tuple[str, int]:
        index = columns[name]
        return record[index].strip(), cols[index] if index < len(cols) else 1

    kpi, kpi_col = cell("kpi")
    municipality, mun_col = cell("kommun")
    period_text, period_col = cell("period")
    gender_text, gender_col = cell("kön")
    value_text, value_col = cell("värde")

    kpi = kpi.upper()
    if not KPI_ID.match(kpi):
        diags.append(bad_field(file, line, kpi_col, kpi, "kpi"))
    if KOMMUNKOD.match(municipality.upper()):
        municipality = municipality.upper()  # g33402 as G33402
    if re.fullmatch(r"\d{3}", municipality):
        municipality = "0" + municipality  # a spreadsheet dropped the leading zero
    if not KOMMUNKOD.match(municipality):
        diags.append(bad_field(file, line, mun_col, municipality, "kommun"))
    period = parse_period(period_text, file, line, period_col, diags)
    gender = GENDER_WORDS.get(gender_text.lower())
    if gender is None:
        diags.append(bad_field(file, line, gender_col, gender_text, "kön"))
    value: float | None = None
    suppressed = value_text == SUPPRESSED
    if value_text == ZERO:
        value = 0.0
    elif value_text and not suppressed:
        value = parse_number(value_text)
        if value is None or out_of_range(value):
            diags.append(
                make(
                    "TRY505" if value is None else "TRY513",
                    file,
                    line,
                    value_col,
                    value=value_text,
                    field=Text("kolumnen värde", "the column värde"),
                )
            )
    if diags or period is None or gender is None:
        return None, diags
    return (
        KoladaRow(line, 1, kpi, municipality, period, gender, value, suppressed),
        [],
    )
