"""``trygg fmt``: one canonical form, every comment kept, nothing else changed."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, Run, write
from trygghet_cli.editing.canonical import format_paths
from trygghet_cli.loading import yamlfile
from trygghet_cli.loading.roundtrip import line_comments

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
