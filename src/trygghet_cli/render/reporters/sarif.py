"""SARIF 2.1.0 for code-scanning tools."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from trygghet_cli import ISSUE_TRACKER, __version__
from trygghet_cli.diagnostics import Severity
from trygghet_cli.render.reporters.base import Output, Report, inert_json
from trygghet_cli.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
RULES_DOC = "https://github.com/trygghet/trygg/blob/main/docs/rules.md"


def artifact_uri(file: str) -> str:
    """A relative path as a percent-encoded URI reference; an absolute one as a file URI."""
    path = PurePosixPath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(file, safe="/")


def render(report: Report) -> Output:
    lang = report.lang
    used = sorted({d.rule for d in report.diagnostics})
    index = {rule_id: i for i, rule_id in enumerate(used)}
    rules: list[dict[str, Any]] = []
    for rule_id in used:
        rule = RULES[rule_id]
        entry: dict[str, Any] = {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.title(lang)},
            "helpUri": f"{RULES_DOC}#{rule.id.lower()}",
            "defaultConfiguration": {"level": LEVEL[rule.severity]},
        }
        general = rule.render_hint({}, lang)
        if general is not None and "{" not in general:  # a hint with blanks fits no single rule
            entry["help"] = {"text": general}
        rules.append(entry)
    results = []
    for d in report.diagnostics:
        message = d.message(lang)
        hint = d.hint(lang)
        results.append(
            {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": LEVEL[d.level],
                "message": {"text": f"{message}\n{hint}" if hint else message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": artifact_uri(d.file)},
                            "region": {"startLine": d.line, "startColumn": d.column},
                        }
                    }
                ],
            }
        )
    doc = {
        "version": "2.1.0",
        "$schema": SCHEMA,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "trygg",
                        "version": __version__,
                        "informationUri": ISSUE_TRACKER.rsplit("/issues", 1)[0],
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return Output(inert_json(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n")
