"""Inputs that made trygg fail with an internal error (exit 3) are findings or clear errors.

Each attack from issue 12's list ends as exit 1 (a mistake in a plan or a template, with its
file and line) or exit 2 (a mistake on the command line), never as a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Run


@pytest.mark.parametrize(
    "forged",
    [
        [None, [], [["TRY999", 1, 1, [], None, "", None, None, None]]],
        [None, [["TRY301", 1, 1, [["kind", 5]], "nej", "", None, None, None]], []],
        [None, [], [["TRY301", "x", 1, [], None, "", None, None, None]]],
        [None, [], [["TRY301", 1, 1, [["masked", [1, 2]]], None, "", None, None, None]]],
        [None, [], [["TRY301", 1, 1, [], None, "", "x", None, None]]],
    ],
)
def test_a_forged_cache_entry_is_passed_over(
    run: Run, plan: Path, tmp_path: Path, forged: list[object]
) -> None:
    """The cache is JSON that anyone with write access to it may edit: an entry that names a
    rule trygg does not have, or holds values of the wrong kind, is read as no entry."""
    env = {"TRYGG_CACHE_DIR": str(tmp_path / "cache")}
    assert run("validate", str(plan), env=env).exit_code == 0
    (stored,) = (tmp_path / "cache").rglob("*.json")
    entries = json.loads(stored.read_text(encoding="utf-8"))
    for key in entries["files"]:
        entries["files"][key] = forged
    stored.write_text(json.dumps(entries), encoding="utf-8")
    result = run("validate", str(plan), env=env)
    assert result.exit_code == 0, result.output
    assert "TRY999" not in result.output and "internt fel" not in result.output


EDITS = {
    "action": ("action", "add", "Ring polisen", "--owner", "samordnare", "--due", "2021-05-01",
               "--body", "lokala-bra"),
    "indicator": ("indicator", "set", "anmalda-brott", "2021", "8900"),
    "meeting": ("meeting", "new", "lokala-bra", "-d", "2021-06-01"),
}  # fmt: skip


@pytest.mark.parametrize("errno_", ["ENOSPC", "EROFS", "EACCES"])
@pytest.mark.parametrize("command", [*EDITS, "fmt", "init"])
def test_a_full_disk_or_read_only_folder_is_said_plainly(
    run: Run, plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, errno_: str
) -> None:
    """Every command that writes says which file could not be written and why (exit 1 or 2),
    and leaves the plan as it was."""
    import errno
    from tempfile import mkstemp

    code = getattr(errno, errno_)

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(code, "refused")

    if command == "fmt":
        mal = plan / "mal.yaml"
        text = mal.read_text(encoding="utf-8")
        mal.write_text(
            text.replace(
                "  - id: trygghet\n    namn: Trygghet", "  - namn: Trygghet\n    id: trygghet"
            )
        )
    before = {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()}
    monkeypatch.setattr("trygghet_cli.loading.atomic.tempfile.mkstemp", refuse)
    if command in EDITS:
        result = run(*EDITS[command], "--plan", str(plan))
    elif command == "fmt":
        result = run("fmt", str(plan))
    else:
        result = run("init", str(tmp_path / "ny"), "--municipality", "Stockholm", "--kommunkod",
                     "0180")  # fmt: skip
    monkeypatch.setattr("trygghet_cli.loading.atomic.tempfile.mkstemp", mkstemp)
    reason = {
        "ENOSPC": "disken är full",
        "EROFS": "filsystemet är skrivskyddat",
        "EACCES": "du saknar skrivrätt där",
    }[errno_]
    assert result.exit_code in (1, 2), result.output
    assert reason in result.output and "internt fel" not in result.output
    assert {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(
    "place",
    ["Centrum $\\foo$", "Centrum " + "$" + "\\sqrt{" * 200 + "x" + "}" * 200 + "$", "$x^2$ och _a"],
)
def test_text_in_a_chart_is_text(run: Run, plan: Path, tmp_path: Path, place: str) -> None:
    """matplotlib reads text between dollar signs as mathtext: an unknown command ('$\\foo$')
    or deep nesting crashed the export, and '$x^2$' was drawn as a formula. A place's name in
    a chart's legend is drawn as written."""
    from tests.conftest import edit

    quoted = place.replace("'", "''")
    edit(
        plan / "nyckeltal.yaml",
        "geografi: {nivå: kommun}",
        f"geografi: {{nivå: stadsdel, namn: '{quoted}'}}",
    )
    result = run("export", str(plan), "--output", str(tmp_path / "ut"), "--as-of", "2021-06-01")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "ut" / "nyckeltal.html").read_text(encoding="utf-8")
    svg = page[page.index("<svg") : page.index("</svg>")]
    from html import escape

    assert f"{escape(place, quote=False)} (stadsdel)" in svg


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[" * 100_000 + "]" * 100_000, "1:65"),
        ('{"values": ' + "[" * 5_000 + "]" * 5_000 + "}", "1:75"),
        ('{"values": [\n  {"kpi": "N07540", "x": ' + '{"a": ' * 3_000 + "1" + "}" * 3_000 + "}]}",
         "2:392"),
    ],
)  # fmt: skip
def test_deeply_nested_kolada_json_is_a_finding(
    run: Run, plan: Path, tmp_path: Path, text: str, where: str
) -> None:
    """Nesting deeper than any Kolada page ended in a RecursionError (exit 3)."""
    from tests.conftest import edit, write

    edit(plan / "nyckeltal.yaml", "källa: {typ: brå}", "källa: {typ: brå, kolada_kpi: N07540}")
    before = (plan / "nyckeltal.yaml").read_bytes()
    source = write(tmp_path / "kolada.json", text)
    result = run("indicator", "import", str(source), "--plan", str(plan))
    assert result.exit_code == 1, result.output
    assert (
        f"{source}:{where}: fel TRY501 Felaktig JSON: nästlad djupare än 64 nivåer; en sida från "
        "Kolada är nästlad i högst fem" in result.output
    )
    assert (plan / "nyckeltal.yaml").read_bytes() == before


def _trygg(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """trygg in a process of its own, as a shell starts it."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "trygghet_cli", *args], stderr=subprocess.PIPE, **kwargs
    )


def _close_stdout() -> None:
    os.close(1)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["validate", "{plan}"], 0),
        (["validate", "{broken}"], 1),
        (["validate", "{plan}", "--format", "json"], 0),
        (["deadlines", "{plan}", "--as-of", "2024-06-01", "--format", "ics"], 1),
        (["report", "{plan}", "--quarter", "2021Q1"], 0),
        (["compare", "{plan}", "--format", "csv"], 0),
        (["schema"], 0),
        (["--help"], 0),
    ],
)
def test_a_closed_stdout_or_pipe_keeps_the_answer(
    plan: Path, tmp_path: Path, args: list[str], code: int
) -> None:
    """'trygg validate >&-' was an internal error (exit 3); with a pipe closed by its reader
    ('| head -0') every command ended with exit 1, whatever the plan. Output that has nowhere
    to go is dropped, as into /dev/null, and the exit code still says what trygg found."""
    from tests.conftest import edit

    broken = tmp_path / "broken"
    shutil.copytree(plan, broken)
    edit(broken / "mal.yaml", "senast: 2022-12-31", "senast: 2022-12-32")
    argv = [a.format(plan=plan, broken=broken) for a in args]
    closed = _trygg(argv, stdout=subprocess.DEVNULL, preexec_fn=_close_stdout)
    assert (closed.returncode, closed.stderr) == (code, b"")
    reader, writer = os.pipe()
    os.close(reader)  # nobody reads: the first write fails with EPIPE
    try:
        piped = _trygg(argv, stdout=writer)
    finally:
        os.close(writer)
    assert (piped.returncode, piped.stderr) == (code, b"")


def test_a_deleted_working_folder_is_said_plainly(
    run: Run, plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a folder that was deleted, every command ended in FileNotFoundError (exit 3),
    even for a plan named by its full path."""
    gone = tmp_path / "borttagen"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    edit = ("indicator", "set", "anmalda-brott", "2021", "1", "--plan", str(plan))
    for args in (("validate",), ("validate", str(plan)), ("deadlines", str(plan)), edit):
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert result.output == (
            "trygg: Mappen du står i finns inte längre (den har tagits bort eller flyttats); gå "
            "till en mapp som finns (cd) och försök igen.\n"
        )
    assert run("validate", "--help").exit_code == 0
    result = run("--lang", "en", "validate", str(plan))
    assert result.output == (
        "trygg: The folder you are in no longer exists (it was deleted or moved); change to a "
        "folder that exists (cd) and try again.\n"
    )


@pytest.mark.parametrize("written", ["010", "0x1F", ".inf", "-.Inf", "1e3"])
def test_a_tip_quotes_what_was_written(run: Run, plan: Path, written: str) -> None:
    """The tips quoted the number YAML made of the text ('titel: "31"' for 0x1F, '"inf"' for
    .inf); a kommunkod that is not four digits got a tip to quote it anyway."""
    from tests.conftest import edit

    edit(plan / "organisation.yaml", "    titel: Samordnare", f"    titel: {written}")
    result = run("validate", str(plan))
    assert f'    tips: Skriv värdet inom citattecken: titel: "{written}".' in result.output


@pytest.mark.parametrize("written", ["010", "0x1F", "0o17"])
def test_a_kommunkod_that_is_no_code_gets_no_quoting_tip(
    run: Run, plan: Path, written: str
) -> None:
    from tests.conftest import edit

    edit(plan / "kommun.yaml", 'kommunkod: "0180"', f"kommunkod: {written}")
    result = run("validate", str(plan))
    assert (
        f"fel TRY110 '{written}' är inte en kommunkod\n    tips: En kommunkod är SCB:s fyra "
        'siffror inom citattecken, till exempel kommunkod: "1982".' in result.output
    )


def test_a_chain_of_500_bodies_under_one_another_is_exported(run: Run, tmp_path: Path) -> None:
    """Issue 12: an ``under`` chain of 500 bodies crashed ``export`` with a RecursionError
    (exit 3) while the organisation chart was laid out, from the body first in the file (g0,
    at the bottom of the chain) up. (Closed into a circle, the chain is TRY219,
    tests/test_organisation_cycles.py, and export refuses the plan.)"""
    from tests.plan_builder import make_plan

    above = [f"g{i + 1}" for i in range(499)] + ["ks"]
    chain = "".join(
        f"  - id: g{i}\n    namn: G{i}\n    typ: arbetsgrupp\n    under: {above[i]}\n"
        "    start: 2024-01-01\n    slut: 2024-12-31\n"
        for i in range(500)
    )
    plan = make_plan(tmp_path / "p", [chain])
    out = tmp_path / "site"
    result = run("export", str(plan), "--output", str(out), "--as-of", "2024-06-30")
    assert result.exit_code == 0, result.output
    assert "G499" in (out / "organisation.html").read_text(encoding="utf-8")
