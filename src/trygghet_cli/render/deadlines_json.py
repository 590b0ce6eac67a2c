"""``trygg deadlines --format json``: every deadline with its kind, date and status, for other
programs. Each deadline carries the same fields as a finding of ``trygg validate --format json``
(rule, severity, file, line, column, pointer, message, hint) plus ``kind``, ``status``, ``date``,
``title`` and ``uid`` (the calendar feed's UID). Files and plan folders are named by ``path``: from
the git repository's top level when trygg runs inside one (the command decides)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from trygghet_cli import __version__
from trygghet_cli.diagnostics import Diagnostic
from trygghet_cli.followup.base import Deadline, Status
from trygghet_cli.followup.deadlines import DeadlineResult
from trygghet_cli.i18n import Lang
from trygghet_cli.render.ics import feed_uids, uid_prefixes
from trygghet_cli.render.reporters.base import inert_json
from trygghet_cli.rules import RULES


def render(result: DeadlineResult, lang: Lang, path: Callable[[str], str] = str) -> str:
    payload: dict[str, Any] = {
        "tool": "trygg",
        "version": __version__,
        "command": "trygg deadlines",
        "language": lang,
        "as_of": result.window.as_of.isoformat(),
        "within_days": result.window.within,
        "summary": {
            "plans": len(result.plans),
            "overdue": result.count(Status.OVERDUE),
            "due_soon": result.count(Status.DUE_SOON),
            "errors": len(result.diagnostics),
        },
        "plans": [
            {
                "name": plan.name,
                "path": path(plan.root.as_posix()),
                "uid_prefix": prefix,
                "deadlines": [
                    _deadline(d, uid, lang, path)
                    for d, uid in zip(plan.deadlines, uids, strict=True)
                ],
            }
            for plan, prefix, uids in zip(
                result.plans, uid_prefixes(result.plans), feed_uids(result), strict=True
            )
        ],
        "errors": [_diagnostic(d, lang, path) for d in result.diagnostics],
    }
    return inert_json(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"


def _deadline(d: Deadline, uid: str, lang: Lang, path: Callable[[str], str]) -> dict[str, Any]:
    return {
        "kind": d.kind.value,
        "status": d.status.value,
        "date": d.date.isoformat(),
        "title": d.title(lang),
        "uid": uid,
        **_diagnostic(d.diagnostic, lang, path),
    }


def _diagnostic(d: Diagnostic, lang: Lang, path: Callable[[str], str]) -> dict[str, Any]:
    return {
        "rule": d.rule,
        "name": RULES[d.rule].name,
        "severity": d.level.value,
        "file": path(d.file),
        "line": d.line,
        "column": d.column,
        "pointer": d.pointer,
        "message": d.message(lang),
        "hint": d.hint(lang),
    }
