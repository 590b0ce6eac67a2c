"""Every output format, on the same broken plan, compared with golden files and checked
against what its consumer (GitHub, GitLab, SARIF readers, JUnit readers) needs."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Run
from tests.golden import check_golden
from trygghet_cli.diagnostics import make
from trygghet_cli.i18n import Lang
from trygghet_cli.render.reporters.base import Report, summary_line

FORMATS = {
    "text": "txt",
    "json": "json",
    "github": "txt",
    "gitlab": "json",
    "sarif": "sarif",
    "junit": "xml",
}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden_output(run: Run, fmt: str, lang: str) -> None:
    result = run("validate", "broken", "--format", fmt, "--lang", lang, cwd=FIXTURES)
    assert result.exit_code == 1
    check_golden(f"validate/broken.{lang}.{fmt}.{FORMATS[fmt]}", result.output)


def test_output_is_byte_identical_between_runs(run: Run) -> None:
    first = run("validate", "broken", "--format", "sarif", cwd=FIXTURES).output
    assert run("validate", "broken", "--format", "sarif", cwd=FIXTURES).output == first


def test_json_lists_every_finding(run: Run) -> None:
    payload = json.loads(run("validate", "broken", "--format", "json", cwd=FIXTURES).output)
    assert payload["summary"] == {"plans": 1, "files": 8, "errors": 7, "warnings": 1, "infos": 2}
    first = payload["diagnostics"][0]
    assert first == {
        "rule": "TRY110",
        "name": "invalid-kommunkod",
        "severity": "error",
        "file": "broken/kommun.yaml",
        "line": 3,
        "column": 12,
        "pointer": "kommunkod",
        "message": "'0180' är inte en kommunkod",
        "hint": 'Skriv kommunkoden inom citattecken: kommunkod: "0180".',
    }


def test_gitlab_code_quality_fields(run: Run) -> None:
    issues = json.loads(run("validate", "broken", "--format", "gitlab", cwd=FIXTURES).output)
    assert len(issues) == 10  # 7 errors, 1 warning, 2 files the checks wait for (TRY017)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue in issues:
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["lines"]["begin"] >= 1


def test_gitlab_fingerprints_stay_unique_for_repeated_findings(run: Run, plan: Path) -> None:
    text = (plan / "kommun.yaml").read_text(encoding="utf-8")
    (plan / "kommun.yaml").write_text(text + "# 640823-3234 och 640823-3234\n", "utf-8")
    issues = json.loads(run("validate", str(plan), "--format", "gitlab").output)
    assert len(issues) == 2
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]


def test_sarif_structure(run: Run) -> None:
    doc = json.loads(run("validate", "broken", "--format", "sarif", cwd=FIXTURES).output)
    assert doc["version"] == "2.1.0"
    run0 = doc["runs"][0]
    rules = [r["id"] for r in run0["tool"]["driver"]["rules"]]
    assert rules == sorted(set(rules))
    for result in run0["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_junit_names_are_unique_per_file(run: Run) -> None:
    root = ET.fromstring(run("validate", "broken", "--format", "junit", cwd=FIXTURES).output)
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert int(suite.get("tests", "0")) == len(cases)
    assert int(suite.get("failures", "0")) == sum(1 for c in cases if c.find("failure") is not None)
    keys = [(c.get("classname"), c.get("name")) for c in cases]
    assert len(keys) == len(set(keys))
    passing = [c for c in cases if c.find("failure") is None and c.find("skipped") is None]
    assert {c.get("classname") for c in passing} == {"broken/aktiviteter.yaml"}
    [warning] = [c for c in cases if c.find("skipped") is not None]
    assert "varning TRY206" in (warning.findtext("skipped") or "")
    assert int(suite.get("skipped", "0")) == 1


def test_junit_warnings_fail_only_under_strict(run: Run) -> None:
    def failures(*args: str) -> int:
        out = run("validate", "broken", "--format", "junit", *args, cwd=FIXTURES).output
        suite = ET.fromstring(out).find("testsuite")
        assert suite is not None
        return int(suite.get("failures", "0"))

    assert (failures(), failures("--strict")) == (7, 8)


def test_junit_survives_control_characters_in_file_names(run: Run, plan: Path) -> None:
    (plan / "moten/2021-03-02-lokala-bra.yaml").rename(plan / "moten/a\x01b.yaml")
    out = run("validate", str(plan), "--format", "junit").output
    root = ET.fromstring(out)
    assert any("a\ufffdb.yaml" in (c.get("classname") or "") for c in root.iter("testcase"))


def test_sarif_uris_are_percent_encoded() -> None:
    from trygghet_cli.render.reporters.sarif import artifact_uri

    assert artifact_uri("plan/möten 1.yaml") == "plan/m%C3%B6ten%201.yaml"
    assert artifact_uri("/srv/plan/kommun.yaml") == "file:///srv/plan/kommun.yaml"


def test_github_annotations_group_by_file(run: Run) -> None:
    out = run("validate", "broken", "--format", "github", cwd=FIXTURES).output
    assert "::group::broken/kommun.yaml" in out
    line = next(x for x in out.splitlines() if "TRY101" in x)
    assert line.startswith(
        "::error file=broken/organisation.yaml,line=22,col=5,title=TRY101 unknown-key::"
        "Okänd nyckel 'motesfrekvens' (menade du 'mötesfrekvens'?)%0ATillåtna nycklar här: id,"
    )


def test_github_escaping() -> None:
    from trygghet_cli.render.reporters.github import escape_data, escape_property

    assert escape_data("50 %\r\nny rad") == "50 %25%0D%0Any rad"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_sarif_rule_help_has_no_blanks(run: Run) -> None:
    doc = json.loads(run("validate", "broken", "--format", "sarif", cwd=FIXTURES).output)
    for rule in doc["runs"][0]["tool"]["driver"]["rules"]:
        assert "{" not in rule.get("help", {}).get("text", ""), rule["id"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "1\u00a0234 fel och 1\u00a0001 varningar i 2\u00a0900 filer (1\u00a0450 planer)."),
        ("en", "1,234 errors and 1,001 warnings in 2,900 files (1,450 plans)."),
    ],
)
def test_the_closing_line_groups_large_counts(lang: Lang, expected: str) -> None:
    """A county's run over every plan counts thousands: the closing line writes them as the
    reports write numbers (15 079), not '1234 fel i 2900 filer'."""
    found = [make("TRY109", "a.yaml", 1, 1, value="x")] * 1234
    found += [make("TRY111", "kommun.yaml", 1, 1, key="polis", example="", why="")] * 1001
    report = Report("validate", found, [f"{i}.yaml" for i in range(2900)], 1450, lang)
    assert summary_line(report) == expected
