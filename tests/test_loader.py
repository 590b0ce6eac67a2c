"""The loader turns every kind of bad input into a diagnostic with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trygghet_cli.diagnostics import Diagnostic
from trygghet_cli.loading import yamlfile
from trygghet_cli.loading.yamlfile import MAX_DEPTH, decode, parse


def load_bytes(data: bytes) -> tuple[object, list[Diagnostic]]:
    text, diags = decode(data, "f.yaml")
    if text is None:
        return None, diags
    doc, diags = parse(text, "f.yaml")
    return (doc.data if doc else None), diags


def only(diags: list[Diagnostic]) -> Diagnostic:
    assert len(diags) == 1, [d.message("sv") for d in diags]
    return diags[0]


def test_values_keep_their_positions() -> None:
    doc, diags = parse("a: 1\nb:\n  - x: 2\n    y: text\n", "f.yaml")
    assert not diags and doc is not None
    assert doc.data == {"a": 1, "b": [{"x": 2, "y": "text"}]}
    assert doc.position(("b", 0, "y")) == (4, 8)
    assert doc.position(("b", 0, "y"), key=True) == (4, 5)
    assert doc.position(("b", 0, "missing")) == (3, 5)
    assert doc.raw(("b", 0, "x")) == "2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("v: yes", "yes"),
        ("v: no", "no"),
        ("v: 2021-03-02", "2021-03-02"),
        ("v: 0180", 180),
        ('v: "0180"', "0180"),
        ("v: 22.6", 22.6),
        ("v: 22,6", "22,6"),
        ("v: true", True),
        ("v: ~", None),
        ("v:", None),
        ("v: 0x1F", 31),
        ("v: 0o17", 15),
        ("v: 1:20", "1:20"),
        ("v: .inf", float("inf")),
    ],
)
def test_scalars_follow_the_yaml_1_2_core_schema(text: str, expected: object) -> None:
    data, diags = load_bytes(text.encode())
    assert not diags
    assert data == {"v": expected}


def test_bom_and_crlf_are_accepted() -> None:
    data, diags = load_bytes(b"\xef\xbb\xbfnamn: Fagersta\r\nkod: '1982'\r\n")
    assert not diags
    assert data == {"namn": "Fagersta", "kod": "1982"}


def test_not_utf8_names_line_and_column() -> None:
    d = only(load_bytes("a: 1\nnamn: Fagersta \xe4r\n".encode("latin-1"))[1])
    assert (d.rule, d.line, d.column) == ("TRY004", 2, 16)
    assert "0xE4" in d.message("sv")


def test_empty_and_comment_only_files() -> None:
    assert only(load_bytes(b"")[1]).rule == "TRY005"
    assert only(load_bytes(b"# bara en kommentar\n\n")[1]).rule == "TRY005"


def test_tab_indentation() -> None:
    d = only(load_bytes(b"organ:\n\tnamn: x\n")[1])
    assert (d.rule, d.line) == ("TRY002", 2)


def test_syntax_error_names_the_line() -> None:
    d = only(load_bytes(b"a: 1\nb: [1, 2\nc: 3\n")[1])
    assert d.rule == "TRY001"
    assert d.line == 3


def test_duplicate_keys_name_both_lines() -> None:
    d = only(load_bytes(b"namn: a\nlan: b\nnamn: c\n")[1])
    assert (d.rule, d.line, d.column) == ("TRY003", 3, 1)
    assert "rad 1" in d.message("sv")
    assert "line 1" in d.message("en")


def test_duplicate_keys_in_nested_mappings() -> None:
    d = only(load_bytes(b"organ:\n  - id: a\n    id: b\n")[1])
    assert (d.rule, d.line, d.pointer) == ("TRY003", 3, "organ[0].id")


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['touch {marker}']",
        "a: !!python/name:os.system",
        "a: !custom x",
        "!!python/object:builtins.dict {}",
    ],
)
def test_tags_are_refused_and_never_run(text: str, tmp_path: Path) -> None:
    marker = tmp_path / "owned"
    for reference in (False, True):
        _, diags = parse(text.replace("{marker}", str(marker)), "f.yaml", reference=reference)
        d = only(diags)
        assert d.rule == "TRY006"
        assert d.line == 1
    assert not marker.exists()


def test_alias_bomb_is_stopped_quickly() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{','.join('*' + prev for _ in range(10))}]")
    d = only(load_bytes("\n".join(lines).encode())[1])
    assert d.rule == "TRY008"


def test_small_aliases_and_merge_keys_work() -> None:
    data, diags = load_bytes(b"base: &b {x: 1, y: 2}\nmerged:\n  <<: *b\n  y: 3\n")
    assert not diags
    assert data == {"base": {"x": 1, "y": 2}, "merged": {"x": 1, "y": 3}}


def test_absurd_nesting() -> None:
    deep = "a:\n" + "".join("  " * i + "- \n" for i in range(1, MAX_DEPTH + 5))
    d = only(load_bytes(("[" * 200 + "]" * 200).encode())[1])
    assert d.rule == "TRY007"
    d = only(load_bytes(("[" * 5000 + "]" * 5000).encode())[1])
    assert (d.rule, d.line) == ("TRY007", 1)
    d = only(load_bytes("".join(" " * i + "a:\n" for i in range(1100)).encode())[1])
    assert d.rule == "TRY007"
    assert load_bytes(deep.encode())[1]


def test_several_documents() -> None:
    d = only(load_bytes(b"a: 1\n---\nb: 2\n")[1])
    assert (d.rule, d.line) == ("TRY013", 2)


def test_control_characters() -> None:
    d = only(load_bytes(b"a: x\x07y\n")[1])
    assert d.rule == "TRY001"
    assert d.line == 1


@pytest.mark.parametrize("reference", [False, True])
@pytest.mark.parametrize(
    ("data", "code", "col"), [(b"a: x\x07y\n", "U+0007", 5), (b"a: b\x00\n", "U+0000", 5)]
)
def test_control_characters_are_named_in_both_languages(
    data: bytes, code: str, col: int, reference: bool
) -> None:
    """The fast (libyaml) reader gives the character as a code point, PyYAML's as a string:
    both name it, in Swedish and English, rather than quoting libyaml's English."""
    d = only(parse(data.decode(), "f.yaml", reference=reference)[1])
    assert (d.rule, d.line, d.column) == ("TRY001", 1, col)
    assert (
        d.message("sv")
        == f"YAML-syntaxfel: otillåtet tecken {code}; ta bort det (det syns ofta inte i editorn)"
    )
    assert code in d.message("en") and "control characters" not in d.message("en")


def test_file_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * (yamlfile.MAX_BYTES + 1))
    doc, diags = yamlfile.load(big, "big.yaml")
    assert doc is None
    assert only(diags).rule == "TRY014"


def test_unreadable_file(tmp_path: Path) -> None:
    doc, diags = yamlfile.load(tmp_path / "nope.yaml", "nope.yaml")
    assert doc is None
    assert only(diags).rule == "TRY012"


VALID = (
    "datum: 2021-03-02\norgan: lokala-bra\nnärvarande: [samordnare, kommunpolis]\n"
    "åtgärder:\n  - id: a-1\n    text: Boka lokal\n    senast: 2021-04-01\n"
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(data: bytes) -> None:
    _, diags = load_bytes(data)
    for d in diags:
        assert d.line >= 1 and d.column >= 1
        assert d.message("sv") and d.message("en")


@settings(max_examples=400, deadline=None)
@given(
    st.integers(0, len(VALID)),
    st.integers(0, 8),
    st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#\t\n ,?%@`\x00\ufeffåä0")), max_size=8),
)
def test_damaged_files_give_data_or_diagnostics(at: int, cut: int, junk: str) -> None:
    damaged = VALID[:at] + junk + VALID[at + cut :]
    data, diags = load_bytes(damaged.encode("utf-8", errors="surrogatepass"))
    assert (data is None) == bool(diags)
    lines = damaged.count("\n") + 2
    for d in diags:
        assert 1 <= d.line <= lines
        assert d.rule.startswith("TRY0")


@pytest.mark.parametrize("reference", [False, True])
@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ('titel: "Trygg i Göteborg" 2021\n', 1, 27, "text efter ett värde som redan är avslutat"),
        ("a:\n  - 'x' y\n", 2, 9, "text efter ett värde som redan är avslutat"),
        ('dokument: "G:\\Trygghet\\plan.pdf"\n', 1, 14, "okänt \\-tecken"),
        ('a: "\\u12"\n', 1, 7, "okänt \\-tecken"),
        ("text: * viktigt\n", 1, 8, "ankare eller alias och ska följas av ett namn"),
        ("organisation: & Co\n", 1, 16, "ankare eller alias och ska följas av ett namn"),
        ("a:\n  - x\n  y: 1\n", 3, 3, "en rad utan bindestreck mitt i en lista"),
        ("- a\nb: c\n", 2, 1, "en rad utan bindestreck mitt i en lista"),
        ("%andel: 50\n", 1, 7, "YAML-direktiv"),
        ("a: |x\n", 1, 5, "efter | eller >"),
        ("a: &x 1\nb: &x 2\n", 2, 4, "samma ankare (&namn) förekommer två gånger"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "nycklar på samma nivå ska ha samma indrag"),
    ],
)
def test_syntax_errors_say_what_is_wrong_in_swedish(
    text: str, line: int, col: int, words: str, reference: bool
) -> None:
    """Mistakes a coordinator makes get a Swedish explanation at the right place, not
    libyaml's English ("did not find expected '-' indicator") or a wrong one (an unknown
    escape is not an unclosed quote; text after a closing quote is not an indentation error)."""
    d = only(parse(text, "f.yaml", reference=reference)[1])
    assert (d.rule, d.line, d.column) == ("TRY001", line, col)
    assert words in d.message("sv")
    assert "YAML-läsaren säger" not in d.message("sv")
    assert "did not find" not in d.message("en")
