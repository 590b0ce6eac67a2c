"""Reporters: one per output format for findings, chosen by name from :data:`REPORTERS`.

A reporter takes a :class:`~trygghet_cli.render.reporters.base.Report` (findings plus the files
that were checked) and returns text. A new format is one module and one line in the registry.
"""

from __future__ import annotations

from trygghet_cli.render.reporters import github, gitlab, json_report, junit, sarif, text
from trygghet_cli.render.reporters.base import Output, Report, Reporter

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "junit-jenkins": junit.render_jenkins,
}

__all__ = ["REPORTERS", "Output", "Report", "Reporter"]
