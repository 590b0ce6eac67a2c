"""Kolada figures as the JSON of Kolada's API (v2 or v3), page after page."""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import math
import re
from collections.abc import Callable
from typing import Any

from trygghet_cli.diagnostics import Diagnostic, make
from trygghet_cli.i18n import Text
from trygghet_cli.loading.kolada.fields import (
    GENDER_WORDS,
    KOMMUNKOD,
    KPI_ID,
    KoladaRow,
    bad_field,
    out_of_range,
    parse_period,
)
from trygghet_cli.model.periods import Period


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


MAX_NESTING = 64
"""The nesting named where a Kolada file nests so deep that the decoder (which recurses) gives
up. A page of Kolada's API nests five levels (a list of pages, a page, its values, an item,
the item's values)."""

_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep(text: str) -> int | None:
    """The offset of the first bracket that opens a level past :data:`MAX_NESTING`, or None.
    One pass over the text (only for a file the decoder gave up on); brackets inside strings
    do not count."""
    depth = 0
    for match in _BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return match.start()
        elif token in "]}":
            depth -= 1
    return None


def parse_json(text: str, file: str) -> tuple[list[KoladaRow], list[Diagnostic]]:
    positions = _Positions(text)
    try:
        return _parse(text, file, positions)
    except RecursionError:  # the decoder recurses: nesting far deeper than Kolada's pages
        deep = _too_deep(text)
        line, column = positions.at(deep) if deep is not None else (1, 1)
        problem = Text(
            f"nästlad djupare än {MAX_NESTING} nivåer; en sida från Kolada är nästlad i högst fem",
            f"nested deeper than {MAX_NESTING} levels; a page from Kolada nests at most five",
        )
        return [], [make("TRY501", file, line, column, problem=problem)]


def _parse(text: str, file: str, positions: _Positions) -> tuple[list[KoladaRow], list[Diagnostic]]:
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
            if documents and exc.pos == index and text[index] not in "{[":
                line, column = positions.at(index)
                return [], [make("TRY501", file, line, column, problem=_AFTER_PAGE)]
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


_AFTER_PAGE = Text(
    "text efter en sida som inte är början på en ny sida ({ eller [)",
    "text after a page that does not begin a new page ({ or [)",
)


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
        if any(not isinstance(element, (dict, list)) for element in document):
            # Numbers or text where pages belong: one finding for the list, not one per element
            # (a scalar has no position of its own to tell them apart).
            diags.append(_structure(file, where, _LIST_OF_PAGES))
            return out
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


_LIST_OF_PAGES = Text(
    'en lista ska bara innehålla sidor (objekt med nyckeln "values") eller poster, inte tal eller '
    "text",
    'a list must hold only pages (objects with the key "values") or records, not numbers or text',
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
            problems.append(bad_field(file, where[0], where[1], value, label))
        return checked

    kpi = text_field("kpi", lambda v: v.upper() if KPI_ID.match(v.upper()) else None, "kpi")
    municipality = text_field(
        "municipality", lambda v: v.upper() if KOMMUNKOD.match(v.upper()) else None, "kommun"
    )
    raw_period = item.get("period")
    period: Period | None = None
    if isinstance(raw_period, bool) or not isinstance(raw_period, (int, str)):
        problems.append(_structure(file, where, _missing("period", raw_period)))
    else:
        period = parse_period(str(raw_period), file, where[0], where[1], problems)
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
        if entry.get("isdeleted") is True:
            continue  # Kolada marks a withdrawn value so (API v3); it is left out, as rKolada does
        gender = GENDER_WORDS.get(str(entry.get("gender", "")).strip().lower())
        if gender is None:
            problems.append(bad_field(file, at[0], at[1], str(entry.get("gender")), "kön"))
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
        if value is not None and out_of_range(value):
            problems.append(
                make(
                    "TRY513", file, at[0], at[1], value=str(value), field=Text('"value"', '"value"')
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
