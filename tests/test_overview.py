"""``trygg overview``: many plans, one row per kommun, figures that agree with each kommun's
own brief and ``trygg deadlines`` for the same day; HTML, xlsx, CSV and JSON read back."""

from __future__ import annotations

import csv
import io
import json
import shlex
import shutil
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, FIXTURES, ROOT, Run, edit
from tests.htmlcheck import parse_strict
from trygghet_cli.analysis.brief import Status as BriefStatus
from trygghet_cli.analysis.brief import build_brief
from trygghet_cli.analysis.overview import overview_paths
from trygghet_cli.checks.batch import validate_paths
from trygghet_cli.checks.runner import Options, check_plan
from trygghet_cli.diagnostics import Severity
from trygghet_cli.followup.base import Status, Window
from trygghet_cli.followup.deadlines import find_deadlines
from trygghet_cli.loading.national import national_data
from trygghet_cli.model.periods import Period

PLANS = sorted(p.parent for p in EXAMPLES.glob("*/kommun.yaml"))
QUARTERS = ["2021Q1", "2021Q2", "2024Q1"]


def _json(run: Run, *args: str) -> dict[str, Any]:
    result = run("overview", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("quarter", QUARTERS)
def test_each_kommun_matches_its_own_brief_and_deadlines(run: Run, quarter: str) -> None:
    """The overview for a quarter's last day shows, for every kommun, what its brief for that
    quarter and ``trygg deadlines`` for that day show: one follow-up, never two counts."""
    period = Period.parse(quarter)
    day = period.end
    data = _json(run, str(EXAMPLES), "--as-of", day.isoformat())
    assert data["as_of"] == day.isoformat()
    assert len(data["plans"]) == len(PLANS) == 4
    for root in PLANS:
        [row] = [r for r in data["plans"] if r["path"].endswith(root.name)]
        loaded = check_plan(root).loaded
        brief = build_brief(loaded, period, national_data())
        found = find_deadlines([root], Window(day, 30))
        [own] = found.plans
        # overdue by kind: the brief, deadlines and the overview
        from_brief = Counter(d.kind.value for d in brief.overdue)
        from_deadlines = Counter(d.kind.value for d in own.deadlines if d.status is Status.OVERDUE)
        assert dict(row["overdue"]) == from_brief == from_deadlines, root.name
        # the act's obligations: the same judgement as the brief's follow-up
        assert [(o["key"], o["state"], o["required"]) for o in row["obligations"]] == [
            (o.key, o.state.value, o.required) for o in brief.followup.obligations
        ]
        # each body's meetings: held and required since the same day, late exactly when the
        # brief says so
        bodies = {b["id"]: b for b in row["bodies"]}
        for m in brief.meetings:
            if m.duty is None:
                assert m.body.id not in bodies
                continue
            b = bodies.pop(m.body.id)
            so_far = m.so_far
            assert so_far is not None
            assert (b["held"], b["required"], b["since"]) == (
                so_far.held,
                so_far.required,
                so_far.since.isoformat(),
            ), (root.name, m.body.id)
            assert (b["state"] == "overdue") == (m.status is BriefStatus.LATE), m.body.id
        assert bodies == {}, "a body the brief does not show"
        # the indicators: the brief's comparisons, value for value
        assert [
            (f["series"], f["period"], f["value"], f["national"]) for f in row["indicators"]
        ] == [(c.series, str(c.period), c.value, c.national) for c in brief.comparisons]
        # the latest meeting on or before the day
        held = [r.meeting.date for r in loaded.plan.meetings if r.meeting.date <= day]
        assert row["last_meeting"] == (max(held).isoformat() if held else None)
        # the plan's own validation
        checked = validate_paths([root])
        assert (row["errors"], row["warnings"]) == (
            checked.count(Severity.ERROR),
            checked.count(Severity.WARNING),
        )


def test_the_figures_are_not_trivial_on_the_days_compared(run: Run) -> None:
    """The comparison above means something: on 31 March 2024 the act applies, bodies are
    behind, actions, reports and goals are overdue."""
    data = _json(run, str(EXAMPLES), "--as-of", "2024-03-31")
    umea = next(p for p in data["plans"] if p["kommun"] == "Umeå")
    assert dict(umea["overdue"])["action"] > 0 and dict(umea["overdue"])["goal"] > 0
    assert dict(umea["overdue"])["report"] > 0
    assert {o["key"]: o["state"] for o in umea["obligations"]} == {
        "lagesbild": "outdated",
        "atgardsplan": "undecided",
        "samordningsfunktion": "current",
    }
    assert any(b["state"] == "overdue" for b in umea["bodies"])
    angered = next(p for p in data["plans"] if p["district"] == "Angered")
    assert (angered["kommun"], angered["kommunkod"], angered["county_code"]) == (
        "Göteborg",
        "1480",
        "14",
    )


# --- totals and tables across plans -----------------------------------------------------------


def test_county_totals_add_up_the_kommuner(run: Run) -> None:
    data = _json(run, str(EXAMPLES), "--as-of", "2024-03-31")
    counties = {c["county"]: c for c in data["counties"]}
    assert list(counties) == [
        "Västra Götalands län",
        "Västmanlands län",
        "Västerbottens län",
        "Alla län",
    ]
    vasterbotten = counties["Västerbottens län"]
    plans = [p for p in data["plans"] if p["county_code"] == "24"]
    assert [p["kommun"] for p in plans] == ["Norsjö", "Umeå"]
    assert vasterbotten["kommuner"] == 2
    assert vasterbotten["overdue_actions"] == sum(dict(p["overdue"])["action"] for p in plans)
    assert vasterbotten["bodies"] == sum(len(p["bodies"]) for p in plans)
    assert vasterbotten["atgardsplan_undecided"] == 1 and vasterbotten["atgardsplan_missing"] == 1
    total = counties["Alla län"]
    assert total["kommuner"] == 4
    assert total["overdue_total"] == sum(n for p in data["plans"] for _, n in p["overdue"])


def test_tables_group_by_county_and_body_type_and_pivot_indicators() -> None:
    from trygghet_cli.analysis.overview_tables import NATIONAL, tables

    made = tables(overview_paths([EXAMPLES], Window(date(2024, 3, 31), 30)))
    types = made.body_types.set_index(["county_code", "kind"])
    assert types.loc[("24", "områdesråd"), "bodies"] == 3
    assert types.loc[("24", "områdesråd"), "share_late"] == 1.0
    crimes = "anmalda-brott-per-100000"
    wide = made.indicators_wide.set_index("kommun")
    assert list(made.indicators_wide.columns)[5] == crimes  # shared by all four first
    assert wide.loc["Fagersta", crimes] == 11777
    years = made.years.set_index(["series", "kommunkod"])
    assert years.loc[(crimes, "1982"), 2020] == 11777
    assert years.loc[(crimes, "1982"), 2019] == 12104
    assert years.loc[(crimes, NATIONAL), 2020] == 15079
    # the country's row comes last under its series
    series = made.years[made.years["series"] == crimes]
    assert list(series["kommunkod"])[-1] == NATIONAL
    assert list(series["kommun"])[-1] == "Riket"


# --- the formats --------------------------------------------------------------------------------


def test_xlsx_a_county_officer_can_filter(run: Run, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "oversikt.xlsx"
    result = run("overview", str(EXAMPLES), "--as-of", "2024-03-31", "--output", str(out))
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == [
        "Län",
        "Kommuner",
        "Organ",
        "Organtyper",
        "Nyckeltal",
        "Nyckeltal per kommun",
        "Nyckeltal per år",
    ]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title
    kommuner = book["Kommuner"]
    header = [c.value for c in kommuner[1]]
    assert header[:8] == [
        "Länskod",
        "Län",
        "Kommunkod",
        "Kommun",
        "Stadsdel",
        "Lägesbild",
        "Åtgärdsplan",
        "Samordningsfunktion",
    ]
    umea = next(r for r in kommuner.iter_rows(min_row=2) if r[3].value == "Umeå")
    cells = dict(zip(header, umea, strict=True))
    assert cells["Kommunkod"].value == "2480"  # a code stays text: 0114 keeps its zero
    assert cells["Lägesbild"].value == "inaktuell"
    assert cells["Försenade åtgärder"].value == 11
    assert cells["Försenade åtgärder"].number_format == "#,##0"
    assert cells["Senaste möte"].value == datetime(2021, 12, 21)
    assert cells["Senaste möte"].number_format == "yyyy-mm-dd"
    types = book["Organtyper"]
    share = next(c for c in types[1] if c.value == "Andel efter").column
    assert types.cell(row=2, column=share).value == 1.0
    assert types.cell(row=2, column=share).number_format == "0.0 %"
    values = book["Nyckeltal"]
    head = [c.value for c in values[1]]
    first = dict(zip(head, values[2], strict=True))
    assert isinstance(first["Värde"].value, (int, float))
    assert first["Värde"].number_format == "#,##0.0##"
    assert first["Skillnad mot riket"].number_format.startswith("+#,##0.0")
    # the same overview gives the same bytes
    again = tmp_path / "again.xlsx"
    run("overview", str(EXAMPLES), "--as-of", "2024-03-31", "--output", str(again))
    assert again.read_bytes() == out.read_bytes()


def test_xlsx_needs_a_file(run: Run) -> None:
    result = run("overview", str(EXAMPLES), "--format", "xlsx")
    assert result.exit_code == 2
    assert "--format xlsx skriver en fil: ange --output" in result.stderr


def _csv(data: bytes) -> list[dict[str, str]]:
    """Excel's Swedish CSV: a byte order mark, CRLF, semicolons."""
    text = data.decode("utf-8")
    assert text.startswith("\ufeff") and text.count("\r\n") == text.count("\n")
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))


def test_csv_for_excel(run: Run) -> None:
    result = run("overview", str(EXAMPLES), "--as-of", "2024-03-31")
    assert result.exit_code == 0, result.output
    rows = _csv(result.stdout_bytes)
    assert [r["Kommun"] for r in rows] == ["Göteborg", "Fagersta", "Norsjö", "Umeå"]
    assert rows[0]["Stadsdel"] == "Angered"
    assert rows[3]["Försenade åtgärder"] == "11"
    assert rows[3]["Senaste möte"] == "2021-12-21"
    english = run("overview", str(EXAMPLES), "--as-of", "2024-03-31", "--lang", "en")
    first = next(csv.DictReader(io.StringIO(english.stdout)))
    assert first["Municipality"] == "Göteborg" and first["Situation picture"] == "outdated"


def test_csv_files_for_every_table_in_a_folder(run: Run, tmp_path: Path) -> None:
    result = run(
        "overview", str(EXAMPLES), "--as-of", "2024-03-31", "-f", "csv", "--output", str(tmp_path)
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "oversikt-kommuner.csv",
        "oversikt-lan.csv",
        "oversikt-nyckeltal-per-ar.csv",
        "oversikt-nyckeltal-per-kommun.csv",
        "oversikt-nyckeltal.csv",
        "oversikt-organ.csv",
        "oversikt-organtyper.csv",
    ]
    values = _csv((tmp_path / "oversikt-nyckeltal.csv").read_bytes())
    fagersta = next(r for r in values if r["Kommun"] == "Fagersta" and r["Period"] == "2020")
    assert fagersta["Värde"] == "11777" and fagersta["Skillnad mot riket"] == "-21,9"


def _hostile(tmp_path: Path) -> Path:
    """Two plans: one with a body whose name would be a formula, one with a personnummer."""
    root = tmp_path / "planer"
    shutil.copytree(FIXTURES / "minimal", root / "a")
    shutil.copytree(EXAMPLES / "fagersta", root / "b")
    edit(root / "b" / "organisation.yaml", "namn: EST-gruppen", "namn: '=HYPERLINK(\"x\")'")
    edit(root / "b" / "organisation.yaml", "namn: Lokala BRÅ", "namn: Lokala BRÅ 811228-9874")
    return root


def test_formulas_are_text_and_personnummer_masked_in_every_format(
    run: Run, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    root = _hostile(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    for chosen in ("csv", "json", "html", "xlsx"):
        result = run("overview", str(root), "--as-of", "2021-06-30", "-f", chosen, "-o", str(out))
        assert result.exit_code == 0, result.output
    texts = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix != ".xlsx"}
    assert len(texts) == 9
    for name, text in texts.items():
        assert b"811228-9874" not in text, name
    for name in ("oversikt-organ.csv", "oversikt.json", "oversikt.html"):
        assert "Lokala BRÅ 811228-****".encode() in texts[name], name
    bodies = _csv(texts["oversikt-organ.csv"])
    assert '\'=HYPERLINK("x")' in [b["Organ"] for b in bodies]
    book = load_workbook(out / "oversikt.xlsx")
    names = [c.value for c in book["Organ"]["G"]]
    assert "Lokala BRÅ 811228-****" in names
    assert all("9874" not in str(c.value) for row in book["Organ"].iter_rows() for c in row)
    formula = next(c for c in book["Organ"]["G"] if str(c.value).endswith('("x")'))
    assert formula.data_type == "s"  # text, not a formula


def test_json_for_other_tools(run: Run) -> None:
    data = _json(run, str(EXAMPLES), "--as-of", "2021-03-31")
    assert data["version"] == 1 and data["within_days"] == 30 and data["county"] is None
    fagersta = next(p for p in data["plans"] if p["kommun"] == "Fagersta")
    assert fagersta["kommunkod"] == "1982" and fagersta["county"] == "Västmanlands län"
    assert fagersta["obligations"][0] == {
        "key": "lagesbild",
        "state": "current",
        "required": False,
        "required_from": "2023-07-01",
        "document": fagersta["obligations"][0]["document"],
        "current_until": fagersta["obligations"][0]["current_until"],
        "basis": fagersta["obligations"][0]["basis"],
    }
    assert fagersta["obligations"][0]["basis"] in ("revideras", "gäller_till", "rekommendation")
    est = next(b for b in fagersta["bodies"] if b["kind"] == "est_grupp")
    assert est["cadence"] == "varannan vecka, uppehåll 21 juni–15 augusti 2021"
    assert est["cadence_en"] == "every other week, break 21 June–15 August 2021"
    [crime] = [i for i in fagersta["indicators"] if i["series"] == "anmalda-brott-per-100000"]
    assert (crime["period"], crime["value"], crime["national"]) == ("2020", 11777, 15079)


def test_html_page_is_accessible_and_self_contained(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "oversikt.html"
    result = run("overview", str(EXAMPLES), "--as-of", "2024-03-31", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    parsed = parse_strict(text)
    assert parsed.count("table") == parsed.count("caption") == 7
    assert "http://" not in text and "https://" not in text and " src=" not in text
    heads = [a for t, a in parsed.attrs if t == "th"]
    assert all(a.get("scope") in ("col", "row") for a in heads)
    assert parsed.count("button") == len([a for a in heads if a.get("scope") == "col"])
    # the county's totals come first, with the total row apart from the sorted rows
    assert text.index('id="counties"') < text.index('id="kommuner"') < text.index('id="bodies"')
    assert '<tfoot>\n<tr><th scope="row">Alla län</th>' in text
    assert '<th scope="row">Umeå</th>' in text
    assert "31 mars 2024" in text and "15\u00a0079" in text and "−21,9\u00a0%" in text


@pytest.mark.parametrize(
    ("names", "lead"),
    [
        (["fagersta"], "</time>: 1 plan."),
        (["fagersta", "umea"], "</time>: 2 planer."),
    ],
)
def test_the_page_counts_its_plans_in_swedish(
    run: Run, tmp_path: Path, names: list[str], lead: str
) -> None:
    for name in names:
        shutil.copytree(EXAMPLES / name, tmp_path / "planer" / name)
    out = tmp_path / "oversikt.html"
    result = run("overview", str(tmp_path / "planer"), "--as-of", "2024-03-31", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert lead in out.read_text(encoding="utf-8")


def test_lan_keeps_one_county(run: Run) -> None:
    data = _json(run, str(EXAMPLES), "--as-of", "2021-03-31", "--lan", "24")
    assert data["county"] == "24"
    assert [p["kommun"] for p in data["plans"]] == ["Norsjö", "Umeå"]
    assert [c["county"] for c in data["counties"]] == ["Västerbottens län"]
    by_name = _json(run, str(EXAMPLES), "--as-of", "2021-03-31", "--lan", "Västerbottens län")
    assert by_name["plans"] == data["plans"]


def test_lan_14_keeps_the_kommuner_of_vastra_gotaland_by_the_register(run: Run) -> None:
    """Angered is a stadsdel of Göteborg (1480): the register puts it in län 14, by code or
    by the län's name as people write it."""
    data = _json(run, str(EXAMPLES), "--as-of", "2021-03-31", "--lan", "14")
    assert data["county"] == "14"
    assert [(p["kommun"], p["kommunkod"], p["district"]) for p in data["plans"]] == [
        ("Göteborg", "1480", "Angered")
    ]
    assert [c["county"] for c in data["counties"]] == ["Västra Götalands län"]
    for written in ("Västra Götaland", "västra götalands län", "Region Västra Götaland"):
        assert _json(run, str(EXAMPLES), "--as-of", "2021-03-31", "--lan", written) == data


def test_an_unknown_county_is_a_usage_error(run: Run) -> None:
    result = run("overview", str(EXAMPLES), "--lan", "99")
    assert result.exit_code == 2
    assert "Ogiltigt värde för '--lan': okänt län '99'. Välj en länskod: 01 Stockholms län" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Västra Götlands län", "Västra Götalands län (14)"),
        ("Vastmanland", "Västmanlands län (19)"),
        ("1480", "Västra Götalands län (14)"),  # a kommun's code or name: its län
        ("Göteborg", "Västra Götalands län (14)"),
    ],
)
def test_a_misspelt_county_gets_a_did_you_mean(run: Run, written: str, meant: str) -> None:
    result = run("overview", str(EXAMPLES), "--lan", written)
    assert result.exit_code == 2, result.output
    assert f"Ogiltigt värde för '--lan': okänt län '{written}'; menade du {meant}" in (
        result.stderr
    )
    assert "Välj en länskod: 01 Stockholms län, 03 Uppsala län" in result.stderr
    english = run("overview", str(EXAMPLES), "--lan", written, "--lang", "en")
    assert f"unknown county '{written}'; did you mean {meant}" in english.stderr


def test_no_plan_and_no_path_are_usage_errors(run: Run, tmp_path: Path) -> None:
    missing = run("overview", str(tmp_path / "nej"))
    assert missing.exit_code == 2 and "Sökvägen finns inte" in missing.stderr
    empty = run("overview", str(tmp_path))
    assert empty.exit_code == 2 and "Ingen plan hittades" in empty.stderr


def test_a_plan_with_errors_is_a_row_with_its_errors(run: Run, tmp_path: Path) -> None:
    root = tmp_path / "planer"
    shutil.copytree(EXAMPLES / "norsjo", root / "norsjo")
    shutil.copytree(FIXTURES / "minimal", root / "trasig")
    edit(root / "trasig" / "organisation.yaml", "organ:", "organ: 3\nx:")
    data = _json(run, str(root), "--as-of", "2021-03-31")
    broken = next(p for p in data["plans"] if p["path"].endswith("trasig"))
    assert broken["errors"] > 0
    norsjo = next(p for p in data["plans"] if p["path"].endswith("norsjo"))
    assert norsjo["errors"] == 0


def test_the_same_with_a_cache_and_with_several_processes(tmp_path: Path) -> None:
    window = Window(date(2024, 3, 31), 30)
    cold = overview_paths([EXAMPLES], window, jobs=1)
    warm = overview_paths([EXAMPLES], window, options=Options(cache=tmp_path), jobs=2)
    again = overview_paths([EXAMPLES], window, options=Options(cache=tmp_path), jobs=2)
    assert cold.plans == warm.plans == again.plans


def test_a_county_officer_s_first_use(run: Run, tmp_path: Path) -> None:
    """The README's command, as it is written there: a folder of the kommuner's plan
    repositories (``~/planer``), one county."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## För länet och landet\n", 1)[1].split("\n## ", 1)[0]
    [line] = [x for x in section.splitlines() if x.startswith("trygg overview ")]
    words = shlex.split(line)
    assert "~/planer" in words and "--lan" in words, line
    planer = tmp_path / "planer"
    for name in ("fagersta", "umea", "norsjo"):
        repo = planer / f"{name}-trygghetsplan"
        shutil.copytree(EXAMPLES / name, repo)
        (repo / ".git").mkdir()  # a clone: its .git folder holds no plan
    args = [str(planer) if a == "~/planer" else a for a in words[1:]]
    result = run(*args, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    out = tmp_path / "oversikt.html"
    text = out.read_text(encoding="utf-8")
    assert "<h1>Översikt: Västmanlands län</h1>" in text
    assert '<th scope="row">Fagersta</th>' in text and "Umeå" not in text


def test_columns_sort_in_a_browser(tmp_path: Path) -> None:
    """A click on a heading sorts the rows and says so in aria-sort; a second click reverses."""
    import subprocess

    from tests.chromium import CHROMIUM, MISSING

    assert CHROMIUM is not None, MISSING

    from typer.testing import CliRunner

    from trygghet_cli.cli.app import app

    page = tmp_path / "oversikt.html"
    CliRunner().invoke(app, ["overview", str(EXAMPLES), "--as-of", "2024-03-31", "-o", str(page)])
    clicks = (
        "<script>var b = document.querySelectorAll('#kommuner-table thead button');"
        "var overdue = Array.prototype.find.call(b, function (x) {"
        " return x.textContent === 'Försenat totalt'; });"
        "overdue.click(); document.body.setAttribute('data-first', "
        "document.querySelector('#kommuner-table tbody th').textContent); overdue.click();"
        "</script></body>"
    )
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", clicks), "utf-8")
    profile = tmp_path / "profile"
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    # ascending first (Fagersta has the fewest overdue, 24), then descending (Umeå, 36)
    assert 'data-first="Fagersta"' in dom
    table = dom[dom.index('id="kommuner-table"') :]
    assert table.index('<th scope="row">Umeå</th>') < table.index('<th scope="row">Fagersta</th>')
    assert 'aria-sort="descending"><button type="button" class="sort">Försenat totalt' in table
    assert table.count("aria-sort=") == 1
    assert "Sorterat efter Försenat totalt, fallande" in dom


# --- many plans: one at a time, in as many processes as there are cores -------------------


@pytest.mark.parametrize(
    "args",
    [
        ("overview", "--as-of", "2024-03-31", "--format", "json"),
        ("deadlines", "--as-of", "2024-03-31", "--format", "json", "--fail-on", "never"),
        ("compare", "--format", "csv"),
    ],
)
def test_the_same_from_a_pool_of_processes(
    run: Run, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """Every plan is read, summed up and let go in a worker process when there are many
    files; the output is the same byte for byte as from one process."""
    from trygghet_cli.checks import batch

    command, *rest = args
    alone = run(command, str(EXAMPLES), *rest)
    assert alone.exit_code == 0, alone.output
    monkeypatch.setattr(batch, "PARALLEL_MIN_FILES", 0)
    chosen: list[int] = []
    real = batch.check_plans

    def spy(plans: Any, options: Any, jobs: int, *more: Any) -> Any:
        chosen.append(jobs)
        return real(plans, options, jobs, *more)

    monkeypatch.setattr(batch, "check_plans", spy)
    pooled = run(command, str(EXAMPLES), *rest)
    assert (chosen and chosen[0] > 1) or batch.available_cores() == 1
    assert pooled.stdout_bytes == alone.stdout_bytes
