"""Reading Kolada exports: both formats, and a clear finding with the line for every damage."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from trygghet_cli.loading.kolada import parse_kolada, parse_number, read_kolada
from trygghet_cli.model.periods import Period

HEADER = "kpi;kommun;period;kön;värde\n"


def rows(text: str | bytes, name: str = "k.csv") -> list[tuple[object, ...]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = parse_kolada(data, name)
    assert result.diagnostics == [], [d.message("sv") for d in result.diagnostics]
    return [
        (r.line, r.kpi, r.municipality, str(r.period), r.gender, r.value, r.suppressed)
        for r in result.rows
    ]


def findings(text: str | bytes, name: str = "k.csv") -> list[tuple[str, int, int, str]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = parse_kolada(data, name)
    assert result.rows == [], "a damaged file gives no rows at all"
    return [(d.rule, d.line, d.column, d.message("sv")) for d in result.diagnostics]


def test_csv_with_bom_crlf_decimal_comma_and_placeholders() -> None:
    text = (
        "\ufeffkpi;kommun;period;kön;värde\r\n"
        "N07540;1982;2021;T;11 328\r\n"
        "U07452;1982;2021;T;13,4\r\n"
        "U07452;1982;2021;K;..\r\n"
        "N07403;180;2021;M;-\r\n"
        "N07403;1982;2021;M;\r\n"
    )
    assert rows(text) == [
        (2, "N07540", "1982", "2021", "T", 11328.0, False),
        (3, "U07452", "1982", "2021", "T", 13.4, False),
        (4, "U07452", "1982", "2021", "K", None, True),
        (5, "N07403", "0180", "2021", "M", 0.0, False),
        (6, "N07403", "1982", "2021", "M", None, False),
    ]


def test_csv_columns_are_found_by_name_in_any_order() -> None:
    text = "Kommun;År;KPI;Värde;Kön;Kommunnamn\n1982;2021;n07540;9,5;Totalt;Fagersta\n"
    assert rows(text) == [(2, "N07540", "1982", "2021", "T", 9.5, False)]


def test_tab_separated_csv() -> None:
    assert rows("kpi\tkommun\tperiod\tkön\tvärde\nN07540\t1982\t2021\tT\t1\n")[0][5] == 1.0


def test_json_pages_one_after_the_other_and_a_list_of_pages() -> None:
    item: dict[str, object] = {
        "kpi": "N07540",
        "municipality": "1982",
        "period": 2021,
        "values": [
            {"count": 1, "gender": "T", "status": "", "value": 11328.0},
            {"count": 1, "gender": "K", "status": "Saknas", "value": None},
        ],
    }
    page = {"values": [item], "count": 1}
    other = {"values": [{**item, "period": "2020"}]}
    concatenated = json.dumps(page) + "\n" + json.dumps(other, indent=2)
    listed = json.dumps([page, other])
    expected = [
        ("N07540", "2021", "T", 11328.0),
        ("N07540", "2021", "K", None),
        ("N07540", "2020", "T", 11328.0),
        ("N07540", "2020", "K", None),
    ]
    for text in (concatenated, listed):
        result = parse_kolada(text.encode(), "k.json")
        assert result.format == "json" and result.diagnostics == []
        assert [(r.kpi, str(r.period), r.gender, r.value) for r in result.rows] == expected
    result = parse_kolada(concatenated.encode(), "k.json")
    assert [(r.line, r.column) for r in result.rows][2] == (9, 9)  # the gender entry
    assert result.rows[1].status == "Saknas"


def test_the_fixtures_read_cleanly() -> None:
    for path in sorted((FIXTURES / "kolada").glob("*-2021.*")):
        result = read_kolada(path, path.name)
        assert result.diagnostics == [], path
        assert result.rows and all(r.period == Period.parse(2021) for r in result.rows)


CSV_DAMAGE = [
    (
        HEADER + "N07540;1982;2021;T\n",
        ("TRY504", 2, 1, "Raden har 4 kolumner men rubrikraden har 5"),
    ),
    (
        HEADER + "N07540;1982;2021;T;1\nN07540;1982;20",
        ("TRY504", 3, 1, "Raden har 3 kolumner men rubrikraden har 5 (filen verkar avklippt"),
    ),
    (HEADER + "N07540;1982;2021;T;tolv\n", ("TRY505", 2, 20, "'tolv' i kolumnen värde")),
    (HEADER + "N07540;1982;2021;T;1,2,3\n", ("TRY505", 2, 20, "'1,2,3' i kolumnen värde")),
    (HEADER + "N07540;1982;21;T;1\n", ("TRY506", 2, 13, "'21' är inte en period")),
    (HEADER + "N07540;1982;år 2021;T;1\n", ("TRY506", 2, 13, "'år 2021' är inte en period")),
    (HEADER + "N07540;Fagersta;2021;T;1\n", ("TRY507", 2, 8, "'Fagersta' i kolumnen kommun")),
    (HEADER + "Anmälda brott;1982;2021;T;1\n", ("TRY507", 2, 1, "i kolumnen kpi är inte ett")),
    (HEADER + "N07540;1982;2021;X;1\n", ("TRY507", 2, 18, "'X' i kolumnen kön")),
    ("kpi;kommun;år;värde\nN07540;1982;2021;1\n", ("TRY503", 1, 1, "Rubrikraden saknar kön")),
    ("N07540;1982;2021;T;1\n", ("TRY503", 1, 1, "saknar kpi, kommun, period, kön, värde")),
    (HEADER + 'N07540;1982;2021;T;"1\n', ("TRY511", 2, 1, "CSV-fel")),
    (HEADER, ("TRY509", 1, 1, "Filen innehåller inga värden")),
    ("", ("TRY509", 1, 1, "Filen innehåller inga värden")),
    (
        HEADER + "N07540;1982;2021;T;1\nN07540;1982;2021;T;2\n",
        ("TRY510", 3, 1, "N07540 för 1982 2021 (T) finns redan på rad 2"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CSV_DAMAGE, ids=lambda v: str(v)[:30])
def test_damaged_csv_names_the_line(text: str, expected: tuple[str, int, int, str]) -> None:
    found = findings(text)
    assert len(found) == 1, found
    rule, line, column, message = found[0]
    assert (rule, line, column) == expected[:3]
    assert expected[3] in message


def test_every_damaged_line_is_reported_not_only_the_first() -> None:
    text = HEADER + "N07540;1982;2021;T;x\nN07540;1982;2021;T;1\nN07540;1982;2021;Q;1\n"
    assert [(rule, line) for rule, line, _, _ in findings(text)] == [
        ("TRY505", 2),
        ("TRY507", 4),
    ]


def test_non_utf8_names_the_line_and_says_how_to_save() -> None:
    text = (HEADER + "N07540;1982;2021;T;1\nN07540;1982;2021;K;2\n").encode("cp1252")
    result = parse_kolada(text, "k.csv")
    assert [(d.rule, d.line, d.column) for d in result.diagnostics] == [("TRY508", 1, 20)]
    assert result.diagnostics[0].message("sv") == "Filen är inte UTF-8 (ogiltig byte 0xF6)"
    assert "CSV UTF-8" in (result.diagnostics[0].hint("sv") or "")
    utf16 = parse_kolada(HEADER.encode("utf-16"), "k.csv")
    assert utf16.diagnostics[0].message("en") == "The file is not UTF-8 (UTF-16)"


PAGE = (
    '{"values": [\n'
    ' {"kpi": "N07540", "municipality": "1982", "period": 2021,\n'
    '  "values": [{"gender": "T", "value": 1.5}]}\n'
    "]}\n"
)

JSON_DAMAGE = [
    (PAGE[:-4], ("TRY501", 3, 45, "filen tar slut mitt i")),
    (PAGE[:70], ("TRY501", 2, 58, "filen tar slut mitt i (ett kommatecken saknas)")),
    (PAGE[:60], ("TRY501", 2, 44, "en text saknar avslutande citattecken); den verkar avklippt")),
    (PAGE.replace('"1982",', '"1982"'), ("TRY501", 2, 43, "ett kommatecken saknas")),
    (PAGE + "x", ("TRY501", 5, 1, "text efter en sida som inte är början på en ny sida")),
    ("[x]", ("TRY501", 1, 2, "ett värde saknas")),
    ('{"count": 0}', ("TRY502", 1, 1, 'en sida ska ha nyckeln "values"')),
    ("[1, 2, 3]", ("TRY502", 1, 1, "en lista ska bara innehålla sidor")),
    (f"[{PAGE}, 7]", ("TRY502", 1, 1, "inte tal eller text")),
    (PAGE.replace('"period": 2021,', ""), ("TRY502", 2, 2, 'nyckeln "period" saknas')),
    (PAGE.replace('"1982"', "1982.5"), ("TRY502", 2, 2, '"municipality" har fel typ (1982.5)')),
    (PAGE.replace("2021", '"2021-13"'), ("TRY506", 2, 2, "'2021-13' är inte en period")),
    (PAGE.replace("1.5", '"1,5"'), ("TRY505", 3, 14, "'1,5' i \"value\" är inte ett tal")),
    (PAGE.replace('"T"', '"X"'), ("TRY507", 3, 14, "'X' i kolumnen kön")),
    (PAGE.replace("N07540", "kpi-1"), ("TRY507", 2, 2, "'kpi-1' i kolumnen kpi")),
]


@pytest.mark.parametrize(("text", "expected"), JSON_DAMAGE, ids=lambda v: str(v)[-30:])
def test_damaged_json_names_the_line(text: str, expected: tuple[str, int, int, str]) -> None:
    found = findings(text, "k.json")
    assert len(found) == 1, found
    rule, line, column, message = found[0]
    assert (rule, line, column) == expected[:3], message
    assert expected[3] in message


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_numbers_in_swedish_or_english_form(value: object) -> None:
    number = float(str(value))
    whole, _, decimals = f"{abs(number):.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u00a0")
    sign = "-" if number < 0 else ""
    assert parse_number(f"{sign}{grouped},{decimals}") == pytest.approx(number)
    assert parse_number(f"{sign}{whole}.{decimals}") == pytest.approx(number)


@pytest.mark.parametrize("text", ["", "..", "-", "1.2.3", "1,2,3", "nan", "inf", "12 kr", "1e"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "sv", "en"),
    [
        (
            HEADER + 'N07540;1982;2021;T;"1\nN07540;1982;2020;T;2\n',
            'CSV-fel: ett värde som börjar med " slutar aldrig (citattecknet stängs inte '
            "före filens slut)",
            'CSV error: a value that starts with " never ends (the quote is not closed before '
            "the end of the file)",
        ),
        (
            HEADER + 'N07540;"19"82;2021;T;1\n',
            "CSV-fel: efter ett avslutande citattecken ska det stå ';' eller radslut",
            "CSV error: a closing quote must be followed by ';' or the end of the line",
        ),
    ],
)
def test_a_csv_syntax_error_is_explained_in_the_user_s_language(
    text: str, sv: str, en: str
) -> None:
    result = parse_kolada(text.encode(), "k.csv")
    assert [(d.rule, d.line) for d in result.diagnostics] == [("TRY511", 2)]
    assert result.diagnostics[0].message("sv") == sv
    assert result.diagnostics[0].message("en") == en


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("kpi;kommun;period;kön;värde;värde", "värde"),
        ("kpi;kommun;kommun_id;år;kön;värde", "kommun"),
    ],
)
def test_a_column_named_twice_is_not_guessed(header: str, column: str) -> None:
    width = header.count(";") + 1
    text = header + "\n" + ";".join(["N07540", "1982", "1982", "2021", "T", "1"][:width]) + "\n"
    result = parse_kolada(text.encode(), "k.csv")
    assert result.rows == []
    assert [(d.rule, d.line, d.column) for d in result.diagnostics] == [("TRY512", 1, 1)]
    assert result.diagnostics[0].message("sv") == (
        f"Rubrikraden har {column} två gånger ({header}): trygg vet inte vilken som gäller"
    )
