"""Inputs that made trygg fail with an internal error (exit 3) are findings or clear errors.

Each attack from issue 12's list ends as exit 1 (a mistake in a plan or a template, with its
file and line) or exit 2 (a mistake on the command line), never as a traceback.
"""

from __future__ import annotations

import json
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
