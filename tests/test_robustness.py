"""Inputs that once crashed, hung or misled trygg: each now gets a plain finding."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import Run, edit, write
from trygghet_cli.loading.yamlfile import parse

MEETING = "moten/2021-03-02-lokala-bra.yaml"


def test_a_named_pipe_is_refused_without_reading(run: Run, plan: Path) -> None:
    os.mkfifo(plan / "moten/2021-05-01-lokala-bra.yaml")
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert (
        f"{plan}/moten/2021-05-01-lokala-bra.yaml:1:1: fel TRY012 Filen kan inte läsas: det är "
        "ingen vanlig fil"
    ) in result.output


def test_a_link_to_an_endless_device_is_refused(run: Run, plan: Path) -> None:
    (plan / "moten/2021-05-01-lokala-bra.yaml").symlink_to("/dev/zero")
    result = run("validate", str(plan), "--lang", "en")
    assert "error TRY016 A symbolic link to /dev/zero, outside the plan's folder" in result.output


def test_a_file_too_large_is_refused_before_reading(run: Run, plan: Path) -> None:
    with (plan / "moten/2021-05-01-lokala-bra.yaml").open("wb") as handle:
        handle.truncate(3_000_000)
    result = run("validate", str(plan))
    assert (
        "fel TRY014 Filen är 3\u00a0000\u00a0000 byte; trygg läser högst 1\u00a0000\u00a0000"
        in (result.output)
    )


@pytest.mark.parametrize("fmt", ["text", "json", "github", "gitlab", "sarif", "junit"])
def test_file_names_that_are_not_utf8(run: Run, plan: Path, fmt: str, tmp_path: Path) -> None:
    name = os.fsdecode(b"2021-04-01-\xff.yaml")
    write(plan / "moten" / name, "datum: 2021-04-01\norgan: okänt\n")
    summary = tmp_path / "summary.md"
    result = run("validate", str(plan), "--format", fmt, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    shown = {
        "sarif": "2021-04-01-%5Cxff.yaml",
        "json": "2021-04-01-\\\\xff.yaml",
        "gitlab": "2021-04-01-\\\\xff.yaml",
    }.get(fmt, "2021-04-01-\\xff.yaml")
    assert shown in result.output
    if fmt in ("json", "gitlab", "sarif"):
        json.loads(result.output)
    if fmt == "junit":
        ET.fromstring(result.output)


def test_personnummer_in_files_trygg_does_not_read(run: Run, plan: Path) -> None:
    write(plan / "anteckningar.txt", "Ring 640823-3234 om detta.\n")
    write(plan / "mal.yml", "# 701063-2391\n")
    write(plan / "moten/bilaga.md", "Inget här.\n")
    (plan / "moten/bild.png").write_bytes(b"\x89PNG\x00 640823-3234")
    result = run("validate", str(plan))
    assert f"{plan}/anteckningar.txt:1:6: fel TRY301 Texten innehåller ett personnummer" in (
        result.output
    )
    assert f"{plan}/mal.yml:1:3: fel TRY301 Texten innehåller ett samordningsnummer" in (
        result.output
    )
    assert "bild.png" not in result.output
    assert f"{plan}/mal.yml:1:1: varning TRY011" in result.output
    assert "tips: Planen läser redan mal.yaml; slå ihop innehållet där och ta bort mal.yml." in (
        result.output
    )


def test_validate_from_inside_the_meeting_folder(run: Run, plan: Path) -> None:
    edit(plan / "kommun.yaml", "antal: 1000", "antal: tusen")
    for args in (["2021-03-02-lokala-bra.yaml"], []):
        result = run("validate", *args, cwd=plan / "moten")
        assert result.exit_code == 1, result.output
        assert "kommun.yaml:6:10: fel TRY103" in result.output


def test_kommun_yml_marks_a_plan_too(run: Run, plan: Path) -> None:
    (plan / "kommun.yaml").rename(plan / "kommun.yml")
    assert run("validate", "--strict", str(plan)).exit_code == 0
    result = run("validate", "--strict", str(plan.parent))
    assert result.output.startswith("Inga fel i 7 filer (1 plan).")


def test_plan_folders_behind_symbolic_links(run: Run, plan: Path, tmp_path: Path) -> None:
    (tmp_path / "lan").mkdir()
    (tmp_path / "lan/testby").symlink_to(plan)
    (tmp_path / "lan/loop").symlink_to(tmp_path / "lan")
    result = run("validate", "lan", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert result.output == "Inga fel i 7 filer (1 plan).\n"


@pytest.mark.parametrize("reference", [False, True])
def test_explicit_str_tag_and_plain_equals(reference: bool) -> None:
    doc, diags = parse(
        "a: !!str 0180\nb: =\nc: !!str true\nd: !!int '12'\n", "f.yaml", reference=reference
    )
    assert not diags and doc is not None
    assert doc.data == {"a": "0180", "b": "=", "c": "true", "d": "12"}


@pytest.mark.parametrize(
    ("text", "line", "sv", "en"),
    [
        (
            'a: x\nb: "öppet\n\nc: d\n',
            2,
            "citattecknet som börjar här stängs aldrig",
            "the quote that starts here is never closed",
        ),
        ("a: b: c\n", 1, "ett kolon på fel ställe", "a colon in the wrong place"),
        (
            "a: [1, 2 }\nb: 3\n",
            1,
            "en lista inom [ ] saknar ett kommatecken",
            "a list in [ ] lacks a comma",
        ),
        (
            "a: [1, 2\n# c\n\nb: 3\n",
            4,
            "en lista inom [ ] som börjar på rad 1 saknar ett kommatecken eller en avslutande ]",
            "a list in [ ] that starts on line 1 lacks a comma or its closing ]",
        ),
        (
            "a:\n  b: {x: 1,\n  y: 2\nc: 3\n",
            4,
            "en mappning inom { } som börjar på rad 2 saknar ett kommatecken eller en avslutande }",
            "a mapping in { } that starts on line 2 lacks a comma or its closing }",
        ),
        (
            "a: *x\n",
            1,
            "ett alias (*namn) hänvisar till ett ankare",
            "an alias (*name) refers to an anchor",
        ),
        ("a: @x\n", 1, "ett tecken som inte kan inleda ett värde", "a character that cannot"),
        (
            "a:\n  - b\n c: d\n",
            3,
            "nycklar på samma nivå ska ha samma indrag",
            "keys at the same level need the same indentation",
        ),
    ],
)
def test_syntax_errors_in_plain_words(text: str, line: int, sv: str, en: str) -> None:
    doc, diags = parse(text, "f.yaml")
    assert doc is None
    [d] = diags
    assert (d.rule, d.line) == ("TRY001", line)
    assert sv in d.message("sv")
    assert en in d.message("en")
    assert "did not find" not in d.message("sv")


def test_walker_problems_speak_english_too() -> None:
    _, diags = parse("? [a, b]\n: c\n", "f.yaml")
    [d] = diags
    assert d.message("en") == "YAML syntax error: a key must be plain text"
