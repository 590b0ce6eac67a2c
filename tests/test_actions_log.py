"""What GitHub Actions reads from trygg: a plan's text never becomes a workflow command, and
the job summary shows it as text, never as a link, an image or HTML.

Every attack is a plan a pull request could bring: a YAML key or a name with line breaks and
``::error``, ``::add-mask::``, ``::stop-commands::`` or the old ``##[…]`` form in it, or a
folder named like a command. The output is read back with a port of the runner's own parser
(:mod:`tests.actions_runner`), and the escaping is compared with actions/toolkit's (run with
node from ``tests/editor``, installed by ``make editor``).
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from tests.actions_runner import Command, read_log
from tests.conftest import FIXTURES, ROOT, Run, edit
from tests.mdcheck import check_markdown
from trygghet_cli.diagnostics import make
from trygghet_cli.render.reporters import Report, github

ATTACK = (
    "x\n::error file=evil.yaml::pwned\n::add-mask::hemligt\n::stop-commands::stopp\n"
    "  ::warning::indragen\n##[add-mask]gammal\r::set-output name=a::b"
)
"""A YAML key a pull request could add: each line of it would be a command if printed raw."""
READ = ATTACK.replace("\r", "\u240d")
"""The key as trygg reads it: the carriage return that YAML's escape put in it is read as its
picture, with a warning (TRY020)."""

ACTIONS = {"GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": "trygg"}
OURS = {"group", "endgroup", "error", "warning", "notice"}


def _attack(plan: Path, before: int = 0) -> Path:
    """``before`` harmless unknown keys, then the attack as one more unknown key."""
    keys = "".join(f"okand_{n:02}: 1\n" for n in range(before))
    with (plan / "kommun.yaml").open("a", encoding="utf-8") as handle:
        handle.write(keys + json.dumps(ATTACK) + ": 1\n")
    return plan


def _stray(commands: list[Command]) -> list[Command]:
    """Commands that trygg did not mean to give (stop and resume lines are trygg's own)."""
    tokens = {c.data.lower() for c in commands if c.name == "stop-commands"}
    return [
        c
        for c in commands
        if c.name not in OURS and c.name != "stop-commands" and c.name.lower() not in tokens
    ]


def test_a_key_past_the_annotation_cap_gives_no_command(run: Run, plan: Path) -> None:
    """The overflow lines once printed the key raw: ``::error file=evil.yaml`` was obeyed."""
    _attack(plan, before=12)
    result = run("validate", str(plan), "--format", "github")
    assert result.exit_code == 1
    commands = read_log(result.output)
    assert _stray(commands) == []
    errors = [c for c in commands if c.name == "error"]
    assert len(errors) == github.PER_STEP_LIMIT
    assert {c.props["file"] for c in errors} == {f"{plan}/kommun.yaml"}
    assert not any("pwned" in c.data or "hemligt" in c.data for c in commands)
    assert [c.name for c in commands].count("endgroup") == 1, "commands resume after the text"
    shown = result.output.splitlines()
    line = next(s for s in shown if "'x%0A::error" in s)
    assert line.startswith(f"{plan}/kommun.yaml:22:1: fel TRY101 Okänd nyckel 'x%0A::error")
    assert "␍::set-output name=a::b'" in line  # read as its picture (TRY020)


def test_an_annotation_carries_the_key_exactly(run: Run, plan: Path) -> None:
    _attack(plan)
    finding = json.loads(run("validate", str(plan), "--format", "json").output)["diagnostics"][0]
    commands = read_log(run("validate", str(plan), "--format", "github").output)
    assert _stray(commands) == []
    [error] = [c for c in commands if c.name == "error"]
    assert error.data == finding["message"] + "\n" + finding["hint"]
    assert READ in error.data


def test_the_text_format_in_actions_gives_no_command(run: Run, plan: Path) -> None:
    _attack(plan)
    result = run("validate", str(plan), "--format", "text", env=ACTIONS)
    assert result.exit_code == 1
    commands = read_log(result.output)
    assert [c.name for c in commands] == ["stop-commands", commands[0].data]
    assert _stray(commands) == []
    assert "Okänd nyckel 'x␊::error file=evil.yaml::pwned␊::add-mask::hemligt␊" in result.output


def test_the_text_format_shows_control_characters(run: Run, plan: Path) -> None:
    _attack(plan)
    lines = run("validate", str(plan), "--format", "text").output.splitlines()
    assert len(lines) == 5, "the finding and TRY020 for its carriage return, two hints, a summary"
    assert lines[0].endswith("␊##[add-mask]gammal␍::set-output name=a::b'")
    assert not any(line.startswith("::stop-commands") for line in lines)


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab", "junit"])
def test_machine_formats_on_standard_output_give_no_command(run: Run, plan: Path, fmt: str) -> None:
    _attack(plan)
    out = run("validate", str(plan), "--format", fmt).output
    assert read_log(out) == []
    if fmt == "junit":
        failure = ET.fromstring(out).find("testsuite/testcase/failure")
        assert failure is not None and READ in (failure.text or "")
        assert READ in failure.get("message", "")
    else:
        assert READ in _strings(json.loads(out)), "the JSON reads back the key as it is"


def _strings(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(_strings(v) for v in value.values())
    if isinstance(value, list):
        return "\n".join(_strings(v) for v in value)
    return ""


def test_a_folder_named_like_a_command_gives_no_command(run: Run, tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "::error::x")
    edit(tmp_path / "::error::x/kommun.yaml", "antal: 1000", "antal: tusen")
    for extra in ([], ["--format", "text"]):
        out = run("validate", "::error::x", *extra, cwd=tmp_path, env=ACTIONS).output
        commands = read_log(out)
        assert _stray(commands) == []
        errors = [c for c in commands if c.name == "error"]
        expected = [] if extra else ["::error::x/kommun.yaml"]
        assert [c.props.get("file") for c in errors] == expected


def test_deadlines_give_no_command(run: Run, plan: Path) -> None:
    edit(
        plan / "moten/2021-03-02-lokala-bra.yaml",
        "    text: Boka trygghetsvandring\n",
        f"    text: {json.dumps('Boka ' + ATTACK)}\n",
    )
    edit(plan / "moten/2021-03-02-lokala-bra.yaml", "status: klar\n    klar_datum: 2021-03-20", "")
    edit(plan / "organisation.yaml", "namn: Lokala BRÅ", f"namn: {json.dumps('BRÅ ' + ATTACK)}")
    for fmt in ("github", "text", "json"):
        result = run("deadlines", "--as-of", "2021-06-30", "--format", fmt, cwd=plan, env=ACTIONS)
        assert result.exit_code == 1, result.output
        commands = read_log(result.output)
        assert _stray(commands) == [], fmt
        assert not any(c.props.get("file") == "evil.yaml" for c in commands), fmt


# --- the job summary ---------------------------------------------------------------------------

MARKUP = (
    "<img src=https://evil.example/x.png> [godkänn](https://evil.example) ![b](https://e.example/b)"
    " **fet** | ny cell\r\nrad två <script>alert(1)</script> &amp; `kod` \\| www.evil.example"
)


def _summary(file: str, message: str) -> str:
    d = make("TRY101", file, 3, 1, key=message, allowed="namn")
    output = github.render(Report("trygg validate", [d], [file], 1, "sv"))
    assert output.step_summary is not None
    return output.step_summary


def test_the_summary_shows_a_plans_text_as_text() -> None:
    summary = _summary("pl`a|n/kommun.yaml", MARKUP)
    assert "\r" not in summary
    tokens = check_markdown(summary)
    kinds = {t.type for t in tokens}
    assert not kinds & {"link_open", "image", "html_inline", "html_block", "strong_open"}
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 2
    cells = [t.content for t in tokens if t.type == "inline"][2:]
    header, body = cells[:7], cells[7:]
    assert header[0] == "Fil" and len(body) == 7
    code = [t.content for t in tokens if t.type == "code_inline"]
    assert code == ["pl`a|n/kommun.yaml"]
    text = "".join(t.content for t in tokens if t.type == "text")
    assert "Okänd nyckel '" + MARKUP.replace("\r", "").replace("\n", " ") + "'" in text


# --- escaping as actions/toolkit does it -------------------------------------------------------

NODE_TOOLKIT = ROOT / "tests/editor/toolkit.mjs"


def _toolkit(commands: list[dict[str, object]]) -> str:
    package = ROOT / "tests/editor/node_modules/@actions/core/package.json"
    assert shutil.which("node"), "node is needed: install Node.js and run 'make editor'"
    assert package.is_file(), "@actions/core is missing: run 'make editor'"
    proc = subprocess.run(
        ["node", str(NODE_TOOLKIT)],
        input=json.dumps(commands),
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def _texts() -> list[str]:
    fixed = [ATTACK, "50 %0A är inte en rad", "a:b,c=d", "%25%%", "\r\n", "Åtgärd 'å'", " ::x"]
    rng = random.Random(15)
    alphabet = "ab:,=%;]\r\n #[åä0AD"
    drawn = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24))) for _ in range(200)]
    return fixed + drawn


def test_annotations_read_as_actions_toolkit_writes_them() -> None:
    """Our annotation and toolkit's ``core.error`` for the same finding read back the same."""
    texts = _texts()
    diagnostics = [
        make("TRY101", f"plan/{t}.yaml", n + 1, 2, key=t, allowed="namn")
        for n, t in enumerate(texts)
    ]
    report = Report("trygg validate", diagnostics, [], 1, "sv")
    ours = [github.annotation(d, report) for d in diagnostics]
    theirs = _toolkit(
        [
            {
                "kind": "error",
                "message": d.message("sv") + "\n" + (d.hint("sv") or ""),
                "properties": {
                    "file": d.file,
                    "startLine": d.line,
                    "startColumn": d.column,
                    "title": "TRY101 unknown-key",
                },
            }
            for d in diagnostics
        ]
    )
    expected = read_log(theirs)
    assert len(expected) == len(texts)
    for line, want in zip(ours, expected, strict=True):
        [got] = read_log(line)
        assert (got.name, got.props, got.data) == (want.name, want.props, want.data)


def test_group_titles_read_as_actions_toolkit_writes_them() -> None:
    texts = _texts()
    theirs = read_log(_toolkit([{"kind": "group", "message": t} for t in texts]))
    ours = [read_log(f"::group::{github.escape_data(t)}")[0] for t in texts]
    assert [c.data for c in ours] == [c.data for c in theirs] == texts


def test_the_runner_port_finds_what_the_runner_finds() -> None:
    """The reader the tests use catches both forms of command, and honours stop-commands."""
    log = "  ::add-mask::a\nx ##[set-output name=b]c\n::stop-commands::t\n::error::d\n::t::\n"
    assert [(c.name, c.data) for c in read_log(log)] == [
        ("add-mask", "a"),
        ("set-output", "c"),
        ("stop-commands", "t"),
        ("t", ""),
    ]
    assert [c.name for c in read_log("::unknown::x\nplain ::error::y\n")] == []


def test_the_summary_stays_below_githubs_limit_and_says_what_it_left_out() -> None:
    """About 4 000 findings once made a summary over 1 MiB, which the runner drops whole."""
    long_key = "ett mycket långt nyckelnamn som upprepas " * 6
    diagnostics = [
        make(
            "TRY101",
            f"planer/kommun-{n // 40:03}/organisation.yaml",
            n % 40 + 1,
            3,
            key=f"{long_key}{n}",
            allowed="id, namn, typ",
        )
        for n in range(4000)
    ] + [make("TRY206", "planer/sist.yaml", 1, 1, id="a-1")]
    report = Report("trygg validate", diagnostics, [], 101, "sv")
    summary = github.step_summary(report)
    size = len(summary.encode("utf-8"))
    assert size <= github.SUMMARY_LIMIT < github.GITHUB_SUMMARY_LIMIT == 1024 * 1024
    tokens = check_markdown(summary)
    rows = sum(t.type == "tr_open" for t in tokens) - 1
    left_out = len(diagnostics) - rows
    assert 1000 < rows < len(diagnostics)
    assert summary.endswith(
        f"\n\n{left_out} fynd visas inte här: sammanfattningen får vara högst 512 KiB. "
        "Alla finns i loggen ovan.\n"
    )
    assert "| TRY206 |" not in summary, "errors before warnings when rows are left out"
    assert "| TRY206 |" in github.step_summary(replace(report, diagnostics=diagnostics[-50:]))


def test_a_summary_within_the_limit_is_whole() -> None:
    diagnostics = [
        make("TRY101", "plan/a.yaml", n + 1, 1, key=f"k{n}", allowed="id") for n in range(50)
    ]
    summary = github.step_summary(Report("trygg validate", diagnostics, [], 1, "en"))
    assert "left out" not in summary and "visas inte" not in summary
    assert summary.count("\n| `plan/a.yaml` |") == 50
