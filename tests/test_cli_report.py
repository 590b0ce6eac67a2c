"""``trygg report``: the quarterly brief, golden files for every example, safe templates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from tests.conftest import EXAMPLES, ROOT, Run, doc, edit, write
from tests.golden import check_golden
from tests.htmlcheck import parse_strict
from tests.mdcheck import check_markdown, headings

EXAMPLE_NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/kommun.yaml"))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_brief_markdown_golden(run: Run, name: str, lang: str) -> None:
    result = run("report", "--quarter", "2021Q1", str(EXAMPLES / name), "--lang", lang)
    assert result.exit_code == 0, result.output
    found = check_markdown(result.stdout)
    titles = headings(found)
    assert titles[0].startswith("h1 ")
    expected = (
        [
            "Sammanfattning",
            "Möten",
            "Beslut",
            "Åtgärder",
            "Mål",
            "Styrdokument och lagkrav",
            "Jämfört med riket",
        ]
        if lang == "sv"
        else [
            "Summary",
            "Meetings",
            "Decisions",
            "Actions",
            "Goals",
            "Governing documents and the act",
            "Compared with the country",
        ]
    )
    assert [t for t in titles if t.startswith("h2 ")][: len(expected)] == [
        f"h2 {e}" for e in expected
    ]
    assert any(t.type == "table_open" for t in found)
    check_golden(f"report/{name}.2021Q1.{lang}.md", result.stdout)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_brief_html_golden(run: Run, lang: str) -> None:
    result = run(
        "report", "-q", "2021Q1", str(EXAMPLES / "fagersta"), "--format", "html", "--lang", lang
    )
    assert result.exit_code == 0, result.output
    page = parse_strict(result.stdout)
    assert page.with_attr("html", "lang")[0]["lang"] == lang
    assert page.count("th") > 20 and page.count("script") == 0
    assert page.count("style") == 1 and page.count("link") == 0
    check_golden(f"report/fagersta.2021Q1.{lang}.html", result.stdout)


def test_swedish_formats_in_the_brief(run: Run) -> None:
    out = run("report", "-q", "2021Q1", str(EXAMPLES / "fagersta")).stdout
    assert "# Lägesrapport kvartal 1 2021: Fagersta" in out
    assert "1 januari–31 mars 2021" in out
    assert "11\u00a0777 mot 15\u00a0079 i riket 2020 (\u221221,9\u00a0%, bättre)" in out
    # NTU's 2020 figure was published in October 2021, after the quarter.
    assert "18,1\u00a0% mot 22,6\u00a0% i riket 2019" in out and "procentenheter" in out
    assert "## Att göra kvartal 2 2021" in out


@pytest.mark.parametrize("spelling", ["2021-Q1", "2021K1", "2021q1"])
def test_quarter_spellings_give_the_same_brief(run: Run, plan: Path, spelling: str) -> None:
    reference = run("report", "--quarter", "2021Q1", str(plan)).stdout
    assert run("report", "--quarter", spelling, str(plan)).stdout == reference


@pytest.mark.parametrize("bad", ["2021", "2021-03", "2021Q5", "kvartal 1"])
def test_a_bad_quarter_is_a_usage_error(run: Run, plan: Path, bad: str) -> None:
    result = run("report", "--quarter", bad, str(plan))
    assert result.exit_code == 2
    assert f"'{bad}' är inget kvartal" in result.output


def test_a_plan_with_errors_is_not_reported_on(run: Run, plan: Path) -> None:
    edit(plan / "kommun.yaml", "antal: 1000", "antal: tusen")
    result = run("report", "--quarter", "2021Q1", str(plan))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "kommun.yaml:6:10: fel TRY103" in result.stderr
    assert "planen har fel" in result.stderr


def test_output_file_and_format_from_suffix(run: Run, plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "ut/brief.html"
    result = run("report", "-q", "2021Q1", str(plan), "--output", str(target))
    assert result.exit_code == 0 and result.output == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_same_input_gives_byte_identical_output(run: Run) -> None:
    args = ("report", "-q", "2021Q1", str(EXAMPLES / "fagersta"), "-f", "html")
    assert run(*args).stdout_bytes == run(*args).stdout_bytes


INJECTION = "<script>alert(1)</script> [klick](javascript:alert(1)) *fet* <img src=x>"


def test_plan_text_never_becomes_markup(run: Run, plan: Path) -> None:
    edit(plan / "organisation.yaml", "namn: Lokala BRÅ", f"namn: '{INJECTION}'")
    edit(
        plan / "moten/2021-03-02-lokala-bra.yaml",
        "- text: Genomföra trygghetsvandring i centrum.",
        f"- text: '{INJECTION}'",
    )
    md = run("report", "-q", "2021Q1", str(plan)).stdout
    found = check_markdown(md)
    assert not [t for t in found if t.type in ("link_open", "image")]
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "<em>fet</em>" not in rendered and "*fet*" in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [klick](javascript:alert(1))" in rendered
    html = run("report", "-q", "2021Q1", str(plan), "-f", "html").stdout
    page = parse_strict(html)
    assert page.count("script") == 0 and page.count("img") == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_kommun_template_is_used_and_falls_back(run: Run, plan: Path, tmp_path: Path) -> None:
    own = tmp_path / "mallar"
    write(
        own / "brief.md.j2",
        "# {{ brief.plan.name }}: {{ fmt.quarter(brief.quarter) }}\n\n"
        "{% for line in view.late %}- {{ line }}\n{% endfor %}",
    )
    result = run("report", "-q", "2021Q1", str(plan), "--template", str(own))
    assert result.exit_code == 0, result.output
    assert result.stdout == "# Stockholm: kvartal 1 2021\n\n- Inget är försenat.\n"
    html = run("report", "-q", "2021Q1", str(plan), "--template", str(own), "-f", "html")
    assert html.stdout.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    "body",
    [
        "{{ brief.__class__.__mro__ }}",
        "{{ fmt.number.__globals__ }}",
        "{{ ''.__class__.__subclasses__() }}",
    ],
)
def test_a_kommun_template_runs_in_the_sandbox(
    run: Run, plan: Path, tmp_path: Path, body: str
) -> None:
    write(tmp_path / "mallar/brief.md.j2", body)
    result = run("report", "-q", "2021Q1", str(plan), "--template", str(tmp_path / "mallar"))
    assert result.exit_code == 1
    assert "fel i mallen" in result.stderr
    assert "SecurityError" in result.stderr or "UndefinedError" in result.stderr


def test_a_broken_template_names_its_line(run: Run, plan: Path, tmp_path: Path) -> None:
    write(tmp_path / "mallar/brief.md.j2", "# Rubrik\n\n{% for x in %}\n")
    result = run("report", "-q", "2021Q1", str(plan), "--template", str(tmp_path / "mallar"))
    assert result.exit_code == 1
    assert "brief.md.j2:3" in result.stderr


def test_an_error_while_rendering_names_the_template_line(
    run: Run, plan: Path, tmp_path: Path
) -> None:
    """An undefined name is only found while rendering; Jinja2's traceback has the line, in
    the template itself or in one it includes."""
    own = tmp_path / "mallar"
    write(own / "brief.md.j2", "# Rubrik\n\n{{ brief.plan.name }}\n{{ brief.finns_inte }}\n")
    result = run("report", "-q", "2021Q1", str(plan), "--template", str(own))
    assert result.exit_code == 1
    assert f"fel i mallen {own / 'brief.md.j2'}:4: UndefinedError" in result.stderr
    write(own / "brief.md.j2", '# Rubrik\n{% include "del.md.j2" %}\n')
    write(own / "del.md.j2", "rad 1\n{{ brief.plan.name }}\n{{ 1 + brief.plan.fel }}\n")
    result = run("report", "-q", "2021Q1", str(plan), "--template", str(own), "--lang", "en")
    assert f"template error {own / 'del.md.j2'}:3: UndefinedError" in result.stderr


@pytest.mark.parametrize(
    ("template", "line", "said"),
    [
        ("a\n{{ 1/0 }}\n", ":2", "ZeroDivisionError: division by zero"),
        ('{{ fmt.number("x") }}', ":1", "TypeError"),
        ("{{ t() }}", ":1", "TypeError"),
        ('{% extends "brief.md.j2" %}', ":1", "mallen anropar sig själv"),
    ],
)
def test_any_error_a_template_makes_is_the_template_s(
    run: Run, plan: Path, tmp_path: Path, template: str, line: str, said: str
) -> None:
    """Not only Jinja2's own errors: whatever the kommun's template does wrong while rendering
    is a mistake with its file and line (exit 1), never an internal error (exit 3)."""
    own = tmp_path / "mallar"
    write(own / "brief.md.j2", template)
    result = run("report", "-q", "2021Q1", str(plan), "--template", str(own))
    assert result.exit_code == 1, result.output
    assert f"fel i mallen {own / 'brief.md.j2'}{line}: " in result.stderr
    assert said in result.stderr


def test_a_template_that_is_not_utf8(run: Run, plan: Path, tmp_path: Path) -> None:
    own = tmp_path / "mallar"
    own.mkdir()
    (own / "brief.md.j2").write_bytes(b"\xff\xfe{{ x }}")
    result = run("report", "-q", "2021Q1", str(plan), "--template", str(own), "--lang", "en")
    assert result.exit_code == 1
    assert "template error brief.md.j2: the template is not UTF-8" in result.stderr


def test_a_missing_template_folder_is_a_usage_error(run: Run, plan: Path) -> None:
    result = run("report", "-q", "2021Q1", str(plan), "--template", "finns-inte")
    assert result.exit_code == 2


def test_report_does_not_draw_charts() -> None:
    code = (
        "import sys\n"
        "from trygghet_cli.cli.app import app\n"
        "try:\n"
        "    app(['report', '-q', '2021Q1', 'tests/fixtures/minimal'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('MPL', 'matplotlib' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert out.rstrip().endswith("MPL False")


def test_templates_are_found_in_the_source_tree() -> None:
    from trygghet_cli.render.templating import template_root

    root = template_root()
    assert (root / "report/brief.md.j2").is_file() and (root / "shared/layout.html.j2").is_file()


def test_the_readme_shows_real_output(run: Run) -> None:
    """The README's worked example is the start of what the command prints, byte for byte."""
    assert "fagersta" in EXAMPLE_NAMES, "examples/fagersta is gone: docs/report.md shows it"
    readme = doc("report.md")
    command = "$ trygg report --quarter 2021Q1 examples/fagersta\n"
    shown = readme.split(command, 1)[1].split("...\n```", 1)[0]
    assert shown.count("\n") > 20
    result = run("report", "--quarter", "2021Q1", "examples/fagersta", cwd=ROOT)
    assert result.stdout.startswith(shown)


def test_plan_text_is_quoted_in_the_brief_language(run: Run) -> None:
    fagersta = str(EXAMPLES / "fagersta")
    swedish = run("report", "-q", "2021Q1", fagersta).stdout
    english = run("report", "-q", "2021Q1", fagersta, "--lang", "en").stdout
    text = "Utse en representant per verksamhet till EST-gruppen"
    assert f"\u201d{text}" in swedish and f"\u201c{text}" not in swedish
    assert f"\u201c{text}" in english and f"\u201d{text}" not in english
    assert english.count("\u201c") == english.count("\u201d") > 0  # every quote opened and closed


def test_the_meeting_table_shows_the_year_to_date_the_status_is_judged_on(run: Run) -> None:
    # Umebrå met once in the fourth quarter, whose slots ask for two, and is on track because
    # it held all five of the year's meetings; the annual report was delivered in February.
    out = run("report", "-q", "2021Q4", str(EXAMPLES / "umea")).stdout
    assert "| Möten | Enligt frekvensen | Hållna och krävda | Läge |" in out
    assert "| Umebrå | 5 gånger per år | 1 | 2 | 5 möten sedan 1 jan., 5 krävs | Enligt plan |" in (
        out
    )
    assert "| varje år | 0 | 1 | 1 rapport sedan 1 jan., 1 krävs | Enligt plan |" in out
    english = run("report", "-q", "2021Q4", str(EXAMPLES / "umea"), "--lang", "en").stdout
    assert (
        "| Umebrå | 5 times a year | 1 | 2 | 5 meetings since 1 Jan, 5 required | On track |"
        in english
    )


def test_more_meetings_than_asked_for_read_as_more_not_as_a_fraction(run: Run) -> None:
    out = run("report", "-q", "2021Q1", str(EXAMPLES / "umea")).stdout
    assert "EST Umeå (7 möten sedan 1 januari 2021, 6 krävs)" in out
    assert "7 av 6" not in out and "fler än" not in out
    english = run("report", "-q", "2021Q1", str(EXAMPLES / "umea"), "--lang", "en").stdout
    assert "EST Umeå (7 meetings since 1 January 2021, 6 required)" in english


def test_a_goal_s_values_share_their_decimals(run: Run) -> None:
    out = run("report", "-q", "2021Q1", str(EXAMPLES / "fagersta")).stdout
    assert "| 14,2 (2020) | 14,2 (2020, illustrativt) | 12,0 (2021) |" in out
    assert "| 18,1\u00a0% (2019) | 18,1\u00a0% (2019) | 16,0\u00a0% (2022) |" in out
    assert "| 11\u00a0777 (2020) | 11\u00a0777 (2020) | 11\u00a0000 (2023) |" in out


def test_the_to_do_list_says_it_shows_the_next_occasion_of_what_recurs(run: Run) -> None:
    # EST-gruppen meets every other week, but only its next meeting (8 April) is listed.
    out = run("report", "-q", "2021Q1", str(EXAMPLES / "fagersta")).stdout
    todo = out.split("## Att göra kvartal 2 2021", 1)[1]
    assert "för återkommande möten, rapporter och uppföljningar det närmaste tillfället." in todo
    assert todo.count("Möte: EST-gruppen") == 1


def test_the_summary_says_when_a_figure_is_the_police_area_s(run: Run) -> None:
    # NTU gives Fagersta's figure for the local police area, not the kommun: the summary, read
    # without the table's footnotes, must say so.
    out = run("report", "-q", "2021Q1", str(EXAMPLES / "fagersta")).stdout
    summary = out.split("## Möten", 1)[0]
    assert (
        "- Självrapporterad utsatthet för brott mot enskild person i lokalpolisområdet Norra "
        "Västmanland: 18,1\u00a0% mot 22,6\u00a0% i riket 2019" in summary
    )
    assert "- Anmälda brott per 100 000 invånare: 11\u00a0777 mot" in summary
    english = run("report", "-q", "2021Q1", str(EXAMPLES / "fagersta"), "--lang", "en").stdout
    assert "person in the local police area Norra Västmanland: 18.1% against" in english


def test_an_unchanged_goal_is_not_reported_as_off_track(run: Run, plan: Path) -> None:
    """Issue 11, item 4: the latest value equal to the baseline is "Oförändrat" in the goals
    table, and the summary does not list it among what goes the wrong way."""
    with (plan / "nyckeltal.yaml").open("a", encoding="utf-8") as f:
        f.write("      - period: 2021\n        värde: 9000\n        geografi: {nivå: kommun}\n")
    result = run("report", "--quarter", "2022Q1", str(plan))
    assert result.exit_code == 0, result.output
    assert "Oförändrat" in result.output
    assert "går åt fel håll" not in result.output.lower()


def test_the_plan_is_checked_once(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """report reads and checks its plan once (it was validated, then read and checked again)."""
    from trygghet_cli.checks import runner

    checked: list[Path] = []
    original = runner.check_plan

    def counting(root: Path, *args: Any, **kwargs: Any) -> runner.PlanResult:
        checked.append(root)
        return original(root, *args, **kwargs)

    monkeypatch.setattr(runner, "check_plan", counting)
    result = run("report", "--quarter", "2021Q1", "examples/fagersta", cwd=ROOT)
    assert result.exit_code == 0, result.output
    assert [p.name for p in checked] == ["fagersta"]
