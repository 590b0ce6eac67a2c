"""The round-trip core: edits keep every line they do not touch, in any style of YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import EXAMPLES, FIXTURES, write
from trygghet_cli.editing.nodes import put, remove
from trygghet_cli.loading.merge3 import merge3
from trygghet_cli.loading.roundtrip import (
    CANONICAL,
    Indent,
    LostCommentError,
    RoundTripFile,
    detect_indent,
    line_comments,
    open_file,
    scalar_text,
)
from trygghet_cli.model.indicators import Value


def opened(path: Path) -> RoundTripFile:
    result, diags = open_file(path, path.name)
    assert result is not None, diags
    return result


# --- merge3 ----------------------------------------------------------------------------------


def test_merge_keeps_the_persons_lines_and_takes_the_edit() -> None:
    base = "a: 1\nb: 2\nc: 3\nd: 4\n"
    ours = "a:   1\nb: 2\nc: 3\nd: 4   # fyra\n"  # formatting ruamel would not keep
    theirs = "a: 1\nb: 2\nc: 30\nd: 4\n"  # the edit
    assert merge3(ours, base, theirs) == "a:   1\nb: 2\nc: 30\nd: 4   # fyra\n"


def test_merge_lets_the_edit_win_on_the_lines_it_edits() -> None:
    base = "a: 1\nb: 2\n"
    ours = "a:   1\nb: 2\n"
    theirs = "a: 10\nb: 2\n"
    assert merge3(ours, base, theirs) == "a: 10\nb: 2\n"


def test_merge_inserts_between_untouched_lines() -> None:
    base = "x:\n  - 1\n  - 2\ny: 3\n"
    ours = "x:\n  -   1\n  -   2\ny: 3\n"
    theirs = "x:\n  - 1\n  - 2\n  - 5\ny: 3\n"
    assert merge3(ours, base, theirs) == "x:\n  -   1\n  -   2\n  - 5\ny: 3\n"


lines = st.lists(st.sampled_from(["a: 1\n", "b: 2\n", "- x\n", "# c\n", "\n"]), max_size=12)


@given(lines, lines)
def test_merge_with_no_edit_is_the_original(ours: list[str], base: list[str]) -> None:
    assert merge3("".join(ours), "".join(base), "".join(base)) == "".join(ours)


@given(lines, lines)
def test_merge_of_an_unformatted_file_is_the_edit(base: list[str], theirs: list[str]) -> None:
    assert merge3("".join(base), "".join(base), "".join(theirs)) == "".join(theirs)


# --- reading the file's own style ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "indent"),
    [
        ("a:\n  b: 1\nc:\n  - x\n  - y\n", Indent(2, 4, 2)),
        ("a:\n    b: 1\nc:\n    -   x\n", Indent(4, 8, 4)),
        ("a:\n  b: 1\nc:\n- x\n- y\n", Indent(2, 2, 0)),
        ("list:\n    - id: a\n      namn: b\n", Indent(4, 6, 4)),
        ("a: 1\n", CANONICAL),
    ],
)
def test_detect_indent(text: str, indent: Indent) -> None:
    assert detect_indent(text) == indent


def test_comments_are_found_outside_quotes_and_block_text() -> None:
    text = (
        "# top\n"
        "a: 'x # not a comment'  # eol\n"
        'b: "y # no" # yes\n'
        "c: url#fragment\n"
        "d: >-\n"
        "  text\n"
        "  # inside the text\n"
        "# after\n"
    )
    assert line_comments(text) == ["# top", "# eol", "# yes", "# after"]


@pytest.mark.parametrize(
    ("value", "written"),
    [("lokala-bra", "lokala-bra"), ("a: b", "'a: b'"), ("2021", "'2021'"), ("# x", "'# x'")],
)
def test_scalar_text_quotes_only_when_yaml_needs_it(value: str, written: str) -> None:
    assert scalar_text(value) == written


# --- editing files in other styles -----------------------------------------------------------

ODD = """\
# En fil som en människa har skrivit, inte trygg.
nyckeltal:
    -   id: anmalda-brott        # brott
        namn:   "Anmälda brott"
        enhet: per_100000_invånare
        bättre: lägre
        källa: { typ: brå }
        beskrivning: Ett långt värde som
            fortsätter på nästa rad.
        värden:
        -   period: 2020
            värde: 9000
            geografi: {nivå: kommun}
            # Preliminär enligt Brå.
            preliminär: true

        -   period: 2021
            värde: 8800
            geografi: {nivå: kommun}
"""


def test_an_edit_in_an_odd_file_changes_only_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "nyckeltal.yaml", ODD)
    edit = opened(path)
    edit.data["nyckeltal"][0]["värden"][1]["värde"] = 8750
    assert edit.render() == ODD.replace("värde: 8800", "värde: 8750")


def test_a_key_is_added_where_the_model_puts_it(tmp_path: Path) -> None:
    path = write(tmp_path / "nyckeltal.yaml", ODD)
    edit = opened(path)
    put(edit.data["nyckeltal"][0]["värden"][1], "preliminär", True, Value)
    assert edit.render() == ODD.replace(
        "            värde: 8800\n            geografi: {nivå: kommun}\n",
        "            värde: 8800\n            geografi: {nivå: kommun}\n"
        "            preliminär: true\n",
    )


def test_removing_a_key_takes_its_own_comment_along(tmp_path: Path) -> None:
    path = write(tmp_path / "nyckeltal.yaml", ODD)
    edit = opened(path)
    remove(edit, edit.data["nyckeltal"][0]["värden"][0], "preliminär")
    assert edit.render() == ODD.replace(
        "            # Preliminär enligt Brå.\n            preliminär: true\n", ""
    )


def test_a_comment_the_edit_did_not_mean_to_remove_stops_it(tmp_path: Path) -> None:
    path = write(tmp_path / "nyckeltal.yaml", ODD)
    edit = opened(path)
    del edit.data["nyckeltal"][0]["värden"][0]["preliminär"]  # without noting its comment
    with pytest.raises(LostCommentError) as caught:
        edit.render()
    assert caught.value.comment == "# Preliminär enligt Brå."


def test_byte_order_mark_and_crlf_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "kommun.yaml"
    path.write_bytes(b"\xef\xbb\xbfnamn: Stockholm\r\nkommunkod: '0180'\r\n")
    edit = opened(path)
    edit.data["namn"] = "Nyby"
    assert edit.encode(edit.render()) == b"\xef\xbb\xbfnamn: Nyby\r\nkommunkod: '0180'\r\n"


def test_a_file_that_does_not_parse_cannot_be_opened(tmp_path: Path) -> None:
    path = write(tmp_path / "mal.yaml", "a: [1, 2\n")
    result, diags = open_file(path, "mal.yaml")
    assert result is None
    assert [(d.rule, d.line) for d in diags] == [("TRY001", 2)]


@pytest.mark.parametrize(
    "path",
    sorted([*EXAMPLES.rglob("*.yaml"), *(FIXTURES / "minimal").rglob("*.yaml")]),
    ids=lambda p: p.relative_to(p.parents[2]).as_posix(),
)
def test_every_example_file_round_trips_unchanged(path: Path) -> None:
    edit = opened(path)
    assert edit.encode(edit.render()) == path.read_bytes()


# --- property: closing an action changes its status line and adds one line -------------------


@st.composite
def meeting_files(draw: st.DrawFn) -> tuple[str, int]:
    """A meeting file with actions, comments and blank lines in many places; which to close."""
    comment = st.sampled_from(["", "# om nästa rad", "# Kommentar, med: kolon"])
    lines = ["datum: 2021-05-04", "organ: lokala-bra"]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["", "# Åtgärder från mötet"])))
    lines.append("åtgärder:")
    count = draw(st.integers(1, 3))
    for n in range(count):
        keys = [("id", f"a-{n}"), ("text", "Gör något"), ("ansvarig", "samordnare")]
        keys += [("senast", "2021-05-31"), ("status", "öppen")]
        if draw(st.booleans()):
            keys.append(("anmärkning", "Väntar"))
        for index, (key, value) in enumerate(keys):
            above = draw(comment)
            if above and index:
                lines.append(f"    {above}")
            eol = draw(st.sampled_from(["", "  # rad"]))
            lead = "  - " if index == 0 else "    "
            lines.append(f"{lead}{key}: {value}{eol}")
        if draw(st.booleans()):
            lines.append("")
        if n < count - 1 and draw(st.booleans()):
            lines.append("  # Nästa åtgärd")
    tail = draw(st.sampled_from(["", "# efter listan", "\n# efter en tom rad"]))
    if tail:
        lines.append(tail)
    lines.append("anteckningar: Inga")
    return "\n".join(lines) + "\n", draw(st.integers(0, count - 1))


@given(meeting_files())
def test_closing_an_action_touches_only_its_status_line(case: tuple[str, int]) -> None:
    import tempfile
    from datetime import date

    from trygghet_cli.model.meetings import Action

    text, which = case
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "m.yaml", text)
        edit = opened(path)
        action = edit.data["åtgärder"][which]
        put(action, "status", "klar", Action)
        put(action, "klar_datum", date(2021, 6, 1), Action)
        result = edit.render()
    before = text.split("\n")
    status = next(
        i
        for i, line in enumerate(before)
        if line.startswith("    status:")
        and sum(1 for earlier in before[:i] if earlier.startswith("  - id:")) == which + 1
    )
    old = before[status]
    new = old.replace("status: öppen", "status: klar")
    if "#" in old:  # ruamel keeps an end-of-line comment in its column
        new = new.replace("klar  #", "klar   #")
    expected = [*before[:status], new, "    klar_datum: 2021-06-01", *before[status + 1 :]]
    assert result.split("\n") == expected
