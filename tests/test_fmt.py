"""``trygg fmt``: one canonical form, every comment kept, nothing else changed."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from tests.conftest import EXAMPLES, Run, edit, write
from trygghet_cli.editing.canonical import canonical_text, format_paths
from trygghet_cli.loading import yamlfile
from trygghet_cli.loading.plan import plan_files
from trygghet_cli.loading.roundtrip import classify, line_comments
from trygghet_cli.model.activities import Activities
from trygghet_cli.model.municipality import Municipality
from trygghet_cli.model.organisation import Organisation

MESSY = """\
# yaml-language-server: $schema=../../../schemas/nyckeltal.schema.json
# Nyckeltalen.
nyckeltal:
    # Det enda nyckeltalet.
    -   källa: {typ: brå}
        id: anmalda-brott   # id först
        namn: Anmälda brott per 100 000 invånare
        bättre: lägre
        enhet: per_100000_invånare
        värden:
        -   period: 2020
            geografi: {värde: 1, nivå: kommun}

            # Värdet från Brå.
            värde: 9000
            preliminär: true
        beskrivning: >-
            Två rader
            # inte en kommentar
"""

CANONICAL = """\
# yaml-language-server: $schema=../../../schemas/nyckeltal.schema.json
# Nyckeltalen.
nyckeltal:
  # Det enda nyckeltalet.
  - id: anmalda-brott       # id först
    namn: Anmälda brott per 100 000 invånare
    beskrivning: >-
      Två rader
      # inte en kommentar
    enhet: per_100000_invånare
    bättre: lägre
    källa: {typ: brå}
    värden:
      - period: 2020
        # Värdet från Brå.
        värde: 9000

        geografi: {värde: 1, nivå: kommun}
        preliminär: true
"""


def test_fmt_puts_a_file_in_canonical_form(plan: Path, run: Run) -> None:
    path = write(plan / "nyckeltal.yaml", MESSY)
    result = run("fmt", str(plan))
    assert result.exit_code == 0, result.output
    assert result.output == f"formaterade {path}\n1 av 7 filer formaterades.\n"
    assert path.read_text() == CANONICAL
    again = run("fmt", "--check", str(plan))
    assert again.exit_code == 0
    assert again.output == "0 av 7 filer skulle ändras.\n"


def test_fmt_check_and_diff_write_nothing(plan: Path, run: Run) -> None:
    path = write(plan / "nyckeltal.yaml", MESSY)
    result = run("fmt", "--check", str(plan))
    assert result.exit_code == 1
    assert result.output == f"skulle ändras: {path}\n1 av 7 filer skulle ändras.\n"
    diff = run("fmt", "--diff", str(path))
    assert diff.exit_code == 0
    assert "-    -   källa: {typ: brå}\n" in diff.output
    assert "+  - id: anmalda-brott       # id först\n" in diff.output
    assert diff.output.endswith("1 av 1 filer skulle ändras.\n")
    assert path.read_text() == MESSY


def test_fmt_keeps_crlf_and_byte_order_mark(plan: Path, run: Run) -> None:
    path = plan / "kommun.yaml"
    text = path.read_text().replace("polis:\n  polisområde", "polis:\n    polisområde")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert run("fmt", str(path)).exit_code == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\npolis:\r\n  polis" in data
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_unknown_keys_keep_their_place(plan: Path) -> None:
    write(plan / "aktiviteter.yaml", "aktiviteter:\n  - namn: X\n    egen: 1\n    id: x\n")
    result = format_paths([plan / "aktiviteter.yaml"])
    assert [f.after for f in result.files] == [
        "aktiviteter:\n  - id: x\n    egen: 1\n    namn: X\n"
    ]


def test_a_file_that_does_not_parse_is_reported_and_left_alone(plan: Path, run: Run) -> None:
    path = write(plan / "mal.yaml", "målområden: [\n")
    other = write(plan / "nyckeltal.yaml", MESSY)
    result = run("fmt", str(plan))
    assert result.exit_code == 1
    assert f"{path}:2:1: fel TRY001" in result.output
    assert path.read_text() == "målområden: [\n"
    assert other.read_text() == CANONICAL


def test_fmt_of_a_file_outside_a_plan(tmp_path: Path, run: Run) -> None:
    path = write(tmp_path / "x.yaml", "a: 1\n")
    result = run("fmt", str(path))
    assert result.exit_code == 1
    assert "TRY010" in result.output
    assert run("fmt", str(tmp_path / "saknas")).exit_code == 2


@pytest.fixture(scope="module")
def formatted_examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fmt") / "examples"
    shutil.copytree(EXAMPLES, target)
    result = format_paths([target])
    assert result.diagnostics == []
    from trygghet_cli.loading.atomic import write_bytes_atomic

    for item in result.changed:
        write_bytes_atomic(item.path, item.data)
    return target


def test_fmt_of_the_examples_changes_no_data_and_no_comment(formatted_examples: Path) -> None:
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        copy = formatted_examples / path.relative_to(EXAMPLES)
        before, after = path.read_text(), copy.read_text()
        assert Counter(line_comments(before)) == Counter(line_comments(after)), path
        old, _ = yamlfile.parse(before, str(path))
        new, _ = yamlfile.parse(after, str(path))
        assert old is not None and new is not None
        assert old.data == new.data, path


def test_fmt_is_idempotent_and_the_examples_stay_valid(formatted_examples: Path, run: Run) -> None:
    assert format_paths([formatted_examples]).changed == []
    result = run("validate", "--strict", str(formatted_examples))
    assert result.exit_code == 0, result.output


# --- comment lines that end a block ----------------------------------------------------------
# A commented-out example last in a list or a mapping stays at that block's indentation, so
# that taking away the '#' gives what the comment shows; every other comment line is indented
# like the line below it.

ENDING_COMMENTS = [
    pytest.param(
        Organisation,
        "samordning:\n"
        "    samordnare:\n"
        "        -   roll: samordnare\n"
        "            # tjänstgöringsgrad: 100   # procent av heltid\n"
        "    kommunpolis: [kommunpolis]\n",
        "samordning:\n"
        "  samordnare:\n"
        "    - roll: samordnare\n"
        "      # tjänstgöringsgrad: 100   # procent av heltid\n"
        "  kommunpolis: [kommunpolis]\n",
        id="end of a mapping inside a list",
    ),
    pytest.param(
        Municipality,
        'namn: Fagersta\nkommunkod: "1982"\nlän: Västmanlands län\n'
        "polis:\n"
        "    polisområde: Västmanland\n"
        "    # region: Bergslagen\n"
        "    # lokalpolisområde: Norra Västmanland\n"
        "\n"
        "# Kontaktpersoner.\n"
        "kontaktpersoner: []\n",
        'namn: Fagersta\nkommunkod: "1982"\nlän: Västmanlands län\n'
        "polis:\n"
        "  polisområde: Västmanland\n"
        "  # region: Bergslagen\n"
        "  # lokalpolisområde: Norra Västmanland\n"
        "\n"
        "# Kontaktpersoner.\n"
        "kontaktpersoner: []\n",
        id="end of a nested mapping",
    ),
    pytest.param(
        Organisation,
        "organ:\n"
        "    -   id: lokala-bra\n"
        "        namn: Lokala BRÅ\n"
        "        typ: lokalt_brå\n"
        "        rapportering:\n"
        "            -   id: arsrapport\n"
        "                till: [kommunstyrelsen]\n"
        "                kadens: varje år\n"
        "                # innehåll: Verksamhetsberättelse\n"
        "            # - id: kvartalsrapport\n"
        "        # budget: 100000\n"
        "    # - id: styrgrupp\n"
        "# Roller.\n"
        "roller: []\n",
        "# Roller.\n"
        "roller: []\n"
        "organ:\n"
        "  - id: lokala-bra\n"
        "    namn: Lokala BRÅ\n"
        "    typ: lokalt_brå\n"
        "    rapportering:\n"
        "      - id: arsrapport\n"
        "        till: [kommunstyrelsen]\n"
        "        kadens: varje år\n"
        "        # innehåll: Verksamhetsberättelse\n"
        "      # - id: kvartalsrapport\n"
        "    # budget: 100000\n"
        "  # - id: styrgrupp\n",
        id="before a dedent, several levels, moved with their entry",
    ),
    pytest.param(
        Organisation,
        "samordning:\n"
        "  kommunpolis: [kommunpolis]\n"
        "  samordnare:\n"
        "  - roll: samordnare\n"
        "    # tjänstgöringsgrad: 100\n"
        "\n"
        "  # - roll: biträdande\n"
        "  # inrättad: 2024-01-01\n"
        "roller: []\n",
        "roller: []\n"
        "samordning:\n"
        "  samordnare:\n"
        "    - roll: samordnare\n"
        "      # tjänstgöringsgrad: 100\n"
        "\n"
        "  # - roll: biträdande\n"
        "  # inrättad: 2024-01-01\n"
        "  kommunpolis: [kommunpolis]\n",
        id="a list indented at its key's column, and a comment above the next key",
    ),
    pytest.param(
        Activities,
        "aktiviteter:\n"
        "    -   id: vandring\n"
        "        namn: Trygghetsvandring\n"
        "        # status: planerad\n"
        "    # - id: nästa\n"
        "        # as deep as the keys above, so still about the list\n"
        "# Slut.\n",
        "aktiviteter:\n"
        "  - id: vandring\n"
        "    namn: Trygghetsvandring\n"
        "    # status: planerad\n"
        "  # - id: nästa\n"
        "  # as deep as the keys above, so still about the list\n"
        "# Slut.\n",
        id="end of the file",
    ),
    pytest.param(
        Organisation,
        "roller:\n      # about the first role\n  - id: a\n    titel: A\n"
        "# about organ\n    # still about organ\norgan: []\n",
        "roller:\n  # about the first role\n  - id: a\n    titel: A\n"
        "# about organ\n# still about organ\norgan: []\n",
        id="comments about the line below",
    ),
]


@pytest.mark.parametrize(("model", "text", "expected"), ENDING_COMMENTS)
def test_comment_lines_that_end_a_block_keep_its_indentation(
    model: type[BaseModel], text: str, expected: str
) -> None:
    formatted, diagnostics = canonical_text(text, model, "x.yaml")
    assert diagnostics == []
    assert formatted == expected
    assert canonical_text(expected, model, "x.yaml") == (expected, [])


@pytest.mark.parametrize(
    "options",
    [
        (),
        ("--polisomrade", "Västmanland", "--folkmangd", "13391", "--folkmangd-ar", "2020"),
        ("--polisomrade", "Västmanland", "--lokalpolisomrade", "Norra Västmanland"),
    ],
)
def test_the_plan_from_init_is_canonical(run: Run, tmp_path: Path, options: tuple[str]) -> None:
    args = ("--municipality", "Fagersta", "--kommunkod", "1982", *options)
    assert run("init", "plan", *args, cwd=tmp_path).exit_code == 0
    check = run("fmt", "--check", "plan", cwd=tmp_path)
    assert check.exit_code == 0, check.output
    assert check.output == "0 av 6 filer skulle ändras.\n"


def test_an_example_in_init_s_templates_can_be_uncommented_after_fmt(
    run: Run, tmp_path: Path
) -> None:
    """The acceptance review's case: fmt moved '# region: …' out of 'polis:', and taking away
    the '#' gave TRY101. Here a person has indented the blocks by four spaces first, so that
    fmt has something to do."""
    args = ("--municipality", "Fagersta", "--kommunkod", "1982", "--polisomrade", "Västmanland")
    assert run("init", "plan", *args, cwd=tmp_path).exit_code == 0
    plan = tmp_path / "plan"
    kommun = plan / "kommun.yaml"
    text = kommun.read_text(encoding="utf-8")
    block = text[text.index("polis:\n") : text.index("\n\n", text.index("polis:\n"))]
    kommun.write_text(text.replace(block, block.replace("\n  ", "\n    ")), encoding="utf-8")
    edit(
        plan / "organisation.yaml",
        "  samordnare:\n    - roll: samordnare\n      # tjänstgöringsgrad: 100",
        "    samordnare:\n        -   roll: samordnare\n            # tjänstgöringsgrad: 100",
    )
    edit(
        plan / "organisation.yaml", "  kommunpolis: [kommunpolis]", "    kommunpolis: [kommunpolis]"
    )
    assert run("validate", "plan", cwd=tmp_path).exit_code == 0
    formatted = run("fmt", "plan", cwd=tmp_path)
    assert formatted.output.endswith("2 av 6 filer formaterades.\n"), formatted.output
    edit(plan / "kommun.yaml", "# region: …", "region: Bergslagen")
    edit(plan / "kommun.yaml", "# lokalpolisområde: …", "lokalpolisområde: Norra Västmanland")
    edit(plan / "organisation.yaml", "# tjänstgöringsgrad: 100", "tjänstgöringsgrad: 100")
    result = run("validate", "--strict", "plan", cwd=tmp_path)
    assert result.exit_code == 1  # only the missing folkmängd
    assert "TRY101" not in result.output
    assert result.output.count(" TRY") == 1 and "TRY111 kommun.yaml saknar 'folkmängd'" in (
        result.output
    )
    kommun = yaml.safe_load((plan / "kommun.yaml").read_text(encoding="utf-8"))
    assert kommun["polis"] == {
        "region": "Bergslagen",
        "polisområde": "Västmanland",
        "lokalpolisområde": "Norra Västmanland",
    }
    organisation = yaml.safe_load((plan / "organisation.yaml").read_text(encoding="utf-8"))
    assert organisation["samordning"]["samordnare"] == [
        {"roll": "samordnare", "tjänstgöringsgrad": 100}
    ]


FAGERSTA_FILES = [(path, kind.model) for kind, path in plan_files(EXAMPLES / "fagersta")[0]]


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(FAGERSTA_FILES),
    st.lists(st.tuples(st.floats(0, 1), st.integers(0, 12)), min_size=1, max_size=6),
)
def test_comment_lines_anywhere_keep_data_and_comments_and_fmt_is_idempotent(
    file: tuple[Path, type[BaseModel]], comments: list[tuple[float, int]]
) -> None:
    """Comment lines put between any two lines, at any indentation: the canonical form has the
    same data and the same comments, and formatting it again changes nothing."""
    path, model = file
    lines = path.read_text(encoding="utf-8").split("\n")
    for n, (where, indent) in enumerate(comments):
        kinds = [kind for _, kind, _ in classify("\n".join(lines))]
        at = int(where * len(lines))
        if at < len(kinds) and kinds[at] == "block":
            continue  # inside block text a '#' line is text, not a comment
        lines.insert(at, " " * indent + f"# kommentar {n}")
    text = "\n".join(lines)
    before, _ = yamlfile.parse(text, str(path))
    assume(before is not None)  # a comment inside a value that spans lines ends the value
    assert before is not None
    formatted, diagnostics = canonical_text(text, model, str(path))
    assert diagnostics == [] and formatted is not None
    after, _ = yamlfile.parse(formatted, str(path))
    assert after is not None and after.data == before.data
    assert Counter(line_comments(formatted)) == Counter(line_comments(text))
    assert canonical_text(formatted, model, str(path)) == (formatted, [])
