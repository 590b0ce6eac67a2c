"""JSON for other programs: a summary and every finding with its message and hint."""

from __future__ import annotations

import json
from typing import Any

from trygghet_cli import __version__
from trygghet_cli.diagnostics import Severity
from trygghet_cli.identity_numbers import mask_identity_numbers
from trygghet_cli.render.reporters.base import Output, Report, inert_json
from trygghet_cli.rules import RULES


def render(report: Report) -> Output:
    payload: dict[str, Any] = {
        "tool": "trygg",
        "version": __version__,
        "command": report.command,
        "language": report.lang,
        "summary": {
            "plans": report.plans,
            "files": len(report.files),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "infos": report.count(Severity.INFO),
        },
        "diagnostics": [
            {
                "rule": d.rule,
                "name": RULES[d.rule].name,
                "severity": d.level.value,
                "file": d.file,
                "line": d.line,
                "column": d.column,
                "pointer": mask_identity_numbers(d.pointer),
                "message": d.message(report.lang),
                "hint": d.hint(report.lang),
            }
            for d in report.diagnostics
        ],
    }
    return Output(inert_json(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")
