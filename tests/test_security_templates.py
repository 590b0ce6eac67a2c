"""A kommun's own template is untrusted code: it may only read plain data, within limits.

Every attack a template author could try (reading, writing or deleting files through the
paths the plan holds, reaching Python's internals through Jinja2's globals, format strings or
attribute chains) ends as a template error with the file and line, exit 1; nothing is read
into the output, written or deleted. Numbers, loops and time have limits, so a template cannot
hang trygg or exhaust its memory.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.conftest import Run, write

SECRET = "AWS_SECRET=hemligt-värde"


@pytest.fixture
def secret(plan: Path) -> Path:
    """A file beside the plan that a template must never be able to read."""
    return write(plan.parent / "hemlig.txt", SECRET + "\n")


def _report(run: Run, plan: Path, own: Path, *more: str) -> tuple[int, str, str]:
    result = run("report", "-q", "2021Q1", str(plan), "--template", str(own), *more)
    return result.exit_code, result.stdout, result.stderr


READS = [
    '{{ (brief.plan.root / "kommun.yaml").read_text() }}',
    '{{ brief.plan.root.joinpath("kommun.yaml").read_text() }}',
    '{{ brief.plan.root.parent.joinpath("hemlig.txt").read_text() }}',
    '{{ brief.plan.root.parent.glob("*")|list }}',
    "{{ brief.plan.root.open().read() }}",
    '{{ open("../hemlig.txt").read() }}',
    '{{ os.popen("cat ../hemlig.txt").read() }}',
    '{{ cycler.__init__.__globals__.os.popen("cat ../hemlig.txt").read() }}',
    "{{ joiner.__init__.__globals__.os.environ }}",
    "{{ namespace.__init__.__globals__.os.environ }}",
    "{{ lipsum.__globals__.os.environ }}",
    "{{ fmt.number.__globals__ }}",
    "{{ fmt.quarter.__self__ }}",
    "{{ t.__globals__ }}",
    "{{ label.__closure__ }}",
    "{{ md_table.__code__ }}",
    "{{ range.__self__ }}",
    "{{ self.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    '{{ "{0.plan.root.read_text}".format(brief) }}',
    '{{ "{0.__class__.__mro__}".format(brief) }}',
    '{{ "{x.plan.root.read_text}".format_map({"x": brief}) }}',
    '{{ "{0.__class__}".format(1) }}',
    '{{ brief.plan|attr("root")|attr("read_text") }}',
    '{{ brief|attr("__class__") }}',
    '{{ (brief.plan|attr("root")).joinpath("kommun.yaml").read_text() }}',
    "{{ brief.plan.municipality.model_dump_json() }}",
    "{{ brief.plan.municipality.model_copy }}",
    "{{ brief.plan.roles() }}",
    "{% for m in brief.plan.meetings %}{{ m.meeting.model_dump() }}{% endfor %}",
    "{{ view.meetings.right.__globals__ }}",
    "{{ brief.quarter.start.__class__.__subclasses__() }}",
    '{{ "".join(["a"]).__class__.__base__.__subclasses__() }}',
    '{{ brief.plan.name.encode("utf-8").decode }}',
]


@pytest.mark.parametrize("attack", READS)
def test_a_template_cannot_reach_files_or_python(
    run: Run, plan: Path, tmp_path: Path, secret: Path, attack: str
) -> None:
    """Each known way out is refused as a template error on the line it is on."""
    own = write(tmp_path / "mallar/brief.md.j2", "# Rubrik\n\n" + attack + "\n")
    code, out, err = _report(run, plan, own.parent)
    assert code == 1, out + err
    assert f"fel i mallen {own}:3: " in err
    assert SECRET not in out + err and "Stockholm" not in out and "kommunkod" not in out + err


def test_a_template_cannot_write_or_delete_files(run: Run, plan: Path, tmp_path: Path) -> None:
    hook = plan / ".git/hooks/pre-commit"
    hook.parent.mkdir(parents=True)
    body = (
        "{{ brief.plan.root.joinpath('.git/hooks/pre-commit').write_text('#!/bin/sh\\necho x') }}\n"
        "{{ brief.plan.root.joinpath('mal.yaml').unlink() }}\n"
        "{{ (brief.plan.root / 'mal.yaml').rename('borta.yaml') }}\n"
        "{{ brief.plan.root.joinpath('ny').mkdir() }}\n"
    )
    own = tmp_path / "mallar"
    for n, line in enumerate(body.splitlines(), start=1):
        write(own / "brief.md.j2", "\n" * (n - 1) + line + "\n")
        code, _out, err = _report(run, plan, own)
        assert code == 1
        assert f"fel i mallen {own / 'brief.md.j2'}:{n}: " in err
    assert not hook.exists()
    assert (plan / "mal.yaml").is_file() and not (plan / "borta.yaml").exists()
    assert not (plan / "ny").exists()


def test_paths_reach_a_template_as_text_relative_to_the_plan(
    run: Run, plan: Path, tmp_path: Path
) -> None:
    """A path is shown, never handed over: the plan folder by its name, files inside it
    relative to it, never the absolute path of the user's home."""
    own = write(
        tmp_path / "mallar/brief.md.j2",
        "{{ brief.plan.root }}|{{ brief.plan.meetings[0].file }}|"
        "{{ brief.plan.root.upper() }}|{{ brief.plan.root is string }}\n",
    )
    code, out, err = _report(run, plan, own.parent)
    assert code == 0, err
    assert out == "plan|moten/2021-03-02-lokala-bra.yaml|PLAN|True\n"


def test_a_kommun_template_that_reads_data_keeps_working(
    run: Run, plan: Path, tmp_path: Path
) -> None:
    """Reading the brief, the view and the helpers, looping, filters, macros and blocks work
    as they did: only methods that are not plain data's are gone."""
    write(
        tmp_path / "mallar/bas.md.j2",
        "{% block innehall %}bas{% endblock %}\n--\n{{ self.innehall()|length > 100 }}\n",
    )
    own = write(
        tmp_path / "mallar/brief.md.j2",
        '{% extends "bas.md.j2" %}\n'
        "{% macro rad(x) %}* {{ x }}{% endmacro %}\n"
        "{% block innehall %}{{ super() }}: {{ brief.plan.name|upper }} "
        "{{ fmt.quarter(brief.quarter) }} {{ fmt.number(15079) }} {{ t('ja', 'yes') }}\n"
        "{% set ns = namespace(n=0) %}"
        "{% for b in brief.plan.organisation.bodies %}{% set ns.n = ns.n + 1 %}"
        "{{ rad(b.name) }} {{ b.kind.value }} {{ label(b.kind) }}"
        "{{ ', ' if not loop.last }}{% endfor %} ({{ ns.n }})\n"
        "{{ brief.plan.organisation.bodies|map(attribute='id')|join(',') }} "
        "{{ brief.quarter.start.year }} {{ brief.quarter.start.isoformat() }} "
        "{{ view.meetings.headers|length }} {{ view.meetings.right(0) }} "
        "{{ brief.plan.municipality.population.count }} "
        "{{ {'a': 1}.items()|list }} {{ brief.plan.name.startswith('Stock') }} "
        "{{ range(3)|list }} {{ '%05.1f'|format(2.5) }} {{ 2 ** 10 }} {{ 'ab' * 3 }}"
        "{% endblock %}\n",
    )
    code, out, err = _report(run, plan, own.parent)
    assert code == 0, err
    first, second = out.split("\n")[:2]
    assert first == "bas: STOCKHOLM kvartal 1 2021 15\u00a0079 ja", out
    assert second == (
        r"\* Lokala BRÅ lokalt\_brå Lokalt brottsförebyggande råd,"
        r"\* Kommunstyrelsen nämnd Nämnd (2)"
    )
    assert out.split("\n")[2:] == [
        "lokala-bra,kommunstyrelsen 2021 2021-01-01 7 False 1000 "
        "\\[('a', 1)\\] True \\[0, 1, 2\\] 002.5 1024 ababab--",
        "True",
        "",
    ], out


LIMITS = [
    ("{{ 9**(9**9) }}", "tal"),
    ("{{ 2**100000 }}", "tal"),
    ("{{ (10**1000) * (10**1000) * (10**1000) * (10**1000) * (10**1000) }}", "tal"),
    ("{{ range(10**9)|length }}", "range"),
    (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "varv",
    ),
    ("{{ 'a' * 10**10 }}", "text"),
    ("{{ ['a'] * 10**10 }}", "text"),
    (
        "{% set ns = namespace(s='ab' * 100000) %}"
        "{% for i in range(30) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "text",
    ),
    ("{% set s = 'ab' * 100000 %}" + "{% set s = s ~ s %}" * 30, "text"),
    ("{% set s = 'ab' * 100000 %}{% set s = s" + " + s" * 30 + " %}", "text"),
    ("{{ 'x'|center(10**10) }}", "text"),
    ("{{ 'x'|indent(10**10, true) }}", "text"),
    ("{{ '%10000000000s'|format(1) }}", "text"),
    ("{{ '%10000000000d' % 1 }}", "text"),
    ("{{ [1]|batch(10**10, 0)|list }}", "text"),
    ("{{ [1, 2]|slice(10**9, 0)|list }}", "text"),
    ("{{ ('a' * 100000)|replace('a', 'a' * 100000) }}", "text"),
    ("{{ ('a' * 100000)|join('b' * 100000) }}", "text"),
]


@pytest.mark.parametrize(("attack", "what"), LIMITS)
def test_a_template_cannot_hang_or_exhaust_memory(
    run: Run, plan: Path, tmp_path: Path, attack: str, what: str
) -> None:
    own = write(tmp_path / "mallar/brief.md.j2", "# Rubrik\n" + attack + "\n")
    started = time.monotonic()
    code, out, err = _report(run, plan, own.parent)
    assert time.monotonic() - started < 20
    assert code == 1, out + err
    assert f"fel i mallen {own}:2: " in err
    assert "gränsen" in err and what in err


def test_a_template_that_runs_too_long_is_stopped(
    run: Run, plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trygghet_cli import sandbox

    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.2)
    own = write(
        tmp_path / "mallar/brief.md.j2",
        "# Rubrik\n{% for i in range(100000) %}{% set x = range(10000)|sum %}{% endfor %}\n",
    )
    started = time.monotonic()
    code, _out, err = _report(run, plan, own.parent, "--lang", "en")
    assert time.monotonic() - started < 10
    assert code == 1
    assert f"template error {own}:2: " in err
    assert "0.2 seconds" in err


def test_the_meeting_template_renders_in_the_same_sandbox(
    run: Run, plan: Path, tmp_path: Path
) -> None:
    template = write(tmp_path / "mote.yaml.j2", "datum: {{ date }}\n{{ 9**(9**9) }}\n")
    args = ("meeting", "new", "lokala-bra", "-d", "2021-06-01", "--plan", str(plan))
    started = time.monotonic()
    result = run(*args, "--template", str(template))
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    assert f"Mallen {template}:2 fungerar inte: " in result.output
    assert "gränsen" in result.output
    template.write_text(
        "datum: {{ date }}\norgan: {{ body }}\n{{ body_name.__class__.__mro__ }}\n",
        encoding="utf-8",
    )
    result = run(*args, "--template", str(template))
    assert result.exit_code == 1
    assert f"Mallen {template}:3 fungerar inte: " in result.output
    assert not (plan / "moten/2021-06-01-lokala-bra.yaml").exists()


def test_the_sandbox_refuses_objects_that_are_not_plain_data() -> None:
    """The boundary itself: a value that is not plain data never reaches a template, and a
    helper gets back the object it was given as plain data."""
    from dataclasses import dataclass
    from datetime import date

    from trygghet_cli.sandbox import plain, template_function

    @dataclass
    class Thing:
        where: Path
        day: date

        @property
        def later(self) -> int:
            return self.day.year + 1

        def method(self) -> str:
            return "no"

    root = Path("/srv/plan")
    data = plain({"thing": Thing(root / "moten/a.yaml", date(2021, 1, 2))}, root)
    thing = data["thing"]
    assert thing["where"] == "moten/a.yaml" and type(thing["where"]) is str
    assert thing["day"] == date(2021, 1, 2) and thing["later"] == 2022
    assert "method" not in thing
    assert plain(Path("/etc/passwd"), root) == "passwd"
    seen = template_function(lambda t: type(t).__name__)
    assert seen(thing) == "Thing"
    assert type(plain(object(), root)).__name__ == "TemplateText"
    with pytest.raises(TypeError):
        plain({"nested": open}, root)["nested"]


def test_a_template_folder_cannot_link_out(
    run: Run, plan: Path, tmp_path: Path, secret: Path
) -> None:
    """A kommun's template folder, taken from a shared repository, holds a link to a file
    outside it (``lank.j2 -> ../hemlig.txt``, or a link to ``/dev/zero`` or a named pipe): the
    brief never quotes that file, nor hangs on it, and is not quietly written with trygg's own
    template instead. A link that stays in the folder is a template like any other."""
    own = tmp_path / "mallar"
    write(own / "delar/rubrik.j2", "# Lägesrapport\n")
    (own / "rubrik.j2").symlink_to("delar/rubrik.j2")
    write(own / "brief.md.j2", "{% include 'rubrik.j2' %}\nSlut\n")
    code, out, err = _report(run, plan, own)
    assert (code, out) == (0, "# Lägesrapport\nSlut\n"), err
    (own / "lank.j2").symlink_to(secret)
    write(own / "brief.md.j2", "# Rubrik\n{% include 'lank.j2' %}\n")
    code, out, err = _report(run, plan, own)
    assert code == 1, out + err
    assert SECRET not in out + err
    assert (
        f"fel i mallen {own / 'brief.md.j2'}:2: mallen lank.j2 är en länk ut ur mallmappen; "
        "trygg följer den inte" in err
    ), err
    (own / "brief.md.j2").unlink()
    (own / "brief.md.j2").symlink_to(secret)
    code, out, err = _report(run, plan, own, "--lang", "en")
    assert code == 1, out + err
    assert SECRET not in out + err
    assert (
        f"template error {own / 'brief.md.j2'}: the template brief.md.j2 is a link out of the "
        "template folder; trygg does not follow it" in err
    ), err


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "large"])
def test_a_template_that_is_no_ordinary_file_is_refused_before_reading(
    run: Run, plan: Path, tmp_path: Path, kind: str
) -> None:
    """A named pipe, a device or a folder where the brief's template should be was passed
    over in silence (trygg's own template was used); a huge one was read whole. Each is now
    refused before anything is read, and says why."""
    own = tmp_path / "mallar"
    own.mkdir()
    template = own / "brief.md.j2"
    if kind == "fifo":
        os.mkfifo(template)
    elif kind == "device":
        template.symlink_to(os.devnull)
    elif kind == "folder":
        template.mkdir()
    else:
        template.write_text("x" * 2_000_001, encoding="utf-8")
    started = time.monotonic()
    code, out, err = _report(run, plan, own)
    assert time.monotonic() - started < 20
    assert code == 1, out + err
    assert out == ""
    reason = {
        "fifo": "det är ingen vanlig fil",
        "device": "är en länk ut ur mallmappen",
        "folder": "det är en mapp",
        "large": "2\u00a0000\u00a0001 byte",
    }[kind]
    assert f"fel i mallen {template}: " in err and reason in err, err


def test_a_meeting_template_that_is_a_pipe_is_refused(run: Run, plan: Path, tmp_path: Path) -> None:
    template = tmp_path / "mote.yaml.j2"
    os.mkfifo(template)
    result = run(
        "meeting", "new", "lokala-bra", "-d", "2021-06-01", "--plan", str(plan),
        "--template", str(template),
    )  # fmt: skip
    assert result.exit_code == 1
    assert f"Mallen {template} fungerar inte: " in result.output
    assert "det är ingen vanlig fil" in result.output, result.output


def test_a_meeting_template_named_through_a_link_is_used_but_links_out_of_it_are_not(
    run: Run, plan: Path, tmp_path: Path, secret: Path
) -> None:
    """The file the user names with --template is read even when it is a link (they chose
    it); what that template includes must stay in the folder the template is in."""
    shared = write(tmp_path / "delat/mote.yaml.j2", "datum: {{ date }}\norgan: {{ body }}\n")
    named = tmp_path / "mallar/mote.yaml.j2"
    named.parent.mkdir()
    named.symlink_to(shared)
    args = ("meeting", "new", "lokala-bra", "-d", "2021-06-01", "--plan", str(plan))
    result = run(*args, "--template", str(named))
    assert result.exit_code == 0, result.output
    written = (plan / "moten/2021-06-01-lokala-bra.yaml").read_text(encoding="utf-8")
    assert "organ: lokala-bra" in written
    (shared.parent / "hemlig.j2").symlink_to(secret)
    shared.write_text("datum: {{ date }}\norgan: {{ body }}\n{% include 'hemlig.j2' %}\n")
    result = run(*args[:4], "2021-06-02", *args[5:], "--template", str(named))
    assert result.exit_code == 1, result.output
    assert SECRET not in result.output
    assert f"Mallen {named}:3 fungerar inte: mallen hemlig.j2 är en länk ut ur mallmappen" in (
        result.output
    ), result.output
    assert not (plan / "moten/2021-06-02-lokala-bra.yaml").exists()
