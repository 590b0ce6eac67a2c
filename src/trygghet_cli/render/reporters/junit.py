"""JUnit XML as GitLab and other CI systems read it: a test case per file and per finding.

GitLab reads ``testsuites/testsuite/testcase`` with ``classname``, ``name`` and ``file``, and a
``failure`` child for a failed case. Names include the line and column so that GitLab, which
keeps only the first of equal names, shows every finding.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from trygghet_cli.diagnostics import Severity
from trygghet_cli.render.reporters.base import Output, Report, location


def render(report: Report) -> Output:
    sv = report.lang == "sv"
    failing = [d for d in report.diagnostics if d.level is not Severity.INFO]
    with_findings = {d.file for d in failing}
    passing = sorted(f for f in set(report.files) if f not in with_findings)
    tests = len(failing) + len(passing)
    suites = ET.Element(
        "testsuites", name=report.command, tests=str(tests), failures=str(len(failing)), errors="0"
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name=report.command,
        tests=str(tests),
        failures=str(len(failing)),
        errors="0",
        skipped="0",
    )
    names: dict[tuple[str, str], int] = {}
    for d in failing:
        base = (
            f"{d.rule} {'rad' if sv else 'line'} {d.line} {'kolumn' if sv else 'column'} {d.column}"
        )
        n = names.get((d.file, base), 0) + 1
        names[(d.file, base)] = n
        name = base if n == 1 else f"{base} #{n}"
        case = ET.SubElement(suite, "testcase", classname=d.file, name=name, file=d.file)
        message = d.message(report.lang)
        failure = ET.SubElement(case, "failure", message=message, type=d.level.value)
        hint = d.hint(report.lang)
        failure.text = f"{location(d)}: {d.level.label(report.lang)} {d.rule} {message}" + (
            f"\n{hint}" if hint else ""
        )
    for file in passing:
        ET.SubElement(suite, "testcase", classname=file, name=report.command, file=file)
    ET.indent(suites)
    xml = ET.tostring(suites, encoding="unicode", xml_declaration=False)
    return Output('<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n")
