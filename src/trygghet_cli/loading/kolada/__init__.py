"""Figures exported from Kolada, read into rows that know their line in the file.

Two formats are read:

* the JSON of Kolada's API (v3, and v2 before it): ``{"values": [{"kpi", "municipality",
  "period", "values": [{"gender", "value", "status", "count", "isdeleted"}]}], "next_url"}``,
  one page or several pages one after the other (as they are saved by following ``next_url``,
  v2's ``next_page``), or a JSON list of pages; a value marked ``isdeleted`` is left out;
* a long CSV file with a header line ``kpi;kommun;period;kön;värde``: semicolons (or tabs),
  decimal comma or point, ``..`` for a value that is not published and ``-`` for zero (Brå's
  conventions), UTF-8 with or without a byte-order mark.

Every damaged part of a file becomes a :class:`~trygghet_cli.diagnostics.Diagnostic` with the
file, line and column, and a file with any such finding gives no rows at all: an import is
all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trygghet_cli.diagnostics import Diagnostic, make
from trygghet_cli.i18n import Text
from trygghet_cli.loading.kolada.csvfile import parse_csv
from trygghet_cli.loading.kolada.fields import GENDERS, RIKET, KoladaRow, parse_number
from trygghet_cli.loading.kolada.jsonpages import parse_json
from trygghet_cli.loading.yamlfile import read_bytes
from trygghet_cli.model.periods import Period

MAX_IMPORT_BYTES = 50_000_000
"""A Kolada export may be larger than a plan file (all kommuner, every year); past this it is
refused before it is read."""

__all__ = [
    "GENDERS",
    "RIKET",
    "KoladaFile",
    "KoladaRow",
    "parse_csv",
    "parse_json",
    "parse_kolada",
    "parse_number",
    "read_kolada",
]


@dataclass
class KoladaFile:
    """A file's rows (none if it has any finding) and its findings; ``format`` is json or csv."""

    file: str
    format: str
    rows: list[KoladaRow]
    diagnostics: list[Diagnostic]


def read_kolada(path: Path, file: str) -> KoladaFile:
    """Read a Kolada export; the format (JSON or CSV) is told from the contents."""
    data, diags = read_bytes(path, file, MAX_IMPORT_BYTES)
    if data is None:
        return KoladaFile(file, "?", [], diags)
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
