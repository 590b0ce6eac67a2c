"""Figures exported from Kolada, read into rows that know their line in the file.

Two formats are read:

* the JSON of Kolada's API (v2): ``{"values": [{"kpi", "municipality", "period", "values":
  [{"gender", "value", "status", "count"}]}]}``, one page or several pages one after the other
  (as they are saved by following ``next_page``), or a JSON list of pages;
* a long CSV file with a header line ``kpi;kommun;period;kön;värde``: semicolons (or tabs),
  decimal comma or point, ``..`` for a value that is not published and ``-`` for zero (Brå's
  conventions), UTF-8 with or without a byte-order mark.

Every damaged part of a file becomes a :class:`~trygghet_cli.diagnostics.Diagnostic` with the
file, line and column, and a file with any such finding gives no rows at all: an import is
all or nothing.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import json.decoder
import json.scanner
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trygghet_cli.diagnostics import Diagnostic, make
from trygghet_cli.i18n import Text
from trygghet_cli.model.periods import Period, PeriodError

GENDERS = ("T", "K", "M")
_GENDER_WORDS = {
    "t": "T",
    "totalt": "T",
    "total": "T",
    "alla": "T",
    "k": "K",
    "kvinnor": "K",
    "f": "K",  # Kolada's README writes F where the API answers K
    "m": "M",
    "män": "M",
}
_KPI = re.compile(r"^[A-Z]\d{5}$")
_KOMMUN = re.compile(r"^\d{4}$")
_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")
_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
SUPPRESSED = ".."
ZERO = "-"

_COLUMNS: dict[str, tuple[str, ...]] = {
    "kpi": ("kpi", "kpi_id", "nyckeltal", "id"),
    "kommun": ("kommun", "kommun_id", "kommunkod", "kommun-id", "municipality", "municipality_id"),
    "period": ("period", "år", "ar", "year"),
    "kön": ("kön", "kon", "gender"),
    "värde": ("värde", "varde", "value"),
}


@dataclass(frozen=True)
class KoladaRow:
    """One figure: a KPI for a municipality, a period and a gender, where the file has it."""

    line: int
    column: int
    kpi: str
    municipality: str
    period: Period
    gender: str
    value: float | None
    suppressed: bool = False
    status: str = ""

    @property
    def key(self) -> tuple[str, str, Period, str]:
        return (self.kpi, self.municipality, self.period, self.gender)


@dataclass
class KoladaFile:
    file: str
    format: str
    rows: list[KoladaRow]
    diagnostics: list[Diagnostic]


def read_kolada(path: Path, file: str) -> KoladaFile:
    """Read a Kolada export; the format (JSON or CSV) is told from the contents."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return KoladaFile(file, "?", [], [make("TRY012", file, 1, 1, reason=exc.strerror or "")])
    return parse_kolada(data, file)


def parse_kolada(data: bytes, file: str) -> KoladaFile:
    text, diags = _decode(data, file)
    if text is None:
        return KoladaFile(file, "?", [], diags)
    stripped = text.lstrip()
    if not stripped:
        return KoladaFile(file, "?", [], [make("TRY509", file, 1, 1)])
    if stripped[0] in "{[":
        rows, diags = parse_json(text, file)
        fmt = "json"
    else:
        rows, diags = parse_csv(text, file)
        fmt = "csv"
    if not diags:
        diags = _conflicts(rows, file)
    if not rows and not diags:
        diags = [make("TRY509", file, 1, 1)]
    return KoladaFile(file, fmt, [] if diags else rows, diags)


def _decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [make("TRY508", file, 1, 1, problem=Text("UTF-16", "UTF-16"))]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start : exc.start].decode("utf-8", errors="replace")) + 1
        problem = Text(
            f"ogiltig byte 0x{data[exc.start]:02X}", f"invalid byte 0x{data[exc.start]:02X}"
        )
        return None, [make("TRY508", file, line, column, problem=problem)]


def _conflicts(rows: list[KoladaRow], file: str) -> list[Diagnostic]:
    """The same figure twice with different values: the file contradicts itself."""
    first: dict[tuple[str, str, Period, str], KoladaRow] = {}
    out: list[Diagnostic] = []
    for row in rows:
        seen = first.setdefault(row.key, row)
        if seen is not row and (seen.value, seen.suppressed) != (row.value, row.suppressed):
            out.append(
                make(
                    "TRY510",
                    file,
                    row.line,
                    row.column,
                    kpi=row.kpi,
                    municipality=row.municipality,
                    period=str(row.period),
                    gender=row.gender,
                    first_line=seen.line,
                )
            )
    return out


# --- CSV -------------------------------------------------------------------------------------


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
                if missing:
                    heading = ";".join(cell.strip() for cell in record)
                    return [], [make("TRY503", file, line, 1, missing=missing, found=heading)]
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
        diags.append(make("TRY511", file, start, 1, problem=str(exc)))
    if columns is None:
        return [], [make("TRY509", file, 1, 1)]
    return rows, diags


_TRUNCATED = Text(" (filen verkar avklippt mitt i raden)", " (the file seems cut off mid-line)")


def _last_line(lines: list[str]) -> int:
    return max((i + 1 for i, line in enumerate(lines) if line.strip()), default=1)


def _header(record: list[str]) -> tuple[dict[str, int], str]:
    """Where each column is, and the columns that are missing (empty when none is)."""
    names = [cell.strip().lstrip("\ufeff").strip('"').lower() for cell in record]
    columns: dict[str, int] = {}
    for field, aliases in _COLUMNS.items():
        index = next((i for i, name in enumerate(names) if name in aliases), None)
        if index is not None:
            columns[field] = index
    return columns, ", ".join(field for field in _COLUMNS if field not in columns)


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
    if not _KPI.match(kpi):
        diags.append(_bad_field(file, line, kpi_col, kpi, "kpi"))
    if re.fullmatch(r"\d{3}", municipality):
        municipality = "0" + municipality  # a spreadsheet dropped the leading zero
    if not _KOMMUN.match(municipality):
        diags.append(_bad_field(file, line, mun_col, municipality, "kommun"))
    period = _period(period_text, file, line, period_col, diags)
    gender = _GENDER_WORDS.get(gender_text.lower())
    if gender is None:
        diags.append(_bad_field(file, line, gender_col, gender_text, "kön"))
    value: float | None = None
    suppressed = value_text == SUPPRESSED
    if value_text == ZERO:
        value = 0.0
    elif value_text and not suppressed:
        value = parse_number(value_text)
        if value is None:
            diags.append(
                make(
                    "TRY505",
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


def parse_number(text: str) -> float | None:
    """``22,6``, ``22.6``, ``15 079`` or ``−3`` as a number; None for anything else."""
    cleaned = _SPACES.sub("", text)
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    cleaned = cleaned.replace("\u2212", "-")  # a typographic minus
    if not _NUMBER.match(cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None


def _period(text: str, file: str, line: int, column: int, diags: list[Diagnostic]) -> Period | None:
    try:
        return Period.parse(text)
    except PeriodError:
        diags.append(make("TRY506", file, line, column, value=text))
        return None


_EXPECTED = {
    "kpi": Text("ett Kolada-id som N07540", "a Kolada id such as N07540"),
    "kommun": Text("en kommunkod med fyra siffror", "a four-digit municipality code"),
    "kön": Text("ett kön: T, K eller M", "a gender: T, K or M"),
}


def _bad_field(file: str, line: int, column: int, value: str, name: str) -> Diagnostic:
    return make(
        "TRY507", file, line, column, value=value, column_name=name, expected=_EXPECTED[name]
    )


# --- JSON ------------------------------------------------------------------------------------


class _Positions:
    """Offsets of the JSON objects a decoder builds, turned into lines and columns."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[int, int] = {}
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def decoder(self) -> json.JSONDecoder:
        decoder: Any = json.JSONDecoder()
        starts = self.starts
        plain: Any = getattr(json.decoder, "JSONObject")  # noqa: B009 - not in the stubs

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            result, end = plain(s_and_end, *args)
            starts[id(result)] = s_and_end[1] - 1
            return result, end

        # The C scanner ignores parse_object; the Python one calls it for every object.
        decoder.parse_object = parse_object
        decoder.scan_once = getattr(json.scanner, "py_make_scanner")(decoder)  # noqa: B009
        return decoder  # type: ignore[no-any-return]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def of(self, obj: object, fallback: tuple[int, int]) -> tuple[int, int]:
        offset = self.starts.get(id(obj))
        return self.at(offset) if offset is not None else fallback


def parse_json(text: str, file: str) -> tuple[list[KoladaRow], list[Diagnostic]]:
    positions = _Positions(text)
    decoder = positions.decoder()
    documents: list[tuple[Any, int]] = []
    index = 0
    while True:
        while index < len(text) and text[index] in " \t\n\r":
            index += 1
        if index >= len(text):
            break
        try:
            document, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            return [], [_json_error(exc, text, file)]
        documents.append((document, index))
        index = end
    rows: list[KoladaRow] = []
    diags: list[Diagnostic] = []
    for document, offset in documents:
        where = positions.at(offset)
        for item in _items(document, positions, where, file, diags):
            _json_item(item, positions, where, file, rows, diags)
    return rows, diags


def _items(
    document: Any,
    positions: _Positions,
    where: tuple[int, int],
    file: str,
    diags: list[Diagnostic],
) -> list[Any]:
    """The data items of one page (or of a list of pages)."""
    if isinstance(document, list):
        out: list[Any] = []
        for element in document:
            if isinstance(element, dict) and "kpi" in element:
                out.append(element)
            else:
                out.extend(_items(element, positions, positions.of(element, where), file, diags))
        return out
    if not isinstance(document, dict) or not isinstance(document.get("values"), list):
        diags.append(_structure(file, where, _PAGE))
        return []
    return list(document["values"])


_PAGE = Text(
    'en sida ska ha nyckeln "values" med en lista',
    'a page must have the key "values" holding a list',
)


def _structure(file: str, where: tuple[int, int], problem: Text) -> Diagnostic:
    return make("TRY502", file, where[0], where[1], problem=problem)


def _json_item(
    item: Any,
    positions: _Positions,
    page: tuple[int, int],
    file: str,
    rows: list[KoladaRow],
    diags: list[Diagnostic],
) -> None:
    where = positions.of(item, page)
    if not isinstance(item, dict):
        diags.append(_structure(file, where, Text("posten är inte ett objekt", "not an object")))
        return
    problems: list[Diagnostic] = []

    def text_field(name: str, check: Callable[[str], str | None], label: str) -> str | None:
        value = item.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            problems.append(_structure(file, where, _missing(name, value)))
            return None
        checked = check(value.strip())
        if checked is None:
            problems.append(_bad_field(file, where[0], where[1], value, label))
        return checked

    kpi = text_field("kpi", lambda v: v.upper() if _KPI.match(v.upper()) else None, "kpi")
    municipality = text_field("municipality", lambda v: v if _KOMMUN.match(v) else None, "kommun")
    raw_period = item.get("period")
    period: Period | None = None
    if isinstance(raw_period, bool) or not isinstance(raw_period, (int, str)):
        problems.append(_structure(file, where, _missing("period", raw_period)))
    else:
        period = _period(str(raw_period), file, where[0], where[1], problems)
    values = item.get("values")
    if not isinstance(values, list):
        problems.append(_structure(file, where, _missing("values", values)))
        values = []
    entries: list[tuple[str, float | None, str, tuple[int, int]]] = []
    for entry in values:
        at = positions.of(entry, where)
        if not isinstance(entry, dict):
            problems.append(
                _structure(
                    file, at, Text("ett värde är inte ett objekt", "a value is not an object")
                )
            )
            continue
        gender = _GENDER_WORDS.get(str(entry.get("gender", "")).strip().lower())
        if gender is None:
            problems.append(_bad_field(file, at[0], at[1], str(entry.get("gender")), "kön"))
            continue
        value = entry.get("value")
        if value is not None and (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            problems.append(
                make(
                    "TRY505", file, at[0], at[1], value=str(value), field=Text('"value"', '"value"')
                )
            )
            continue
        status = entry.get("status")
        entries.append((gender, None if value is None else float(value), str(status or ""), at))
    diags.extend(problems)
    if problems or kpi is None or municipality is None or period is None:
        return
    for gender, value, status, at in entries:
        rows.append(
            KoladaRow(at[0], at[1], kpi, municipality, period, gender, value, status=status)
        )


def _missing(name: str, value: object) -> Text:
    if value is None:
        return Text(f'nyckeln "{name}" saknas', f'the key "{name}" is missing')
    shown = json.dumps(value, ensure_ascii=False)[:40]
    return Text(f'"{name}" har fel typ ({shown})', f'"{name}" has the wrong type ({shown})')


_JSON_MESSAGES = {
    "Expecting value": "ett värde saknas",
    "Expecting ',' delimiter": "ett kommatecken saknas",
    "Expecting ':' delimiter": "ett kolon saknas",
    "Expecting property name enclosed in double quotes": "en nyckel inom dubbla citattecken saknas",
    "Unterminated string starting at": "en text saknar avslutande citattecken",
    "Invalid control character at": "otillåtet kontrolltecken",
    "Invalid \\escape": "ogiltig \\-sekvens",
    "Illegal trailing comma before end of object": "kommatecken före }",
    "Illegal trailing comma before end of array": "kommatecken före ]",
}


def _json_error(exc: json.JSONDecodeError, text: str, file: str) -> Diagnostic:
    english = exc.msg
    swedish = next((sv for en, sv in _JSON_MESSAGES.items() if english.startswith(en)), english)
    if english.startswith("Unterminated string") or exc.pos >= len(text.rstrip()):
        swedish = f"filen tar slut mitt i ({swedish}); den verkar avklippt"
        english = f"the file ends in the middle ({english}); it seems cut off"
    return make("TRY501", file, exc.lineno, exc.colno, problem=Text(swedish, english))
