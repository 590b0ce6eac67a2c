"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others).

Every rule carries what GitHub shows with an alert: a short and a full description, help
text from the rule catalogue and a link to its entry in ``docs/rules.md``. Every result carries
``partialFingerprints`` made from the rule, the file and the finding's place by ids, never its
line (:func:`~trygghet_cli.render.reporters.base.fingerprints`), so an alert stays the same
alert when lines or list items are inserted above it.

Inside a git work tree every URI is relative to its top level and says so with the base id
``%SRCROOT%``, which GitHub resolves to the checkout; outside one, URIs are relative to the
working folder (an absolute path is a ``file:`` URI).
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from trygghet_cli import ISSUE_TRACKER, __version__
from trygghet_cli.diagnostics import Severity
from trygghet_cli.i18n import Text
from trygghet_cli.render.reporters.base import Output, Report, fingerprints, inert_json
from trygghet_cli.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
RULES_DOC = "https://github.com/trygghet/trygg/blob/main/docs/rules.md"
FINGERPRINT = "tryggFinding/v1"
"""The name of trygg's fingerprint in ``partialFingerprints``; a new way of computing it gets a
new version, as SARIF asks."""
_MORE = Text("Mer om regeln", "More about the rule")


def artifact_uri(file: str) -> str:
    """A relative path as a percent-encoded URI reference; an absolute one as a file URI."""
    path = PurePosixPath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(file, safe="/")


SRCROOT = "%SRCROOT%"
_SRCROOT = Text("Git-förrådets översta mapp", "The top level of the git repository")


def _location(file: str, report: Report) -> dict[str, str]:
    uri = artifact_uri(file)
    if report.repository and not uri.startswith("file:"):
        return {"uri": uri, "uriBaseId": SRCROOT}
    return {"uri": uri}


def _bases(report: Report) -> dict[str, Any]:
    if not report.repository:
        return {}
    return {"originalUriBaseIds": {SRCROOT: {"description": {"text": _SRCROOT(report.lang)}}}}


def render(report: Report) -> Output:
    lang = report.lang
    used = sorted({d.rule for d in report.diagnostics})
    index = {rule_id: i for i, rule_id in enumerate(used)}
    rules: list[dict[str, Any]] = []
    for rule_id in used:
        rule = RULES[rule_id]
        link = f"{RULES_DOC}#{rule.id.lower()}"
        advice = rule.advice(lang)
        help_text = f"{advice}\n\n" if advice else ""
        rules.append(
            {
                "id": rule.id,
                "name": rule.name,
                "shortDescription": {"text": rule.title(lang)},
                "fullDescription": {"text": rule.description(lang)},
                "helpUri": link,
                "help": {
                    "text": f"{help_text}{_MORE(lang)}: {link}",
                    "markdown": f"{help_text}[{_MORE(lang)}: {rule.id}]({link})",
                },
                "defaultConfiguration": {"level": LEVEL[rule.severity]},
                "properties": {"tags": list(rule.tags)},
            }
        )
    results = []
    for d, fingerprint in zip(report.diagnostics, fingerprints(report), strict=True):
        message = d.message(lang)
        hint = d.hint(lang)
        results.append(
            {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": LEVEL[d.level],
                "message": {"text": f"{message}\n{hint}" if hint else message},
                "partialFingerprints": {FINGERPRINT: fingerprint},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": _location(d.file, report),
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
                **_bases(report),
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return Output(inert_json(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n")
