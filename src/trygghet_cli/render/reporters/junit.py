"""JUnit XML as GitLab and other CI systems read it: a test case per file and per finding.

Two variants, one per consumer, since they disagree on one attribute. ``junit`` is what GitLab
reads: ``testsuites/testsuite/testcase`` with ``classname``, ``name`` and ``file`` (GitLab links
the case to the file), and a ``failure`` child for a failed case; Jenkins' JUnit plugin reads it
too. ``junit-jenkins`` leaves out ``file``, which Jenkins' ``junit-10.xsd`` does not allow on a
test case and against which Jenkins' xUnit plugin checks a report; otherwise they are the same.

Names include the line and column so that GitLab, which keeps only the first of equal names,
shows every finding. Errors are failures; warnings are
failures only under ``--strict`` and otherwise skipped cases that carry the warning, so the
report agrees with the exit code and GitLab still lists every warning.

Line breaks inside a text are written as ``&#10;`` and the ``#`` of ``##[`` as ``&#35;``, which
every XML reader turns back into the same characters: printed in a GitHub Actions log, no line
of the report starts with, or holds, something the runner would take for a command.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from trygghet_cli.diagnostics import Severity
from trygghet_cli.i18n import Text
from trygghet_cli.render.reporters.base import Output, Report, location

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


_BREAK, _RETURN = "\x00", "\x01"
"""Stand-ins for the line breaks of a text until the XML is written (neither can be in it)."""


def _xml(text: str) -> str:
    """Text XML 1.0 can hold: control characters and lone surrogates become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _text(text: str) -> str:
    """:func:`_xml`, with the line breaks marked to be written as character references."""
    return _xml(text).replace("\r", _RETURN).replace("\n", _BREAK)


def render(report: Report) -> Output:
    """GitLab's JUnit: every test case names its file."""
    return _render(report, with_file=True)


def render_jenkins(report: Report) -> Output:
    """Valid against Jenkins' ``junit-10.xsd``: no ``file`` on the test cases."""
    return _render(report, with_file=False)


_CASE_NAME = Text("{rule} rad {line} kolumn {column}", "{rule} line {line} column {column}")
"""A test case's name: the rule and where the finding is."""


def _render(report: Report, *, with_file: bool) -> Output:
    fails = {Severity.ERROR, Severity.WARNING} if report.strict else {Severity.ERROR}
    shown = [d for d in report.diagnostics if d.level is not Severity.INFO]
    failing = [d for d in shown if d.level in fails]
    with_findings = {d.file for d in shown}
    passing = sorted(f for f in set(report.files) if f not in with_findings)
    tests = len(shown) + len(passing)
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
        skipped=str(len(shown) - len(failing)),
    )
    names: dict[tuple[str, str], int] = {}
    for d in shown:
        base = _CASE_NAME.format(rule=d.rule, line=d.line, column=d.column)(report.lang)
        n = names.get((d.file, base), 0) + 1
        names[(d.file, base)] = n
        name = base if n == 1 else f"{base} #{n}"
        file = _xml(d.file)
        case = ET.SubElement(suite, "testcase", classname=file, name=name)
        if with_file:
            case.set("file", file)
        message = _xml(d.message(report.lang))
        hint = d.hint(report.lang)
        text = _text(
            f"{location(d)}: {d.level.label(report.lang)} {d.rule} {d.message(report.lang)}"
            + (f"\n{hint}" if hint else "")
        )
        if d.level in fails:
            failure = ET.SubElement(case, "failure", message=message, type=d.level.value)
            failure.text = text
        else:
            skipped = ET.SubElement(case, "skipped", message=message, type=d.level.value)
            skipped.text = text
    for file in passing:
        case = ET.SubElement(suite, "testcase", classname=_xml(file), name=report.command)
        if with_file:
            case.set("file", _xml(file))
    ET.indent(suites)
    xml = ET.tostring(suites, encoding="unicode", xml_declaration=False)
    xml = xml.replace(_BREAK, "&#10;").replace(_RETURN, "&#13;").replace("##[", "&#35;#[")
    return Output('<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n")
