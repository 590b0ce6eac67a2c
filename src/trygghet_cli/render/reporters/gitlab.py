"""GitLab Code Quality report (``artifacts: reports: codequality``).

Fingerprints are unique: GitLab shows only the first finding with a given fingerprint.
"""

from __future__ import annotations

import hashlib
import json

from trygghet_cli.diagnostics import Severity
from trygghet_cli.identity_numbers import mask_identity_numbers
from trygghet_cli.render.reporters.base import Output, Report, inert_json

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report) -> Output:
    issues = []
    used: dict[str, int] = {}
    for d in report.diagnostics:
        where = mask_identity_numbers(d.pointer) or f"{d.line}:{d.column}"
        base = f"{d.file}\0{d.rule}\0{where}"
        n = used.get(base, 0)
        used[base] = n + 1
        fingerprint = hashlib.md5(f"{base}\0{n}".encode(), usedforsecurity=False).hexdigest()
        description = d.message(report.lang)
        hint = d.hint(report.lang)
        issues.append(
            {
                "type": "issue",
                "description": f"{d.rule} {description}",
                "check_name": d.rule,
                "fingerprint": fingerprint,
                "severity": SEVERITY[d.level],
                "content": {"body": hint or ""},
                "location": {"path": d.file, "lines": {"begin": d.line}},
            }
        )
    return Output(inert_json(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n")
