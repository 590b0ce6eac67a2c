"""No personnummer in anything trygg publishes, in whatever form it is written.

One detector (:mod:`trygghet_cli.identity_numbers`) finds the numbers in the raw text, in the
decoded values (a YAML escape), in every path of the plan and in the plan folder's other text
files whatever their encoding or size. A plan that holds one gets no calendar, brief or export
until it is removed, and is told where it is. Whatever trygg prints or writes passes through
one mask, so not even a refusal repeats the number.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run, edit, write
from trygghet_cli.identity_numbers import find_identity_numbers, mask_identity_numbers

MEETING = "moten/2021-03-02-lokala-bra.yaml"
NUMBER = "19121212-1212"  # Skatteverket's test person, Tolvan Tolvansson


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Ring 19121212-1212.", "Ring 19121212-****."),
        ("Ring 121212–1212.", "Ring 121212–****."),  # en dash
        ("Ring 121212—1212.", "Ring 121212—****."),  # em dash
        ("Ring 121212−1212.", "Ring 121212−****."),  # minus sign
        ("Ring 121212‐1212.", "Ring 121212‐****."),  # hyphen
        ("Ring 19121212 1212.", "Ring 19121212 ****."),
        ("Ring 19121212\u00a01212.", "Ring 19121212\u00a0****."),
        ("Ring 121212 - 1212.", "Ring 121212 - ****."),
        ("id: pn-121212-1212", "id: pn-121212-****"),
        ("x19121212-1212", "x19121212-****"),
        ("191212121212", "19121212****"),
        ("121212+1212", "121212+****"),
        ("701063-2391", "701063-****"),  # samordningsnummer
    ],
)
def test_every_written_form_is_found_and_masked(text: str, masked: str) -> None:
    assert len(list(find_identity_numbers(text))) == 1, text
    assert mask_identity_numbers(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "640823-3235",  # wrong check digit
        "0701234567",  # a telephone number
        "2021-03-02 1234",
        "15\u00a0079 invånare",
        "1234567890",
        "641301-1234",
        "20210302-123",
        "Diarienummer KS 2021/123456",
    ],
)
def test_numbers_that_are_not_identity_numbers(text: str) -> None:
    assert list(find_identity_numbers(text)) == []


def _validate(run: Run, plan: Path, *more: str) -> tuple[int, str]:
    result = run("validate", str(plan), *more)
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("Klotter på busskuren.", "Ring 121212–1212.", 23),
        ("Klotter på busskuren.", "Ring 19121212 1212.", 23),
        ("Klotter på busskuren.", '"Ring 19121212\\u002D1212."', 23),
        ("Klotter på busskuren.", '"Ring 19121212\\x2D1212."', 23),
        ("Klotter på busskuren.", "Ring 19121212-\n      1212.", 23),
        ("Klotter på busskuren.", ">-\n      Ring 19121212\n      1212.", 23),
        ("  - id: a-1", "  - id: pn-121212-1212", 10),
    ],
)
def test_forms_that_passed_unseen_are_findings(
    run: Run, plan: Path, old: str, new: str, line: int
) -> None:
    edit(plan / MEETING, old, new)
    code, out = _validate(run, plan)
    assert code == 1
    assert f"{MEETING}:{line}:" in out and "TRY301" in out, out
    assert "1212." not in out.replace("****.", "") and "121212-1212" not in out


def test_a_personnummer_in_a_file_name_is_found_and_never_shown(run: Run, plan: Path) -> None:
    """File and folder names end up in JUnit class names, ::group:: lines and findings."""
    write(plan / f"bilagor/anteckning-{NUMBER}.txt", "Inget här.\n")
    write(plan / f"arkiv-{NUMBER}/notering.md", "Inget här heller.\n")
    for fmt in ("text", "json", "junit", "github", "sarif", "gitlab"):
        code, out = _validate(run, plan, "--format", fmt)
        assert code == 1, out
        assert "TRY302" in out, (fmt, out)
        assert NUMBER not in out and "19121212-****" in out, (fmt, out)
    code, out = _validate(run, plan)
    assert "bilagor/anteckning-19121212-****.txt:1:1: fel TRY302 " in out
    assert "arkiv-19121212-****:1:1: fel TRY302 " in out


@pytest.mark.parametrize(
    ("name", "data", "line"),
    [
        ("latin1.txt", "Åtgärd för Östen: ring 19121212-1212.\n".encode("latin-1"), 1),
        ("cp1252.txt", "Rad ett\nÖsten 121212\u20131212\n".encode("cp1252"), 2),
        ("utf16.txt", "Rad ett\nRing 19121212-1212\n".encode("utf-16"), 2),
        ("utf16be.txt", "\ufeffRing 19121212-1212\n".encode("utf-16-be"), 1),
        ("stor.txt", ("x" * 99 + "\n").encode() * 12_000 + b"Ring 19121212-1212\n", 12_001),
        ("stor.md", (b"y" * 70 + b"\n") * 20_000 + b"ring 19121212-12", 20_001),
    ],
)
def test_other_files_in_any_encoding_or_size_are_scanned(
    run: Run, plan: Path, name: str, data: bytes, line: int
) -> None:
    (plan / name).write_bytes(data)
    code, out = _validate(run, plan)
    if name == "stor.md":  # the number is cut short: not one
        assert "TRY301" not in out
        return
    assert code == 1
    assert f"{name}:{line}:" in out and "TRY301" in out, out
    assert NUMBER not in out


def test_a_plan_file_that_is_not_utf8_is_scanned_too(run: Run, plan: Path) -> None:
    (plan / "mal.yaml").write_bytes("# Östen 19121212-1212\n".encode("latin-1"))
    code, out = _validate(run, plan)
    assert code == 1 and "mal.yaml:1:" in out and "TRY301" in out
    assert NUMBER not in out


def _with_number(plan: Path, text: str = f"Ring {NUMBER}") -> None:
    edit(plan / MEETING, "    text: Boka trygghetsvandring", f"    text: {text}")
    edit(plan / MEETING, "    status: klar\n    klar_datum: 2021-03-20\n", "    status: pågående\n")


@pytest.mark.parametrize(
    "text", [f"Ring {NUMBER}", "Ring 121212–1212", '"Ring 19121212\\u002D1212"']
)
def test_no_calendar_from_a_plan_with_a_personnummer(
    run: Run, plan: Path, tmp_path: Path, text: str
) -> None:
    _with_number(plan, text)
    feed = tmp_path / "kalender.ics"
    result = run(
        "deadlines", str(plan), "--as-of", "2021-06-30", "--format", "ics", "-o", str(feed)
    )
    assert result.exit_code == 1
    assert not feed.exists()
    assert f"{plan / MEETING}:11:" in result.stderr and "TRY301" in result.stderr
    assert "kalendern skrivs inte" in result.stderr
    assert "1212" not in result.stdout
    result = run("deadlines", str(plan), "--as-of", "2021-06-30", "--format", "ics")
    assert result.exit_code == 1 and result.stdout == ""


@pytest.mark.parametrize("fmt", ["json", "text", "github"])
def test_deadlines_never_show_the_number(run: Run, plan: Path, fmt: str) -> None:
    _with_number(plan)
    result = run("deadlines", str(plan), "--as-of", "2021-06-30", "--format", fmt)
    assert result.exit_code == 1
    assert NUMBER not in result.stdout + result.stderr
    assert "19121212-****" in result.stdout + result.stderr
    if fmt == "json":
        json.loads(result.stdout)


@pytest.mark.parametrize(
    "command",
    [
        ("report", "-q", "2021Q1"),
        ("report", "-q", "2021Q1", "-f", "html"),
        ("export",),
    ],
)
def test_no_brief_or_export_from_a_plan_with_a_personnummer(
    run: Run, plan: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    _with_number(plan, "Ring 121212–1212")
    out = tmp_path / ("export" if command[0] == "export" else "brief.md")
    result = run(*command, str(plan), "--output", str(out))
    assert result.exit_code == 1
    assert not out.exists()
    assert f"{plan / MEETING}:11:" in result.stderr and "TRY301" in result.stderr
    assert "121212–1212" not in result.stdout + result.stderr


def test_a_refused_edit_does_not_echo_the_number(run: Run, plan: Path) -> None:
    for text in (f"Ring {NUMBER}", "Ring 121212–1212", "Ring 19121212 1212"):
        result = run(
            "action", "add", text, "--owner", "samordnare", "--due", "2021-05-01",
            "--body", "lokala-bra", "--plan", str(plan),
        )  # fmt: skip
        assert result.exit_code == 1, (text, result.output)
        assert "TRY301" in result.output
        assert text.removeprefix("Ring ") not in result.output
        assert "****" in result.output
    assert "1212" not in (plan / MEETING).read_text(encoding="utf-8")


def test_a_usage_error_does_not_echo_the_number(run: Run, plan: Path) -> None:
    result = run("deadlines", str(plan), "--as-of", NUMBER)
    assert result.exit_code == 2
    assert NUMBER not in result.output and "19121212-****" in result.output


def test_the_cache_keeps_no_plan_text_with_a_personnummer(
    run: Run, plan: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    _with_number(plan)
    edit(plan / "organisation.yaml", "    ordförande: samordnare", f"    ordförande: {NUMBER}")
    for _ in range(2):
        result = run("validate", str(plan), env={"TRYGG_CACHE_DIR": str(cache)})
        assert result.exit_code == 1
        assert "TRY301" in result.stdout and "TRY201" in result.stdout
    stored = b"".join(p.read_bytes() for p in cache.rglob("*") if p.is_file())
    assert stored, "the cache holds the plan's other files"
    assert b"1212" not in stored.replace(b"19121212-****", b"")


def test_files_trygg_writes_are_masked_too(
    run: Run, plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--output files and GitHub's step summary pass through the same mask as the terminal."""
    write(plan / f"bilagor/anteckning-{NUMBER}.txt", "Inget här.\n")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    for fmt in ("junit", "json", "github"):
        out = tmp_path / f"fynd.{fmt}"
        result = run("validate", str(plan), "--format", fmt, "--output", str(out))
        assert result.exit_code == 1
        written = out.read_text(encoding="utf-8")
        assert "19121212-****" in written and NUMBER not in written, fmt
    assert "19121212-****" in summary.read_text(encoding="utf-8")
    assert NUMBER not in summary.read_text(encoding="utf-8")
