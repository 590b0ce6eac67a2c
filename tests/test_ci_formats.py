"""Each machine format checked against its specification, as the CI system reads it.

* SARIF 2.1.0 against OASIS's JSON Schema (``tests/fixtures/specs``, where it came from is
  noted there);
* GitLab Code Quality against the fields and severities GitLab documents, with fingerprints
  that are unique (GitLab shows only the first issue with a fingerprint) and stable;
* JUnit XML read the way GitLab's parser (``Gitlab::Ci::Parsers::Test::Junit``) reads it, by an
  independent JUnit reader (junitparser), and, for ``--format junit-jenkins``, against Jenkins'
  ``junit-10.xsd`` (``tests/fixtures/specs``).
"""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import junitparser
import pytest
import xmlschema
from jsonschema import Draft4Validator, Draft7Validator, FormatChecker  # type: ignore[import-untyped]

from tests.conftest import FIXTURES, ROOT, Run, edit
from trygghet_cli.diagnostics import Diagnostic, Severity, make
from trygghet_cli.render.reporters import Report, github

SARIF_SCHEMA = json.loads((FIXTURES / "specs/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
# GitLab's own schema for one report entry, which its codequality parser validates against
# (vendored, see tests/fixtures/specs/README.md).
GITLAB_ENTRY_SCHEMA = json.loads(
    (FIXTURES / "specs/gitlab-codeclimate.schema.json").read_text(encoding="utf-8")
)

# GitLab's Code Quality report format (docs.gitlab.com/ci/testing/code_quality, "Code Quality
# report format"): a JSON array of issues with these fields.
CODE_QUALITY_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def _many_findings(plan: Path) -> Path:
    """The minimal plan with repeated findings of the same rule in the same file."""
    numbers = "".join(f"# {n}: 640823-3234 och 640823-3234\n" for n in range(12))
    with (plan / "kommun.yaml").open("a", encoding="utf-8") as handle:
        handle.write(numbers)
    edit(plan / "moten/2021-03-02-lokala-bra.yaml", "    klar_datum: 2021-03-20\n", "")
    edit(plan / "mal.yaml", "aktiviteter: [vandringar]", "aktiviteter: [vandring, vandringar]")
    return plan


def _output(run: Run, fmt: str, *args: str, cwd: Path | None = None) -> str:
    result = run("validate", "--format", fmt, *args, cwd=cwd)
    assert result.exit_code in (0, 1), result.output
    return result.output


# --- SARIF ------------------------------------------------------------------------------------


def _sarif_errors(doc: object) -> list[str]:
    validator = Draft4Validator(SARIF_SCHEMA, format_checker=FormatChecker())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_sarif_is_valid_against_the_oasis_schema(run: Run, lang: str) -> None:
    doc = json.loads(_output(run, "sarif", "broken", "--lang", lang, cwd=FIXTURES))
    assert doc["runs"][0]["results"], "a report with findings"
    assert _sarif_errors(doc) == []


def test_sarif_with_many_and_with_no_findings_is_valid(run: Run, plan: Path) -> None:
    clean = json.loads(_output(run, "sarif", str(plan)))
    assert clean["runs"][0]["results"] == []
    assert _sarif_errors(clean) == []
    many = json.loads(_output(run, "sarif", str(_many_findings(plan))))
    assert len(many["runs"][0]["results"]) > 20
    assert _sarif_errors(many) == []


def test_the_sarif_schema_rejects_what_it_should(run: Run) -> None:
    """The check can fail: the schema is the real one, not a stand-in that accepts anything."""
    doc = json.loads(_output(run, "sarif", "broken", cwd=FIXTURES))
    assert SARIF_SCHEMA["id"].endswith("/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    bad = copy.deepcopy(doc)
    bad["runs"][0]["results"][0]["level"] = "fatal"
    assert any("'fatal' is not one of" in e for e in _sarif_errors(bad))
    bad = copy.deepcopy(doc)
    del bad["runs"][0]["tool"]["driver"]["name"]
    assert any("'name' is a required property" in e for e in _sarif_errors(bad))
    bad = copy.deepcopy(doc)
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert _sarif_errors(bad)


# What GitHub code scanning requires beyond the OASIS schema ("SARIF support for code scanning",
# docs.github.com/en/code-security/reference/code-scanning/sarif-files/sarif-support-for-code-
# scanning): the properties it marks required, and the fingerprints it matches alerts with.
GITHUB_SARIF: dict[str, Any] = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "version", "rules"],
                                "properties": {"rules": {"items": {"$ref": "#/$defs/rule"}}},
                            }
                        },
                    },
                    "results": {"items": {"$ref": "#/$defs/result"}},
                },
            },
        },
    },
    "$defs": {
        "text": {"type": "object", "required": ["text"], "properties": {"text": {"minLength": 1}}},
        "rule": {
            "type": "object",
            "required": ["id", "shortDescription", "fullDescription", "help", "helpUri"],
            "properties": {
                "shortDescription": {"$ref": "#/$defs/text"},
                "fullDescription": {"$ref": "#/$defs/text"},
                "help": {"$ref": "#/$defs/text"},
            },
        },
        "result": {
            "type": "object",
            "required": ["ruleId", "message", "locations", "partialFingerprints"],
            "properties": {
                "message": {"$ref": "#/$defs/text"},
                "partialFingerprints": {"type": "object", "minProperties": 1},
                "locations": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "required": ["physicalLocation"],
                        "properties": {
                            "physicalLocation": {
                                "required": ["artifactLocation", "region"],
                                "properties": {
                                    "artifactLocation": {"required": ["uri"]},
                                    "region": {"required": ["startLine"]},
                                },
                            }
                        },
                    },
                },
            },
        },
    },
}


def test_sarif_has_what_github_code_scanning_requires(run: Run, plan: Path) -> None:
    for doc in (
        json.loads(_output(run, "sarif", "broken", cwd=FIXTURES)),
        json.loads(_output(run, "sarif", str(_many_findings(plan)), "--lang", "en")),
    ):
        errors = [e.message for e in Draft7Validator(GITHUB_SARIF).iter_errors(doc)]
        assert errors == []
        results = doc["runs"][0]["results"]
        prints = [r["partialFingerprints"]["tryggFinding/v1"] for r in results]
        assert len(set(prints)) == len(prints), "one alert per finding"
    bad = copy.deepcopy(doc)
    del bad["runs"][0]["results"][0]["partialFingerprints"]
    assert list(Draft7Validator(GITHUB_SARIF).iter_errors(bad)), "the check can fail"


def test_sarif_rules_explain_themselves_and_link_to_the_catalogue(run: Run) -> None:
    doc = json.loads(_output(run, "sarif", "broken", cwd=FIXTURES))
    catalogue = (ROOT / "docs/rules.md").read_text(encoding="utf-8")
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    unknown = rules["TRY101"]
    assert unknown["fullDescription"]["text"] == "Okänd nyckel '…'"
    assert rules["TRY206"]["fullDescription"]["text"] == (
        "Klar utan datum: … '…' har status klar men inget klart-datum"
    )
    assert unknown["help"]["text"] == (
        "Tillåtna nycklar här: ….\n\nMer om regeln: "
        "https://github.com/trygghet/trygg/blob/main/docs/rules.md#try101"
    )
    assert unknown["help"]["markdown"].endswith(
        "[Mer om regeln: TRY101](https://github.com/trygghet/trygg/blob/main/docs/rules.md#try101)"
    )
    for rule in rules.values():
        assert rule["helpUri"].endswith("docs/rules.md#" + rule["id"].lower())
        assert f"\n### {rule['id']}\n" in catalogue, "the link's anchor is a heading there"
        assert not re.search(r"\{[a-z_]+\}", rule["fullDescription"]["text"] + rule["help"]["text"])


def _meeting_with_a_late_action(plan: Path) -> Path:
    """A meeting whose second action has a date that is no date, at ``åtgärder[1].senast``."""
    meeting = plan / "moten/2021-03-02-lokala-bra.yaml"
    edit(
        meeting,
        "rapporter: [arsrapport]\n",
        "  - id: a-2\n    text: Ring fastighetsägaren\n    ansvarig: samordnare\n"
        "    senast: 2021-13-01\n    status: öppen\nrapporter: [arsrapport]\n",
    )
    return meeting


@pytest.mark.parametrize("fmt", ["gitlab", "sarif"])
def test_fingerprints_stay_when_an_action_is_inserted_above(run: Run, plan: Path, fmt: str) -> None:
    """``åtgärder[1].senast`` becomes ``åtgärder[2].senast``: still the same finding."""
    meeting = _meeting_with_a_late_action(plan)

    def prints() -> dict[str, str]:
        out = json.loads(_output(run, fmt, str(plan)))
        if fmt == "gitlab":
            return {i["check_name"]: i["fingerprint"] for i in out}
        return {
            r["ruleId"]: r["partialFingerprints"]["tryggFinding/v1"]
            for r in out["runs"][0]["results"]
        }

    before = prints()
    assert list(before) == ["TRY105"]
    edit(
        meeting,
        "åtgärder:\n",
        "åtgärder:\n  - id: a-0\n    text: Ny åtgärd överst\n    ansvarig: samordnare\n"
        "    senast: 2021-05-01\n    status: klar\n    klar_datum: 2021-04-20\n",
    )
    edit(
        meeting,
        "datum: 2021-03-02\n",
        "# En kommentar som flyttar allt en rad ned\ndatum: 2021-03-02\n",
    )
    assert prints() == before


# --- GitLab Code Quality -----------------------------------------------------------------------


def test_gitlab_code_quality_follows_gitlabs_format(run: Run, plan: Path) -> None:
    for text in (
        _output(run, "gitlab", "broken", cwd=FIXTURES),
        _output(run, "gitlab", str(_many_findings(plan))),
    ):
        issues = json.loads(text)
        errors = [e.message for e in Draft7Validator(CODE_QUALITY_SCHEMA).iter_errors(issues)]
        assert errors == []
        gitlab = Draft4Validator(GITLAB_ENTRY_SCHEMA)
        assert [e.message for issue in issues for e in gitlab.iter_errors(issue)] == []
        fingerprints = [i["fingerprint"] for i in issues]
        assert len(set(fingerprints)) == len(fingerprints), "GitLab hides repeated fingerprints"
        assert {i["severity"] for i in issues} <= {"major", "minor", "info"}  # info: TRY017


def test_gitlabs_own_schema_refuses_an_entry_without_what_it_requires() -> None:
    gitlab = Draft4Validator(GITLAB_ENTRY_SCHEMA)
    entry = {"description": "d", "fingerprint": "f", "severity": "major", "location": {}}
    assert list(gitlab.iter_errors(entry)) == []
    for key in ("description", "fingerprint", "severity", "location"):
        assert list(gitlab.iter_errors({k: v for k, v in entry.items() if k != key}))
    assert list(gitlab.iter_errors({**entry, "location": {"lines": {"begin": "1"}}}))


def test_gitlab_fingerprints_are_stable_across_runs_and_languages(run: Run, plan: Path) -> None:
    """A finding keeps its fingerprint, so GitLab can tell new findings from fixed ones."""
    _many_findings(plan)
    sv = [i["fingerprint"] for i in json.loads(_output(run, "gitlab", str(plan)))]
    en = [i["fingerprint"] for i in json.loads(_output(run, "gitlab", str(plan), "--lang", "en"))]
    assert sv == en
    assert [i["fingerprint"] for i in json.loads(_output(run, "gitlab", str(plan)))] == sv


def test_an_empty_code_quality_report_is_an_empty_array(run: Run, plan: Path) -> None:
    assert json.loads(_output(run, "gitlab", str(plan))) == []


# --- JUnit, as GitLab reads it -------------------------------------------------------------------


@dataclass(frozen=True)
class GitLabCase:
    suite: str
    classname: str
    name: str
    file: str | None
    status: str
    output: str | None


def gitlab_junit_cases(xml: str) -> list[GitLabCase]:
    """What GitLab's JUnit parser makes of a report.

    Ported from ``lib/gitlab/ci/parsers/test/junit.rb``: one top-level ``testsuites`` (or a
    bare ``testsuite``), test cases only inside a ``testsuite``, nested suites allowed; the
    status is ``failed`` with a ``failure`` child, ``error`` with ``error``, ``skipped`` with
    ``skipped``, else ``success``.
    """
    root = ET.fromstring(xml)
    assert root.tag in ("testsuites", "testsuite"), f"GitLab reads no cases under <{root.tag}>"
    suites = root.findall("testsuite") if root.tag == "testsuites" else [root]
    cases: list[GitLabCase] = []

    def walk(suite: ET.Element) -> None:
        for case in suite.findall("testcase"):
            children = [c.tag for c in case if c.tag in ("failure", "error", "skipped")]
            assert len(children) <= 1, "a test case has one outcome"
            status = {"failure": "failed", "error": "error", "skipped": "skipped"}.get(
                children[0] if children else "", "success"
            )
            detail = case.find(children[0]) if children else None
            cases.append(
                GitLabCase(
                    suite=suite.get("name", ""),
                    classname=case.get("classname", ""),
                    name=case.get("name", ""),
                    file=case.get("file"),
                    status=status,
                    output=detail.text if detail is not None else None,
                )
            )
        for nested in suite.findall("testsuite"):
            walk(nested)

    for suite in suites:
        walk(suite)
    return cases


def test_junit_as_gitlab_reads_it(run: Run, plan: Path) -> None:
    _many_findings(plan)
    findings = json.loads(_output(run, "json", str(plan)))["diagnostics"]
    xml = _output(run, "junit", str(plan))
    cases = gitlab_junit_cases(xml)
    errors = [f for f in findings if f["severity"] == "error"]
    warnings = [f for f in findings if f["severity"] == "warning"]
    failed = [c for c in cases if c.status == "failed"]
    skipped = [c for c in cases if c.status == "skipped"]
    assert len(failed) == len(errors) > 20
    assert len(skipped) == len(warnings) == 1
    assert skipped[0].output is not None and "varning TRY206" in skipped[0].output
    findings = errors
    keys = [(c.suite, c.classname, c.name) for c in cases]
    assert len(set(keys)) == len(keys), "GitLab keeps only the first of equal names"
    for case, finding in zip(failed, findings, strict=True):
        assert case.suite == "trygg validate"
        assert case.classname == case.file == finding["file"]
        assert f"rad {finding['line']} kolumn {finding['column']}" in case.name
        assert case.output is not None
        assert case.output.startswith(f"{finding['file']}:{finding['line']}:{finding['column']}:")
    passing = {c.classname for c in cases if c.status == "success"}
    assert passing == {f"{plan}/{name}" for name in ("aktiviteter.yaml", "nyckeltal.yaml")} | {
        f"{plan}/organisation.yaml",
        f"{plan}/styrdokument.yaml",
    }


def test_junit_counts_agree_with_the_cases(run: Run) -> None:
    root = ET.fromstring(_output(run, "junit", "broken", cwd=FIXTURES))
    suite = root.find("testsuite")
    assert suite is not None
    cases = gitlab_junit_cases(ET.tostring(root, encoding="unicode"))
    for element in (root, suite):
        assert int(element.get("tests", "-1")) == len(cases)
        assert int(element.get("failures", "-1")) == sum(c.status == "failed" for c in cases)
        assert int(element.get("errors", "-1")) == 0


def test_the_junit_reader_can_fail() -> None:
    with pytest.raises(AssertionError):
        gitlab_junit_cases("<results><testcase classname='a' name='b'/></results>")
    two = (
        "<testsuites><testsuite><testcase><failure/><skipped/></testcase></testsuite></testsuites>"
    )
    with pytest.raises(AssertionError):
        gitlab_junit_cases(two)


# --- GitHub annotations --------------------------------------------------------------------------


def _github(diagnostics: list[Diagnostic]) -> tuple[list[str], str]:
    report = Report("trygg validate", diagnostics, ["plan/kommun.yaml"], 1, "sv")
    output = github.render(report)
    assert output.step_summary is not None
    return output.stdout.splitlines(), output.step_summary


def _findings(rule: str, count: int, severity: Severity | None = None) -> list[Diagnostic]:
    return [
        make(rule, "plan/kommun.yaml", n + 1, 1, severity=severity, masked="x", kind="y", value="z")
        for n in range(count)
    ]


def test_github_annotations_stay_within_githubs_limits() -> None:
    """10 errors and 10 warnings per step; 20 per command, so two commands use 40 of 50."""
    found = sorted(
        _findings("TRY301", 15) + _findings("TRY206", 15) + _findings("TRY206", 5, Severity.INFO),
        key=lambda d: d.sort_key(),
    )
    lines, summary = _github(found)
    count = {
        kind: sum(line.startswith(f"::{kind} ") for line in lines)
        for kind in ("error", "warning", "notice")
    }
    assert count == {"error": 10, "warning": 10, "notice": 0}
    assert 2 * sum(count.values()) <= github.PER_JOB_LIMIT
    plain = [line for line in lines if line.startswith("plan/kommun.yaml:")]
    assert len(plain) == 15
    assert "15 fynd visas inte som annoteringar" in "\n".join(lines)
    assert summary.startswith("## trygg validate\n")
    assert summary.count("\n| `plan/kommun.yaml` |") == 35


def test_notices_use_the_room_errors_and_warnings_leave() -> None:
    lines, _ = _github(_findings("TRY301", 3) + _findings("TRY206", 25, Severity.INFO))
    assert sum(line.startswith("::error ") for line in lines) == 3
    assert sum(line.startswith("::notice ") for line in lines) == 10


def test_github_annotation_carries_the_end_of_the_range() -> None:
    d = replace(_findings("TRY301", 1)[0], end_line=3, end_column=9)
    lines, _ = _github([d])
    assert lines[1].startswith("::error file=plan/kommun.yaml,line=1,col=1,endLine=3,endColumn=9,")


# --- JUnit: Jenkins' junit-10.xsd and an independent JUnit reader ------------------------------

JUNIT_XSD = xmlschema.XMLSchema(str(FIXTURES / "specs/junit-10.xsd"))


def _xsd_errors(xml: str) -> list[str]:
    return [f"{e.path}: {e.reason}" for e in JUNIT_XSD.iter_errors(xml)]


def test_junit_for_jenkins_is_valid_against_junit_10_xsd(run: Run, plan: Path) -> None:
    for text in (
        _output(run, "junit-jenkins", "broken", cwd=FIXTURES),
        _output(run, "junit-jenkins", str(plan)),
        _output(run, "junit-jenkins", str(_many_findings(plan)), "--strict", "--lang", "en"),
    ):
        assert _xsd_errors(text) == []
        assert not any(c.get("file") for c in ET.fromstring(text).iter("testcase"))


def test_junit_for_gitlab_differs_from_the_xsd_only_by_the_file_attribute(run: Run) -> None:
    """The one thing GitLab reads that junit-10.xsd does not allow: ``testcase/@file``."""
    text = _output(run, "junit", "broken", cwd=FIXTURES)
    errors = _xsd_errors(text)
    assert errors and all("'file' attribute not allowed" in e for e in errors), errors
    jenkins = _output(run, "junit-jenkins", "broken", cwd=FIXTURES)
    assert re.sub(r' file="[^"]*"', "", text) == jenkins


def test_the_xsd_check_can_fail() -> None:
    assert _xsd_errors("<testsuites><testsuite/></testsuites>")  # name, tests… are required
    assert _xsd_errors("<testsuite name='a' tests='1' failures='0' errors='0'><x/></testsuite>")


@pytest.mark.parametrize("fmt", ["junit", "junit-jenkins"])
def test_a_junit_reader_reads_what_gitlab_reads(run: Run, plan: Path, fmt: str) -> None:
    """junitparser, a reader that is not GitLab's, finds the same cases, names and outcomes."""
    text = _output(run, fmt, str(_many_findings(plan)))
    ours = gitlab_junit_cases(text)
    report = junitparser.JUnitXml.fromstring(text)
    theirs = [
        (suite.name, case.classname, case.name, _outcome(case))
        for suite in report
        for case in suite
    ]
    assert theirs == [(c.suite, c.classname, c.name, c.status) for c in ours]
    suite = next(iter(report))
    assert (suite.tests, suite.failures, suite.skipped) == (
        len(ours),
        sum(c.status == "failed" for c in ours),
        sum(c.status == "skipped" for c in ours),
    )
    assert {c.file for c in ours} == ({c.classname for c in ours} if fmt == "junit" else {None})


def _outcome(case: junitparser.TestCase) -> str:
    kinds = {type(r).__name__ for r in case.result}
    if "Failure" in kinds:
        return "failed"
    if "Skipped" in kinds:
        return "skipped"
    return "error" if "Error" in kinds else "success"
