"""GitLab Code Quality report (``artifacts: reports: codequality``).

Fingerprints are unique (GitLab shows only the first finding with a given fingerprint) and
stable: they are made from the rule, the file and the finding's place by ids, never its line
or its position in a list (:func:`~trygghet_cli.render.reporters.base.fingerprints`), so a
merge request that inserts an action above shows no finding as fixed and new.
"""

from __future__ import annotations

import json

from trygghet_cli.diagnostics import Severity
from trygghet_cli.render.reporters.base import Output, Report, fingerprints, inert_json

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report) -> Output:
    issues = []
    for d, fingerprint in zip(report.diagnostics, fingerprints(report), strict=True):
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
